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
import ExcelJS from 'exceljs';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { Marking } from '../assemble/types.ts';
import { chronologyRowKey, type ChronologyRow } from '../model.ts';
import type { ActionPlan, ActionStatus, Recommendation } from '../../schemas/action-plan.ts';
import { actionStatuses, actionStatusNames, recommendationScopes } from '../../schemas/action-plan.ts';
import { DhrError } from '../errors.ts';
import { markingText } from './marking.ts';

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

/**
 * Write the workbook, then re-pack its zip with a fixed time on every entry (exceljs stamps the
 * current time), so the bytes depend on the input only.
 */
async function finish(workbook: ExcelJS.Workbook, date: Date): Promise<Uint8Array> {
  // Stored, not compressed: the entries are compressed once, below.
  const written = new Uint8Array(await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions));
  const entries = unzipSync(written);
  // The zip format keeps local time: build the date from local fields, so every time zone writes the same.
  const mtime = new Date(Math.max(1980, date.getUTCFullYear()), date.getUTCMonth(), date.getUTCDate(), 12, 0, 0);
  const files: Zippable = {};
  for (const [name, data] of Object.entries(entries)) files[name] = [data, { mtime, level: 6 }];
  return zipSync(files, { mtime, level: 6 });
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

  const workbook = setUpWorkbook('Merged chronology', options.caseReference, date);
  const sheet = workbook.addWorksheet('Merged chronology', { properties: { defaultRowHeight: 15 } });
  sheet.columns = chronologyColumns.map((c) => ({ key: c.key, width: c.width }));

  const agencies = [...new Set(rows.map((r) => r.agency))];
  sheet.getCell('A1').value = 'DHR case:';
  sheet.getCell('B1').value = options.caseReference;
  sheet.getRow(1).font = { name: 'Arial', size: 11, bold: true };
  sheet.getCell('A2').value = `Merged chronology of ${agencies.length} agenc${agencies.length === 1 ? 'y' : 'ies'}, in date order`;
  sheet.getCell('A2').font = { name: 'Arial', size: 10, italic: true };

  const headerRow = 3;
  const header = sheet.getRow(headerRow);
  chronologyColumns.forEach((c, i) => {
    header.getCell(i + 1).value = c.header;
  });
  styleHeader(header);
  header.height = 28;

  // One style object per column (and one for a flagged row's flags), shared by every cell:
  // exceljs registers a style object once, where a style per cell costs a lookup each.
  const cellStyle = (c: (typeof chronologyColumns)[number]): Partial<ExcelJS.Style> => ({
    ...(c.date ? { numFmt: 'dd/mm/yyyy' } : {}),
    font: { name: 'Arial', size: 10 },
    alignment: { vertical: 'top', horizontal: c.date ? 'center' : 'left', wrapText: Boolean(c.wrap) },
    border: allBorders,
  });
  const styles = chronologyColumns.map(cellStyle);
  const flaggedStyle: Partial<ExcelJS.Style> = {
    ...styles[styles.length - 1],
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } },
    font: { name: 'Arial', size: 10, bold: true, color: { argb: 'FF9C0006' } },
  };
  const wrapped = chronologyColumns.filter((c) => c.wrap);

  const merged = mergeChronologyRows(rows);
  merged.forEach(({ row, index }, n) => {
    const excelRow = sheet.getRow(headerRow + 1 + n);
    const flags = flagsFor(options.flags, row, index);
    chronologyColumns.forEach((c, i) => {
      const cell = excelRow.getCell(i + 1);
      if (c.key === 'flags') cell.value = flags.join('\n') || null;
      else if (c.date) {
        const value = row[c.key as 'dateFrom' | 'dateTo'];
        cell.value = value ? excelDate(value) : null;
      } else {
        const value = row[c.key as keyof ChronologyRow];
        cell.value = typeof value === 'string' && value !== '' ? value : null;
      }
      cell.style = c.key === 'flags' && flags.length > 0 ? flaggedStyle : styles[i];
    });
    excelRow.height = rowHeight(wrapped.map((c) => ({ text: c.key === 'flags' ? flags.join('\n') : String(row[c.key as keyof ChronologyRow] ?? ''), width: c.width })));
  });

  const lastRow = headerRow + Math.max(merged.length, 1);
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: lastRow, column: chronologyColumns.length } };
  freezeBelow(sheet, headerRow);
  setUpPrinting(sheet, options.marking, options.caseReference, headerRow);
  sheet.pageSetup.printArea = `A1:${sheet.getColumn(chronologyColumns.length).letter}${lastRow}`;
  return finish(workbook, date);
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
