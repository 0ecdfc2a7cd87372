/**
 * Generate the binary files of the sample case samples/adult-x/: three IMRs as Word files
 * (docx) and four chronologies as Excel workbooks (exceljs, Template 20 layout).
 *
 *   npm run samples            writes into samples/adult-x/
 *   tsx samples/generate.ts DIR  writes into DIR/ (imrs/ and chronologies/ beneath it)
 *
 * The output is deterministic: every date inside the files is fixed (document properties,
 * comment and revision dates, workbook properties), and each package is re-zipped with a fixed
 * timestamp and a fixed entry order, so running the script twice gives the same bytes — the
 * test in test/samples/ checks the committed files against a fresh run.
 *
 * The case is wholly fictional (see samples/adult-x/README.md). The Word files deliberately
 * contain what real agency papers contain and the anonymiser must find: real names (split across
 * runs, in comments, tracked changes, headers, footers, footnotes and document properties),
 * a postcode, telephone numbers, an e-mail address, NHS numbers and dates of birth.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  AlignmentType,
  BorderStyle,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  InsertedTextRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type ICommentOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { writeFilesAtomic } from '../pipeline/files.ts';

/** Where `npm run samples` writes. */
export const sampleCaseDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'adult-x');

/** One generated file: its path relative to the case folder, and its bytes. */
export interface GeneratedFile {
  path: string;
  data: Uint8Array;
}

/**
 * The zip entries' timestamp. fflate writes DOS times from the Date's *local* fields, so this is
 * built from local fields on purpose: the bytes are then the same in every time zone.
 */
const zipTime = new Date(2017, 8, 1, 9, 0, 0);

/** Build every binary file of the sample case, in memory. */
export async function buildSamples(): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  for (const imr of [policeImr(), gpImr(), housingImr()]) {
    const bytes = new Uint8Array(await Packer.toBuffer(imr.document));
    files.push({ path: `imrs/${imr.file}`, data: normalisePackage(bytes, imr.created, imr.modified) });
  }
  for (const chronology of chronologies) {
    const bytes = new Uint8Array((await chronologyWorkbook(chronology).xlsx.writeBuffer()) as ArrayBuffer);
    files.push({ path: `chronologies/${chronology.file}`, data: normalisePackage(bytes) });
  }
  return files;
}

/** Write every binary file of the sample case into `outDir` (default samples/adult-x/). */
export async function generateSamples(outDir: string = sampleCaseDir): Promise<string[]> {
  const files = await buildSamples();
  await writeFilesAtomic(files.map((f) => ({ path: path.join(outDir, f.path), data: f.data })));
  return files.map((f) => f.path);
}

/**
 * Re-zip an OOXML package deterministically: [Content_Types].xml first, then the parts in the
 * order the library wrote them, folder entries dropped, every timestamp fixed; for a Word file
 * the created and modified dates in docProps/core.xml (which docx always sets to "now") are
 * replaced by the given ones.
 */
export function normalisePackage(bytes: Uint8Array, created?: string, modified?: string): Uint8Array {
  const parts = unzipSync(bytes);
  const names = Object.keys(parts).filter((n) => !n.endsWith('/'));
  const ordered = [...names.filter((n) => n === '[Content_Types].xml'), ...names.filter((n) => n !== '[Content_Types].xml')];
  const out: Zippable = {};
  for (const name of ordered) {
    let data = parts[name];
    if (name === 'docProps/core.xml' && created && modified) {
      data = strToU8(
        strFromU8(data)
          .replace(/(<dcterms:created\b[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${created}$2`)
          .replace(/(<dcterms:modified\b[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${modified}$2`),
      );
    }
    out[name] = [data, { mtime: zipTime }];
  }
  return zipSync(out, { level: 6, mtime: zipTime });
}

// =============================================================================================
// Word: a small vocabulary for writing IMRs as agencies do

type Inline = string | ParagraphChild;

function runOf(part: Inline): ParagraphChild {
  return typeof part === 'string' ? new TextRun(part) : part;
}

/** A paragraph of text and runs. */
function p(...parts: Inline[]): Paragraph {
  return new Paragraph({ children: parts.map(runOf), spacing: { after: 120 } });
}

function h1(text: string): Paragraph {
  return new Paragraph({ text, heading: HeadingLevel.HEADING_1, spacing: { before: 240, after: 120 } });
}

function h2(text: string): Paragraph {
  return new Paragraph({ text, heading: HeadingLevel.HEADING_2, spacing: { before: 200, after: 100 } });
}

function title(text: string, size = 32): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [new TextRun({ text, bold: true, size })] });
}

function bullet(...parts: Inline[]): Paragraph {
  return new Paragraph({ children: parts.map(runOf), bullet: { level: 0 }, spacing: { after: 60 } });
}

function b(text: string): TextRun {
  return new TextRun({ text, bold: true });
}

/** Text in two runs with different formatting, as Word leaves it after an edit or a paste. */
function split(first: string, second: string, secondFormat: IRunOptions = { font: 'Calibri' }): TextRun[] {
  return [new TextRun(first), new TextRun({ ...secondFormat, text: second } as IRunOptions)];
}

/** A "Label: value" line of a cover block, the label in bold. */
function label(name: string, value: Inline | Inline[] = '', tab = false): Paragraph {
  const values = Array.isArray(value) ? value : [value];
  return new Paragraph({
    tabStops: tab ? [{ type: TabStopType.LEFT, position: 2800 }] : undefined,
    spacing: { after: 80 },
    children: [b(`${name}:`), new TextRun(tab ? '\t' : ' '), ...values.filter((v) => v !== '').map(runOf)],
  });
}

function cell(content: Inline | Inline[], options: { header?: boolean; width?: number } = {}): TableCell {
  const parts = Array.isArray(content) ? content : [content];
  return new TableCell({
    width: options.width ? { size: options.width, type: WidthType.PERCENTAGE } : undefined,
    shading: options.header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'D9E2F3' } : undefined,
    children: [new Paragraph({ children: parts.map((x) => (typeof x === 'string' && options.header ? b(x) : runOf(x))) })],
  });
}

/** A table with a header row; cells are text or runs. */
function table(header: string[], rows: (Inline | Inline[])[][], widths?: number[]): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, n) => cell(h, { header: true, width: widths?.[n] })) }),
      ...rows.map((row) => new TableRow({ children: row.map((c, n) => cell(c, { width: widths?.[n] })) })),
    ],
  });
}

/** A two-column cover table: label | value. */
function coverTable(rows: [string, Inline | Inline[]][]): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: rows.map(
      ([name, value]) =>
        new TableRow({ children: [cell(name, { header: true, width: 30 }), cell(value, { width: 70 })] }),
    ),
  });
}

/**
 * The review marks of one document: comments, tracked changes and footnotes, numbered as Word
 * numbers them. Every date is fixed.
 */
class Marks {
  readonly comments: ICommentOptions[] = [];
  readonly footnotes: Record<string, { children: Paragraph[] }> = {};
  private revision = 1;
  private footnoteCount = 0;

  /** Text wrapped in a comment by `author`. */
  comment(anchor: Inline[], author: string, initials: string, date: Date, text: string): ParagraphChild[] {
    const id = this.comments.length;
    this.comments.push({ id, author, initials, date, children: [new Paragraph(text)] });
    return [new CommentRangeStart(id), ...anchor.map(runOf), new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })];
  }

  inserted(text: string, author: string, date: string): InsertedTextRun {
    return new InsertedTextRun({ text, id: this.revision++, author, date });
  }

  deleted(text: string, author: string, date: string): DeletedTextRun {
    return new DeletedTextRun({ text, id: this.revision++, author, date });
  }

  footnote(text: string): FootnoteReferenceRun {
    this.footnoteCount++;
    this.footnotes[String(this.footnoteCount)] = { children: [new Paragraph(text)] };
    return new FootnoteReferenceRun(this.footnoteCount);
  }
}

interface ImrFile {
  file: string;
  document: Document;
  /** W3CDTF dates for docProps/core.xml. */
  created: string;
  modified: string;
}

interface ImrOptions {
  file: string;
  creator: string;
  lastModifiedBy: string;
  title: string;
  description?: string;
  revision: number;
  created: string;
  modified: string;
  header: Paragraph[];
  footer: Paragraph[];
  marks: Marks;
  children: (Paragraph | Table)[];
}

function imrDocument(o: ImrOptions): ImrFile {
  const document = new Document({
    creator: o.creator,
    lastModifiedBy: o.lastModifiedBy,
    title: o.title,
    description: o.description,
    revision: o.revision,
    comments: { children: o.marks.comments },
    footnotes: o.marks.footnotes,
    styles: {
      default: {
        document: { run: { font: 'Arial', size: 22 } },
        heading1: { run: { font: 'Arial', size: 28, bold: true, color: '1F3864' } },
        heading2: { run: { font: 'Arial', size: 24, bold: true, color: '1F3864' } },
      },
    },
    sections: [
      {
        headers: { default: new Header({ children: o.header }) },
        footers: { default: new Footer({ children: o.footer }) },
        children: o.children,
      },
    ],
  });
  return { file: o.file, document, created: o.created, modified: o.modified };
}

function pageFooter(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ text: `${text}    Page `, size: 16 }), new TextRun({ children: [PageNumber.CURRENT], size: 16 }), new TextRun({ text: ' of ', size: 16 }), new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16 })],
  });
}

