/**
 * Read an action plan (guide, Template 25) from action-plan.yaml or action-plan.xlsx.
 *
 * YAML: checked against schemas/action-plan.ts; a mistake is named by line and field, an
 * unknown field with the nearest known one ("did you mean …?").
 *
 * Excel: the column row (Rec. No. | Recommendation | Key milestones | Lead person | Target date |
 * Status | Date the full action was completed | Evidence of outcome …) is found wherever it
 * stands, its names matched case-, space- and punctuation-insensitively; a second header row
 * beneath it (the template splits "Milestones / actions taken" into "Key milestones" and the
 * completion date) is merged in. Optional rows above it: "DHR case:", "Agency:", "Updated:".
 * Below it, a row with a single entry in its first column is an agency heading (the template's
 * "INSERT Agency name"); rows whose number starts "e.g." are the template's example and are
 * skipped; a row without a number or recommendation continues the one above; reading stops at
 * "Key to status". Dates are Excel date cells or text: 03/02/2018 (day first), 2018-02-03,
 * 3 Feb 2018, or a month alone (Dec 2017 = by 31 December 2017). Every bad cell is reported at
 * once, each with its sheet and cell.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import {
  actionPlanSchema,
  actionStatusNames,
  normaliseStatus,
  recommendationScopes,
  repeatedIds,
  type ActionPlan,
} from '../../schemas/action-plan.ts';
import { DhrError, type Place, type Problem } from '../errors.ts';
import { readInput } from '../files.ts';
import { toPlainData } from './case.ts';
import { formatField, nearest, valueAt, yamlNodeAt } from './yaml-fields.ts';
import { libraryReason, openOfficePackage, type OpenOptions } from './office-package.ts';

export type { ActionPlan, Recommendation } from '../../schemas/action-plan.ts';

/** Read action-plan.yaml / .yml / .xlsx. */
export async function readActionPlan(file: string, options: OpenOptions = {}): Promise<ActionPlan> {
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.yaml' && ext !== '.yml' && ext !== '.xlsx') {
    const hint = ext === '.xls' || ext === '.xlsm' || ext === '.ods' ? '; save it as an Excel workbook (.xlsx)' : '';
    throw new DhrError('unsupported-format', `an action plan must be a .yaml or .xlsx file${hint}`, { file });
  }
  const bytes = await readInput(file);
  if (ext === '.xlsx') return parseActionPlanWorkbook(bytes, file, options);
  return parseActionPlanYaml(bytes.toString('utf8'), file);
}

// ---------------------------------------------------------------------------------------------
// YAML

export function parseActionPlanYaml(source: string, file = 'action-plan.yaml'): ActionPlan {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const problems: Problem[] = doc.errors.map((e) => {
      const pos = lineCounter.linePos(e.pos[0]);
      return { place: { file, line: pos.line, column: pos.col }, message: `this is not valid YAML: ${e.message.split('\n')[0].trim()}` };
    });
    throw new DhrError('invalid-action-plan', problems[0].message, problems[0].place, problems);
  }
  const data = toPlainData(doc, file, 'invalid-action-plan');
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new DhrError('invalid-action-plan', 'the action plan must be a mapping with a "recommendations:" list; it is empty or not a mapping', { file, line: 1 });
  }
  const result = actionPlanSchema.safeParse(data);
  if (result.success) return result.data;

  const problems: Problem[] = [];
  const issues: z.core.$ZodIssue[] = [...result.error.issues];
  for (const repeat of repeatedIds((data as { recommendations?: unknown }).recommendations)) {
    if (!issues.some((i) => i.message === repeat.message)) issues.push({ code: 'custom', input: undefined, ...repeat } as z.core.$ZodIssue);
  }
  for (const issue of issues) {
    for (const d of describeIssue(issue, data)) {
      const node = yamlNodeAt(doc.contents as YamlNode | null, d.path);
      const offset = node?.range?.[0];
      const line = offset === undefined ? undefined : lineCounter.linePos(offset).line;
      problems.push({ place: { file, line, field: formatField(d.path) || undefined }, message: d.message });
    }
  }
  problems.sort((a, b) => (a.place?.line ?? 0) - (b.place?.line ?? 0));
  throw new DhrError('invalid-action-plan', problems[0].message, problems[0].place, problems);
}

