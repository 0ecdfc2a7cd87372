/**
 * Read an agency's chronology (.xlsx or .csv) in the layout of the guide's Template 20:
 *
 *   DHR case: …                      (optional header rows, the value after the colon
 *   Agency: …                         or in the next cell)
 *   Person completing chronology: …
 *   Agency | Date from | Date to | Client code | Staff code | Source of information | Event | Client seen | Action
 *   … one row per event …
 *
 * The column row may stand in any row and start in any column; headings are matched ignoring
 * case, spaces and trailing colons or question marks, with common variants ("Source of info",
 * "Client seen?", "Date"). Only "Date from" and "Event" are required. Blank rows are skipped,
 * as are rows with nothing but an agency or codes (the template's pre-filled rows).
 *
 * Every bad cell of the file is reported at once (DhrError 'invalid-chronology' whose problems
 * name file, sheet and cell — or line and column for CSV — and the value as written).
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Case } from '../../schemas/case.ts';
import { DhrError, type Place, type Problem } from '../errors.ts';
import { readInput } from '../files.ts';
import type { Chronology, ChronologyRow } from '../model.ts';
import { canonicalAgency } from './agency.ts';
import { parseDate, formatUkDate, isoFromUtcDate } from './dates.ts';
import { libraryReason, openOfficePackage } from './office-package.ts';
import { binaryKind, decodeText } from './text.ts';

export type ChronologyColumn = 'agency' | 'dateFrom' | 'dateTo' | 'clientCode' | 'staffCode' | 'source' | 'event' | 'clientSeen' | 'action';

/** Template 20's columns in order, with their headings as the template writes them. */
export const chronologyColumns: { key: ChronologyColumn; heading: string; aliases: string[] }[] = [
  { key: 'agency', heading: 'Agency', aliases: ['agency', 'organisation', 'organization', 'agency name'] },
  { key: 'dateFrom', heading: 'Date from', aliases: ['date from', 'from date', 'from', 'start date', 'date', 'date of event', 'event date'] },
  { key: 'dateTo', heading: 'Date to', aliases: ['date to', 'to date', 'to', 'end date'] },
  { key: 'clientCode', heading: 'Client code', aliases: ['client code', 'client', 'client codes', 'subject code', 'subject'] },
  { key: 'staffCode', heading: 'Staff code', aliases: ['staff code', 'staff', 'staff codes', 'professional code', 'practitioner code'] },
  { key: 'source', heading: 'Source of information', aliases: ['source of information', 'source of info', 'source of information/record', 'source', 'information source'] },
  { key: 'event', heading: 'Event', aliases: ['event', 'events', 'event details', 'details of event', 'description of event', 'event/contact'] },
  { key: 'clientSeen', heading: 'Client seen', aliases: ['client seen', 'seen', 'client seen y/n', 'was client seen'] },
  { key: 'action', heading: 'Action', aliases: ['action', 'actions', 'action taken', 'outcome/action', 'action/outcome'] },
];

const requiredColumns: ChronologyColumn[] = ['dateFrom', 'event'];

/** Columns that make a row an entry; a row with only agency or codes is a template leftover. */
const contentColumns: ChronologyColumn[] = ['dateFrom', 'dateTo', 'source', 'event', 'clientSeen', 'action'];

export interface ReadChronologyOptions {
  /** Password of an encrypted (password-protected) workbook. */
  password?: string;
}

/** Read a chronology (.xlsx or .csv). Throws DhrError listing every bad cell. */
export async function readChronology(file: string, caseModel?: Case, options: ReadChronologyOptions = {}): Promise<Chronology> {
  const extension = path.extname(file).toLowerCase();
  if (extension !== '.xlsx' && extension !== '.csv') {
    throw new DhrError('unsupported-format', 'a chronology must be an Excel workbook (.xlsx) or a CSV file (.csv)', { file });
  }
  const bytes = await readInput(file);
  const grids = extension === '.xlsx' ? await readWorkbook(bytes, file, options) : [readCsvGrid(bytes, file)];
  return readGrids(grids, file, caseModel);
}

