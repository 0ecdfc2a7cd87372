/**
 * `dhr build`: the restricted draft pack of a case, written to CASE/out/ (or --out):
 *
 *   overview-report.docx / .html (/ .pdf)      Template 27
 *   executive-summary.docx / .html (/ .pdf)    Template 28
 *   home-office-data-form.docx                 Template 29 (a DHR only; not for publication)
 *   merged-chronology.xlsx                     every agency's rows in date order, with the QA flags
 *   action-plan.xlsx                           Template 25 (when the case has an action plan)
 *   validation-report.md / .html               the checklists, the prompts still to complete
 *   manifest.json                              what was written, and the draft number
 *
 * Everything is anonymised by the engine and marked OFFICIAL with the draft number (an SIR also
 * carries a RESTRICTED watermark). All files are written together: if any cannot be made,
 * none is written. The out folder may not be one of the case's input folders.
 */
import { createHash } from 'node:crypto';
import { existsSync, promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { ActionPlan } from '../schemas/action-plan.ts';
import { contextOf, type Anonymiser } from './anonymise/engine.ts';
import {
  buildDataForm,
  buildExecutiveSummary,
  buildOverviewReport,
  createReportAnonymiser,
  matchChairFiles,
  verbatimConflicts,
  type ChairFiles,
} from './assemble/index.ts';
import { executiveSummarySectionNames } from './assemble/executive-summary.ts';
import { chronologyAppendixLimit, overviewSectionNames } from './assemble/overview-report.ts';
import { mergeChronologies } from './assemble/common.ts';
import type { Figure, ReportDocument, ReportSection } from './assemble/types.ts';
import { DhrError } from './errors.ts';
import { assertNotInput, canonicalPath, readInput, writeFilesAtomic } from './files.ts';
import { readActionPlan } from './ingest/action-plan.ts';
import { loadCaseFolder } from './ingest/folder.ts';
import { protectOffice } from '../transforms/crypto/password.ts';
import type { CaseFolder, ChronologyRow } from './model.ts';
import { findBrowser } from './render/browser.ts';
import { renderDataFormDocx, renderReportDocx } from './render/docx.ts';
import { figurePng, genogramFigure, timelineFigure } from './render/figures.ts';
import { renderReportHtml } from './render/html.ts';
import { withBrowser } from './render/pdf.ts';
import { renderActionPlanXlsx, renderMergedChronologyXlsx } from './render/xlsx.ts';
import { groupRepeated, rowKey, summarise, validateCase, type ValidationProblem, type ValidationReport } from './validate/index.ts';
import { renderValidationHtml, renderValidationMarkdown } from './validate/render.ts';

// ---------------------------------------------------------------------------------------------
// Output folders and the manifest

export const manifestName = 'manifest.json';

export interface Manifest {
  tool: 'dhr-kit';
  /** "draft": the restricted pack of `dhr build`; "publication": the copy of `dhr publish`. */
  kind: 'draft' | 'publication';
  case: string;
  draft?: number;
  files: { name: string; sha256: string }[];
}

/** The manifest of an out folder, or undefined when there is none (or it is not ours). */
export async function readManifest(dir: string): Promise<Manifest | undefined> {
  let text: string;
  try {
    text = await fs.readFile(path.join(dir, manifestName), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const data = JSON.parse(text) as Partial<Manifest>;
    if (data.tool !== 'dhr-kit' || (data.kind !== 'draft' && data.kind !== 'publication') || !Array.isArray(data.files)) return undefined;
    return data as Manifest;
  } catch {
    return undefined;
  }
}

export function manifestOf(kind: Manifest['kind'], reference: string, files: { name: string; data: string | Uint8Array }[], draft?: number): string {
  const manifest: Manifest = {
    tool: 'dhr-kit',
    kind,
    case: reference,
    ...(draft !== undefined ? { draft } : {}),
    files: files.map((f) => ({ name: f.name, sha256: createHash('sha256').update(f.data).digest('hex') })),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The case's input folders: an out folder may not be, or be inside, any of them. */
export function inputFolders(folder: CaseFolder): string[] {
  return ['imrs', 'chronologies', 'report'].map((name) => path.join(folder.dir, name));
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Refuse an out folder that is the case folder itself or one of (or inside) its input folders. */
export function assertOutFolder(folder: CaseFolder, outDir: string): void {
  const out = canonicalPath(outDir);
  if (existsSync(out) && !statSync(out).isDirectory()) {
    throw new DhrError('unsafe-output', 'the out folder is a file, not a folder; choose a folder for --out', { file: outDir });
  }
  if (out === canonicalPath(folder.dir)) {
    throw new DhrError('unsafe-output', 'the out folder is the case folder itself; choose a folder of its own, such as out/', { file: outDir });
  }
  for (const input of inputFolders(folder)) {
    if (isInside(out, canonicalPath(input))) {
      throw new DhrError('unsafe-output', `the out folder is inside the case's ${path.basename(input)}/ folder, which holds inputs; choose another --out folder`, { file: outDir });
    }
  }
}

/** Every input file of a case, so no output can overwrite one. */
function inputFiles(folder: CaseFolder): string[] {
  return [
    folder.caseFile,
    ...(folder.actionPlanFile ? [folder.actionPlanFile] : []),
    ...folder.imrs.map((i) => i.file),
    ...folder.chronologies.map((c) => c.file),
    ...folder.report.map((r) => r.file),
  ];
}

// ---------------------------------------------------------------------------------------------
// Findings: possible names and places the key does not list

export interface FindingReport {
  /** The output file it is in. */
  document: string;
  /** The section (reports) or row (chronology). */
  where: string;
  text: string;
  kind: string;
  context: string;
}

/** A possible name once, with every place it was found (the first first). */
export interface GroupedFinding extends FindingReport {
  /** Every place, "file: section", in the order found. */
  places: string[];
}

/** The same possible name found in several places, said once. */
export function groupFindings(findings: FindingReport[]): GroupedFinding[] {
  const byText = new Map<string, GroupedFinding>();
  for (const f of findings) {
    const place = `${f.document}, ${f.where}`;
    const existing = byText.get(f.text);
    if (existing) {
      if (!existing.places.includes(place)) existing.places.push(place);
    } else {
      byText.set(f.text, { ...f, places: [place] });
    }
  }
  return [...byText.values()];
}

/** Each paragraph, heading and table cell of a report, with the title of its section. */
export function reportBlocks(report: ReportDocument): { section: string; text: string }[] {
  const out: { section: string; text: string }[] = [];
  const walk = (section: ReportSection, trail: string): void => {
    const title = trail ? `${trail} › ${section.title}` : section.title;
    for (const node of section.content) {
      visit(node, (n) => {
        if (n.type === 'paragraph' || n.type === 'heading' || n.type === 'tableCell') {
          const text = toString(n);
          if (text.trim()) out.push({ section: title, text });
          return 'skip';
        }
        if (n.type === 'image' && n.alt) out.push({ section: title, text: n.alt });
        return undefined;
      });
    }
    for (const sub of section.subsections ?? []) walk(sub, title);
  };
  for (const s of report.sections) walk(s, '');
  return out;
}

/** What the NLP recogniser suspects in a report's text, once per text and section. */
export function reportFindings(report: ReportDocument, document: string, anonymiser: Anonymiser): FindingReport[] {
  const seen = new Set<string>();
  const out: FindingReport[] = [];
  for (const block of reportBlocks(report)) {
    for (const f of anonymiser.findings(block.text)) {
      const key = `${block.section}\u0000${f.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ document, where: block.section, text: f.text, kind: f.kind, context: contextOf(block.text, f.start, f.end) });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Anonymising the tables

/** A function that gives the same answer for the same text without asking again. */
function memoise<T>(fn: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    let value = seen.get(text);
    if (value === undefined) {
      value = fn(text);
      seen.set(text, value);
    }
    return value;
  };
}

/** A chronology row with every text cell through the engine (agency, dates and place kept). */
export function anonymiseRow(row: ChronologyRow, anonymiser: Pick<Anonymiser, 'apply'>): ChronologyRow {
  const a = (text: string): string => anonymiser.apply(text).text;
  return { ...row, clientCode: a(row.clientCode), staffCode: a(row.staffCode), source: a(row.source), event: a(row.event), clientSeen: a(row.clientSeen), action: a(row.action) };
}

/** The action plan with every text through the engine. */
export function anonymisePlan(plan: ActionPlan, anonymiser: Anonymiser): ActionPlan {
  const a = (text: string | undefined): string | undefined => (text === undefined ? undefined : anonymiser.apply(text).text);
  return {
    ...plan,
    recommendations: plan.recommendations.map((r) => ({
      ...r,
      recommendation: a(r.recommendation)!,
      agency: a(r.agency)!,
      action: a(r.action),
      milestones: r.milestones?.map((m) => a(m)!),
      lead: a(r.lead),
      measure: a(r.measure),
      evaluation: a(r.evaluation),
      review: a(r.review),
      outcome: a(r.outcome),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Figures

/**
 * The timeline (when the case has a review period and chronologies) and the genogram; a figure
 * that cannot be drawn is a warning. With `png: false` the PNGs are left to figurePng.
 */
export function caseFigures(folder: CaseFolder, warnings: string[], options: { png?: boolean } = {}): Figure[] {
  const c = folder.case;
  const figures: Figure[] = [];
  const rows = mergeChronologies(folder.chronologies);
  if (c.reviewPeriod && rows.length > 0) {
    try {
      figures.push(
        timelineFigure(rows, {
          start: c.reviewPeriod.start,
          end: c.reviewPeriod.end,
          deathDate: c.death.date,
          agencies: c.agencies.map((a) => a.name),
          png: options.png,
        }),
      );
    } catch (error) {
      if (!(error instanceof DhrError)) throw error;
      warnings.push(`the timeline figure was left out: ${error.message}`);
    }
  }
  try {
    figures.push(genogramFigure(c, { victimDeceased: true, png: options.png }));
  } catch (error) {
    if (!(error instanceof DhrError)) throw error;
    warnings.push(`the genogram was left out: ${error.message}`);
  }
  return figures;
}

// ---------------------------------------------------------------------------------------------
// PDF

export interface PdfJob {
  name: string;
  html: string;
  report: ReportDocument;
}

/** PDFs of the reports, or the one-line reason there are none. */
export async function renderPdfs(jobs: PdfJob[], executablePath?: string): Promise<{ files: { name: string; data: Uint8Array }[]; reason?: string }> {
  let browserPath = executablePath;
  if (!browserPath) {
    const found = await findBrowser();
    if (found.path === null) return { files: [], reason: found.reason };
    browserPath = found.path;
  }
  try {
    // The documents are printed at the same time, each in its own tab: the executive summary is
    // done while the overview report, much the longer, is still printing.
    const files = await withBrowser(
      (render) =>
        Promise.all(
          jobs.map(async (job) => {
            const t = job.report.titlePage;
            return { name: job.name, data: await render(job.html, job.report.marking, { title: `${t.reviewType}: ${t.documentTitle}` }) };
          }),
        ),
      { executablePath: browserPath },
    );
    return { files };
  } catch (error) {
    if (error instanceof DhrError && error.code === 'browser') return { files: [], reason: error.message };
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// The build

export interface BuildOptions {
  /** The out folder; CASE/out by default. */
  out?: string;
  /** Make PDFs when a browser is found (default true). */
  pdf?: boolean;
  /** The date the checks are for, YYYY-MM-DD. */
  today: string;
  /** A browser to print PDFs with, instead of searching for one. */
  executablePath?: string;
  /** Opens encrypted inputs, and encrypts the Word and Excel outputs (ECMA-376 agile encryption). */
  password?: string;
  /** Write-protects the Word and Excel outputs: they open read-only without it. */
  modifyPassword?: string;
}

export interface BuildResult {
  outDir: string;
  draft: number;
  /** The files written, by name, in the order written. */
  files: string[];
  /** Why no PDF was made, when none was. */
  pdfNote?: string;
  /** Possible names and places the key does not list, each once with its places. */
  findings: GroupedFinding[];
  validation: ValidationReport;
  prompts: { document: string; section: string; text: string }[];
  /** Other things the user should know: unmatched chair files, figures left out, names that clash with the key. */
  warnings: string[];
}

/** The draft number: case.yaml's, else one more than the out folder's last, else 1. */
export async function draftNumber(folder: CaseFolder, outDir: string): Promise<number> {
  if (folder.case.draft !== undefined) return folder.case.draft;
  const previous = await readManifest(outDir);
  return previous?.kind === 'draft' && typeof previous.draft === 'number' ? previous.draft + 1 : 1;
}

export async function buildCase(target: string, options: BuildOptions): Promise<BuildResult> {
  const folder = await loadCaseFolder(target, { password: options.password });
  const c = folder.case;
  const outDir = path.resolve(options.out ?? path.join(folder.dir, 'out'));
  assertOutFolder(folder, outDir);
  const previous = await readManifest(outDir);
  if (previous?.kind === 'publication') {
    throw new DhrError('unsafe-output', 'the out folder holds a publication copy; restricted drafts must not be written beside it, so choose another --out folder', { file: outDir });
  }

  const warnings: string[] = [];
  for (const s of folder.skipped ?? []) warnings.push(`${rel(folder.dir, s.file)} was not read: ${s.reason}`);
  const actionPlanRaw = folder.actionPlanFile ? await readActionPlan(folder.actionPlanFile, { password: options.password }) : undefined;
  const actionPlanSource = folder.actionPlanFile && /\.ya?ml$/i.test(folder.actionPlanFile) ? (await readInput(folder.actionPlanFile)).toString('utf8') : undefined;
  const draft = await draftNumber(folder, outDir);
  const anonymiser = createReportAnonymiser(c);
  warnings.push(...verbatimConflicts(c, anonymiser));

  const chair: ChairFiles = matchChairFiles(folder.report, { 'overview-report': overviewSectionNames, 'executive-summary': executiveSummarySectionNames });
  for (const u of chair.unmatched) warnings.push(`${rel(folder.dir, u.file)} was not placed in either report: ${u.reason}`);
  const figures = caseFigures(folder, warnings, { png: false });
  // The figures' PNGs (for the Word files) are drawn on other threads while the build goes on.
  const pngs = Promise.all(figures.map(async (f) => void (f.png = await figurePng(f))));
  pngs.catch(() => undefined);
  const overview = buildOverviewReport(folder, { draft, figures, actionPlan: actionPlanRaw, anonymiser, chair });
  const summary = buildExecutiveSummary(folder, { draft, actionPlan: actionPlanRaw, anonymiser, chair });
  const dataForm = c.review === 'DHR' ? buildDataForm(c, { draft }) : undefined;

  // Outputs are named from the case folder ("out/overview-report.docx"), or by name alone when the out folder is elsewhere.
  const outName = (name: string): string => {
    const inCase = rel(folder.dir, path.join(outDir, name));
    return path.isAbsolute(inCase) ? name : inCase;
  };
  const validation = validateCase(folder, {
    today: options.today,
    anonymiser: { leaks: (t) => anonymiser.leaks(t), findings: (t) => anonymiser.findings(t), apply: (t) => anonymiser.apply(t).text },
    reports: [overview, summary],
    actionPlan: actionPlanRaw,
    caseSource: (await readInput(folder.caseFile)).toString('utf8'),
    actionPlanSource,
    reportFile: (r) => outName(r.kind === 'executive-summary' ? 'executive-summary.docx' : 'overview-report.docx'),
  });

  // Findings: the reports' text, and the chronology cells. A chronology repeats its words
  // ("Case notes", the codes, the flags), so each distinct text goes through the engine once.
  const findings = [...reportFindings(overview, 'overview-report.docx', anonymiser), ...reportFindings(summary, 'executive-summary.docx', anonymiser)];
  const applied = memoise((text: string) => anonymiser.apply(text));
  const rows = mergeChronologies(folder.chronologies);
  const appendixLimit = chronologyAppendixLimit(c);
  if (rows.length > appendixLimit) {
    warnings.push(
      `the merged chronology has ${rows.length.toLocaleString('en-GB')} entries, more than the ${appendixLimit.toLocaleString('en-GB')} the overview report prints in full: its appendix counts them by agency and refers to merged-chronology.xlsx (to print more, set report.chronologyAppendixLimit in case.yaml)`,
    );
  }
  rows.forEach((row, i) => {
    for (const text of [row.event, row.action, row.source]) {
      for (const f of applied(text).findings) findings.push({ document: 'merged-chronology.xlsx', where: `row ${i + 2}`, text: f.text, kind: f.kind, context: f.context ?? '' });
    }
  });
  addToValidation(validation, findings, chair, folder, outName);

  // The IMRs' syntax trees have done their work (the reports and the checks are made): let them
  // go before the largest outputs are rendered, so a large review's peak memory is lower.
  for (const imr of folder.imrs) Object.assign(imr, { front: [], sections: [], tree: { type: 'root', children: [] } });

  // Render. The Word and Excel files' zips are deflated on other threads while the next file
  // is made (see render/zip.ts): each is awaited at the end, in the files' order.
  const made: { name: string; data: string | Uint8Array | Promise<Uint8Array> }[] = [];
  const add = (name: string, data: string | Uint8Array | Promise<Uint8Array>): void => {
    // Awaited below; if something else fails first, that is the error to report.
    if (data instanceof Promise) data.catch(() => undefined);
    made.push({ name, data });
  };
  const overviewHtml = renderReportHtml(overview);
  const summaryHtml = renderReportHtml(summary);
  // The PDFs are printed by the browser, in processes of its own, while the Word, Excel and
  // validation files are made here. (Starting the browser earlier, beside the checks, was
  // measured slower: on two cores the browser's printing, the longest part, is then slowed.)
  const pdfJob =
    options.pdf !== false
      ? renderPdfs(
          [
            { name: 'overview-report.pdf', html: overviewHtml, report: overview },
            { name: 'executive-summary.pdf', html: summaryHtml, report: summary },
          ],
          options.executablePath,
        )
      : undefined;
  // Awaited at the end; if something else fails first, that is the error to report.
  pdfJob?.catch(() => undefined);
  await pngs;
  add('overview-report.docx', renderReportDocx(overview));
  add('executive-summary.docx', renderReportDocx(summary));
  if (dataForm) add('home-office-data-form.docx', renderDataFormDocx(dataForm.fields, dataForm.marking, dataForm.titlePage));
  const flags = new Map<number, string[]>();
  const anonymisedRows = rows.map((row, i) => {
    const own = validation.chronologyFlags[rowKey(row)];
    if (own?.length) flags.set(i, own.map((f) => applied(f).text));
    return anonymiseRow(row, { apply: applied });
  });
  const sheetMarking = { classification: 'OFFICIAL' as const, draft };
  if (rows.length > 0) {
    add('merged-chronology.xlsx', renderMergedChronologyXlsx(anonymisedRows, { caseReference: c.reference, marking: sheetMarking, flags }));
  } else {
    warnings.push('no chronology has been received: merged-chronology.xlsx was not written');
  }
  if (actionPlanRaw) {
    add('action-plan.xlsx', renderActionPlanXlsx(anonymisePlan(actionPlanRaw, anonymiser), { caseReference: c.reference, marking: sheetMarking }));
  } else {
    warnings.push('the case folder has no action plan (action-plan.yaml or action-plan.xlsx): action-plan.xlsx was not written');
  }
  add('validation-report.md', renderValidationMarkdown(validation));
  add('validation-report.html', renderValidationHtml(validation));
  add('overview-report.html', overviewHtml);
  add('executive-summary.html', summaryHtml);
  const files: { name: string; data: string | Uint8Array }[] = [];
  for (const f of made) files.push({ name: f.name, data: await f.data });

  let pdfNote: string | undefined;
  if (pdfJob) {
    const pdfs = await pdfJob;
    files.push(...pdfs.files);
    if (pdfs.reason) pdfNote = `no PDFs were made: ${pdfs.reason}`;
  } else {
    pdfNote = 'no PDFs were made: --no-pdf was given';
  }

  if (options.password !== undefined || options.modifyPassword !== undefined) {
    for (const f of files) {
      const kind = f.name.endsWith('.docx') ? 'docx' : f.name.endsWith('.xlsx') ? 'xlsx' : undefined;
      if (kind) f.data = protectOffice(f.data as Uint8Array, kind, { password: options.password, modifyPassword: options.modifyPassword });
    }
    warnings.push('the password protects the Word and Excel files only: the HTML, PDF and Markdown files of the pack are not protected, so do not send them by e-mail');
  }
  files.push({ name: manifestName, data: manifestOf('draft', c.reference, files, draft) });
  const inputs = inputFiles(folder);
  const writes = files.map((f) => ({ path: path.join(outDir, f.name), data: f.data }));
  for (const w of writes) assertNotInput(w.path, inputs);
  await writeFilesAtomic(writes);
  await removeStale(outDir, previous, new Set(files.map((f) => f.name)));

  const prompts = [
    ...overview.prompts.map((p) => ({ document: 'overview report', section: p.section, text: p.text })),
    ...summary.prompts.map((p) => ({ document: 'executive summary', section: p.section, text: p.text })),
    ...(dataForm?.prompts ?? []).map((p) => ({ document: 'data form', section: p.section, text: p.text })),
  ];
  return { outDir, draft, files: files.map((f) => f.name), pdfNote, findings: groupFindings(findings), validation, prompts, warnings };
}

/** Remove files an earlier build listed in its manifest and this one did not write (a PDF from before --no-pdf, say). */
async function removeStale(outDir: string, previous: Manifest | undefined, written: Set<string>): Promise<void> {
  if (!previous) return;
  for (const f of previous.files) {
    if (written.has(f.name) || f.name !== path.basename(f.name)) continue;
    await fs.rm(path.join(outDir, f.name), { force: true });
  }
}

/** Add the findings and the unplaced chair files to the validation report, under the report they concern. */
function addToValidation(validation: ValidationReport, findings: FindingReport[], chair: ChairFiles, folder: CaseFolder, outName: (n: string) => string): void {
  const docFor = (kind: 'overview-report' | 'executive-summary') => validation.documents.find((d) => d.kind === kind);
  for (const f of groupFindings(findings)) {
    const kind = f.document === 'executive-summary.docx' ? 'executive-summary' : 'overview-report';
    const others = f.places.length - 1;
    const problem: ValidationProblem = {
      severity: 'warning',
      check: 'anonymise.finding',
      message: `"${f.text}" may be ${findingWord(f.kind)} that the anonymisation key does not list (${f.context})${others > 0 ? `; also in ${others} other ${others === 1 ? 'place' : 'places'}` : ''}.`,
      place: { file: outName(f.document), section: f.where },
      fix: 'If it identifies someone, add it to case.yaml (people, professionals or places) so it is replaced everywhere; if it is safe, add it to anonymisation.allow.',
    };
    docFor(kind)?.problems.push(problem);
  }
  for (const u of chair.unmatched) {
    docFor('overview-report')?.problems.push({
      severity: 'warning',
      check: 'report.chair-file-unplaced',
      message: `The chair's file ${rel(folder.dir, u.file)} is not in either report: ${u.reason}.`,
      place: { file: rel(folder.dir, u.file) },
      fix: 'Rename the file after the section it belongs to (for example analysis.md), or start it with that section\'s heading (# Analysis).',
    });
  }
  for (const d of validation.documents) d.problems = groupRepeated(d.problems);
  validation.summary = summarise(validation.documents);
}

/** "a name", "a place" or "an organisation", for messages. */
export function findingWord(kind: string): string {
  return kind === 'place' ? 'a place' : kind === 'organisation' ? 'an organisation' : 'a name';
}

function rel(dir: string, file: string): string {
  const r = path.relative(dir, file);
  return r && !r.startsWith('..') && !path.isAbsolute(r) ? r.split(path.sep).join('/') : file;
}

