/**
 * Anonymises plain text (.txt) and CSV. A CSV file is read cell by cell and written back as
 * valid CSV: a cell whose value changed is quoted when it must be (delimiter, quote, line
 * break, edge spaces) or when it was quoted before; unchanged cells keep their bytes.
 */
import type { Anonymiser } from './engine.ts';
import { contextOf } from './engine.ts';
import { applySpans, shiftOffset } from './overlaps.ts';
import type { Finding, Replacement } from './types.ts';

export interface TextOptions {
  /** The file, for the places in replacements and findings. */
  file?: string;
}

export interface CsvOptions extends TextOptions {
  /** The separator between cells; guessed from the first line (comma, semicolon or tab) when absent. */
  delimiter?: string;
}

export interface AnonymisedDocument {
  text: string;
  replacements: Replacement[];
  findings: Finding[];
}

/** Plain text: the whole text at once, places by line. */
export function anonymiseText(text: string, anonymiser: Anonymiser, options: TextOptions = {}): AnonymisedDocument {
  const lines = lineStarts(text);
  const { spans, findings: found } = anonymiser.analyse(text);
  const applied = applySpans(text, spans);
  const place = (offset: number) => ({ ...(options.file ? { file: options.file } : {}), line: lineAt(lines, offset) });
  const replacements = spans
    .filter((s) => s.replacement !== undefined)
    .map((s) => ({ original: s.text, replacement: s.replacement!, kind: s.kind, place: place(s.start) }));
  const findings = found.map((f) => {
    const start = shiftOffset(spans, f.start);
    return { text: f.text, kind: f.kind, place: place(f.start), context: contextOf(applied.text, start, start + (f.end - f.start)) };
  });
  return { text: applied.text, replacements, findings };
}

interface Cell {
  /** Offsets of the cell as written, quotes included. */
  start: number;
  end: number;
  value: string;
  quoted: boolean;
}

interface Row {
  cells: Cell[];
  line: number;
}

/** CSV: each cell anonymised on its own; places are cells (A1 style) and lines. */
export function anonymiseCsv(text: string, anonymiser: Anonymiser, options: CsvOptions = {}): AnonymisedDocument {
  const delimiter = options.delimiter ?? guessDelimiter(text);
  const rows = parseCsv(text, delimiter);
  const replacements: Replacement[] = [];
  const findings: Finding[] = [];
  const parts: string[] = [];
  let at = 0;
  rows.forEach((row, r) => {
    row.cells.forEach((cell, c) => {
      if (cell.value.length === 0) return;
      const { spans, findings: found } = anonymiser.analyse(cell.value);
      const where = { ...(options.file ? { file: options.file } : {}), cell: `${columnName(c)}${r + 1}`, line: row.line };
      if (spans.length > 0) {
        const applied = applySpans(cell.value, spans);
        for (const rep of applied.replacements) replacements.push({ ...rep, place: where });
        parts.push(text.slice(at, cell.start), encodeCell(applied.text, delimiter, cell.quoted));
        at = cell.end;
        for (const f of found) {
          const start = shiftOffset(spans, f.start);
          findings.push({ text: f.text, kind: f.kind, place: where, context: contextOf(applied.text, start, start + (f.end - f.start)) });
        }
      } else {
        for (const f of found) findings.push({ text: f.text, kind: f.kind, place: where, context: contextOf(cell.value, f.start, f.end) });
      }
    });
  });
  parts.push(text.slice(at));
  return { text: parts.join(''), replacements, findings };
}

/** A cell value as CSV: quoted when it has to be or was before. */
export function encodeCell(value: string, delimiter = ',', quote = false): string {
  const must = value.includes(delimiter) || value.includes('"') || value.includes('\n') || value.includes('\r') || /^\s|\s$/.test(value);
  if (!must && !quote) return value;
  return `"${value.replace(/"/g, '""')}"`;
}

function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0].n > 0 ? counts[0].d : ',';
}

/** RFC 4180 reading: quoted cells may hold delimiters, doubled quotes and line breaks. */
export function parseCsv(text: string, delimiter = ','): Row[] {
  const rows: Row[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const n = text.length;
  if (i >= n) return rows;
  let row: Row = { cells: [], line };
  while (i <= n) {
    const start = i;
    let value = '';
    let quoted = false;
    if (text[i] === '"') {
      quoted = true;
      i++;
      while (i < n) {
        const ch = text[i];
        if (ch === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (ch === '\n') line++;
        value += ch;
        i++;
      }
      // Anything between the closing quote and the delimiter is kept as written (lenient reading).
      while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') value += text[i++];
    } else {
      while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') value += text[i++];
    }
    row.cells.push({ start, end: i, value, quoted });
    if (i >= n) {
      rows.push(row);
      break;
    }
    if (text[i] === delimiter) {
      i++;
      if (i === n) {
        row.cells.push({ start: i, end: i, value: '', quoted: false });
        rows.push(row);
        break;
      }
      continue;
    }
    // End of record.
    if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
    else i++;
    line++;
    rows.push(row);
    if (i >= n) break;
    row = { cells: [], line };
  }
  return rows;
}

function columnName(index: number): string {
  let name = '';
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