// ---------------------------------------------------------------------------------------------
// A sheet as a grid of cells, whatever the file format

interface GridCell {
  /** The value: string, number, Date, boolean, or null when empty. */
  value: unknown;
  /** The value as written, for messages. */
  text: string;
  place: Place;
  /** The address of the merge's master cell when this cell is part of a merged range. */
  master?: string;
}

interface GridRow {
  /** Row number (xlsx) or first line (csv). */
  number: number;
  cells: (GridCell | undefined)[];
}

interface Grid {
  sheet?: string;
  rows: GridRow[];
  date1904: boolean;
  /** How to say where a row is: "row 7" or "line 7". */
  rowWord: 'row' | 'line';
}

async function readWorkbook(bytes: Buffer, file: string, options: ReadChronologyOptions): Promise<Grid[]> {
  const pkg = await openOfficePackage(bytes, file, 'xlsx', options);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(pkg.bytes.buffer, pkg.bytes.byteOffset, pkg.bytes.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    throw new DhrError('corrupt', `this Excel workbook is damaged and cannot be read${libraryReason(error)}: open it in Excel, save it again and resend it`, { file });
  }
  const date1904 = Boolean((workbook.properties as { date1904?: boolean } | undefined)?.date1904);
  return workbook.worksheets.map((sheet) => {
    const rows: GridRow[] = [];
    const columnCount = sheet.columnCount;
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const cells: (GridCell | undefined)[] = [];
      for (let c = 1; c <= Math.max(columnCount, row.cellCount); c++) {
        const cell = row.getCell(c);
        const raw = cellValue(cell.value);
        const value = typeof raw === 'string' && raw.trim() === '' ? null : raw;
        cells[c - 1] = {
          value,
          text: writtenText(value),
          place: { file, sheet: sheet.name, cell: cell.address },
          master: cell.isMerged && cell.master.address !== cell.address ? cell.master.address : undefined,
        };
      }
      rows.push({ number: r, cells });
    }
    return { sheet: sheet.name, rows, date1904, rowWord: 'row' as const };
  });
}

/** exceljs's cell value as a plain value: formulas give their saved result, rich text its text. */
function cellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((part) => part.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null) return { noResult: true };
      if (typeof result === 'object' && result !== null && 'error' in result) return { error: String((result as { error: unknown }).error) };
      return result;
    }
    if ('error' in value) return { error: String(value.error) };
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('text' in value && typeof value.text === 'object' && value.text !== null && 'richText' in value.text) {
      return (value.text as { richText: { text: string }[] }).richText.map((p) => p.text).join('');
    }
  }
  return String(value);
}

/** A date cell as people write it; a date Excel could not store (a date format on a huge number) says so. */
function dateText(value: Date): string {
  return Number.isNaN(value.getTime()) ? '(a date Excel could not store)' : formatUkDate(isoFromUtcDate(value));
}

function writtenText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    if ('error' in value) return String((value as { error: string }).error);
    if ('noResult' in value) return '(a formula with no saved result)';
  }
  return String(value);
}

