/**
 * A synthetic case and chronology for the render tests. Every name here is invented; the tests
 * check that none of them reaches a figure.
 */
import { caseSchema, type Case, type CaseInput } from '../../schemas/case.ts';
import type { ChronologyRow } from '../../pipeline/model.ts';

export const caseInput: CaseInput = {
  reference: 'SSCP-DHR-2017-01',
  csp: 'Sheffield Safer and Sustainable Communities Partnership',
  caseLetter: 'X',
  review: 'DHR',
  draft: 2,
  death: { date: '2017-03-14' },
  reviewPeriod: { start: '2015-03-01', end: '2017-03-14' },
  people: [
    { code: 'Adult X', role: 'victim', names: ['Jane Smith', 'Janie'], pseudonym: 'Anna', sex: 'female', age: 34, household: true },
    { code: 'Adult XAP', role: 'alleged perpetrator', names: ['Mark Davies'], relationship: 'partner', sex: 'male', age: 36, household: true },
    { code: 'Adult XEP', role: 'ex-partner', names: ['Gary Oldham'], relationship: 'ex-partner', sex: 'male', age: 40 },
    { code: 'Child XD', role: 'child', names: ['Lily Smith'], relationship: 'daughter', sex: 'female', age: 9, household: true, parents: ['Adult X', 'Adult XEP'] },
    { code: 'Child XE', role: 'child', names: ['Noah Davies'], relationship: 'son', sex: 'male', age: 3, household: true, parents: ['Adult X', 'Adult XAP'] },
    { code: 'Adult XM', role: 'family member', names: ['Margaret Smith'], pseudonym: 'Rose', relationship: 'mother', sex: 'female', age: 61 },
    { code: 'Adult XS', role: 'family member', names: ['Claire Booth'], relationship: 'sister', sex: 'female', age: 31, parents: ['Adult XM'] },
    { code: 'Adult XF', role: 'friend', names: ['Tracey Hill'], relationship: 'friend', sex: 'female' },
  ],
  professionals: [{ code: 'HV1', title: 'Health Visitor', names: ['Helen Price'] }],
  places: [{ names: ['12 Crookes Road'], replacement: 'the family home' }],
};

export function fixtureCase(overrides: Partial<CaseInput> = {}): Case {
  return caseSchema.parse({ ...caseInput, ...overrides });
}

/** Every real name of every person and professional, and each part of it. */
export function realNames(c: Case): string[] {
  const names = [...c.people.flatMap((p) => p.names), ...c.professionals.flatMap((p) => p.names)];
  return [...new Set([...names, ...names.flatMap((n) => n.split(/\s+/))])];
}

function row(agency: string, dateFrom: string, event: string, extra: Partial<ChronologyRow> = {}): ChronologyRow {
  return {
    agency,
    dateFrom,
    clientCode: 'Adult X',
    staffCode: 'PC1',
    source: 'case notes',
    event,
    clientSeen: 'Yes',
    action: 'None',
    place: { file: `chronologies/${agency.toLowerCase().replace(/\W+/g, '-')}.xlsx`, sheet: 'Chronology', line: 0 },
    ...extra,
  };
}

/** Three agencies' rows, each agency's file in its own order, deliberately interleaved in time. */
export function fixtureRows(): ChronologyRow[] {
  const police = [
    row('South Yorkshire Police', '2016-02-10', 'Call from neighbour about shouting', { action: 'Officers attended; DASH risk assessment standard' }),
    row('South Yorkshire Police', '2015-06-01', 'Report of criminal damage', { dateTo: '2015-06-03' }),
    row('South Yorkshire Police', '2017-01-20', 'Domestic incident <reported> & logged', { action: 'Referral to MARAC' }),
  ];
  const gp = [
    row('GP', '2015-06-01', 'Consultation: low mood', { staffCode: 'GP 1' }),
    row('GP', '2016-09-15', 'Consultation: injury to arm', { staffCode: 'GP 2', dateTo: '2016-10-20' }),
    row('GP', '2014-11-02', 'Registration health check', { staffCode: 'GP 1' }),
  ];
  const health = [
    row('Sheffield Children’s NHS Foundation Trust', '2016-02-10', 'Health visitor home visit', { staffCode: 'HV1' }),
    row('Sheffield Children’s NHS Foundation Trust', '2015-06-01', 'New birth visit', { staffCode: 'HV1' }),
  ];
  const rows = [...police, ...gp, ...health];
  return rows.map((r, i) => ({ ...r, place: { ...r.place, line: i + 2 } }));
}

