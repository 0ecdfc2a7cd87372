/**
 * Excel outputs with exceljs: the merged chronology (every agency's Template 20 rows in one
 * sheet, in date order, with the QA checks' flags) and the action plan (Template 25 with its
 * key to status, RAG colours and data validation).
 *
 * Both are ready to print: A4 landscape, fitted to the page width, the column row repeated on
 * every page, the marking in header and footer. Both are deterministic: the workbook's dates
 * come from the input, its author is "dhr-kit", and the zip entries carry a fixed time, so the
 * same input gives the same bytes.
 */
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import type { Marking } from '../assemble/types.ts';
import { chronologyRowKey, type ChronologyRow } from '../model.ts';
import type { ActionPlan, ActionStatus, Recommendation } from '../../schemas/action-plan.ts';
import { actionStatuses, actionStatusNames, recommendationScopes } from '../../schemas/action-plan.ts';
import { DhrError } from '../errors.ts';
import { markingText } from './marking.ts';
import { zipParts, zipPartsAsync } from './zip.ts';

/* ------------------------------------------------------------------------------------------ */
/* Shared                                                                                      */

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A YYYY-MM-DD date as an Excel date (midnight UTC, so the cell holds a whole day). */
function excelDate(iso: string): Date | null {
  const m = isoPattern.exec(iso);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCFullYear() === Number(m[1]) && date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]) ? date : null;
}

/** Text for an Excel header or footer: "&" must be doubled. */
function headerText(text: string): string {
  return text.replace(/&/g, '&&');
}

/** Excel header and footer codes for a marking: OFFICIAL centred, the draft number, page X of Y. */
export function excelHeaderFooter(marking: Marking, caseReference?: string): { oddHeader: string; oddFooter: string } {
  const text = markingText(marking);
  const bold = (s: string) => `&"Arial,Bold"${headerText(s)}`;
  const left = caseReference ? `&L${headerText(caseReference)}` : '';
  const centre = text.classification ? `&C${bold(text.classification)}` : '';
  const right = text.draft ? `&R${headerText(text.draft)}` : '';
  const footLeft = [text.draft, text.note].filter((s): s is string => s !== null).map(headerText).join(' · ');
  return {
    oddHeader: `${left}${centre}${right}`,
    oddFooter: `${footLeft ? `&L${footLeft}` : ''}${centre}&RPage &P of &N`,
  };
}

function setUpWorkbook(title: string, subject: string | undefined, date: Date): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'dhr-kit';
  workbook.lastModifiedBy = 'dhr-kit';
  workbook.created = date;
  workbook.modified = date;
  workbook.title = title;
  if (subject) workbook.subject = subject;
  workbook.company = '';
  workbook.manager = '';
  return workbook;
}