function readCsvGrid(bytes: Buffer, file: string): Grid {
  if (bytes.length === 0) throw new DhrError('invalid-chronology', 'the file is empty: it should hold the chronology in the Template 20 layout', { file });
  const kind = binaryKind(bytes);
  if (kind !== undefined) {
    const what = kind === 'zip' ? 'an Excel workbook or other zip file (perhaps a .xlsx renamed .csv)' : kind === 'ole' ? 'an old-format or encrypted Office file' : 'a binary file';
    throw new DhrError('unsupported-format', `this is ${what}, not a CSV text file: check the file, or give it its proper extension`, { file });
  }
  const text = decodeText(bytes);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, { info: true, relax_column_count: true, skip_empty_lines: false, bom: true }) as unknown as typeof records;
  } catch (error) {
    const csv = error as { code?: string; lines?: number; message?: string };
    const reason =
      csv.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quoted field ("…) is never closed: add the closing double quote'
        : csv.code === 'CSV_INVALID_CLOSING_QUOTE'
          ? 'a field has text after its closing double quote: a double quote inside a quoted field must be written twice ("")'
          : `this is not valid CSV (${csv.message?.split('\n')[0] ?? 'unknown error'})`;
    throw new DhrError('invalid-chronology', reason, { file, line: csv.lines });
  }
  const rows: GridRow[] = [];
  let previousEnd = 0;
  for (const { record, info } of records) {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    rows.push({
      number: line,
      cells: record.map((value, index) => {
        const trimmed = value.trim();
        return { value: trimmed === '' ? null : trimmed, text: value, place: { file, line, column: index + 1 } };
      }),
    });
  }
  return { rows, date1904: false, rowWord: 'line' };
}

// ---------------------------------------------------------------------------------------------
// Finding the column row and the header rows

function headingKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u00a0\s]+/g, ' ')
    .replace(/[*:?.]+\s*$/g, '')
    .replace(/\s*\/\s*/g, '/')
    .trim();
}

function columnFor(text: string): ChronologyColumn | undefined {
  const key = headingKey(text);
  if (key === '') return undefined;
  return chronologyColumns.find((c) => c.aliases.includes(key))?.key;
}

interface ColumnRow {
  grid: Grid;
  rowIndex: number;
  columns: Map<ChronologyColumn, number>;
  /** Headings as written, for messages. */
  found: string[];
}

function findColumnRow(grid: Grid): ColumnRow | undefined {
  let best: ColumnRow | undefined;
  const limit = Math.min(grid.rows.length, 200);
  for (let i = 0; i < limit; i++) {
    const columns = new Map<ChronologyColumn, number>();
    const found: string[] = [];
    grid.rows[i].cells.forEach((cell, index) => {
      if (!cell || typeof cell.value !== 'string' || cell.master) return;
      const column = columnFor(cell.value);
      if (column && !columns.has(column)) {
        columns.set(column, index);
        found.push(cell.value.trim());
      }
    });
    const score = columns.size + (columns.has('dateFrom') ? 0.5 : 0) + (columns.has('event') ? 0.5 : 0);
    const bestScore = best ? best.columns.size + (best.columns.has('dateFrom') ? 0.5 : 0) + (best.columns.has('event') ? 0.5 : 0) : 0;
    if (columns.size >= 2 && score > bestScore) best = { grid, rowIndex: i, columns, found };
  }
  return best;
}

const headerLabels: { field: keyof Chronology['header']; pattern: RegExp }[] = [
  { field: 'case', pattern: /^((dhr|sir|dhr\/sir|dhr or sir) )?case( reference| ref| name| number)?$/ },
  { field: 'agency', pattern: /^(agency|organisation|organization|agency name)$/ },
  { field: 'completedBy', pattern: /^(person completing( the)? chronology|completed by|chronology completed by|author|name of person completing( the)? chronology)$/ },
];

function readHeader(grid: Grid, beforeRow: number): Chronology['header'] {
  const header: Chronology['header'] = {};
  for (let r = 0; r < beforeRow; r++) {
    const cells = grid.rows[r].cells;
    cells.forEach((cell, index) => {
      if (!cell || typeof cell.value !== 'string' || cell.master) return;
      const match = /^([^:]{1,60}?)\s*:\s*(.*)$/s.exec(cell.value.trim()) ?? [cell.value, cell.value, ''];
      const label = match[1].toLowerCase().replace(/\s+/g, ' ').replace(/\s*\/\s*/g, '/').trim();
      const field = headerLabels.find((h) => h.pattern.test(label))?.field;
      if (!field || header[field] !== undefined) return;
      let value = match[2].trim();
      if (value === '') {
        const next = cells.slice(index + 1).find((c) => c && c.value !== null && (c.master === undefined || c.master !== cell.place.cell) && c.text.trim() !== '');
        value = next ? next.text.trim() : '';
      }
      if (value !== '') header[field] = value;
    });
  }
  return header;
}