function marking(text: string, extra?: string): Paragraph[] {
  const out = [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold: true, size: 20 })] })];
  if (extra) out.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: extra, size: 16 })] }));
  return out;
}

/** The template's standard opening words (Template 2, Section 1). */
function standardIntroduction(organisation: string): Paragraph[] {
  return [
    p(
      `This individual management review report of ${organisation} is produced in accordance with Sheffield Safer and Sustainable Communities Partnership’s procedure for conducting a Domestic Homicide Review. It will form part of a multi-agency Domestic Homicide Review overview report.`,
    ),
    p(
      'This report has been prepared following a review of the care and services provided to the homicide victim, perpetrator, and members of their family and household. Its purpose is to look openly and critically at individual and organisational practice to see whether the case indicates changes could and should be made, and if so, to identify how those changes will be brought about.',
    ),
  ];
}

/** The terms of reference as agreed by the panel (the same words as case.yaml). */
const termsOfReference: [string, string][] = [
  ['ToR1', 'Establish what each agency knew, or should have known, about domestic abuse in the relationship between Adult X and Adult XAP, and whether it was recognised and acted upon.'],
  ['ToR2', 'Examine whether risk was identified and assessed using the DASH risk identification checklist, whether it was escalated appropriately, including referral to MARAC, and whether the MARAC actions were completed.'],
  ['ToR3', 'Consider whether practitioners recognised coercive and controlling behaviour, including economic abuse and isolation from family and friends, and how they responded to it.'],
  ['ToR4', 'Examine how information was shared within and between agencies and whether it reached the practitioners who needed it.'],
  ['ToR5', 'Consider how the needs, safety and voices of Child XD and Child XS were identified and addressed.'],
  ['ToR6', 'Examine the response to Adult XAP as a perpetrator, including the use of police powers and sanctions (arrest, charge, bail, DVPN/DVPO), the Domestic Violence Disclosure Scheme and any perpetrator intervention.'],
  ['ToR7', 'As Adult X and Adult XAP were social housing tenants, examine the landlord’s response to repairs, rent arrears and the request to move, and whether routine screening for domestic abuse took place.'],
  ['ToR8', 'Consider whether any barriers, including those relating to the protected characteristics under the Equality Act 2010, affected Adult X’s access to services; and what family, friends, colleagues and the community knew and how they could be helped to act.'],
];

function termsOfReferenceList(): Paragraph[] {
  return termsOfReference.map(([id, text]) => p(b(`${id}. `), text));
}

// =============================================================================================
// Excel: chronologies in the Template 20 layout

/** A chronology date: an Excel date cell (y, m, d) or text exactly as an agency typed it. */
type ChronologyDate = [number, number, number] | string;

interface ChronologyEntry {
  from: ChronologyDate;
  to?: ChronologyDate;
  client: string;
  staff: string;
  source: string;
  event: string;
  seen: string;
  action: string;
}

interface ChronologySpec {
  file: string;
  agency: string;
  /** What the Agency column says on each row (agencies abbreviate). */
  agencyColumn: string;
  completedBy: string;
  creator: string;
  /** Workbook created / modified, UTC. */
  created: Date;
  modified: Date;
  sheet: string;
  /** How this agency laid out its header rows. */
  layout: 'template' | 'title-row' | 'label-in-cell' | 'no-completed-by';
  /** The column row as this agency typed it. */
  columns: string[];
  rows: ChronologyEntry[];
}

export const chronologyColumns = ['Agency', 'Date from', 'Date to', 'Client code', 'Staff code', 'Source of information', 'Event', 'Client seen', 'Action'];

/** The guidance notes the Sheffield template keeps as comments on its column headings (Template 20). */
const templateNotes: Record<string, string> = {
  'Date to': 'Sheffield City Council:\nEnter the date the event finished e.g. discharge from hospital.\nLeave blank if event took place in a single day.',
  'Client code': 'Sheffield City Council:\nUse initials to refer to victim, perpetrator or member of their family / household.\nThese are indicated on the terms of reference.',
  'Source of information': 'Sheffield City Council:\nState the origin of information e.g. case notes, interview with staff, meeting minutes',
  Event: 'Sheffield City Council:\nbriefly summarise the event that took place e.g. a telephone call and what was discussed.',
  'Client seen': 'Sheffield City Council:\nFor the victim(s) of domestic violence, state yes/no if they were seen in person.',
  Action: 'Sheffield City Council:\ndetail any further outcome from the event e.g. discussion with team manager, referral made to other agency, further appointment offered.',
};