interface Described {
  path: PropertyKey[];
  message: string;
}

/** The field names allowed at a path, for did-you-mean. */
function fieldsAt(keys: PropertyKey[]): string[] {
  if (keys.length === 0) return Object.keys(actionPlanSchema.shape);
  if (keys[0] === 'recommendations' && keys.length === 2) return Object.keys(actionPlanSchema.shape.recommendations.element.shape);
  return [];
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown): Described[] {
  if (issue.code === 'unrecognized_keys') {
    const known = fieldsAt(issue.path);
    return issue.keys.map((key) => {
      const guess = nearest(key, known);
      return { path: [...issue.path, key], message: `unknown field "${key}"${guess ? ` — did you mean "${guess}"?` : ''}` };
    });
  }
  const value = valueAt(data, issue.path);
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && value === undefined) {
    return [{ path: issue.path, message: `the field "${String(issue.path.at(-1))}" is required` }];
  }
  if (issue.code === 'invalid_value' && 'values' in issue) {
    const shown = typeof value === 'string' || typeof value === 'number' ? ` (not "${String(value)}")` : '';
    return [{ path: issue.path, message: `must be one of: ${(issue.values as unknown[]).join(', ')}${shown}` }];
  }
  return [{ path: issue.path, message: issue.message }];
}






// ---------------------------------------------------------------------------------------------
// Excel

type Field =
  | 'id'
  | 'recommendation'
  | 'agency'
  | 'scope'
  | 'origin'
  | 'action'
  | 'milestones'
  | 'lead'
  | 'measure'
  | 'evaluation'
  | 'review'
  | 'targetDate'
  | 'status'
  | 'completed'
  | 'outcome';

/** Column names as people write them, normalised (lower case, letters and digits only). */
const exactNames: Record<string, Field> = {
  'rec no': 'id',
  'rec number': 'id',
  'rec ref': 'id',
  rec: 'id',
  no: 'id',
  number: 'id',
  ref: 'id',
  'recommendation no': 'id',
  'recommendation number': 'id',
  recommendation: 'recommendation',
  recommendations: 'recommendation',
  'lead agency': 'agency',
  agency: 'agency',
  organisation: 'agency',
  'lead organisation': 'agency',
  action: 'action',
  actions: 'action',
  'action to take': 'action',
  'action required': 'action',
  'lead person': 'lead',
  'lead officer': 'lead',
  lead: 'lead',
  owner: 'lead',
  'responsible officer': 'lead',
  'how will success be measured': 'measure',
  'success measure': 'measure',
  'target date': 'targetDate',
  target: 'targetDate',
  'target completion date': 'targetDate',
  deadline: 'targetDate',
  'by when': 'targetDate',
  status: 'status',
  rag: 'status',
  'rag status': 'status',
  'date the full action was completed': 'completed',
  'date full action completed': 'completed',
  'date completed': 'completed',
  'completion date': 'completed',
  'date of completion': 'completed',
  completed: 'completed',
  outcome: 'outcome',
  outcomes: 'outcome',
  evidence: 'outcome',
  origin: 'origin',
  source: 'origin',
};

const prefixNames: [string, Field][] = [
  ['scope', 'scope'],
  ['key milestones', 'milestones'],
  ['milestones', 'milestones'],
  ['measure', 'measure'],
  ['evaluation', 'evaluation'],
  ['review', 'review'],
  ['evidence of outcome', 'outcome'],
  ['date of completion and outcome', 'outcome'],
];

const fieldLabels: Record<Field, string> = {
  id: 'Rec. No.',
  recommendation: 'Recommendation',
  agency: 'Lead agency',
  scope: 'Scope',
  origin: 'Origin',
  action: 'Action to take',
  milestones: 'Key milestones',
  lead: 'Lead person',
  measure: 'Measure',
  evaluation: 'Evaluation',
  review: 'Review',
  targetDate: 'Target date',
  status: 'Status',
  completed: 'Date the full action was completed',
  outcome: 'Evidence of outcome and improvements made',
};

