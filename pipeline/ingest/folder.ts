/**
 * Load a case folder:
 *
 *   CASE/
 *     case.yaml               case facts and the anonymisation key
 *     imrs/                   one IMR per agency: .docx or .md
 *     chronologies/           one chronology per agency: .xlsx or .csv
 *     report/                 optional: the chair's own sections as Markdown
 *     action-plan.yaml|.xlsx  optional
 *
 * Office lock files (~$name.docx), dotfiles and system files are ignored; other files that are not
 * of the expected kind (a .doc, a .pdf) are listed in `skipped` with what to do. Every unreadable
 * IMR or chronology is reported at once (one DhrError whose problems name each file).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { loadCaseFile } from './case.ts';
import { readImr, parseMarkdown } from './imr.ts';
import { readChronology } from './chronology.ts';
import { decodeText } from './text.ts';
import { DhrError, type Problem } from '../errors.ts';
import { readInput } from '../files.ts';
import type { CaseFolder, Chronology, ImrDocument } from '../model.ts';

export interface LoadCaseFolderOptions {
  /** Password for encrypted (password-protected) IMRs and chronologies. */
  password?: string;
}

const caseFileNames = ['case.yaml', 'case.yml'];
const actionPlanNames = ['action-plan.yaml', 'action-plan.yml', 'action-plan.xlsx'];
const systemFiles = new Set(['thumbs.db', 'desktop.ini']);

/** Load a case folder, given the folder or its case.yaml. */
export async function loadCaseFolder(target: string, options: LoadCaseFolderOptions = {}): Promise<CaseFolder> {
  const dir = await caseDirectory(target);
  const caseFile = await firstExisting(dir, caseFileNames);
  if (caseFile === undefined) {
    throw new DhrError('not-found', 'this folder has no case.yaml: a case folder must hold case.yaml (the case facts and the anonymisation key), with imrs/ and chronologies/ beside it', { file: dir });
  }
  const caseModel = await loadCaseFile(caseFile);

  const skipped: { file: string; reason: string }[] = [];
  const problems: Problem[] = [];
  let firstCode: DhrError['code'] | undefined;
  const collect = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof DhrError)) throw error;
      firstCode ??= error.code;
      if (error.problems.length > 0) problems.push(...error.problems.map((p) => ({ place: p.place ?? error.place, message: p.message })));
      else problems.push({ place: error.place, message: error.message });
      return undefined;
    }
  };

  const imrs: ImrDocument[] = [];
  for (const file of await listFolder(dir, 'imrs', ['.docx', '.md', '.markdown'], skipped)) {
    const imr = await collect(() => readImr(file, caseModel, options));
    if (imr) imrs.push(imr);
  }

  const chronologies: Chronology[] = [];
  for (const file of await listFolder(dir, 'chronologies', ['.xlsx', '.csv'], skipped)) {
    const chronology = await collect(() => readChronology(file, caseModel, options));
    if (chronology) chronologies.push(chronology);
  }

  const report: CaseFolder['report'] = [];
  for (const file of await listFolder(dir, 'report', ['.md', '.markdown'], skipped)) {
    const tree = await collect(async () => parseMarkdown(decodeText(await readInput(file))));
    if (tree) report.push({ file, name: path.basename(file, path.extname(file)), tree });
  }

  if (problems.length > 0) {
    throw new DhrError(firstCode ?? 'corrupt', problems[0].message, problems[0].place, problems);
  }

  return {
    dir,
    caseFile,
    case: caseModel,
    imrs,
    chronologies,
    report,
    actionPlanFile: await firstExisting(dir, actionPlanNames),
    skipped,
  };
}

async function caseDirectory(target: string): Promise<string> {
  let stat;
  try {
    stat = await fs.stat(target);
  } catch {
    throw new DhrError('not-found', 'no such case folder: give the folder that holds case.yaml', { file: target });
  }
  if (stat.isDirectory()) return target;
  if (caseFileNames.includes(path.basename(target).toLowerCase())) return path.dirname(target);
  throw new DhrError('usage', 'this is a file, not a case folder: give the folder that holds case.yaml (or case.yaml itself)', { file: target });
}

async function firstExisting(dir: string, names: string[]): Promise<string | undefined> {
  let entries: string[];
  try {
    entries = await fs.readdir(dir);
  } catch {
    return undefined;
  }
  for (const name of names) {
    const actual = entries.find((e) => e.toLowerCase() === name);
    if (actual !== undefined) {
      const full = path.join(dir, actual);
      if ((await fs.stat(full)).isFile()) return full;
    }
  }
  return undefined;
}

/** The files of a subfolder with the wanted extensions, sorted; others go to `skipped`. */
async function listFolder(dir: string, sub: string, extensions: string[], skipped: { file: string; reason: string }[]): Promise<string[]> {
  const folder = path.join(dir, sub);
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') {
      skipped.push({ file: folder, reason: `${sub} should be a folder, not a file` });
      return [];
    }
    throw new DhrError('unreadable', 'this folder cannot be read', { file: folder });
  }
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name, 'en'))) {
    const name = entry.name;
    if (name.startsWith('.') || name.startsWith('~$') || systemFiles.has(name.toLowerCase())) continue;
    const full = path.join(folder, name);
    if (entry.isDirectory()) {
      skipped.push({ file: full, reason: 'a folder inside ' + sub + '/ is not read: put the files directly in ' + sub + '/' });
      continue;
    }
    const extension = path.extname(name).toLowerCase();
    if (extensions.includes(extension)) files.push(full);
    else skipped.push({ file: full, reason: whyNot(extension, sub) });
  }
  return files;
}

function whyNot(extension: string, sub: string): string {
  switch (extension) {
    case '.doc':
      return 'an old Word 97–2003 document: open it in Word and save it as .docx';
    case '.odt':
      return 'an OpenDocument text file: save it as Word (.docx)';
    case '.rtf':
      return 'a Rich Text file: open it in Word and save it as .docx';
    case '.pdf':
      return sub === 'chronologies' ? 'a PDF: ask the agency for the Excel (.xlsx) chronology' : 'a PDF: ask the agency for the Word (.docx) version';
    case '.xls':
      return 'an old Excel 97–2003 workbook: open it in Excel and save it as .xlsx';
    case '.ods':
      return 'an OpenDocument spreadsheet: save it as Excel (.xlsx)';
    default:
      return sub === 'imrs'
        ? 'not an IMR file dhr-kit reads (.docx or .md)'
        : sub === 'chronologies'
          ? 'not a chronology file dhr-kit reads (.xlsx or .csv)'
          : 'not a Markdown (.md) file';
  }
}