function chronologyWorkbook(spec: ChronologySpec): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = spec.creator;
  workbook.lastModifiedBy = spec.creator;
  workbook.created = spec.created;
  workbook.modified = spec.modified;
  workbook.title = `DHR Adult X – chronology – ${spec.agency}`;
  const sheet = workbook.addWorksheet(spec.sheet);
  sheet.columns = [
    { width: 28 },
    { width: 12 },
    { width: 12 },
    { width: 20 },
    { width: 12 },
    { width: 26 },
    { width: 70 },
    { width: 12 },
    { width: 40 },
  ];

  const caseName = 'Adult X (SSCP-DHR-2017-03)';
  switch (spec.layout) {
    case 'template':
      sheet.addRow(['DHR case:', caseName]);
      sheet.addRow(['Agency:', spec.agency]);
      sheet.addRow(['Person completing chronology:', spec.completedBy]);
      sheet.addRow([]);
      break;
    case 'title-row':
      sheet.addRow(['CHRONOLOGY OF AGENCY INVOLVEMENT – STRICTLY CONFIDENTIAL']);
      sheet.mergeCells('A1:I1');
      sheet.addRow([]);
      sheet.addRow(['DHR Case:', caseName]);
      sheet.addRow(['Agency:', spec.agency]);
      sheet.addRow(['Person Completing Chronology:', spec.completedBy]);
      sheet.addRow([]);
      break;
    case 'label-in-cell':
      sheet.addRow([`DHR case: ${caseName}`]);
      sheet.addRow([`Agency: ${spec.agency}`]);
      sheet.addRow([`Person completing chronology: ${spec.completedBy}`]);
      break;
    case 'no-completed-by':
      sheet.addRow(['DHR case:', caseName]);
      sheet.addRow(['Agency:', spec.agency]);
      sheet.addRow([]);
      break;
  }

  const columnRow = sheet.addRow(spec.columns);
  columnRow.font = { bold: true };
  columnRow.alignment = { wrapText: true, vertical: 'top' };
  columnRow.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
    c.border = { bottom: { style: 'thin' } };
  });
  if (spec.layout === 'template') {
    spec.columns.forEach((name, n) => {
      const note = templateNotes[name];
      if (note) columnRow.getCell(n + 1).note = note;
    });
  }

  for (const entry of spec.rows) {
    const row = sheet.addRow([
      spec.agencyColumn,
      chronologyCellValue(entry.from),
      entry.to === undefined ? null : chronologyCellValue(entry.to),
      entry.client,
      entry.staff,
      entry.source,
      entry.event,
      entry.seen,
      entry.action,
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
    for (const n of [2, 3]) if (row.getCell(n).value instanceof Date) row.getCell(n).numFmt = 'dd/mm/yyyy';
  }
  return workbook;
}

function chronologyCellValue(date: ChronologyDate): Date | string {
  return typeof date === 'string' ? date : new Date(Date.UTC(date[0], date[1] - 1, date[2]));
}

// ---------------------------------------------------------------------------------------------
// The four chronologies. Client and staff codes are the case's; a few events still carry a real
// name, as agencies' free text does.

export const chronologies: ChronologySpec[] = [
  {
    file: 'police.xlsx',
    agency: 'South Yorkshire Police',
    agencyColumn: 'SYP',
    completedBy: 'DI Stephen Hague, Major Crime Review Team',
    creator: 'Stephen Hague',
    created: new Date(Date.UTC(2017, 6, 10, 8, 30)),
    modified: new Date(Date.UTC(2017, 6, 21, 15, 5)),
    sheet: 'Chronology',
    layout: 'template',
    columns: chronologyColumns,
    rows: [
      {
        from: [2015, 4, 18],
        client: 'Adult X; Adult XAP',
        staff: 'PC1; PC2',
        source: 'Command and control log; incident record; DASH',
        event:
          '999 call at 23:41 from a neighbour reporting a woman screaming at the home address. PC1 and PC2 attended. Adult X had a red mark on her left cheek and said she had slipped in the kitchen; Adult XAP was intoxicated and said it was "just an argument". Recorded as a verbal domestic (non-crime). DASH completed with Adult X in the kitchen while Adult XAP was in the next room: standard risk (3 ticks).',
        seen: 'Yes',
        action: 'Child concern notification for Child XD and Child XS to Children’s Social Care. No further action.',
      },
      {
        from: [2015, 7, 14],
        to: [2015, 7, 15],
        client: 'Adult X; Adult XAP',
        staff: 'PC2',
        source: '101 call record; incident record; DASH',
        event:
          'Adult X rang 101 to say Adult XAP had taken her phone and bank card and would not give them back. PC2 attended the following afternoon; Adult XAP had returned the phone. Adult X declined to make a statement. DASH standard (5 ticks); "Is he controlling of money?" answered yes, not explored.',
        seen: 'Yes',
        action: 'Recorded as domestic non-crime. No referral. History not checked.',
      },
      {
        from: [2016, 5, 10],
        client: 'Adult X; Adult XAP; Child XD; Child XS',
        staff: 'PC2; PC1',
        source: 'Command and control log; crime record; body-worn video; DASH',
        event:
          '999 call from Adult X at 23:52: Adult XAP had pushed her into the door frame and then kicked the front door in after she locked him out. 3 cm cut to her scalp; paramedics attended. Child XD (11) had phoned Adult XM and was spoken to on body-worn video. Adult XAP arrested for assault occasioning actual bodily harm and criminal damage. DASH high risk (14 ticks).',
        seen: 'Yes',
        action: 'Arrested. MARAC referral and IDVAS referral sent 11/05/2016 09:10. Child concern notification.',
      },
      {
        from: [2016, 5, 11],
        client: 'Adult XAP',
        staff: 'DC1; INSP1',
        source: 'Custody record; crime record',
        event:
          'Adult XAP interviewed: denied the assault and said Adult X fell. Adult X declined to give a statement. INSP1 considered a DVPN but did not authorise one, as Adult XAP was bailed with conditions not to contact Adult X or attend the address.',
        seen: 'No',
        action: 'Police bail to 21/06/2016 with conditions. Warning marker on the address.',
      },
      {
        from: [2016, 5, 26],
        client: 'Adult X; Adult XAP',
        staff: 'DS1',
        source: 'MARAC minutes',
        event:
          'MARAC 1. Police actions: warning marker (done); consider a DVDS "right to know" disclosure to Adult X about Adult XAP’s 2009 caution for assaulting a previous partner.',
        seen: 'No',
        action: 'DVDS application opened; not progressed (backlog).',
      },
      {
        from: [2016, 6, 21],
        client: 'Adult XAP',
        staff: 'DC1',
        source: 'Crime record; CPS advice',
        event: 'CPS advice: no further action, as Adult X did not support a prosecution. Evidence-led prosecution not discussed. Bail cancelled.',
        seen: 'No',
        action: 'No further action. Letter to Adult X.',
      },
      {
        from: '2016-09-24',
        client: 'Adult X; Adult XAP',
        staff: 'PC2',
        source: 'Command and control log',
        event:
          'Welfare check requested by a friend of Adult X, Priya Chauhan, who had not heard from her for ten days. PC2 attended: Adult X said all was well; Adult XAP stood beside her throughout. PC2 noted she "seemed quiet".',
        seen: 'Yes',
        action: 'No further action. Previous incidents and MARAC marker not checked.',
      },
      {
        from: [2016, 12, 3],
        client: 'Adult XAP',
        staff: 'PC1',
        source: 'Crime record; custody record',
        event: 'Adult XAP arrested after punching a man outside The Miller’s Rest public house. Admitted the offence.',
        seen: 'No',
        action: 'Simple caution for common assault. Domestic abuse history not linked.',
      },
      {
        from: [2016, 12, 27],
        client: 'Adult X; Adult XAP; Child XD; Child XS',
        staff: 'PC1; DC1',
        source: 'Command and control log; crime record; body-worn video; DASH',
        event:
          '999 call from Adult X at 21:05: Adult XAP had grabbed her by the throat and said "if you ever leave I will kill you". Marks to her neck photographed. Both children in the house. DASH high risk (16 ticks), including strangulation, separation and threats to kill.',
        seen: 'Yes',
        action: 'Arrested; charged with common assault; court bail with conditions not to contact Adult X or attend the address. Repeat MARAC referral; IDVAS referral.',
      },
      {
        from: [2017, 1, 12],
        client: 'Adult X; Adult XAP',
        staff: 'DS1',
        source: 'MARAC minutes',
        event: 'MARAC 2 (repeat case). Police to complete the outstanding DVDS disclosure within 7 days.',
        seen: 'No',
        action: 'DVDS disclosure arranged with IDVA1.',
      },
      {
        from: '19/01/2017',
        client: 'Adult X',
        staff: 'DS1',
        source: 'DVDS record',
        event:
          'DS1 and IDVA1 met Adult X at the IDVAS office and disclosed, under "right to know", Adult XAP’s 2009 caution for assaulting a previous partner. Adult X said: "I knew there was something."',
        seen: 'Yes',
        action: 'Disclosure completed; safety plan reviewed with IDVA1.',
      },
      {
        from: [2017, 2, 17],
        client: 'Adult X; Adult XAP',
        staff: 'PC2',
        source: 'Command and control log',
        event: 'IDVA1 reported that Adult XAP was staying at the home address in breach of bail. PC2 attended at 22:40; no answer at the door.',
        seen: 'No',
        action: 'Log closed. Not passed to the officer in the case; not recorded on the crime file.',
      },
      {
        from: '3 Mar 2017',
        client: 'Adult X',
        staff: 'DC1',
        source: 'Crime record; withdrawal statement',
        event: 'Adult X withdrew her statement, saying she wanted Sonny to have his dad and that she was "not going to court".',
        seen: 'Yes',
        action: 'Withdrawal statement sent to CPS. Evidence-led prosecution not proposed.',
      },
      {
        from: [2017, 3, 16],
        client: 'Adult XAP',
        staff: 'DC1',
        source: 'Court record; crime record',
        event: 'CPS discontinued the case at Sheffield Magistrates’ Court. Bail conditions ended.',
        seen: 'No',
        action: 'Adult X told by telephone on 20/03/2017, four days later.',
      },
      {
        from: [2017, 4, 22],
        client: 'Adult X; Adult XAP',
        staff: '',
        source: 'Command and control log',
        event: '999 call from Adult XAP at 21:14. Officers and paramedics found Adult X with fatal injuries at the home address.',
        seen: 'No',
        action: 'Adult XAP arrested for murder. Homicide investigation.',
      },
    ],
  },
  {
    file: 'gp.xlsx',
    agency: 'Sheffield GP practice (NHS Sheffield CCG)',
    agencyColumn: 'GP practice',
    completedBy: 'Dr Katherine Wragg, Named GP for Safeguarding Adults',
    creator: 'Katherine Wragg',
    created: new Date(Date.UTC(2017, 6, 24, 13, 0)),
    modified: new Date(Date.UTC(2017, 7, 4, 11, 45)),
    sheet: 'GP chronology',
    layout: 'title-row',
    columns: ['AGENCY', 'DATE FROM', 'DATE TO', 'Client  Code', 'Staff Code', 'Source of Information', 'EVENT', 'Client Seen', 'ACTION'],
    rows: [
      {
        from: [2015, 3, 3],
        client: 'Adult X',
        staff: 'GP1',
        source: 'Electronic patient record',
        event: 'Low mood and poor sleep for three months; tearful. PHQ-9 score 16. Adult XAP waited in the waiting room. No routine enquiry about domestic abuse recorded.',
        seen: 'Yes',
        action: 'Sertraline 50 mg started. Review in 4 weeks.',
      },
      {
        from: [2015, 4, 7],
        client: 'Adult X',
        staff: 'GP1',
        source: 'Electronic patient record',
        event: 'Review: mood a little better; mentioned "arguments at home about money". Not explored.',
        seen: 'Yes',
        action: 'Continue sertraline.',
      },
      {
        from: [2015, 6, 25],
        client: 'Adult X',
        staff: 'GP2',
        source: 'Electronic patient record',
        event: 'Bruising to right wrist and forearm; said she caught it in a door. Examined; no fracture. How the injury happened was not explored further.',
        seen: 'Yes',
        action: 'Advice and analgesia.',
      },
      {
        from: [2016, 2, 22],
        client: 'Adult X; Adult XAP',
        staff: 'GP1',
        source: 'Electronic patient record',
        event: 'Anxiety worse; 5 kg weight loss; had stopped work in January. Adult XAP came into the consultation and answered for her. GP1 asked "is everything OK at home?" in his presence.',
        seen: 'Yes',
        action: 'Sertraline increased to 100 mg. Fit note declined.',
      },
      {
        from: [2016, 5, 11],
        client: 'Adult X',
        staff: 'ADM1',
        source: 'Yorkshire Ambulance Service report',
        event: 'Report received: ambulance crew attended the patient’s home with police overnight; 3 cm scalp laceration, cleaned and closed with adhesive strips; declined conveyance to hospital.',
        seen: 'No',
        action: 'Filed to the record by an administrator; not seen by a GP.',
      },
      {
        from: [2016, 5, 27],
        client: 'Adult X; Adult XAP',
        staff: 'ADM1',
        source: 'MARAC letter',
        event: 'Letter from the MARAC co-ordinator: high-risk case heard on 26/05/2016. Scanned into Adult X’s record.',
        seen: 'No',
        action: 'No alert code added; not added to Adult XAP’s or the children’s records.',
      },
      {
        from: [2016, 8, 15],
        client: 'Adult X; Adult XAP',
        staff: 'GP2',
        source: 'Electronic patient record',
        event: 'Pregnancy confirmed (about 8 weeks). Adult XAP present.',
        seen: 'Yes',
        action: 'Referred to community midwife.',
      },
      {
        from: '18/10/2016',
        client: 'Adult X',
        staff: 'GP2',
        source: 'Electronic patient record',
        event:
          'Follow-up after miscarriage at 13 weeks (10/10/2016). Tearful; said Adult XAP "checks my phone and tells me I’m useless". GP2 gave an IDVAS leaflet. No DASH; the MARAC letter was not seen; no referral.',
        seen: 'Yes',
        action: 'Leaflet given. Review in 2 weeks advised but not booked.',
      },
      {
        from: [2017, 1, 20],
        client: 'Adult X',
        staff: 'GP1',
        source: 'Electronic patient record',
        event: 'Attended alone: poor sleep and panic since the December incident; IDVA supporting her; Adult XAP on bail. GP1 asked about safety and the children.',
        seen: 'Yes',
        action: 'Domestic abuse coded; alert added to Adult X’s record. Review 2 weeks.',
      },
      {
        from: [2017, 2, 3],
        client: 'Adult X',
        staff: 'GP1',
        source: 'Electronic patient record',
        event: 'Review. Said "he’s been round, but it’s fine". Did not answer when asked whether Adult XAP was living at home again.',
        seen: 'Yes',
        action: 'Review in 4 weeks. Not shared with the IDVA.',
      },
      {
        from: [2017, 3, 3],
        client: 'Adult X',
        staff: 'GP1',
        source: 'Appointment system',
        event: 'Did not attend the review appointment.',
        seen: 'No',
        action: 'No follow-up.',
      },
    ],
  },
  {
    file: 'housing.xlsx',
    agency: 'Sheffield City Council Housing Services',
    agencyColumn: 'SCC Housing',
    completedBy: 'Mark Ollerenshaw, Area Housing Manager (North)',
    creator: 'Mark Ollerenshaw',
    created: new Date(Date.UTC(2017, 6, 17, 9, 15)),
    modified: new Date(Date.UTC(2017, 6, 28, 16, 20)),
    sheet: 'Sheet1',
    layout: 'label-in-cell',
    columns: ['Agency', 'Date From', 'Date To', 'Client Code', 'Staff Code', 'Source of information', 'Event', 'Client seen (Y/N)', 'Action'],
    rows: [
      {
        from: [2015, 1, 12],
        client: 'Adult X; Adult XAP',
        staff: 'HO1',
        source: 'Tenancy file',
        event: 'Joint introductory tenancy signed for 14 Hollybank Croft. Adult XAP answered most questions; Adult X said little.',
        seen: 'Y',
        action: 'Tenancy started. Six-week visit booked.',
      },
      {
        from: [2015, 2, 24],
        client: 'Adult X; Adult XAP',
        staff: 'HO1',
        source: 'Tenancy file',
        event: 'Six-week introductory tenancy visit. Both tenants present. No concerns recorded.',
        seen: 'Y',
        action: 'None.',
      },
      {
        from: [2015, 6, 2],
        client: 'Adult X',
        staff: 'RO1',
        source: 'Repairs system',
        event: 'Repair: bedroom door with a hole at head height. Tenant said it was an accident. RO1 later told colleagues it "looked like a fist".',
        seen: 'Y',
        action: 'Door replaced. £85 recharge raised.',
      },
      {
        from: [2016, 3, 8],
        client: 'Adult X; Adult XAP',
        staff: 'HO1',
        source: 'Rent account; letters',
        event: 'Second arrears letter (£640).',
        seen: 'N',
        action: 'Letter sent.',
      },
      {
        from: '21/03/2016',
        client: 'Adult X; Adult XAP',
        staff: 'HO1',
        source: 'Tenancy file; visit note',
        event: 'Arrears visit. Adult XAP said Adult X "can’t manage money" and he would take over. Adult X said he kept her bank card. HO1 noted "partner very dominant".',
        seen: 'Y',
        action: 'Referred to money advice. No domestic abuse screening.',
      },
      {
        from: [2016, 5, 12],
        client: 'Adult X',
        staff: 'RO1',
        source: 'Repairs system',
        event: 'Emergency repair: front door forced and frame split. Tenant said she had locked herself out.',
        seen: 'Y',
        action: 'Door frame repaired, lock replaced. Recharge waived.',
      },
      {
        from: [2016, 5, 31],
        client: 'Adult X; Adult XAP',
        staff: 'HO1',
        source: 'MARAC notification; housing system',
        event: 'MARAC notification received by the housing MARAC representative; flag placed on the housing management system.',
        seen: 'N',
        action: 'Flag added. HO1 not told.',
      },
      {
        from: [2016, 11, 2],
        client: 'Adult X',
        staff: 'HO1',
        source: 'Repairs system; telephone note',
        event: 'Adult X asked for the locks to be changed and a door chain fitted, saying she had lost her keys.',
        seen: 'N',
        action: 'Raised as a standard repair (28 days); completed 30/11/2016.',
      },
      {
        from: [2017, 1, 5],
        client: 'Adult X',
        staff: 'HO1',
        source: 'Telephone note; transfer request',
        event: 'Adult X phoned asking to move "somewhere he can’t find us". HO1 explained that a management transfer needs a supporting letter from the police or an IDVA, and posted the form.',
        seen: 'N',
        action: 'Form posted. MARAC flag not checked.',
      },
      {
        from: [2017, 1, 16],
        client: 'Adult X',
        staff: 'HO1',
        source: 'E-mail',
        event: 'Housing MARAC representative e-mailed HO1 the MARAC action to consider a management transfer. HO1 was on leave.',
        seen: 'N',
        action: 'E-mail not actioned until 06/02/2017.',
      },
      {
        from: [2017, 2, 6],
        to: [2017, 3, 14],
        client: 'Adult X',
        staff: 'HO1',
        source: 'Transfer application; telephone notes',
        event: 'Management transfer application awaiting a supporting letter. HO1 rang Adult X twice; no answer.',
        seen: 'N',
        action: 'Application closed 14/03/2017 as incomplete.',
      },
      {
        from: '4 Apr 2017',
        client: 'Adult X; Adult XAP',
        staff: 'HO1',
        source: 'Tenancy file',
        event: 'Annual tenancy visit. Adult XAP answered the door and said Zoë was at her mother’s. Arrears £410.',
        seen: 'N',
        action: 'Arrears arrangement agreed with Adult XAP.',
      },
    ],
  },
  {
    file: 'idvas.xlsx',
    agency: 'Sheffield Independent Domestic Abuse Service (IDVAS)',
    agencyColumn: 'IDVAS',
    completedBy: '',
    creator: 'Nadia Rahman',
    created: new Date(Date.UTC(2017, 6, 3, 10, 0)),
    modified: new Date(Date.UTC(2017, 6, 14, 12, 30)),
    sheet: 'Chronology',
    layout: 'no-completed-by',
    columns: chronologyColumns,
    rows: [
      {
        from: [2016, 5, 12],
        client: 'Adult X',
        staff: 'IDVA2',
        source: 'Case management system',
        event: 'High-risk referral from police (DASH 14). Duty IDVA rang Adult X’s mobile; a man answered and the call was ended without naming the service.',
        seen: 'No',
        action: 'Allocated to IDVA1.',
      },
      {
        from: [2016, 5, 13],
        client: 'Adult X',
        staff: 'IDVA1',
        source: 'Case notes',
        event:
          'IDVA1 reached Adult X on Adult XM’s phone. 40-minute call: Adult XAP controls the money, checks her phone, has stopped her seeing her friend and makes her ask before going out. "I just want him to stop drinking."',
        seen: 'No (telephone)',
        action: 'Safety plan; safe contact via Adult XM’s number agreed.',
      },
      {
        from: [2016, 5, 26],
        client: 'Adult X',
        staff: 'IDVA1',
        source: 'MARAC minutes; case notes',
        event: 'MARAC 1: IDVA1 presented Adult X’s views and wishes.',
        seen: 'No',
        action: 'MARAC actions agreed.',
      },
      {
        from: [2016, 6, 6],
        client: 'Adult X',
        staff: 'IDVA1',
        source: 'Case notes',
        event: 'Met Adult X at her mother’s house. She said Adult XAP had stopped drinking and "is trying". Declined refuge and a non-molestation order. Information on Clare’s Law given.',
        seen: 'Yes',
        action: 'Risk remains high. Continue contact.',
      },
      {
        from: [2016, 6, 24],
        to: [2016, 7, 8],
        client: 'Adult X',
        staff: 'IDVA1',
        source: 'Case notes',
        event: 'Three calls to the safe number unanswered (24 June, 30 June, 6 July). Closure letter sent to Adult XM’s address.',
        seen: 'No',
        action: 'Case closed 08/07/2016; police told.',
      },
      {
        from: [2016, 12, 28],
        client: 'Adult X',
        staff: 'IDVA1',
        source: 'Case management system; case notes',
        event: 'Re-referral from police after the 27 December incident (DASH 16). IDVA1 met Adult X at the IDVAS office the same day.',
        seen: 'Yes',
        action: 'Safety plan; lock change requested; non-molestation order discussed.',
      },
      {
        from: [2017, 1, 12],
        client: 'Adult X',
        staff: 'IDVA1',
        source: 'MARAC minutes',
        event: 'MARAC 2: IDVA1 reported that Adult X wanted to move away from the area.',
        seen: 'No',
        action: 'IDVA to provide a supporting letter for a management transfer.',
      },
      {
        from: '19/01/2017',
        client: 'Adult X',
        staff: 'IDVA1',
        source: 'Case notes',
        event: 'Joint meeting with DS1 for the Clare’s Law disclosure. Adult X was shaken but said it "made sense of things".',
        seen: 'Yes',
        action: 'Safety plan reviewed.',
      },
      {
        from: [2017, 2, 17],
        client: 'Adult X',
        staff: 'IDVA1',
        source: 'Case notes',
        event: 'Adult X told IDVA1 that Adult XAP had been staying "most nights" for a week. IDVA1 reported the bail breach to police.',
        seen: 'No (telephone)',
        action: 'Police informed.',
      },
      {
        from: [2017, 2, 20],
        client: 'Adult X',
        staff: 'IDVA1',
        source: 'Case notes; e-mail',
        event: 'IDVA1 wrote the management transfer supporting letter and e-mailed it to the housing general inbox.',
        seen: 'No',
        action: 'Letter sent. No acknowledgement.',
      },
      {
        from: [2017, 3, 22],
        client: 'Adult X',
        staff: 'IDVA1',
        source: 'Case notes',
        event: 'Telephone call: Adult X had withdrawn her statement — "he’ll be worse if I go to court". Planned to leave after the Easter holidays. Refuge space discussed.',
        seen: 'No (telephone)',
        action: 'Follow-up call booked for 05/04/2017.',
      },
      {
        from: [2017, 4, 5],
        client: 'Adult X',
        staff: 'IDVA1',
        source: 'Case notes',
        event: 'Follow-up call not answered; text sent to the safe number.',
        seen: 'No',
        action: 'Further attempt planned.',
      },
    ],
  },
];

// =============================================================================================
// IMR 1 — South Yorkshire Police. Designed to pass all fourteen checklist points: independent
// author with background, template followed, codes used throughout the body, every term of
// reference answered, records and interviews listed, the victim's voice, equality considered,
// critical analysis with good practice, SMARTER recommendations, countersigned, feedback plan.
// Identifiers survive only where a body-text check cannot see them: a reviewer's comment, a
// tracked deletion, and the document properties.

function policeImr(): ImrFile {
  const m = new Marks();
  const author = 'Stephen Hague';
  const edited = '2017-08-29T14:12:00Z';
  const reviewer = 'Lisa Crossley';
  const reviewed = new Date(Date.UTC(2017, 7, 30, 9, 40));

  const children: (Paragraph | Table)[] = [
    title('OFFICIAL', 20),
    title('South Yorkshire Police'),
    title('Individual Management Review', 28),
    title('Domestic Homicide Review: Adult X (SSCP-DHR-2017-03)', 24),
    p(''),
    coverTable([
      ['Agency', 'South Yorkshire Police'],
      ['Author', 'Stephen Hague, Detective Inspector, Major Crime Review Team'],
      ['Author’s role', 'Review officer, independent of the operational teams involved (see 1.2)'],
      ['Signed', 'S. Hague'],
      ['Date', '30 August 2017'],
      ['Countersigned by', 'Lisa Crossley, Detective Superintendent, Head of Public Protection'],
      ['Signed', 'L. Crossley'],
      ['Date', '31 August 2017'],
      ['Version', '3.0 (final)'],
    ]),

    h1('Section 1: Introduction'),
    ...standardIntroduction('South Yorkshire Police'),
    h2('1.1 About the organisation'),
    p(
      'South Yorkshire Police serves about 1.4 million people. In Sheffield, response officers attend domestic abuse incidents and complete the DASH risk identification checklist; the Public Protection Unit investigates high-risk cases, refers victims to the Multi-Agency Risk Assessment Conference (MARAC) and handles the Domestic Violence Disclosure Scheme (DVDS, “Clare’s Law”). Inspectors may authorise a Domestic Violence Protection Notice (DVPN).',
    ),
    h2('1.2 The author'),
    p(
      'I am a Detective Inspector with 22 years’ service, 14 as a detective, including four years as a Senior Investigating Officer and two in public protection. Since 2015 I have been a review officer in the Major Crime Review Team. I attended the DACT IMR author training in 2016 and have written two previous IMRs. I had no operational involvement with Adult X, Adult XAP or their family, have never supervised any officer involved, and am independent of the Sheffield district command.',
    ),
    h2('1.3 Terms of reference'),
    p('The terms of reference considered in undertaking this Domestic Homicide Review have been agreed as:'),
    ...termsOfReferenceList(),
    h2('1.4 Methodology'),
    p('The following records were accessed for the period 1 January 2015 to 22 April 2017, and for Adult XAP from 2005:'),
    bullet('command and control (STORM) logs for every call to the home address and from Adult X’s and Adult XAP’s telephone numbers;'),
    bullet('crime, intelligence, custody and Police National Computer records for Adult XAP;'),
    bullet('the DASH risk identification checklists of 18 April 2015, 15 July 2015, 10 May 2016 and 27 December 2016, with supervisors’ reviews;'),
    bullet('body-worn video from 10 May 2016 and 27 December 2016, and the 999 call recordings;'),
    bullet('MARAC referrals and minutes (26 May 2016 and 12 January 2017), the DVDS application file and the CPS case files;'),
    bullet(
      'the force Domestic Abuse Policy (2015), the DVPN/DVPO procedure (2014) and the College of Policing Authorised Professional Practice on domestic abuse',
      m.footnote('College of Policing (2015) Authorised Professional Practice: Major investigation and public protection — Domestic abuse. Sections on risk assessment, positive action and evidence-led prosecution.'),
      '.',
    ),
    p(
      'I interviewed PC1, PC2, DC1, DS1 and INSP1 in July 2017, with the agreement of the Senior Investigating Officer. Each officer was offered a supporter. A written record of each interview was shared with the officer, agreed, and has been retained for disclosure to the criminal proceedings. The call handler who took the 101 call of 14 July 2015 left the force in November 2016 and did not reply to two letters; her actions have been reviewed from the recording and the log.',
    ),
    h2('1.5 Parallel reviews'),
    p(
      'The criminal investigation and trial concluded on 27 October 2017. Because Adult X had contact with the police in the twelve months before her death, the force referred the case to the Independent Police Complaints Commission, which returned it for local handling; Professional Standards found no misconduct by any officer. There were no other parallel reviews.',
    ),

    h1('Section 2: Family and household composition'),
    table(
      ['Code', 'Relationship to Adult X', 'Age at the time of the death', 'Ethnicity', 'Lived in the household'],
      [
        ['Adult X', 'Victim', '34', 'White British', 'Yes'],
        ['Adult XAP', 'Partner; alleged perpetrator', '37', 'White British', 'Yes'],
        ['Child XD', 'Child of Adult X', '12', 'White British', 'Yes'],
        ['Child XS', 'Child of Adult X and Adult XAP', '4', 'White British', 'Yes'],
        ['Adult XM', 'Mother of Adult X', '62', 'White Irish', 'No'],
      ],
      [18, 30, 16, 18, 18],
    ),
    p(''),
    p(
      'Adult X and Adult XAP had been together since 2011 and lived together from 2012. Officers who met Adult X describe a polite, softly spoken woman who was anxious to reassure them that she was coping and who apologised for “wasting your time”. On the 999 recording of 10 May 2016 she says, “Please come, he won’t stop, the kids are here,” and in the DASH interview that night she told PC2: “I don’t want him locked up. I just want him to stop drinking and be how he was.” Her mother has told the chair that Adult X was funny, fiercely loyal, and devoted to her children; that she had worked for twelve years as a care assistant until Adult XAP persuaded her to give up work in January 2016; and that she became “a shadow of herself” in the last year of her life.',
    ),
    p(
      'The police had contact with Adult X on nine occasions in the period under review. Adult XAP had been cautioned in 2009 for assaulting a previous partner; this was on the Police National Computer throughout.',
    ),

    h1('Section 3: Chronology of service provision and involvement'),
    p('The full chronology has been provided separately. This narrative draws out the significant episodes.'),
    h2('3.1 April to July 2015'),
    p(
      'At 23:41 on 18 April 2015 a neighbour called 999 to report a woman screaming. Officers (',
      m.deleted('PC Hirst and PC Lund', author, edited),
      m.inserted('PC1 and PC2', author, edited),
      ') attended at 23:58. Adult X had a red mark on her cheek and said she had slipped. Adult XAP was drunk and said it was “just an argument”. ',
      ...m.comment(
        ['The DASH checklist was completed with Adult X in the kitchen while Adult XAP was in the next room, with the door open.'],
        reviewer,
        'LC',
        reviewed,
        'Stephen — please confirm with Tom Hirst that the DASH was done in the kitchen with the door open; his pocket notebook says “in the hallway”. L.',
      ),
      ' It was graded standard risk. A child concern notification was sent to Children’s Social Care. The incident was recorded as a “verbal domestic” and not as a crime.',
    ),
    p(
      'On 14 July 2015 Adult X called 101 to say that Adult XAP had taken her phone and her bank card. PC2 attended the next afternoon. Adult XAP had returned the phone and Adult X did not want to make a statement. She answered “yes” to the DASH question “Is he controlling of money?” but the risk was graded standard and no referral was made. Neither officer checked Adult XAP’s history.',
    ),
    h2('3.2 May and June 2016'),
    p(
      'At 23:52 on 10 May 2016 Adult X called 999: Adult XAP had pushed her into a door frame and then kicked the front door in. She had a cut to her scalp. Child XD gave a short account on body-worn video. Adult XAP was arrested for assault occasioning actual bodily harm. The DASH was graded high risk (14 ticks) and referrals to the MARAC and the IDVA service were sent by 09:10 the next morning.',
    ),
    p(
      'On 11 May Adult XAP denied the assault. Adult X declined to make a statement. INSP1 considered a DVPN but did not authorise one because Adult XAP was bailed with conditions not to contact Adult X or attend the address. The MARAC heard the case on 26 May; one police action was to consider a DVDS “right to know” disclosure. On 21 June the CPS advised no further action; bail, and with it the conditions, ended that day.',
    ),
    h2('3.3 September to December 2016'),
    p(
      'On 24 September 2016 a friend asked for a welfare check; PC2 was told all was well, with Adult XAP beside Adult X throughout. On 3 December Adult XAP was cautioned for assaulting a man outside a public house. On 27 December Adult X called 999: Adult XAP had grabbed her by the throat and told her, “If you ever leave I will kill you.” The DASH was graded high risk (16 ticks). Adult XAP was charged with common assault and bailed with conditions; a repeat MARAC referral was made.',
    ),
    h2('3.4 January to April 2017'),
    p(
      'At the second MARAC on 12 January 2017 the DVDS disclosure was still outstanding, eight months after the first MARAC. DS1 made it jointly with IDVA1 on 19 January; Adult X said, “I knew there was something.” On 17 February IDVA1 reported that Adult XAP was staying at the address in breach of bail. PC2 attended late that evening, got no answer, and closed the log; the report did not reach the officer in the case. On 3 March Adult X withdrew her statement and on 16 March the CPS discontinued the prosecution. Adult X was told four days later. On 22 April 2017 Adult XAP called 999 from the home address, where Adult X had been fatally injured.',
    ),

    h1('Section 4: Analysis of involvement'),
    h2('ToR1: What was known, and was it recognised?'),
    p(
      'By May 2016 the police held two previous incidents, a previous caution for violence against a partner, and a victim reporting control of her money and phone. Each incident was dealt with on its own. Officers interviewed said they “went to a job” and did not look at the history, and the force systems in 2015 did not present it to them automatically. The April 2015 incident should have been recorded as a crime under the Home Office Counting Rules, given the visible injury; recording it as “verbal” lowered its weight in every later risk assessment.',
    ),
    h2('ToR2: Risk assessment and MARAC'),
    p(
      'The DASH checklist was used at every incident, which is good practice, but in 2015 it was completed within earshot of Adult XAP, and the answers were taken at face value. The force policy requires the victim to be spoken to alone; PC1 told me that in a small house “you do what you can”. The high-risk assessments in 2016 were correct and the MARAC referrals were prompt. The MARAC action to consider a DVDS disclosure was not completed for eight months: the Public Protection Unit had a backlog of about 140 DVDS applications in 2016 and no system for prioritising those arising from MARAC. This was a missed opportunity to give Adult X information that she later said “made sense of things”.',
    ),
    h2('ToR3: Coercive and controlling behaviour'),
    p(
      'The offence of controlling or coercive behaviour in an intimate or family relationship (section 76, Serious Crime Act 2015) came into force on 29 December 2015. None of the officers interviewed considered it, although the records show control of money, the phone, and contact with friends. Officers described their training as “mainly about injuries”. The force’s coercive control training was rolled out from September 2017.',
    ),
    h2('ToR4: Information sharing'),
    p(
      'Child concern notifications were sent after every incident at the home, and MARAC referrals reached partners quickly. However, the public house assault in December 2016 was not linked to the domestic abuse history, and the IDVA’s report of a bail breach in February 2017 was recorded only on the command and control log, so it reached neither the officer in the case nor the CPS.',
    ),
    h2('ToR5: The children'),
    p(
      'Officers spoke to Child XD on 10 May 2016 and recorded the account on body-worn video, which is good practice. That account was not used as evidence and the children’s presence at two incidents was not considered as an aggravating factor when the CPS was consulted.',
    ),
    h2('ToR6: The response to Adult XAP'),
    p(
      'Adult XAP was arrested on both occasions when there was an allegation of assault, which accords with the force’s positive-action policy. The decision not to seek a DVPN in May 2016 relied on bail conditions, but there was no plan for Adult X’s protection when bail ended five weeks later. An evidence-led prosecution was not considered in June 2016 or March 2017, although in each case there was body-worn video, a 999 recording and visible injury. When Adult X withdrew her statement she told DC1 that Adult XAP would be “worse” if she went to court; that fear was recorded but not acted upon. No perpetrator intervention was offered or available through the police.',
    ),
    h2('ToR7: Social housing'),
    p(
      'This term of reference applies mainly to the landlord. DS1 has no record of a request for a supporting letter for Adult X’s transfer, and the police were not asked by the housing service for one.',
    ),
    h2('ToR8: Equality, diversity and barriers to services'),
    p(
      'Adult X was a white British woman of Irish Catholic heritage on her mother’s side, with no disability and no language needs; she had anxiety and depression treated by her GP. I found no evidence that her ethnicity, religion or any other protected characteristic affected the police response. Her sex is relevant: she was a woman subjected to abuse by a male partner, the pattern in most domestic homicides. Her anxiety about “wasting police time”, her fear of Adult XAP’s reaction to a prosecution, and her wish to keep the family together for Child XS were the real barriers, and the police response did not address them.',
    ),
    h2('Good practice'),
    bullet('Prompt arrests and prompt, well-completed MARAC referrals in 2016.'),
    bullet('Use of body-worn video, including the account of Child XD.'),
    bullet('The joint DVDS disclosure by DS1 and IDVA1, with safety planning at the same meeting.'),

    h1('Section 5: Conclusions'),
    p(
      'Officers responded promptly and arrested Adult XAP when an assault was alleged. The quality of practice fell short in four respects: the history was not used to understand risk; coercive control was not recognised; the DVDS disclosure was delayed by eight months; and no evidence-led prosecution was considered, leaving Adult X to carry the decision herself. The procedures were appropriate, but were not followed where they require the victim to be spoken to alone. The DVDS backlog was a shortfall in resources directly relevant to this case. I cannot say that a different response would have prevented Adult X’s death, but each of these was an opportunity to reduce the risk she faced.',
    ),

    h1('Section 6: Recommendations'),
    table(
      ['No.', 'Recommendation', 'Action and owner', 'Measure', 'Target date', 'Evaluation and review'],
      [
        ['1', 'Officers speak to the victim alone for the DASH checklist and record where this was not possible and why.', 'Revise the DASH form and brief response teams. Owner: Chief Inspector, Sheffield Response.', 'Dip sample of 50 DASH forms a quarter: 90% record where and with whom the victim was spoken to.', '31 March 2018', 'Dip sample reported to the Public Protection Governance Board quarterly; re-audit December 2018.'],
        ['2', 'DVDS “right to know” disclosures arising from MARAC are completed within 28 days.', 'Prioritise MARAC-generated DVDS applications. Owner: Detective Chief Inspector, Public Protection Unit.', 'Monthly report: 90% of MARAC-generated disclosures within 28 days.', '31 January 2018', 'Reported monthly to the MARAC steering group; reviewed after 12 months.'],
        ['3', 'Every high-risk domestic abuse release is accompanied by a recorded decision on a DVPN.', 'Mandatory field in the custody release record. Owner: Chief Inspector, Custody.', 'DVPN decision recorded for 100% of high-risk releases.', '30 April 2018', 'Number of DVPNs and DVPOs compared with 2017; six-monthly review.'],
        ['4', 'Investigations are built for an evidence-led prosecution from the first attendance.', 'Revise the investigation checklist and supervisors’ review; brief the CPS liaison. Owner: Detective Superintendent, Public Protection.', 'Dip sample of 50 withdrawn-support cases: 90% record the consideration of an evidence-led prosecution.', '30 June 2018', 'Charge rate in withdrawn-support cases compared with 2016–17; repeat dip sample December 2018.'],
      ],
      [5, 25, 22, 20, 10, 18],
    ),
    p(''),
    h2('Feedback to staff'),
    p(
      'The findings were fed back to each officer interviewed, and to their line managers, by the author on 4 September 2017. A learning event for Sheffield response and public protection teams will be held in November 2017, and a second debrief will follow when the overview report is complete.',
    ),
  ];

  return imrDocument({
    file: 'police.docx',
    creator: author,
    lastModifiedBy: reviewer,
    title: 'Individual Management Review – South Yorkshire Police – DHR Adult X',
    description: 'IMR for the Adult X Domestic Homicide Review (SSCP-DHR-2017-03). OFFICIAL.',
    revision: 7,
    created: '2017-07-31T08:20:00Z',
    modified: '2017-08-30T09:45:00Z',
    header: marking('OFFICIAL', 'DHR Adult X – South Yorkshire Police IMR'),
    footer: [pageFooter('Version 3.0 – 30 August 2017')],
    marks: m,
    children,
  });
}

// =============================================================================================
// IMR 2 — the GP practice (NHS Sheffield CCG). Designed to fail checklist points 4 (not
// anonymised: real names, NHS numbers, a date of birth, the practice's name), 7 (GP2, who saw
// Adult X at the key consultation, was not interviewed and no reason is given), 8 (the victim's
// voice: clinical summaries only, none of her words, wishes or feelings) and 13 (no senior
// manager's countersignature: the cover's Countersigned, Signed and Date lines are empty). It
// passes the others, with SMARTER recommendations in a table and a plan for feedback.

function gpImr(): ImrFile {
  const m = new Marks();
  const author = 'Katherine Wragg';
  const edited = '2017-09-11T16:03:00Z';
  const reviewer = 'Sarah Jubb';
  const reviewed = new Date(Date.UTC(2017, 8, 12, 8, 55));

  const children: (Paragraph | Table)[] = [
    title('STRICTLY CONFIDENTIAL', 20),
    title('Individual Management Review report from NHS Sheffield Clinical Commissioning Group'),
    title('Primary care: Hillfoot Medical Centre', 26),
    p(b('DHR CASE: '), 'Adult X 2017 (SSCP-DHR-2017-03)'),
    p(''),
    label('Agency', 'Sheffield GP practice (NHS Sheffield CCG)'),
    label('Author', 'Dr Katherine Wragg, Named GP for Safeguarding Adults, NHS Sheffield CCG'),
    label(
      'Author’s role',
      'I have been a GP for 17 years and the CCG’s Named GP for Safeguarding Adults since 2014, advising practices on safeguarding and domestic abuse. I am employed by the CCG, not the practice, and I have had no clinical contact with any member of the family. I am independent of the practice and of the clinicians involved.',
    ),
    label('Signed', 'K. Wragg'),
    label('Date', '12 September 2017'),
    new Paragraph({
      spacing: { after: 80 },
      children: [
        ...m.comment(
          [b('Countersigned:'), new TextRun(' ')],
          reviewer,
          'SJ',
          reviewed,
          'Katherine – I can’t countersign until we have talked about 4.5, and the panel will want to hear more of Zoë’s own words. Can we speak on Thursday? Sarah',
        ),
      ],
    }),
    label('Signed'),
    label('Date'),
    label('Version', '2 (draft for panel)'),

    h1('1. Introduction'),
    ...standardIntroduction('NHS Sheffield Clinical Commissioning Group, covering the GP practice'),
    h2('1.1 About the organisation'),
    p(
      'NHS Sheffield CCG commissions primary care in the city. Hillfoot Medical Centre is a six-partner training practice in Walkley with about 9,800 patients. Adult X had been registered there since childhood; Adult XAP registered in 2011 and both children were registered from birth. The practice has a safeguarding lead GP and a safeguarding policy (2014) that includes a page on domestic abuse.',
    ),
    h2('1.2 Terms of reference'),
    p('The terms of reference considered in undertaking this Domestic Homicide Review have been agreed as:'),
    ...termsOfReferenceList(),
    h2('1.3 Methodology'),
    p('The following sources of information were used:'),
    bullet('the electronic patient records of ', ...split('Zoë Ash', 'worth', { highlight: 'yellow' }), ', Darren Kershaw, Daisy-Mae Ashworth and Sonny Ashworth-Kershaw, including scanned letters and reports', m.footnote('Records were accessed under the CCG’s information sharing agreement. NHS numbers: Adult X 999 284 1575; Adult XAP 999 462 8135; Child XS 999 731 0462.'), ';'),
    bullet('the appointment system and the practice’s document workflow log for 2015–2017;'),
    bullet('the practice safeguarding policy (2014) and the CCG’s guidance on MARAC information (2015);'),
    bullet('NICE public health guidance PH50, Domestic violence and abuse: multi-agency working (2014).'),
    p('I interviewed Dr Anil Mehta (GP1), the practice safeguarding lead and the practice manager on 3 August 2017.'),
    h2('1.4 Parallel reviews'),
    p('The practice is not aware of any parallel review other than the criminal proceedings, which have concluded.'),

    h1('2. Family and Household Composition'),
    p(
      b('Adult X: '),
      ...split('Zo', 'ë Louise Ashworth', { font: 'Calibri', size: 22 }),
      ', date of birth 17/08/1982, NHS number 999 284 1575, 14 Hollybank Croft, Sheffield S6 4ZQ. White British. Registered since childhood. Past history of anxiety (2008) and depression from 2015.',
    ),
    p(b('Adult XAP: '), 'Darren Michael Kershaw, date of birth 02/11/1979, same address. White British. Alcohol use recorded in 2010 (AUDIT-C score 9); no other relevant history.'),
    p(b('Child XD: '), 'Daisy-Mae Ashworth, aged 12, and ', b('Child XS: '), 'Sonny Ashworth-Kershaw, aged 4. Immunisations up to date; no concerns recorded.'),
    p('Adult X’s mother, Siobhán Ashworth, is also registered at the practice.'),
    p(
      'Mrs Ashworth was a regular attender with anxiety and low mood over the review period, with eleven contacts with the practice. The practice had no contact with Adult XAP about the relationship and no record of domestic abuse on his record.',
    ),

    h1('3. Chronology'),
    p('The practice’s chronology has been provided separately. The significant contacts were:'),
    p(
      'On 3 March 2015 Mrs Ashworth saw ',
      ...split('Dr Meh', 'ta', { italics: true }),
      ' with low mood and poor sleep (PHQ-9 score 16) and started sertraline. On 7 April she mentioned arguments at home about money; this was not explored. On 25 June 2015 she saw Dr Barraclough with bruising to her right wrist and forearm, which she said she had caught in a door.',
    ),
    p(
      'On 22 February 2016 she attended with Darren, who answered for her. Her anxiety was worse, she had lost 5 kg, and she had stopped work. Dr Mehta asked whether everything was all right at home, in Darren’s presence, and she said it was.',
    ),
    p(
      'On 11 May 2016 a Yorkshire Ambulance Service report of a scalp laceration, treated at home with police in attendance, was filed to her record by an administrator without being seen by a GP. On 27 May 2016 a letter from the MARAC co-ordinator was scanned into her record. No alert or code was added, and nothing was added to Darren’s or the children’s records.',
    ),
    p(
      'After a miscarriage in October 2016, ',
      m.deleted('Dr Barraclough', author, edited),
      m.inserted('GP2', author, edited),
      ' saw her on 18 October 2016. She was tearful and described her partner checking her phone and belittling her. She was given an IDVAS leaflet. No risk assessment was completed and no referral was made. GP2 did not see the MARAC letter.',
    ),
    p(
      'On 20 January 2017 Zoë attended alone and told Dr Mehta about the December incident, the IDVA’s support and Darren’s bail conditions. Dr Mehta coded domestic abuse, added an alert and discussed her safety and the children’s.',
      m.inserted(' Mrs Ashworth was seen alone.', author, edited),
      ' At the review on 3 February she was evasive about whether Darren was back at home; this was not shared with the IDVA. She did not attend her review on 3 March 2017 and this was not followed up.',
    ),

    h1('4. Analysis'),
    h2('4.1 ToR1 and ToR3: recognition of domestic abuse and coercive control'),
    p(
      'There were several presentations in 2015 — depression, money worries at home, an unexplained injury — that together should have prompted a routine enquiry about domestic abuse. NICE guidance PH50 recommends that clinicians ask about domestic abuse when a patient presents with such indicators, and that they see the patient alone. The consultation of 22 February 2016, in which Adult XAP answered for his partner, is a recognised sign of controlling behaviour; it was not recognised as such. GP1 told me he “would not have asked in front of him” had he known of the MARAC.',
    ),
    h2('4.2 ToR2: risk assessment and MARAC'),
    p(
      'The practice did not use the DASH checklist and there is no expectation in its policy that GPs should. The MARAC letter was handled as routine correspondence: the workflow log shows it was scanned and filed by a practice administrator within a day, with no code that would have shown an alert at the next consultation. This is a system failure rather than an individual one: the practice had no protocol for MARAC information, and the CCG guidance of 2015 had not reached the administrators.',
    ),
    h2('4.3 ToR4: information sharing'),
    p(
      'Information reached the practice from the ambulance service and the MARAC but did not reach the clinicians who saw Adult X afterwards. The practice shared nothing with the IDVA service after the consultation of 3 February 2017, when there were grounds to think Adult XAP was living at the home in breach of bail.',
    ),
    h2('4.4 ToR5: the children'),
    p('Neither child’s record showed the MARAC information or the domestic abuse. The children had no consultations in the period that raised concern.'),
    h2('4.5 The consultation of 18 October 2016'),
    p(
      'This was the clearest missed opportunity. Adult X disclosed controlling behaviour after a pregnancy loss, a time of known increased risk. Giving a leaflet was not enough: the practice policy expects a GP to ask about safety, complete a risk assessment or seek advice from the safeguarding lead, and offer a referral. GP2 was working as a locum-to-salaried GP and had not completed the practice’s domestic abuse training.',
    ),
    h2('4.6 ToR6 and ToR7'),
    p('The practice had no role in the response to Adult XAP as a perpetrator or in the housing issues.'),
    h2('4.7 ToR8: equality and diversity'),
    p(
      'Race and culture: Adult X was a white British woman; her mother is of Irish heritage, and the chair has heard that Adult X worried about her mother’s view of separation. Religion: Adult X had no religion; her mother is Roman Catholic. Language: English was her first language and there were no communication needs. Disability: her anxiety and depression were long-term and may have amounted to a disability under the Equality Act 2010; they were treated, but the practice did not consider whether they were linked to her circumstances at home. Her pregnancy and miscarriage in 2016 increased her vulnerability. I found no evidence of discrimination in the service she received.',
    ),
    h2('4.8 Good practice'),
    p('The consultation of 20 January 2017 was good practice: Dr Mehta saw Adult X alone, asked directly about safety and the children, coded the abuse and added an alert.'),

    h1('5. Conclusions'),
    p(
      'The practice provided appropriate treatment for Adult X’s anxiety and depression, but did not recognise the signs of domestic abuse that were present from 2015, and did not act on a disclosure in October 2016. The most important finding is systemic: MARAC information and an ambulance report of an assault reached the practice and were filed without any clinician knowing. Decisions were reasonable given what individual GPs knew, but the practice did not know what it held.',
    ),

    h1('6. Recommendations'),
    table(
      ['Recommendation', 'Action', 'Owner', 'Measure', 'Target date', 'Review'],
      [
        ['MARAC letters are coded on the records of the victim, perpetrator and children', 'Coding protocol issued to all Sheffield practices; administrator training', 'Named GP for Safeguarding Adults, CCG', '90% of MARAC letters coded on every relevant record within five working days (audit of 20 cases)', '31 January 2018', 'Re-audit January 2019; results to the CCG Safeguarding Committee'],
        ['Clinicians ask about domestic abuse when indicators are present, and see the patient alone', 'Practice to join the IRIS training and referral programme', 'Practice safeguarding lead', 'All clinical staff trained; referrals to IDVAS from the practice counted quarterly', '31 March 2018', 'Annual practice safeguarding audit'],
        ['A patient with a domestic abuse alert who misses an appointment is followed up', 'Add the alert to the practice’s DNA follow-up list', 'Practice manager', '100% of missed appointments with an alert followed up within two working days', '31 December 2017', 'Quarterly check by the practice safeguarding lead'],
      ],
      [20, 20, 14, 20, 10, 16],
    ),
    p(''),
    h2('Feedback to staff'),
    p('The findings will be fed back to the practice partners, salaried GPs and administrative staff at the practice’s protected learning time session on 11 October 2017, led by the author, and again when the overview report is completed.'),
  ];

  return imrDocument({
    file: 'gp.docx',
    creator: author,
    lastModifiedBy: 'Fiona Barraclough',
    title: 'GP IMR – Zoë Ashworth',
    description: 'Draft for panel, factual accuracy check by the practice',
    revision: 4,
    created: '2017-08-14T10:02:00Z',
    modified: '2017-09-12T09:10:00Z',
    header: marking('OFFICIAL', 'GP IMR – DHR Adult X – DRAFT v2'),
    footer: [pageFooter('S:\\Safeguarding\\DHR\\2017\\Ashworth Z\\GP IMR v2.docx')],
    marks: m,
    children,
  });
}

// =============================================================================================
// IMR 3 — Sheffield City Council Housing Services. A weak IMR, designed to fail checklist points
// 1 (the author manages the team involved and says nothing of independence), 3 (no background),
// 4 (not anonymised: names, address and postcode, phone, e-mail, file path), 5 (the terms of
// reference are "held on file", not set out or answered), 7 (HO1 not interviewed, no reason),
// 9 (no mention of race, culture, language, religion or disability), 10 (descriptive and
// defensive, no good practice), 11 (conclusions that do not follow), 12 (vague recommendations)
// and 14 (no feedback plan). It passes 2 (the service is described), 6 (records listed), 8 (the
// victim's own words are quoted) and 13 (countersigned by the Head of Neighbourhood Services).

function housingImr(): ImrFile {
  const m = new Marks();
  const author = 'Mark Ollerenshaw';
  const edited = '2017-09-05T11:30:00Z';
  const reviewer = 'Janet Froggatt';
  const reviewed = new Date(Date.UTC(2017, 8, 6, 15, 20));
  const labelled = (name: string, value: Inline | Inline[] = '') => label(name, value, true);

  const children: (Paragraph | Table)[] = [
    title('Sheffield City Council – Housing and Neighbourhoods Service', 26),
    title('INDIVIDUAL MANAGEMENT REVIEW'),
    title('Domestic Homicide Review – Adult X (Ashworth)', 24),
    p(''),
    labelled('Agency', 'Sheffield City Council Housing Services'),
    labelled('Author', 'Mark Ollerenshaw, Area Housing Manager (North)'),
    labelled('Signed', 'M Ollerenshaw'),
    labelled('Date', '6 September 2017'),
    labelled('Countersigned by', 'Janet Froggatt, Head of Neighbourhood Services'),
    labelled('Signed', 'J Froggatt'),
    labelled('Date', '7 September 2017'),
    labelled('Version', '1.2'),

    h1('SECTION 1 – INTRODUCTION'),
    ...standardIntroduction('Sheffield City Council Housing Services'),
    h2('About the Service'),
    p(
      'Sheffield City Council is the landlord for around 39,000 homes. Housing officers in six area teams manage tenancies, including sign-ups, introductory tenancy visits, rent arrears and tenancy enforcement. Repairs are carried out by the council’s repairs service. Tenants can apply for a management transfer where they are at risk in their home. The housing service has a representative at MARAC who places a flag on the housing management system for MARAC cases.',
    ),
    h2('Terms of Reference'),
    p('The terms of reference were circulated by the DACT and are held on file.'),
    h2('Methodology'),
    p('The following records were reviewed:'),
    bullet('the housing management system (tenancy and contact records);'),
    bullet('the repairs history for the property;'),
    bullet('the rent account and arrears letters;'),
    bullet('the tenancy file, including the sign-up documents;'),
    bullet('the MARAC flag log and e-mails between the MARAC representative and the area team.'),
    p(
      ...m.comment(
        ['The housing officer, ', ...split('Kev', 'in Staniforth', { bold: true }), ', was not interviewed.'],
        reviewer,
        'JF',
        reviewed,
        'Mark – can we say why Kevin wasn’t interviewed? The panel will ask. J',
      ),
      ' The repairs operative was spoken to informally.',
    ),
    h2('Parallel Reviews'),
    p('None known.'),

    h1('SECTION 2 – FAMILY AND HOUSEHOLD COMPOSITION'),
    p(
      'The tenants were Ms Zoë Ashworth and Mr Darren Kershaw, joint tenants of 14 Hollybank Croft, Sheffield S6 4ZQ from 12 January 2015. Their previous address was Flat 3, 82 Cavendish Terrace (private rented). The household included Ms Ashworth’s children Daisy-Mae (then 10) and Sonny (then 2). Mr Kershaw worked at Redmires Freight. The contact number on the file for Ms Ashworth is 07700 900418 and her e-mail address is zoe.ashworth82@example.com',
      m.footnote('Tenancy reference 40213/HC/14. The arrears figure includes an £85 recharge for the bedroom door replaced on 2 June 2015.'),
      '.',
    ),

    h1('SECTION 3 – CHRONOLOGY'),
    p(
      'The joint introductory tenancy was signed with Kevin on 12 January 2015. Mr Kershaw answered most of the questions. The six-week visit on 24 February 2015 found no problems.',
    ),
    p(
      'On 2 June 2015 a repair was reported to a bedroom door which had a hole in it. Ms Ashworth said it was an accident. The door was replaced and recharged. The repairs operative, Dean Hollis, has said that he thought the hole “looked like a fist” but he did not report this as there was no procedure for doing so.',
    ),
    p(
      'Arrears built up in early 2016. On 21 March 2016 Kevin visited about the arrears. Darren said Zoë “can’t manage money” and that he would take over the payments. Zoë told Kevin: “He keeps my card, I can’t pay it if I haven’t got it.” Kevin noted that the partner was very dominant and referred the tenants to money advice.',
    ),
    p(
      'On 12 May 2016 an emergency repair was carried out to the front door, which had been forced. Ms Ashworth said she had locked herself out. A MARAC flag was placed on the system on 31 May 2016 by the housing MARAC representative. The area team was not told.',
    ),
    p(
      'On 2 November 2016 Ms Ashworth asked for new locks and a door chain as she had lost her keys. This was done as a standard repair. On 5 January 2017 she phoned Kevin and said she wanted to move “somewhere he can’t find us”. ',
      m.deleted('Ms Ashworth was difficult to contact and did not respond to letters. ', author, edited),
      m.inserted('Kevin explained the management transfer process and posted the form. ', author, edited),
      'A supporting letter was needed from the police or an IDVA. The MARAC action to consider a transfer was e-mailed to Kevin on 16 January 2017 while he was on leave. He rang Ms Ashworth twice in February and March with no answer and the application was closed on 14 March 2017 as no supporting letter had been received.',
    ),
    p('At the annual visit on 4 April 2017 Mr Kershaw said Zoë was at her mother’s. An arrears arrangement was agreed with him.'),

    h1('SECTION 4 – ANALYSIS'),
    p(
      'The housing officer followed the arrears procedure and made an appropriate referral to money advice. Repairs were completed within the target times. The management transfer process was explained to the tenant and the form was sent out promptly. Without a supporting letter the application could not proceed.',
    ),
    p(
      'There was no indication to the housing officer that domestic abuse was taking place, as Ms Ashworth did not disclose it. The MARAC flag was on the system but officers are not required to check it before every contact. The service does not carry out routine screening for domestic abuse.',
    ),

    h1('SECTION 5 – CONCLUSIONS'),
    p('The service provided to the tenants was in line with policy. Tragically, the death of Ms Ashworth could not have been predicted by the housing service.'),

    h1('SECTION 6 – RECOMMENDATIONS'),
    bullet('Staff to be reminded of the domestic abuse policy.'),
    bullet('Consider training for housing officers.'),
    bullet('Improve communication with partner agencies.'),
  ];

  return imrDocument({
    file: 'housing.docx',
    creator: author,
    lastModifiedBy: reviewer,
    title: 'Housing IMR DHR Ashworth',
    revision: 3,
    created: '2017-08-21T13:47:00Z',
    modified: '2017-09-07T10:05:00Z',
    header: marking('DHR – Zoë Ashworth – Housing IMR – DRAFT'),
    footer: [pageFooter('Housing Services | North Area Office | 0114 496 0302')],
    marks: m,
    children,
  });
}

// =============================================================================================
// Run as a script: npm run samples [-- OUTDIR]

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const outDir = process.argv[2] ? path.resolve(process.argv[2]) : sampleCaseDir;
  const written = await generateSamples(outDir);
  for (const f of written) process.stdout.write(`${path.join(outDir, f)}\n`);
}