function normaliseName(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

export function columnField(name: string): Field | undefined {
  const n = normaliseName(name);
  if (!n) return undefined;
  if (exactNames[n]) return exactNames[n];
  for (const [prefix, field] of prefixNames) if (n === prefix || n.startsWith(`${prefix} `)) return field;
  return undefined;
}

interface CellText {
  text: string;
  /** Set when the cell holds an Excel date. */
  date?: Date;
  number?: number;
}

function cellText(cell: ExcelJS.Cell): CellText {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return { text: '' };
  if (v instanceof Date) return dateCellText(v);
  if (typeof v === 'number') return { text: String(v), number: v };
  if (typeof v === 'string') return { text: v.trim() };
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE' };
  if (typeof v === 'object') {
    const o = v as Record<string, any>;
    if (Array.isArray(o.richText)) return { text: o.richText.map((r: { text: string }) => r.text).join('').trim() };
    if ('result' in o) {
      const r = o.result;
      if (r instanceof Date) return dateCellText(r);
      if (typeof r === 'number') return { text: String(r), number: r };
      return { text: r === undefined || r === null ? '' : String(r).trim() };
    }
    if (typeof o.text === 'string') return { text: o.text.trim() };
    if (Array.isArray(o.text?.richText)) return { text: o.text.richText.map((r: { text: string }) => r.text).join('').trim() };
    if ('error' in o) return { text: String(o.error) };
  }
  return { text: String(v) };
}

/** A date cell's text; a date Excel could not store (a date format on a huge number) is text, not a date. */
function dateCellText(d: Date): CellText {
  return Number.isNaN(d.getTime()) ? { text: '(a date Excel could not store)' } : { text: d.toISOString(), date: d };
}

const monthNames = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function iso(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function fullYear(y: number, written: string): number {
  return written.length === 2 ? 2000 + y : y;
}

/** "Feb", "Feb.", "February", "Sept" → 2; anything else → undefined. */
function month(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const i = monthNames.findIndex((m) => m.startsWith(w));
  return i >= 0 ? i + 1 : undefined;
}

/** A date as text → YYYY-MM-DD; `impossible` when it has a date's shape but does not exist. */
export function parseTextDate(text: string): { date?: string; impossible?: boolean } {
  const s = text.trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s);
  if (m) {
    const date = iso(fullYear(Number(m[3]), m[3]), Number(m[2]), Number(m[1]));
    return date ? { date } : { impossible: true };
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) {
    const date = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    return date ? { date } : { impossible: true };
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+\.?),?\s+(\d{4})$/.exec(s);
  if (m) {
    const mon = month(m[2]);
    if (mon === undefined) return {};
    const date = iso(Number(m[3]), mon, Number(m[1]));
    return date ? { date } : { impossible: true };
  }
  // A month alone ("Dec 2017", "December 2017"): the template's target dates; by the month's last day.
  m = /^([A-Za-z]+\.?)\s+(\d{4})$/.exec(s);
  if (m) {
    const mon = month(m[1]);
    if (mon === undefined) return {};
    const last = new Date(Date.UTC(Number(m[2]), mon, 0)).getUTCDate();
    return { date: iso(Number(m[2]), mon, last) };
  }
  return {};
}

function excelDate(cell: CellText): { date?: string; problem?: string } {
  if (cell.date) {
    const d = cell.date;
    return { date: iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) };
  }
  if (cell.number !== undefined) {
    // An Excel serial date stored without a date format (1954–2099); a bare year is refused.
    if (Number.isInteger(cell.number) && cell.number >= 20000 && cell.number <= 73050) {
      const d = new Date(Date.UTC(1899, 11, 30) + cell.number * 86_400_000);
      return { date: iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) };
    }
    return { problem: `${cell.text} is not a date: write it as a date such as 31/12/2017` };
  }
  const parsed = parseTextDate(cell.text);
  if (parsed.date) return { date: parsed.date };
  if (parsed.impossible) return { problem: `"${cell.text}" is not a date that exists` };
  return { problem: `"${cell.text}" is not a date: write it as 31/12/2017, 2017-12-31, 31 Dec 2017 or Dec 2017` };
}