// ---------------------------------------------------------------------------------------------
// Rows

function readGrids(grids: Grid[], file: string, caseModel: Case | undefined): Chronology {
  const agencies = caseModel?.agencies ?? [];
  const located = grids.map(findColumnRow).filter((c): c is ColumnRow => c !== undefined);
  const usable = located.filter((c) => requiredColumns.every((k) => c.columns.has(k)));

  if (usable.length === 0) {
    if (grids.every((g) => g.rows.every((r) => r.cells.every((c) => !c || c.value === null)))) {
      throw new DhrError('invalid-chronology', 'the chronology is empty: it should hold the Template 20 columns (Agency | Date from | Date to | … | Event | Client seen | Action) and one row per event', { file, sheet: grids[0]?.sheet });
    }
    const expected = chronologyColumns.map((c) => c.heading).join(' | ');
    const best = located[0];
    if (best === undefined) {
      throw new DhrError(
        'invalid-chronology',
        `no row of column headings found: put the Template 20 headings in one row (${expected}); "Date from" and "Event" are required`,
        { file, sheet: grids[0]?.sheet },
      );
    }
    const missing = requiredColumns.filter((k) => !best.columns.has(k)).map((k) => `"${chronologyColumns.find((c) => c.key === k)!.heading}"`);
    const row = best.grid.rows[best.rowIndex];
    throw new DhrError(
      'invalid-chronology',
      `the column row (${best.grid.rowWord} ${row.number}) has no ${missing.join(' or ')} column: found ${best.found.map((f) => `"${f}"`).join(', ')}; name the columns as Template 20 does (${expected})`,
      { file, sheet: best.grid.sheet, ...(best.grid.rowWord === 'line' ? { line: row.number } : { cell: firstCellAddress(row) }) },
    );
  }

  const header: Chronology['header'] = {};
  for (const columnRow of usable) {
    const found = readHeader(columnRow.grid, columnRow.rowIndex);
    for (const field of ['case', 'agency', 'completedBy'] as const) if (header[field] === undefined && found[field] !== undefined) header[field] = found[field];
  }

  const problems: Problem[] = [];
  const entries: (Omit<ChronologyRow, 'agency'> & { agency?: string })[] = [];
  for (const columnRow of usable) readRows(columnRow, entries, problems);
  if (problems.length > 0) {
    throw new DhrError('invalid-chronology', problems[0].message, problems[0].place, problems);
  }

  const agency = chronologyAgency(header, entries, file, agencies);
  const rows: ChronologyRow[] = entries.map((e) => ({ ...e, agency: e.agency ? canonicalAgency(e.agency, agencies) : agency }));
  return { file, agency, header, rows };
}

function firstCellAddress(row: GridRow): string | undefined {
  return row.cells.find((c) => c && c.value !== null)?.place.cell;
}