function setUpPrinting(sheet: ExcelJS.Worksheet, marking: Marking, caseReference: string | undefined, headerRow: number): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerRow}:${headerRow}`,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    horizontalCentered: true,
  };
  sheet.headerFooter = { differentFirst: false, differentOddEven: false, ...excelHeaderFooter(marking, caseReference) };
}

function freezeBelow(sheet: ExcelJS.Worksheet, headerRow: number): void {
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
}

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const allBorders: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

function styleHeader(row: ExcelJS.Row): void {
  row.font = { name: 'Arial', size: 10, bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'left', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
    cell.border = allBorders;
  });
}

/** Rough row height so wrapped text shows in full (Excel does not grow rows it did not write). */
function rowHeight(texts: { text: string; width: number }[]): number {
  let lines = 1;
  for (const { text, width } of texts) {
    const perLine = Math.max(1, Math.floor(width * 1.25));
    const count = text.split(/\r?\n/).reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
    lines = Math.max(lines, count);
  }
  return Math.min(409, 13.5 * lines + 3);
}

/** The zip format keeps local time: the date's day at noon from local fields, so every time zone writes the same. */
function zipTime(date: Date): Date {
  return new Date(Math.max(1980, date.getUTCFullYear()), date.getUTCMonth(), date.getUTCDate(), 12, 0, 0);
}

/**
 * Write the workbook, then re-pack its zip with a fixed time on every entry (exceljs stamps the
 * current time), so the bytes depend on the input only.
 */
async function finish(workbook: ExcelJS.Workbook, date: Date): Promise<Uint8Array> {
  // Stored, not compressed: the entries are compressed once, below.
  const written = new Uint8Array(await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions));
  const entries = unzipSync(written);
  const mtime = zipTime(date);
  return zipParts(
    Object.entries(entries).map(([name, data]) => ({ name, data })),
    mtime,
  );
}

/** The latest of some YYYY-MM-DD dates, as the workbook's date; the Unix epoch when there are none. */
function latestDate(dates: (string | undefined)[]): Date {
  const valid = dates.map((d) => (d ? excelDate(d) : null)).filter((d): d is Date => d !== null);
  return valid.length ? new Date(Math.max(...valid.map((d) => d.getTime()))) : new Date(0);
}

/* ------------------------------------------------------------------------------------------ */
/* Merged chronology                                                                           */

/** Flags of the QA checks by row: the index of the row in the input, or chronologyRowKey(row). */
export type ChronologyFlags = ReadonlyMap<number | string, readonly string[]> | Readonly<Record<string, readonly string[]>>;

export interface MergedChronologyOptions {
  caseReference: string;
  marking: Marking;
  flags?: ChronologyFlags;
  /** YYYY-MM-DD for the workbook's created and modified dates; the latest entry's date by default. */
  date?: string;
}

/** A stable key for a chronology row: where it stands in its source file. */
export { chronologyRowKey };

/** Rows in date order (date from, then agency, then their order in the input): a stable sort. */
export function mergeChronologyRows(rows: readonly ChronologyRow[]): { row: ChronologyRow; index: number }[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      if (a.row.dateFrom !== b.row.dateFrom) return a.row.dateFrom < b.row.dateFrom ? -1 : 1;
      if (a.row.agency !== b.row.agency) return a.row.agency < b.row.agency ? -1 : 1;
      return a.index - b.index;
    });
}

function flagsFor(flags: ChronologyFlags | undefined, row: ChronologyRow, index: number): string[] {
  if (!flags) return [];
  const found: string[] = [];
  const take = (list: readonly string[] | undefined) => {
    for (const flag of list ?? []) if (!found.includes(flag)) found.push(flag);
  };
  const key = chronologyRowKey(row);
  if (flags instanceof Map) {
    take(flags.get(index));
    take(flags.get(String(index)));
    take(flags.get(key));
  } else {
    const record = flags as Readonly<Record<string, readonly string[]>>;
    take(record[String(index)]);
    take(record[key]);
  }
  return found;
}

/** Template 20's columns and the flags; widths chosen so A4 landscape, fitted to width, stays legible. */
const chronologyColumns: { header: string; key: keyof ChronologyRow | 'flags'; width: number; wrap?: boolean; date?: boolean }[] = [
  { header: 'Agency', key: 'agency', width: 16, wrap: true },
  { header: 'Date from', key: 'dateFrom', width: 11, date: true },
  { header: 'Date to', key: 'dateTo', width: 11, date: true },
  { header: 'Client code', key: 'clientCode', width: 10, wrap: true },
  { header: 'Staff code', key: 'staffCode', width: 10, wrap: true },
  { header: 'Source of information', key: 'source', width: 16, wrap: true },
  { header: 'Event', key: 'event', width: 46, wrap: true },
  { header: 'Client seen', key: 'clientSeen', width: 9, wrap: true },
  { header: 'Action', key: 'action', width: 32, wrap: true },
  { header: 'Flags', key: 'flags', width: 24, wrap: true },
];

/* The merged chronology's workbook is written directly as SpreadsheetML: one sheet of fixed
   layout and a handful of styles, where exceljs would build a model of every cell (and its
   style) before writing it — seconds and hundreds of MB for a large review's tens of
   thousands of rows. The parts are those exceljs writes for the same sheet, so Excel, exceljs
   and the checks read it the same way. */

const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const mainNs = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relNs = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const theme1 = createRequire(import.meta.url)('exceljs/lib/xlsx/xml/theme1.js') as string;

/** Text for XML, as exceljs writes it: markup escaped, control characters (other than tab and line breaks) left out. */
function xmlText(text: string): string {
  return text.replace(/["&'<>\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, (ch) =>
    ch === '"' ? '&quot;' : ch === '&' ? '&amp;' : ch === "'" ? '&apos;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '',
  );
}

/** Days since 30 December 1899: Excel's number for a date. */
function excelSerial(date: Date): number {
  return date.getTime() / 86_400_000 + 25569;
}

/** "A", "B", … "J": the letters of a column (the chronology has ten). */
function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The cell styles (cellXfs) of the merged chronology, by name: their index is the cell's s="…". */
const chronologyStyles = {
  normal: 0,
  title: 1,
  subtitle: 2,
  headerRow: 3,
  header: 4,
  text: 5,
  date: 6,
  flagged: 7,
} as const;

const chronologyStylesXml =
  `${xmlHead}<styleSheet xmlns="${mainNs}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac x16r2" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>' +
  '<fonts count="6" x14ac:knownFonts="1"><font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Arial"/></font><font><i/><sz val="10"/><name val="Arial"/></font><font><b/><sz val="10"/><name val="Arial"/></font><font><sz val="10"/><name val="Arial"/></font><font><b/><color rgb="FF9C0006"/><sz val="10"/><name val="Arial"/></font></fonts>' +
  '<fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFCE4D6"/></patternFill></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color rgb="FF808080"/></left><right style="thin"><color rgb="FF808080"/></right><top style="thin"><color rgb="FF808080"/></top><bottom style="thin"><color rgb="FF808080"/></bottom><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="8">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="left" vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="3" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="left" vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="4" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="left" vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="164" fontId="4" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>' +
  '<xf numFmtId="0" fontId="5" fillId="3" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="left" vertical="top" wrapText="1"/></xf>' +
  '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  '<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext><ext uri="{9260A510-F301-46a8-8635-F512D64BE5F5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:timelineStyles defaultTimelineStyle="TimeSlicerStyleLight1"/></ext></extLst></styleSheet>';