interface ColumnRow {
  row: number;
  /** Last header row (the column row, or the sub-header row beneath it). */
  lastHeaderRow: number;
  columns: Map<number, Field>;
}

function rowTexts(sheet: ExcelJS.Worksheet, rowNumber: number): Map<number, CellText> {
  const out = new Map<number, CellText>();
  const row = sheet.getRow(rowNumber);
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    // A merged cell's slaves repeat the master's value: read it once, at the master.
    if (cell.isMerged && cell.master !== cell) return;
    const t = cellText(cell);
    if (t.text !== '') out.set(col, t);
  });
  return out;
}

function findColumnRow(sheet: ExcelJS.Worksheet): ColumnRow | undefined {
  const limit = Math.min(sheet.rowCount, 40);
  for (let r = 1; r <= limit; r++) {
    const cells = rowTexts(sheet, r);
    const columns = new Map<number, Field>();
    for (const [col, cell] of cells) {
      const field = columnField(cell.text);
      if (field && ![...columns.values()].includes(field)) columns.set(col, field);
    }
    const fields = new Set(columns.values());
    if (!fields.has('recommendation') || fields.size < 2) continue;
    // A second header row beneath: every entry in it is a column name.
    let lastHeaderRow = r;
    const next = rowTexts(sheet, r + 1);
    if (next.size > 0 && [...next.values()].every((c) => columnField(c.text) !== undefined)) {
      for (const [col, cell] of next) columns.set(col, columnField(cell.text)!);
      lastHeaderRow = r + 1;
    }
    return { row: r, lastHeaderRow, columns };
  }
  return undefined;
}

function address(col: number, row: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return `${s}${row}`;
}

/** The label of a header row above the table ("DHR case:", "Agency:", "Updated:"), and its value. */
function headerLabel(cells: Map<number, CellText>): { label: string; value: string; valueCell?: CellText } | undefined {
  const entries = [...cells.entries()].sort((a, b) => a[0] - b[0]);
  if (entries.length === 0) return undefined;
  const first = entries[0][1].text;
  const m = /^([^:]{2,40}):\s*(.*)$/s.exec(first);
  if (!m) return undefined;
  const label = normaliseName(m[1]);
  if (m[2].trim()) return { label, value: m[2].trim() };
  const second = entries[1]?.[1];
  return second ? { label, value: second.text, valueCell: second } : { label, value: '' };
}

interface RawRecommendation {
  values: Record<string, unknown>;
  /** Cell address of each field read. */
  cells: Partial<Record<Field, string>>;
  /** The row's first cell, for a problem with no column of its own (no agency). */
  rowCell: string;
  row: number;
  sheet: string;
  /** The sheet's columns, to name the empty cell of a missing value. */
  columns: Map<Field, number>;
}