import type { Figure, Marking, ReportDocument } from '../../pipeline/assemble/types.ts';
import type { RootContent } from 'mdast';

const paragraph = (value: string): RootContent => ({ type: 'paragraph', children: [{ type: 'text', value }] });

/** A long paragraph, so the report runs over more than one page. */
export function filler(n: number): RootContent[] {
  return Array.from({ length: n }, (_, i) =>
    paragraph(`Paragraph ${i + 1}. The panel considered the agencies' records of contact with Anna and the way information was shared between them over the review period, and what each agency knew about the risk she faced.`),
  );
}

export function fixtureReport(marking: Marking, figures: Figure[] = []): ReportDocument {
  return {
    kind: 'overview-report',
    titlePage: {
      csp: 'Sheffield Safer and Sustainable Communities Partnership',
      reviewType: 'Domestic Homicide Review',
      documentTitle: 'Overview Report',
      subject: 'Anna',
      deathMonth: 'March 2017',
      author: 'Independent Chair',
    },
    marking,
    figures,
    prompts: [{ section: 'timescales', text: '[To be completed: explain any reasons for delay]' }],
    sections: [
      {
        id: 'introduction',
        title: 'Introduction',
        content: [
          paragraph('This report of a domestic homicide review examines agency responses to Anna <script>alert(1)</script> & her family.'),
          { type: 'html', value: '<script>alert("raw")</script>' },
          {
            type: 'paragraph',
            children: [
              { type: 'text', value: 'The review was asked to look at risk assessment.' },
              { type: 'footnoteReference', identifier: 'dhr2016', label: 'dhr2016' },
              { type: 'text', value: ' See ' },
              { type: 'link', url: 'javascript:alert(2)', children: [{ type: 'text', value: 'this link' }] },
              { type: 'text', value: '.' },
            ],
          },
          { type: 'footnoteDefinition', identifier: 'dhr2016', label: 'dhr2016', children: [paragraph('Home Office statutory guidance, 2016, section 7.') as never] },
        ],
      },
      {
        id: 'timescales',
        title: 'Timescales',
        content: [paragraph('This review began in May 2017. [To be completed: explain any reasons for delay] The panel met six times.')],
      },
      {
        id: 'chronology',
        title: 'Chronology',
        content: [
          { type: 'heading', depth: 1, children: [{ type: 'text', value: 'Background' }] },
          ...filler(8),
          { type: 'paragraph', children: [{ type: 'image', url: 'figure:timeline', alt: 'timeline' }] },
          {
            type: 'table',
            align: [null, null],
            children: [
              { type: 'tableRow', children: [{ type: 'tableCell', children: [{ type: 'text', value: 'Agency' }] }, { type: 'tableCell', children: [{ type: 'text', value: 'Contacts' }] }] },
              { type: 'tableRow', children: [{ type: 'tableCell', children: [{ type: 'text', value: 'Police' }] }, { type: 'tableCell', children: [{ type: 'text', value: '3 < 4' }] }] },
            ],
          },
          ...filler(8),
        ],
        subsections: [{ id: 'family', title: 'The family', content: [{ type: 'paragraph', children: [{ type: 'image', url: 'figure:genogram', alt: 'genogram' }] }] }],
      },
      { id: 'action-plan', title: 'Action plan', appendix: true, content: [paragraph('See the action plan workbook.')] },
    ],
  };
}
