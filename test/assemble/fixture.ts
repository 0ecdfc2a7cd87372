/**
 * A case folder built in code: a small but complete DHR whose IMRs, chronologies and chair's
 * sections use the real names of the key, so the tests can prove none of them survives.
 */
import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { caseSchema, type CaseInput } from '../../schemas/case.ts';
import type { CaseFolder, ChronologyRow, ImrDocument, ImrSectionId } from '../../pipeline/model.ts';
import { imrSectionTitles } from '../../pipeline/model.ts';

export function markdown(source: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(source) as Root;
}

/** Real names and places of the fixture's key: none may appear in a report. */
export const realNames = [
  'Jane Smith',
  'Janie',
  'Jane',
  'Smith',
  'Mark Davies',
  'Davies',
  'Lily Davies',
  'Lily',
  'Helen Price',
  'Price',
  'Rajesh Kumar',
  'Kumar',
  'Crookes Road',
  'Hillsborough Park',
];

/** Names the reports must print as they are: the chair and the panel. */
export const panelNames = ['Margaret Ellis', 'Susan Walker', 'Peter Hughes'];

export function caseInput(overrides: Partial<CaseInput> = {}): CaseInput {
  return {
    reference: 'SSCP-DHR-2017-01',
    csp: 'Sheffield Safer and Sustainable Communities Partnership',
    caseLetter: 'X',
    review: 'DHR',
    area: 'Sheffield',
    death: { date: '2017-03-14', place: 'the family home' },
    reviewPeriod: { start: '2015-03-01', end: '2017-03-14', reason: 'the two years before the death, when agencies had most contact' },
    people: [
      {
        code: 'Adult X',
        role: 'victim',
        names: ['Jane Smith', 'Janie Smith', 'Janie'],
        pseudonym: 'Anna',
        sex: 'female',
        age: 34,
        household: true,
        dataForm: { gender: 'Female', ethnicity: 'English, Welsh, Scottish, Northern Irish or British', relationship: 'Partner', nationality: 'British' },
      },
      {
        code: 'Adult XAP',
        role: 'perpetrator',
        names: ['Mark Davies'],
        sex: 'male',
        age: 38,
        household: true,
        relationship: 'partner',
        dataForm: { gender: 'Male', relationship: 'Partner' },
      },
      { code: 'Child XD', role: 'child', names: ['Lily Davies'], relationship: 'daughter', age: 6, household: true, parents: ['Adult X', 'Adult XAP'] },
    ],
    professionals: [
      { code: 'HV1', title: 'Health Visitor', names: ['Helen Price'], agency: 'Sheffield Children NHS Foundation Trust' },
      { code: 'GP1', title: 'General Practitioner', names: ['Rajesh Kumar'], agency: 'GP practice' },
    ],
    places: [
      { names: ['12 Crookes Road', 'Crookes Road'], replacement: 'the family home' },
      { names: ['Hillsborough Park'], replacement: 'a local park' },
    ],
    agencies: [
      { name: 'South Yorkshire Police', short: 'Police', imrAuthor: { role: 'Detective Inspector', independent: true, independence: 'No involvement with the case or the officers concerned' } },
      { name: 'GP practice', short: 'GP', imrAuthor: { role: 'Named GP for safeguarding' } },
      { name: 'Sheffield Homes', imrRequired: false, involvement: 'the victim was a tenant' },
    ],
    panel: [
      { name: 'Susan Walker', role: 'Detective Chief Inspector', agency: 'South Yorkshire Police' },
      { name: 'Peter Hughes', role: 'Head of Safeguarding', agency: 'NHS Sheffield CCG' },
    ],
    chair: { name: 'Margaret Ellis', independence: 'She has never worked for any agency in Sheffield.', career: 'A former probation officer with twenty years of experience.' },
    termsOfReference: [
      'What did agencies know of the domestic abuse Anna experienced?',
      { text: 'Were risk assessments completed and shared?', keywords: ['DASH', 'MARAC'] },
    ],
    dates: {
      notification: '2017-03-20',
      decision: '2017-04-03',
      homeOfficeNotified: '2017-04-10',
      panelMeetings: ['2017-05-02', '2017-07-04', '2017-09-05'],
      criminalProceedings: { charged: '2017-03-16', sentence: '2017-10-20', outcome: 'convicted of murder and sentenced to life imprisonment' },
    },
    dissemination: ['The family of Anna', 'The Police and Crime Commissioner'],
    dataForm: { policeForce: 'South Yorkshire Police', methodOfKilling: 'Sharp instrument' },
    ...overrides,
  };
}

