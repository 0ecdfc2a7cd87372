/**
 * The scanner: proof that a file is clean. It reads every part of a Word or Excel file (and
 * the text of a PDF, Markdown, text or CSV file), and reports
 * - leaks: key identifiers and pattern hits still present, with part and context;
 * - findings: possible identifiers the key does not list (NLP), with part and context.
 * `dhr redact --publish` runs it on its own output before writing anything.
 */
import path from 'node:path';
import type { Span, SpanKind } from './anonymise/types.ts';
import { DhrError, type Place } from './errors.ts';
import { readInput } from './files.ts';
import { contextOf } from '../transforms/ooxml/context.ts';
import { isZip } from '../transforms/ooxml/zip.ts';
import { isOle, isPdf } from '../transforms/ooxml/sniff.ts';
import { extractPackageParts, type TextUnit } from '../transforms/ooxml/text.ts';
import { extractPdfText } from '../transforms/ooxml/pdf.ts';
import { officeZipBytes } from '../transforms/ooxml/open.ts';

/** What the scanner needs from the engine. */
export interface Scanner {
  leaks(text: string): Span[];
  findings(text: string): Span[];
}

export interface ScanItem {
  text: string;
  kind: SpanKind;
  part: string;
  place?: Place;
  context?: string;
}

export interface ScanReport {
  file: string;
  leaks: ScanItem[];
  findings: ScanItem[];
}

/** Extensions read as plain text. */
export const TEXT_EXTENSIONS = new Set(['.md', '.markdown', '.txt', '.csv']);
const PACKAGE_EXTENSIONS = new Set(['.docx', '.docm', '.dotx', '.dotm', '.xlsx', '.xlsm', '.xltx', '.xltm']);

/** Joins units so that nothing the engine matches can reach from one into the next. */
const SEPARATOR = '\n\u2029\n';

/** Check text units: leaks in all of them, findings in prose. */
export function scanUnits(units: TextUnit[], scanner: Scanner): { leaks: ScanItem[]; findings: ScanItem[] } {
  const leaks: ScanItem[] = [];
  const findings: ScanItem[] = [];
  // Leaks: one engine call per part, the part's units joined.
  const byPart = new Map<string, TextUnit[]>();
  for (const u of units) {
    let list = byPart.get(u.part);
    if (!list) byPart.set(u.part, (list = []));
    list.push(u);
  }
  for (const [part, list] of byPart) {
    let joined = '';
    const starts: number[] = [];
    for (const u of list) {
      if (joined.length > 0) joined += SEPARATOR;
      starts.push(joined.length);
      joined += u.text;
    }
    let i = 0;
    for (const span of scanner.leaks(joined)) {
      while (i + 1 < starts.length && starts[i + 1] <= span.start) i++;
      const u = list[i];
      const start = span.start - starts[i];
      leaks.push({ text: span.text, kind: span.kind, part, place: u.place, context: contextOf(u.text, start, Math.min(u.text.length, start + span.text.length)) });
    }
  }
  for (const u of units) {
    if (!u.prose) continue;
    for (const f of scanner.findings(u.text)) findings.push({ text: f.text, kind: f.kind, part: u.part, place: u.place, context: contextOf(u.text, f.start, f.end) });
  }
  return { leaks: unique(leaks), findings: unique(findings) };
}

function unique(items: ScanItem[]): ScanItem[] {
  const seen = new Set<string>();
  return items.filter((x) => {
    const k = `${x.kind}\u0000${x.text}\u0000${x.part}\u0000${x.context ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The text units of plain text: paragraphs (blank-line separated), or rows of a CSV file. */
export function textUnits(text: string, file: string): TextUnit[] {
  const units: TextUnit[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const csv = path.extname(file).toLowerCase() === '.csv';
  let start = 0;
  let buffer: string[] = [];
  const flush = (next: number) => {
    const t = buffer.join('\n');
    if (t.trim()) units.push({ part: `line ${start + 1}`, text: t, place: { file, line: start + 1 }, prose: true });
    buffer = [];
    start = next;
  };
  lines.forEach((line, i) => {
    if (csv) {
      buffer.push(line);
      flush(i + 1);
    } else if (line.trim() === '') {
      flush(i + 1);
    } else {
      if (buffer.length === 0) start = i;
      buffer.push(line);
    }
  });
  flush(lines.length);
  return units;
}

/** Decode a text file: UTF-8 (a BOM is fine); a file that is not text is refused. */
export function decodeTextFile(bytes: Uint8Array, file: string): string {
  if (bytes.includes(0)) {
    throw new DhrError('unsupported-format', 'this is not a text file (it holds binary data); dhr reads .docx, .xlsx, .pdf, .md, .txt and .csv files', { file });
  }
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

/**
 * The zip bytes of an input package: decrypted with the password when it is password-protected;
 * an encrypted file without a password, or a file that is no package at all, is refused by name
 * (transforms/ooxml/open.ts, the one place that decides what a file really is).
 */
export async function openInputBytes(bytes: Uint8Array, file: string, password?: string): Promise<Uint8Array> {
  return officeZipBytes(bytes, { file, password });
}

/** Every text unit of a file, whatever it is. */
export async function fileUnits(bytes: Uint8Array, file: string, password?: string): Promise<TextUnit[]> {
  const ext = path.extname(file).toLowerCase();
  if (isPdf(bytes)) return extractPdfText(bytes, file);
  if (ext === '.pdf' && !isZip(bytes)) throw new DhrError('unsupported-format', 'this is not a PDF file: it does not start as a PDF does', { file });
  if (isZip(bytes) || isOle(bytes) || PACKAGE_EXTENSIONS.has(ext)) {
    return extractPackageParts(await openInputBytes(bytes, file, password), file);
  }
  if (TEXT_EXTENSIONS.has(ext)) return textUnits(decodeTextFile(bytes, file), file);
  throw new DhrError('unsupported-format', `dhr cannot read "${ext || 'files without an extension'}": it reads .docx, .xlsx, .pdf, .md, .txt and .csv files`, { file });
}

/** Scan a file on disk. */
export async function scanFile(file: string, scanner: Scanner, options: { password?: string } = {}): Promise<ScanReport> {
  const bytes = new Uint8Array(await readInput(file));
  const units = await fileUnits(bytes, file, options.password);
  return { file, ...scanUnits(units, scanner) };
}
