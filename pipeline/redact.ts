/**
 * `dhr redact`: a redacted copy of one file of a case (.docx, .xlsx, .md, .txt, .csv), with
 * findings to review and a restricted log of what was replaced.
 *
 * Without publish: the copy is written, findings are warnings, and the log (with the
 * originals) is written beside it, its name and first line marking it RESTRICTED.
 * With publish: dates are generalised and markings removed too; any finding not allowed in
 * case.yaml, anything that could not be checked, or any leak the scanner still finds in the
 * copy means nothing is written. The log goes only where --log says, never into the folder of
 * the publication copy.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { Root } from 'mdast';
import { createAnonymiser, type Anonymiser } from './anonymise/engine.ts';
import { anonymiseMarkdown } from './anonymise/markdown.ts';
import { anonymiseCsv, anonymiseText } from './anonymise/text.ts';
import type { Finding, Replacement } from './anonymise/types.ts';
import { DhrError } from './errors.ts';
import { assertNotInput, canonicalPath, readInput, writeFilesAtomic } from './files.ts';
import { loadCaseFile } from './ingest/case.ts';
import { decodeTextFile, openInputBytes, scanUnits, textUnits, type ScanItem } from './scan.ts';
import { protectOffice } from '../transforms/crypto/password.ts';
import { redactDocx } from '../transforms/ooxml/docx.ts';
import { redactXlsx } from '../transforms/ooxml/xlsx.ts';
import { extractPackageParts } from '../transforms/ooxml/text.ts';

export interface RedactRequest {
  input: string;
  caseFile: string;
  out: string;
  publish?: boolean;
  /** Where to write the restricted log (required for it to be written at all when publishing). */
  log?: string;
  /** Opens a password-protected input, and protects the .docx or .xlsx output with it. */
  password?: string;
  /** Sets write protection on the .docx or .xlsx output: it opens read-only without this password. */
  modifyPassword?: string;
  /** Look for unlisted names (NLP). Default true. */
  nlp?: boolean;
}

export interface RedactOutcome {
  input: string;
  out: string;
  /** Whether the output was written. */
  written: boolean;
  log?: string;
  replacements: Replacement[];
  findings: Finding[];
  /** Identifiers the scanner still found in the output (publish only). */
  leaks: ScanItem[];
  /** What could not be checked (an embedded object), in plain words. */
  warnings: string[];
  /** Why nothing was written, when it was not. */
  refusal?: string;
}

type Format = 'docx' | 'xlsx' | 'markdown' | 'text' | 'csv';

const formats: Record<string, Format> = {
  '.docx': 'docx',
  '.docm': 'docx',
  '.dotx': 'docx',
  '.dotm': 'docx',
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.xltx': 'xlsx',
  '.xltm': 'xlsx',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.csv': 'csv',
};

export const RESTRICTED_MARK = 'RESTRICTED: redaction log holding the original identifiers. Keep it with the case papers; never publish or send it with the redacted copy.';

/** The default log beside a working (not publication) copy. */
export function defaultLogPath(out: string): string {
  return `${out}.redaction-log.restricted.json`;
}

function formatOf(file: string): Format {
  const ext = path.extname(file).toLowerCase();
  const format = formats[ext];
  if (!format) throw new DhrError('unsupported-format', `dhr redact reads .docx, .xlsx, .md, .txt and .csv files, not "${ext || 'a file without an extension'}"`, { file });
  return format;
}

/** Check the paths before any work: no overwriting an input, no restricted log beside a publication copy. */
function checkPaths(request: RedactRequest, format: Format): string | undefined {
  const { input, out, caseFile } = request;
  assertNotInput(out, [input, caseFile]);
  if ((request.password !== undefined || request.modifyPassword !== undefined) && format !== 'docx' && format !== 'xlsx') {
    throw new DhrError('usage', `only a Word (.docx) or Excel (.xlsx) copy can be password-protected, not a ${format === 'markdown' ? 'Markdown' : format === 'csv' ? 'CSV' : 'text'} file; leave out --password and --modify-password, or send the copy another secure way`, { file: input });
  }
  for (const [option, value] of [['--password', request.password], ['--modify-password', request.modifyPassword]] as const) {
    if (value === undefined) continue;
    if (value.length === 0) throw new DhrError('usage', `${option} must not be empty`);
    if (value.length > 255) throw new DhrError('usage', `${option} is too long: Office allows at most 255 characters`);
  }
  if (formats[path.extname(out).toLowerCase()] !== format) {
    throw new DhrError('usage', `the output must be the same kind of file as the input: give --out a name ending ${path.extname(input).toLowerCase()}`, { file: out });
  }
  let log = request.log;
  if (request.publish) {
    const restricted = restrictedFilesIn(path.dirname(out));
    if (restricted.length > 0) {
      throw new DhrError('unsafe-output', `this folder holds restricted files (${restricted.slice(0, 2).join(', ')}${restricted.length > 2 ? ', …' : ''}); a publication copy must not be written beside them: give --out a folder of its own`, { file: out });
    }
    if (log === undefined) return undefined;
    const logFolder = canonicalPath(path.dirname(log));
    const publicationFolder = canonicalPath(path.dirname(out));
    if (logFolder === publicationFolder || logFolder.startsWith(publicationFolder + path.sep)) {
      throw new DhrError('unsafe-output', 'the restricted log would be written into the folder of the publication copy; give --log a path in another folder (with the case papers)', { file: log });
    }
  } else {
    log ??= defaultLogPath(out);
  }
  for (const target of [out, log]) {
    if (isPublicationFolder(path.dirname(target))) {
      throw new DhrError('unsafe-output', `this folder holds a publication copy (its manifest.json says so); ${target === log ? 'the restricted redaction log' : 'a working copy, with its restricted log,'} must not be written into it: choose another folder`, { file: target });
    }
  }
  assertNotInput(log, [input, caseFile, out]);
  return log;
}