function imr(agency: string, file: string, sections: Partial<Record<ImrSectionId, string>>): ImrDocument {
  const parsed = Object.entries(sections).map(([id, body]) => ({
    id: id as ImrSectionId,
    heading: imrSectionTitles[id as ImrSectionId],
    children: markdown(body).children as RootContent[],
  }));
  const tree = markdown(Object.entries(sections).map(([id, body]) => `# ${imrSectionTitles[id as ImrSectionId]}\n\n${body}`).join('\n\n'));
  return {
    file,
    format: 'md',
    agency,
    cover: { agency, authorRole: 'Detective Inspector', other: {} },
    front: [],
    sections: parsed,
    missing: (['introduction', 'family', 'chronology', 'analysis', 'conclusions', 'recommendations'] as ImrSectionId[]).filter((id) => !(id in sections)),
    tree,
  };
}

function row(agency: string, dateFrom: string, event: string, extra: Partial<ChronologyRow> = {}): ChronologyRow {
  return { agency, dateFrom, clientCode: 'Adult X', staffCode: '', source: 'case notes', event, clientSeen: 'Yes', action: '', place: { file: 'x' }, ...extra };
}

export interface FixtureOptions {
  case?: Partial<CaseInput>;
  report?: Record<string, string>;
}

export function fixtureFolder(options: FixtureOptions = {}): CaseFolder {
  const c = caseSchema.parse(caseInput(options.case));
  const report = Object.entries(
    options.report ?? {
      '04-analysis.md': '# Analysis\n\nJane Smith told HV1 about the abuse; Helen Price did not refer her to MARAC.\n\n## Term of reference 1\n\nAgencies knew little.',
      'conclusions.md': '# Conclusions\n\nThe review concludes that Mr Davies was controlling.\n\n# Lessons to be learnt\n\nRoutine enquiry must happen.',
      'executive-summary-key-issues.md': 'Key issue one: Janie was not asked about abuse.',
      'notes.md': '# Things to remember\n\nCall the co-ordinator.',
    },
  ).map(([file, source]) => ({ file: `report/${file}`, name: file.replace(/\.md$/, ''), tree: markdown(source) }));
  return {
    dir: '/tmp/fixture-case',
    caseFile: '/tmp/fixture-case/case.yaml',
    case: c,
    imrs: [
      imr('South Yorkshire Police', 'imrs/police.md', {
        introduction: 'South Yorkshire Police polices Sheffield.',
        family: 'Jane Smith lived at 12 Crookes Road with Mark Davies and their daughter Lily.',
        chronology: '## 2016\n\nOn 3 June 2016 officers attended 12 Crookes Road after Mr Davies shouted at Jane.',
        analysis: 'The DASH risk assessment was completed.',
        conclusions: 'Officers acted in line with policy.',
        recommendations: '1. South Yorkshire Police to train officers in coercive control by March 2018.',
      }),
      imr('GP practice', 'imrs/gp.md', {
        introduction: 'The GP practice.',
        family: 'Dr Kumar saw Janie and Lily often.',
        analysis: 'GP1 did not ask about abuse.',
      }),
    ],
    chronologies: [
      {
        file: 'chronologies/police.xlsx',
        agency: 'South Yorkshire Police',
        header: {},
        rows: [row('South Yorkshire Police', '2016-06-03', 'Attended 12 Crookes Road; Mark Davies arrested'), row('South Yorkshire Police', '2015-04-01', 'Call from Jane Smith', { clientSeen: 'No' })],
      },
      {
        file: 'chronologies/gp.csv',
        agency: 'GP practice',
        header: {},
        rows: [row('GP practice', '2016-01-10', 'Seen by Dr Kumar with bruising'), row('GP practice', '2016-06-03', 'Phone call from Helen Price'), row('GP practice', '2017-02-01', 'Appointment, Lily seen')],
      },
    ],
    report,
  };
}
