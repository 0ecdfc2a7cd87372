/**
 * Report models for the Word renderer's tests, written as a chair would write them (Markdown
 * parsed with remark-parse and remark-gfm, as the pipeline does), and a small real PNG.
 */
import { deflateSync, crc32 } from 'node:zlib';
import type { RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Figure, Marking, ReportDocument, ReportSection, TitlePage } from '../../pipeline/assemble/types.ts';

export function markdown(source: string): RootContent[] {
  return unified().use(remarkParse).use(remarkGfm).parse(source).children;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** A real RGB PNG of `width` × `height`: a horizontal colour gradient, one lane per row band. */
export function makePng(width: number, height: number): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x += 1) {
      row[1 + x * 3] = Math.round((255 * x) / Math.max(1, width - 1));
      row[2 + x * 3] = (y * 37) % 256;
      row[3 + x * 3] = 128;
    }
    rows.push(row);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(
    Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', new Uint8Array())]),
  );
}

export const timeline: Figure = {
  id: 'timeline',
  title: 'Agency contacts over the review period',
  svg: '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="48"/>',
  png: makePng(64, 48),
  width: 640,
  height: 480,
  alt: 'Timeline of agency contacts with Adult X from January 2015 to March 2017; police contacts cluster in late 2016.',
};

export const titlePage: TitlePage = {
  csp: 'Sheffield Safer and Sustainable Communities Partnership',
  reviewType: 'Domestic Homicide Review',
  documentTitle: 'Overview Report',
  subject: 'Adult X',
  deathMonth: 'March 2017',
  author: 'J. Example, Independent Chair',
  completed: 'November 2017',
};

export const draftMarking: Marking = { classification: 'OFFICIAL', draft: 2 };
export const publicationMarking: Marking = { classification: null };
export const sirMarking: Marking = { classification: 'OFFICIAL', draft: 1, watermark: 'RESTRICTED' };

function section(id: string, title: string, source: string, extra: Partial<ReportSection> = {}): ReportSection {
  return { id, title, content: markdown(source), ...extra };
}

export function overviewReport(marking: Marking = draftMarking): ReportDocument {
  const sections: ReportSection[] = [
    section(
      'introduction',
      'Introduction',
      [
        'This report of a domestic homicide review examines agency responses and support given to *Adult X*, a resident of Sheffield, prior to the point of her death in **March 2017**.',
        '',
        'The review follows the [Home Office statutory guidance](https://www.gov.uk/government/publications/revised-statutory-guidance-for-the-conduct-of-domestic-homicide-reviews) and the local guide.[^guidance] See also the [terms of reference](#terms-of-reference).',
        '',
        '[^guidance]: Multi-agency statutory guidance for the conduct of domestic homicide reviews, Home Office, 2016, section 7.',
      ].join('\n'),
    ),
    section('timescales', 'Timescales', 'This review began on [To be completed: the date the review began] and was concluded in November 2017.'),
    section(
      'terms-of-reference',
      'Terms of reference',
      [
        'The panel agreed these lines of enquiry:',
        '',
        '1. What did each agency know about the abuse?',
        '   - contacts with the police',
        '   - contacts with the GP',
        '2. Were risk assessments completed?',
        '3. Was information shared between agencies?',
        '',
        'Agencies were also asked:',
        '',
        '1. Whether their staff had training in domestic abuse.',
        '2. Whether their policies were followed.',
      ].join('\n'),
    ),
    section(
      'chronology',
      'Chronology',
      [
        'The timeline below shows every agency contact.',
        '',
        '![Agency contacts](figure:timeline)',
        '',
        '| Date | Agency | Event |',
        '| --- | :---: | --- |',
        '| January 2016 | Police | Domestic incident reported by a neighbour |',
        '| June 2016 | GP | Adult X attended with bruising; no enquiry about abuse |',
        '| December 2016 | Housing | Request to move <unclear> & urgent |',
      ].join('\n'),
      {
        subsections: [
          section(
            'chronology-police',
            'South Yorkshire Police',
            [
              '### Contacts in 2016',
              '',
              '> The officer recorded that Adult X "did not want to make a statement".',
              '',
              'The DASH risk assessment was scored as `standard`; ~~no referral~~ a referral to MARAC was not made.',
              '',
              '---',
              '',
              '```',
              'DASH score: 9',
              '  risk level: standard',
              '```',
            ].join('\n'),
          ),
        ],
      },
    ),
    section('recommendations', 'Recommendations', '- All agencies to review their domestic abuse training.\n- [ ] Police to audit DASH completion.'),
    section(
      'action-plan',
      'Action plan',
      ['| Recommendation | Agency | Action | Lead | Target date |', '| --- | --- | --- | --- | --- |', '| 1 | Police | Audit DASH completion | Superintendent | March 2018 |'].join('\n'),
      { appendix: true },
    ),
    section('merged-chronology', 'Merged chronology', 'The merged chronology is in the spreadsheet merged-chronology.xlsx.', { appendix: true }),
  ];
  return {
    kind: 'overview-report',
    titlePage,
    marking,
    sections,
    figures: [timeline],
    prompts: [{ section: 'timescales', text: '[To be completed: the date the review began]' }],
  };
}