/** Whether a folder holds a publication copy made by `dhr publish` (its manifest.json says kind "publication"). */
function isPublicationFolder(dir: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { tool?: unknown; kind?: unknown };
    return manifest.tool === 'dhr-kit' && manifest.kind === 'publication';
  } catch {
    return false;
  }
}

/** Restricted files in a folder: redaction logs (".restricted." in the name) and a draft pack's manifest. */
function restrictedFilesIn(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const found = names.filter((n) => /\.restricted\.|redaction-log/i.test(n));
  try {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { tool?: unknown; kind?: unknown };
    if (manifest.tool === 'dhr-kit' && manifest.kind === 'draft') found.push('manifest.json of a restricted draft pack');
  } catch {
    // no manifest, or not ours
  }
  return found;
}

export async function redactFile(request: RedactRequest): Promise<RedactOutcome> {
  const { input, out } = request;
  const format = formatOf(input);
  const log = checkPaths(request, format);
  const caseModel = await loadCaseFile(request.caseFile);
  const anonymiser = createAnonymiser(caseModel, { publish: request.publish ?? false, nlp: request.nlp ?? true });
  const raw = new Uint8Array(await readInput(input));

  const result = await redactBytes(raw, format, anonymiser, request);
  const outcome: RedactOutcome = { input, out, written: false, replacements: result.replacements, findings: result.findings, leaks: [], warnings: result.warnings };

  if (request.publish) {
    if (outcome.findings.length > 0) {
      outcome.refusal = `${outcome.findings.length} possible identifier${outcome.findings.length === 1 ? '' : 's'} not in the key: add each to case.yaml (people, professionals, places) or confirm it safe under anonymisation.allow`;
      return outcome;
    }
    if (outcome.warnings.length > 0) {
      outcome.refusal = 'parts of the file could not be checked; remove them and try again';
      return outcome;
    }
    // Proof before writing: scan the copy as the scanner would.
    const units = format === 'docx' || format === 'xlsx' ? extractPackageParts(result.bytes, out) : textUnits(new TextDecoder().decode(result.bytes), out);
    outcome.leaks = scanUnits(units, { leaks: (t) => anonymiser.leaks(t), findings: () => [] }).leaks;
    if (outcome.leaks.length > 0) {
      outcome.refusal = `${outcome.leaks.length} identifier${outcome.leaks.length === 1 ? '' : 's'} would still be in the publication copy`;
      return outcome;
    }
  }

  let bytes = result.bytes;
  if (format === 'docx' || format === 'xlsx') bytes = protectOffice(bytes, format, { password: request.password, modifyPassword: request.modifyPassword });
  const files: { path: string; data: string | Uint8Array }[] = [{ path: out, data: bytes }];
  if (log) files.push({ path: log, data: restrictedLog(outcome, request) });
  await writeFilesAtomic(files);
  outcome.written = true;
  outcome.log = log;
  return outcome;
}

async function redactBytes(raw: Uint8Array, format: Format, anonymiser: Anonymiser, request: RedactRequest): Promise<{ bytes: Uint8Array; replacements: Replacement[]; findings: Finding[]; warnings: string[] }> {
  const file = request.input;
  const options = { publish: request.publish, file, nlp: request.nlp };
  switch (format) {
    case 'docx':
      return redactDocx(await openInputBytes(raw, file, request.password), anonymiser, options);
    case 'xlsx':
      return redactXlsx(await openInputBytes(raw, file, request.password), anonymiser, options);
    case 'markdown': {
      const text = decodeTextFile(raw, file);
      const tree = unified().use(remarkParse).use(remarkGfm).parse(text) as Root;
      const done = anonymiseMarkdown(tree, anonymiser, { file });
      const out = unified().use(remarkGfm).use(remarkStringify).stringify(tree);
      return { bytes: new TextEncoder().encode(out), replacements: done.replacements, findings: done.findings, warnings: [] };
    }
    case 'text':
    case 'csv': {
      const text = decodeTextFile(raw, file);
      const done = format === 'csv' ? anonymiseCsv(text, anonymiser, { file }) : anonymiseText(text, anonymiser, { file });
      return { bytes: new TextEncoder().encode(done.text), replacements: done.replacements, findings: done.findings, warnings: [] };
    }
  }
}

/** The restricted log: its first line (and its name) say what it is. */
function restrictedLog(outcome: RedactOutcome, request: RedactRequest): string {
  const body = {
    input: path.basename(request.input),
    output: path.basename(request.out),
    publish: request.publish ?? false,
    replacements: outcome.replacements.map((r) => ({ part: r.part ?? r.place?.part, place: r.place, kind: r.kind, replacement: r.replacement, original: r.original })),
    findings: outcome.findings,
  };
  // '{"restricted": …,' on the first line, then the rest of the object.
  return `{"restricted": ${JSON.stringify(RESTRICTED_MARK)},\n${JSON.stringify(body, null, 2).slice(2)}\n`;
}