export async function parseActionPlanWorkbook(data: Uint8Array, file = 'action-plan.xlsx', options: OpenOptions = {}): Promise<ActionPlan> {
  // The package is checked first (what it really is, the zip-bomb limits); exceljs reads only what passed.
  let pkg: Awaited<ReturnType<typeof openOfficePackage>>;
  try {
    pkg = await openOfficePackage(data, file, 'xlsx', options);
  } catch (error) {
    if (error instanceof DhrError && error.code === 'unsupported-format') throw new DhrError('corrupt', `this is not a readable Excel workbook (.xlsx): ${error.message}`, error.place);
    throw error;
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(pkg.bytes.buffer, pkg.bytes.byteOffset, pkg.bytes.byteLength) as any);
  } catch (error) {
    throw new DhrError('corrupt', `this Excel workbook is damaged and cannot be read${libraryReason(error)}: open it in Excel, save it again and resend it`, { file });
  }

  const problems: Problem[] = [];
  const reported = new Set<string>();
  /** Report a problem once per cell and field: a bad cell is not reported again by the schema. */
  const problem = (place: Place, message: string, field = '') => {
    const key = `${place.sheet}!${place.cell}!${field}`;
    if (reported.has(key)) return;
    reported.add(key);
    problems.push({ place, message });
  };

  const raws: RawRecommendation[] = [];
  let reference: string | undefined;
  let updated: string | undefined;
  let sheetsWithTable = 0;

  for (const sheet of workbook.worksheets) {
    const header = findColumnRow(sheet);
    if (!header) continue;
    sheetsWithTable++;
    const place = (cell: string): Place => ({ file, sheet: sheet.name, cell });

    const present = new Set(header.columns.values());
    if (!present.has('status')) {
      const first = Math.min(...header.columns.keys());
      problem(place(address(first, header.row)), 'the column row has no "Status" column (Template 25: RED, AMBER, GREEN or COMPLETE)');
      continue;
    }

    // Header rows above the table.
    let sheetAgency: string | undefined;
    for (let r = 1; r < header.row; r++) {
      const cells = rowTexts(sheet, r);
      const label = headerLabel(cells);
      if (!label || !label.value) continue;
      if (/^(dhr case|case|dhr|reference|review)$/.test(label.label)) reference ??= label.value;
      else if (/^(agency|lead agency|organisation)$/.test(label.label)) sheetAgency = label.value;
      else if (/^(updated|date updated|last updated|as at|status at)$/.test(label.label)) {
        const [col] = [...cells.entries()].sort((a, b) => a[0] - b[0]).at(-1)!;
        const parsed = excelDate(label.valueCell ?? { text: label.value });
        if (parsed.date) updated ??= parsed.date;
        else problem(place(address(col, r)), parsed.problem!);
      }
    }

    const firstColumn = Math.min(...header.columns.keys());
    const fieldColumns = new Map<Field, number>([...header.columns].map(([col, field]) => [field, col]));
    let agencyHeading: string | undefined;
    let last: RawRecommendation | undefined;

    for (let r = header.lastHeaderRow + 1; r <= sheet.rowCount; r++) {
      const cells = rowTexts(sheet, r);
      if (cells.size === 0) continue;
      const firstText = [...cells.entries()].sort((a, b) => a[0] - b[0])[0][1].text;
      if (/^key( to status)?\b/i.test(firstText)) break;

      const byField = new Map<Field, { col: number; cell: CellText }>();
      for (const [col, cell] of cells) {
        const field = header.columns.get(col);
        if (field) byField.set(field, { col, cell });
      }

      // An agency heading: one entry, in the table's first column (or left of it).
      const onlyCol = cells.size === 1 ? [...cells.keys()][0] : undefined;
      if (onlyCol !== undefined && onlyCol <= firstColumn && !byField.has('recommendation') && /[A-Za-z]{2}/.test(firstText) && !/^e\.?\s?g\b/i.test(firstText)) {
        agencyHeading = firstText.replace(/^agency:\s*/i, '').trim();
        last = undefined;
        continue;
      }
      if (/^e\.?\s?g\b/i.test(byField.get('id')?.cell.text ?? '')) continue;

      const isContinuation = !byField.has('id') && !byField.has('recommendation') && last !== undefined;
      const raw: RawRecommendation = isContinuation
        ? last!
        : { values: {}, cells: {}, rowCell: address(firstColumn, r), row: r, sheet: sheet.name, columns: fieldColumns };

      for (const [field, { col, cell }] of byField) {
        const at = address(col, r);
        const value = readField(field, cell, (message) => problem(place(at), message, field));
        if (value === undefined) {
          raw.cells[field] ??= at;
          continue;
        }
        if (isContinuation && raw.values[field] !== undefined) {
          const before = raw.values[field];
          raw.values[field] = Array.isArray(before) ? [...before, ...(value as string[])] : `${String(before)}\n${String(value)}`;
        } else {
          raw.values[field] = value;
          raw.cells[field] = at;
        }
      }
      if (isContinuation) continue;

      raw.values.agency ??= agencyHeading ?? sheetAgency;
      raws.push(raw);
      last = raw;
    }
  }

  if (sheetsWithTable === 0) {
    throw new DhrError(
      'invalid-action-plan',
      'no column row found: expected Template 25 columns such as "Rec. No.", "Recommendation", "Lead person", "Target date" and "Status"',
      { file },
    );
  }

  // Rows without a Rec. No. are numbered in order, skipping numbers already used.
  const used = new Set(raws.map((r) => r.values.id).filter((id) => id !== undefined).map(String));
  let next = 0;
  for (const raw of raws) {
    if (raw.values.id !== undefined) continue;
    do next++;
    while (used.has(String(next)));
    raw.values.id = String(next);
  }

  // A sheet refused for its layout, and nothing else read: the layout problem is the whole story.
  if (problems.length > 0 && raws.length === 0) throw new DhrError('invalid-action-plan', problems[0].message, problems[0].place, problems);

  const plan = { reference, updated, recommendations: raws.map((r) => r.values) };
  const result = actionPlanSchema.safeParse(plan);
  if (!result.success) {
    const issues: { path: PropertyKey[]; message: string; code: string }[] = [...result.error.issues];
    for (const repeat of repeatedIds(plan.recommendations)) {
      if (!issues.some((i) => i.message === repeat.message)) issues.push({ code: 'custom', ...repeat });
    }
    for (const issue of issues) {
      const [top, index, field] = issue.path;
      if (top !== 'recommendations' || typeof index !== 'number') {
        problems.push({ place: { file }, message: issue.message });
        continue;
      }
      const raw = raws[index];
      const name = typeof field === 'string' ? (field as Field) : undefined;
      const column = name ? raw.columns.get(name) : undefined;
      const cell = (name && raw.cells[name]) || (column !== undefined ? address(column, raw.row) : raw.rowCell);
      let message = issue.message;
      if (name && raw.values[name] === undefined && issue.code !== 'custom') {
        message =
          name === 'agency'
            ? 'no lead agency: add a "Lead agency" column or an agency heading row above this recommendation'
            : `"${fieldLabels[name] ?? name}" is missing`;
      }
      problem({ file, sheet: raw.sheet, cell }, message, name);
    }
  }

  if (problems.length > 0) {
    const sheetOrder = workbook.worksheets.map((w) => w.name);
    const position = (p: Problem) => {
      const m = /^([A-Z]+)(\d+)$/.exec(p.place?.cell ?? '');
      const col = m ? m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) : 0;
      return [sheetOrder.indexOf(p.place?.sheet ?? ''), m ? Number(m[2]) : 0, col];
    };
    problems.sort((a, b) => {
      const [pa, pb] = [position(a), position(b)];
      return pa[0] - pb[0] || pa[1] - pb[1] || pa[2] - pb[2];
    });
    throw new DhrError('invalid-action-plan', problems[0].message, problems[0].place, problems);
  }
  return result.data!;
}