/** The merged chronology as an .xlsx workbook. */
export async function renderMergedChronologyXlsx(rows: readonly ChronologyRow[], options: MergedChronologyOptions): Promise<Uint8Array> {
  for (const row of rows) {
    for (const [field, value] of [['date from', row.dateFrom], ['date to', row.dateTo]] as const) {
      if (value !== undefined && value !== '' && excelDate(value) === null) {
        throw new DhrError('invalid-chronology', `the ${field} "${value}" is not a date written as YYYY-MM-DD`, row.place);
      }
    }
  }
  const date = options.date ? excelDate(options.date) : latestDate(rows.flatMap((r) => [r.dateFrom, r.dateTo]));
  if (!date) throw new DhrError('usage', `the workbook date must be written as YYYY-MM-DD, not "${options.date}"`);
  const sheetName = 'Merged chronology';
  const title = 'Merged chronology';

  // Shared strings, numbered in the order the cells use them.
  const strings = new Map<string, number>();
  const stringList: string[] = [];
  let stringUses = 0;
  const shared = (text: string): number => {
    stringUses++;
    let n = strings.get(text);
    if (n === undefined) {
      n = stringList.length;
      strings.set(text, n);
      stringList.push(text);
    }
    return n;
  };
  const textCell = (ref: string, style: number, text: string | null | undefined): string =>
    text ? `<c r="${ref}" s="${style}" t="s"><v>${shared(text)}</v></c>` : `<c r="${ref}" s="${style}"/>`;

  const columns = chronologyColumns.length;
  const last = columnLetter(columns - 1);
  const headerRow = 3;
  const merged = mergeChronologyRows(rows);
  const lastRow = headerRow + Math.max(merged.length, 1);
  const agencies = new Set(rows.map((r) => r.agency)).size;
  const sheetRows: string[] = [
    `<row r="1" spans="1:2" s="${chronologyStyles.title}" customFormat="1" x14ac:dyDescent="0.25">${textCell('A1', chronologyStyles.title, 'DHR case:')}${textCell('B1', chronologyStyles.title, options.caseReference)}</row>`,
    `<row r="2" spans="1:1" x14ac:dyDescent="0.25">${textCell('A2', chronologyStyles.subtitle, `Merged chronology of ${agencies} agenc${agencies === 1 ? 'y' : 'ies'}, in date order`)}</row>`,
    `<row r="3" ht="28" customHeight="1" spans="1:${columns}" s="${chronologyStyles.headerRow}" customFormat="1" x14ac:dyDescent="0.25">${chronologyColumns.map((c, i) => textCell(`${columnLetter(i)}3`, chronologyStyles.header, c.header)).join('')}</row>`,
  ];
  const letters = chronologyColumns.map((_, i) => columnLetter(i));
  const wrapped = chronologyColumns.filter((c) => c.wrap);
  merged.forEach(({ row, index }, n) => {
    const r = headerRow + 1 + n;
    const flags = flagsFor(options.flags, row, index).join('\n');
    const cells = chronologyColumns.map((c, i) => {
      const ref = `${letters[i]}${r}`;
      if (c.key === 'flags') return textCell(ref, flags ? chronologyStyles.flagged : chronologyStyles.text, flags);
      if (c.date) {
        const value = row[c.key as 'dateFrom' | 'dateTo'];
        const day = value ? excelDate(value) : null;
        return day ? `<c r="${ref}" s="${chronologyStyles.date}"><v>${excelSerial(day)}</v></c>` : `<c r="${ref}" s="${chronologyStyles.date}"/>`;
      }
      const value = row[c.key as keyof ChronologyRow];
      return textCell(ref, chronologyStyles.text, typeof value === 'string' && value !== '' ? value : null);
    });
    const height = rowHeight(wrapped.map((c) => ({ text: c.key === 'flags' ? flags : String(row[c.key as keyof ChronologyRow] ?? ''), width: c.width })));
    sheetRows.push(`<row r="${r}" ht="${height}" customHeight="1" spans="1:${columns}" x14ac:dyDescent="0.25">${cells.join('')}</row>`);
  });

  // Columns of the same width in a row are one <col>; a width of 9, exceljs's default, is left to the default (as exceljs did).
  const cols: string[] = [];
  chronologyColumns.forEach((c, i) => {
    if (c.width === 9) return;
    const previous = cols.length > 0 && i > 0 && chronologyColumns[i - 1].width === c.width;
    if (previous) cols[cols.length - 1] = cols[cols.length - 1].replace(/max="\d+"/, `max="${i + 1}"`);
    else cols.push(`<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`);
  });
  const headerFooter = excelHeaderFooter(options.marking, options.caseReference);
  const sheet =
    `${xmlHead}<worksheet xmlns="${mainNs}" xmlns:r="${relNs}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:${last}${headerRow + merged.length}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRow}" topLeftCell="A${headerRow + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${headerRow + 1}" sqref="A${headerRow + 1}"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15" outlineLevelRow="0" outlineLevelCol="0" x14ac:dyDescent="55"/><cols>${cols.join('')}</cols>` +
    `<sheetData>${sheetRows.join('')}</sheetData>` +
    `<autoFilter ref="A${headerRow}:${last}${lastRow}"/><printOptions horizontalCentered="1"/>` +
    '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape" horizontalDpi="4294967295" verticalDpi="4294967295" scale="100" fitToWidth="1" fitToHeight="0"/>' +
    `<headerFooter><oddHeader>${xmlText(headerFooter.oddHeader)}</oddHeader><oddFooter>${xmlText(headerFooter.oddFooter)}</oddFooter></headerFooter></worksheet>`;
  sheetRows.length = 0;

  const stringItems = stringList.map((t) => `<si><t${/^\s|\n|\s$/.test(t) ? ' xml:space="preserve"' : ''}>${xmlText(t)}</t></si>`);
  const sharedStrings = `${xmlHead}<sst xmlns="${mainNs}" count="${stringUses}" uniqueCount="${stringList.length}">${stringItems.join('')}</sst>`;
  const quotedSheet = `'${sheetName.replace(/'/g, "''")}'`;
  const workbook =
    `${xmlHead}<workbook xmlns="${mainNs}" xmlns:r="${relNs}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">` +
    `<fileVersion appName="xl" lastEdited="5" lowestEdited="5" rupBuild="9303"/><workbookPr defaultThemeVersion="164011" filterPrivacy="1"/>` +
    `<sheets><sheet sheetId="1" name="${xmlText(sheetName)}" state="visible" r:id="rId4"/></sheets>` +
    `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">${xmlText(`${quotedSheet}!$A1:$${last}${lastRow}`)}</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">${xmlText(`${quotedSheet}!$${headerRow}:$${headerRow}`)}</definedName></definedNames>` +
    '<calcPr calcId="171027"/></workbook>';
  const stamp = `${date.toISOString().slice(0, 19)}Z`;
  const core =
    `${xmlHead}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>dhr-kit</dc:creator><dc:title>${xmlText(title)}</dc:title>${options.caseReference ? `<dc:subject>${xmlText(options.caseReference)}</dc:subject>` : ''}<dc:description></dc:description><cp:keywords></cp:keywords><cp:category></cp:category><cp:lastModifiedBy>dhr-kit</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified></cp:coreProperties>`;
  const app =
    `${xmlHead}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    `<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="1" baseType="lpstr"><vt:lpstr>${xmlText(sheetName)}</vt:lpstr></vt:vector></TitlesOfParts><Company></Company><Manager></Manager><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>`;
  const contentTypes =
    `${xmlHead}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
    '<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>';
  const rootRels =
    `${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>';
  const workbookRels =
    `${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
    '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';

  const encoder = new TextEncoder();
  return zipPartsAsync(
    [
      ['[Content_Types].xml', contentTypes],
      ['_rels/.rels', rootRels],
      ['xl/_rels/workbook.xml.rels', workbookRels],
      ['xl/worksheets/sheet1.xml', sheet],
      ['xl/sharedStrings.xml', sharedStrings],
      ['xl/theme/theme1.xml', theme1],
      ['xl/styles.xml', chronologyStylesXml],
      ['docProps/app.xml', app],
      ['docProps/core.xml', core],
      ['xl/workbook.xml', workbook],
    ].map(([name, text]) => ({ name, data: encoder.encode(text) })),
    zipTime(date),
  );
}

/* ------------------------------------------------------------------------------------------ */
/* Action plan                                                                                 */

export interface ActionPlanOptions {
  /** The review's reference; the plan's own when absent. */
  caseReference?: string;
  marking: Marking;
  /** YYYY-MM-DD for the workbook's dates; the plan's "updated" date, else its latest date. */
  date?: string;
  /** Empty rows below the plan that still carry the validation, for recommendations added later. */
  spareRows?: number;
}

/**
 * Template 25's key to status. The template names no colour for COMPLETE; blue is the usual
 * choice in DHR action plans (RAG + blue, "BRAG").
 */
export const statusColours: Record<ActionStatus, { fill: string; font: string }> = {
  RED: { fill: 'FFFF0000', font: 'FFFFFFFF' },
  AMBER: { fill: 'FFFFC000', font: 'FF000000' },
  GREEN: { fill: 'FF00B050', font: 'FF000000' },
  COMPLETE: { fill: 'FF5B9BD5', font: 'FFFFFFFF' },
};

interface PlanColumn {
  header: string;
  width: number;
  value: (r: Recommendation) => string | Date | null;
  kind?: 'date' | 'status' | 'scope';
}

/** exceljs keeps range validations on the worksheet; its typings only declare them per cell. */
function validations(sheet: ExcelJS.Worksheet): { add(range: string, validation: ExcelJS.DataValidation): void } {
  return (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Template 25's columns with the Home Office template's scope, action and lead agency. The
 * SMARTER parts (measure, evaluation, review) and the origin get columns only when the plan
 * uses them, so the sheet stays legible on A4.
 */
function planColumns(plan: ActionPlan): PlanColumn[] {
  const uses = (field: keyof Recommendation) => plan.recommendations.some((r) => r[field] !== undefined);
  const columns: (PlanColumn | null)[] = [
    { header: 'Rec. No.', width: 11, value: (r) => r.id },
    { header: 'Recommendation', width: 34, value: (r) => r.recommendation },
    { header: 'Scope', width: 10, value: (r) => (r.scope ? capitalise(r.scope) : null), kind: 'scope' },
    { header: 'Action to take', width: 26, value: (r) => r.action ?? null },
    { header: 'Lead agency', width: 15, value: (r) => r.agency },
    { header: 'Lead person', width: 14, value: (r) => r.lead ?? null },
    { header: 'Key milestones', width: 30, value: (r) => (r.milestones?.length ? r.milestones.map((m) => `• ${m}`).join('\n') : null) },
    uses('measure') ? { header: 'Measure', width: 18, value: (r) => r.measure ?? null } : null,
    uses('evaluation') ? { header: 'Evaluation', width: 18, value: (r) => r.evaluation ?? null } : null,
    uses('review') ? { header: 'Review', width: 18, value: (r) => r.review ?? null } : null,
    { header: 'Target date', width: 11, value: (r) => (r.targetDate ? excelDate(r.targetDate) : null), kind: 'date' },
    { header: 'Status', width: 11, value: (r) => r.status, kind: 'status' },
    { header: 'Date the full action was completed', width: 12, value: (r) => (r.completed ? excelDate(r.completed) : null), kind: 'date' },
    { header: 'Evidence of outcome and improvements made', width: 28, value: (r) => r.outcome ?? null },
    uses('origin') ? { header: 'Origin', width: 10, value: (r) => (r.origin === 'imr' ? 'IMR' : r.origin === 'overview' ? 'Overview' : null) } : null,
  ];
  return columns.filter((c): c is PlanColumn => c !== null);
}

/** The action plan as an .xlsx workbook in the layout of Template 25. */
export async function renderActionPlanXlsx(plan: ActionPlan, options: ActionPlanOptions): Promise<Uint8Array> {
  const reference = options.caseReference ?? plan.reference;
  const date = options.date
    ? excelDate(options.date)
    : plan.updated
      ? excelDate(plan.updated)
      : latestDate(plan.recommendations.flatMap((r) => [r.targetDate, r.completed]));
  if (!date) throw new DhrError('usage', `the workbook date must be written as YYYY-MM-DD, not "${options.date}"`);

  const workbook = setUpWorkbook('Action plan', reference, date);
  const sheet = workbook.addWorksheet('Action plan');
  const columns = planColumns(plan);
  sheet.columns = columns.map((c) => ({ width: c.width }));

  // Header rows, as the template's reader (pipeline/ingest/action-plan.ts) understands them.
  sheet.getCell('A1').value = 'Action Plan';
  sheet.getCell('A1').font = { name: 'Arial', size: 14, bold: true };
  if (reference) {
    sheet.getCell('A2').value = 'DHR case:';
    sheet.getCell('B2').value = reference;
    sheet.getRow(2).font = { name: 'Arial', size: 11, bold: true };
  }
  if (plan.updated) {
    sheet.getCell('A3').value = 'Updated:';
    const updated = sheet.getCell('B3');
    updated.value = excelDate(plan.updated);
    updated.numFmt = 'dd/mm/yyyy';
    updated.alignment = { horizontal: 'left' };
    sheet.getRow(3).font = { name: 'Arial', size: 10 };
  }

  // Key to status (Template 25), above the table so it prints on the first page.
  const keyRow = 5;
  sheet.getCell(`A${keyRow}`).value = 'Key to status';
  sheet.getCell(`A${keyRow}`).font = { name: 'Arial', size: 10, bold: true };
  actionStatusNames.forEach((status, i) => {
    const row = keyRow + 1 + i;
    const swatch = sheet.getCell(`A${row}`);
    swatch.value = status;
    swatch.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: statusColours[status].fill } };
    swatch.font = { name: 'Arial', size: 10, bold: true, color: { argb: statusColours[status].font } };
    swatch.alignment = { horizontal: 'center' };
    swatch.border = allBorders;
    const meaning = sheet.getCell(`B${row}`);
    meaning.value = actionStatuses[status];
    meaning.font = { name: 'Arial', size: 10 };
  });

  const headerRow = keyRow + actionStatusNames.length + 2;
  const header = sheet.getRow(headerRow);
  columns.forEach((c, i) => {
    header.getCell(i + 1).value = c.header;
  });
  styleHeader(header);
  header.height = 42;

  plan.recommendations.forEach((rec, n) => {
    const row = sheet.getRow(headerRow + 1 + n);
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.value = c.value(rec);
      cell.font = { name: 'Arial', size: 10 };
      cell.alignment = { vertical: 'top', horizontal: c.kind ? 'center' : 'left', wrapText: !c.kind };
      cell.border = allBorders;
      if (c.kind === 'date') cell.numFmt = 'dd/mm/yyyy';
      if (c.kind === 'status') {
        const colours = statusColours[rec.status];
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: colours.fill } };
        cell.font = { name: 'Arial', size: 10, bold: true, color: { argb: colours.font } };
      }
    });
    row.height = rowHeight(columns.filter((c) => !c.kind).map((c) => ({ text: String(c.value(rec) ?? ''), width: c.width })));
  });

  const firstData = headerRow + 1;
  const lastData = headerRow + plan.recommendations.length;
  const lastValidated = lastData + (options.spareRows ?? 50);
  const letter = (kind: PlanColumn['kind']) => sheet.getColumn(columns.findIndex((c) => c.kind === kind) + 1).letter;
  const statusRange = `${letter('status')}${firstData}:${letter('status')}${lastValidated}`;

  validations(sheet).add(statusRange, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${actionStatusNames.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Status',
    error: `Choose one of ${actionStatusNames.join(', ')} (Template 25's key to status).`,
  });
  validations(sheet).add(`${letter('scope')}${firstData}:${letter('scope')}${lastValidated}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${recommendationScopes.map(capitalise).join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Scope',
    error: `Choose one of ${recommendationScopes.map(capitalise).join(', ')}.`,
  });
  columns.forEach((c, i) => {
    if (c.kind !== 'date') return;
    const col = sheet.getColumn(i + 1).letter;
    validations(sheet).add(`${col}${firstData}:${col}${lastValidated}`, {
      type: 'date',
      operator: 'between',
      allowBlank: true,
      formulae: [new Date(Date.UTC(2000, 0, 1)), new Date(Date.UTC(2099, 11, 31))],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: c.header.length <= 32 ? c.header : 'Date', // Excel allows 32 characters
      error: 'Enter a date, for example 31/12/2018.',
    });
  });
  // The colours follow the status when someone changes it in Excel.
  sheet.addConditionalFormatting({
    ref: statusRange,
    rules: actionStatusNames.map((status, i) => ({
      type: 'cellIs',
      operator: 'equal',
      priority: i + 1,
      formulae: [`"${status}"`],
      style: {
        fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: statusColours[status].fill } },
        font: { bold: true, color: { argb: statusColours[status].font } },
      },
    })),
  });

  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: Math.max(lastData, headerRow + 1), column: columns.length } };
  freezeBelow(sheet, headerRow);
  setUpPrinting(sheet, options.marking, reference, headerRow);
  sheet.pageSetup.printArea = `A1:${sheet.getColumn(columns.length).letter}${Math.max(lastData, headerRow + 1)}`;
  return finish(workbook, date);
}