function readRows(columnRow: ColumnRow, entries: (Omit<ChronologyRow, 'agency'> & { agency?: string })[], problems: Problem[]): void {
  const { grid, columns } = columnRow;
  const headingOf = (key: ChronologyColumn) => {
    const index = columns.get(key)!;
    const cell = grid.rows[columnRow.rowIndex].cells[index];
    return typeof cell?.value === 'string' ? cell.value.trim() : chronologyColumns.find((c) => c.key === key)!.heading;
  };
  for (let r = columnRow.rowIndex + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r];
    const cellOf = (key: ChronologyColumn): GridCell | undefined => {
      const index = columns.get(key);
      return index === undefined ? undefined : row.cells[index];
    };
    const textOf = (key: ChronologyColumn): string => {
      const cell = cellOf(key);
      if (!cell || cell.value === null) return '';
      if (cell.value instanceof Date) return dateText(cell.value);
      if (typeof cell.value === 'object') return writtenText(cell.value);
      return String(cell.value).trim();
    };
    const placeOf = (key: ChronologyColumn): Place => {
      const cell = cellOf(key);
      if (cell) return cell.place;
      const fallback = row.cells.find((c) => c !== undefined)?.place;
      return grid.rowWord === 'line' ? { file: fallback?.file, line: row.number } : { ...fallback };
    };
    // A cell merged down from the row above belongs to that row: prose columns read it as empty
    // (so an event is not repeated); dates, agency and codes take the merged value.
    const ownText = (key: ChronologyColumn): string => (cellOf(key)?.master === undefined ? textOf(key) : '');
    if (contentColumns.every((k) => ownText(k) === '')) continue;

    const dateFromCell = cellOf('dateFrom');
    let dateFrom: string | undefined;
    if (!dateFromCell || dateFromCell.value === null) {
      const what = textOf('event') !== '' ? 'an event' : 'entries';
      problems.push({ place: placeOf('dateFrom'), message: `${headingOf('dateFrom')}: this row has ${what} but no date; fill in the date it happened (day/month/year)` });
    } else {
      dateFrom = readDateCell(dateFromCell, headingOf('dateFrom'), grid, problems);
    }
    let dateTo: string | undefined;
    const dateToCell = cellOf('dateTo');
    if (dateToCell && dateToCell.value !== null) {
      dateTo = readDateCell(dateToCell, headingOf('dateTo'), grid, problems);
      if (dateFrom !== undefined && dateTo !== undefined && dateTo < dateFrom) {
        problems.push({
          place: dateToCell.place,
          message: `${headingOf('dateTo')}: the end date "${dateToCell.text.trim()}" (${formatUkDate(dateTo)}) is before the start date in ${headingOf('dateFrom')} (${formatUkDate(dateFrom)}); correct one of them`,
        });
        dateTo = undefined;
      }
    }
    if (dateFrom === undefined) continue;
    const agency = textOf('agency');
    entries.push({
      agency: agency === '' ? undefined : agency,
      dateFrom,
      ...(dateTo !== undefined ? { dateTo } : {}),
      clientCode: textOf('clientCode'),
      staffCode: textOf('staffCode'),
      source: ownText('source'),
      event: ownText('event'),
      clientSeen: ownText('clientSeen'),
      action: ownText('action'),
      place: dateFromCell!.place,
    });
  }
}

/** Excel's day number of 1 January 1920: a smaller bare number in a date column is not a date. */
const earliestSerial = 7306;

function readDateCell(cell: GridCell, heading: string, grid: Grid, problems: Problem[]): string | undefined {
  const value = cell.value;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const reason = 'noResult' in value ? 'this cell holds a formula with no saved result: open the file in Excel and save it again' : `this cell shows the error ${cell.text}: correct the formula or type the date`;
    problems.push({ place: cell.place, message: `${heading}: ${reason}` });
    return undefined;
  }
  const numeric = typeof value === 'number' ? value : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : undefined;
  if (numeric !== undefined && numeric < earliestSerial) {
    problems.push({ place: cell.place, message: `${heading}: the number ${cell.text.trim()} is not a date; type the date as day/month/year, for example 03/02/2016` });
    return undefined;
  }
  const result = parseDate(value, { date1904: grid.date1904 });
  if (result.ok) return result.iso;
  problems.push({ place: cell.place, message: `${heading}: "${cell.text.trim()}" — ${result.reason}` });
  return undefined;
}

function chronologyAgency(header: Chronology['header'], entries: { agency?: string }[], file: string, agencies: Case['agencies']): string {
  if (header.agency) return canonicalAgency(header.agency, agencies);
  const counts = new Map<string, number>();
  for (const e of entries) if (e.agency && e.agency !== '0') counts.set(e.agency, (counts.get(e.agency) ?? 0) + 1);
  const common = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (common) return canonicalAgency(common, agencies);
  return canonicalAgency(path.basename(file, path.extname(file)), agencies);
}