/** A cell's value for a field, or undefined after reporting the problem. */
function readField(field: Field, cell: CellText, report: (message: string) => void): unknown {
  switch (field) {
    case 'targetDate':
    case 'completed': {
      const parsed = excelDate(cell);
      if (parsed.problem) report(parsed.problem);
      return parsed.date;
    }
    case 'status': {
      const status = normaliseStatus(cell.text);
      if (typeof status === 'string' && (actionStatusNames as string[]).includes(status)) return status;
      report(`"${cell.text}" is not a status: use ${actionStatusNames.join(', ')} (Template 25's key)`);
      return undefined;
    }
    case 'scope': {
      const scope = cell.text.toLowerCase();
      if ((recommendationScopes as readonly string[]).includes(scope)) return scope;
      report(`"${cell.text}" is not a scope: use ${recommendationScopes.join(', ')}`);
      return undefined;
    }
    case 'origin': {
      const o = cell.text.toLowerCase();
      if (o === 'overview' || o === 'overview report') return 'overview';
      if (o === 'imr') return 'imr';
      report(`"${cell.text}" is not an origin: use overview or IMR`);
      return undefined;
    }
    case 'milestones':
      return cell.text
        .split(/\r?\n/)
        .map((line) => line.replace(/^\s*(?:[-•*–]|\d+[.)])\s*/, '').trim())
        .filter((line) => line !== '');
    case 'id':
      return cell.text.replace(/\.$/, '');
    default:
      return cell.text;
  }
}
