/**
 * `dhr publish`: the publication copy of a DHR, after Home Office approval — the overview
 * report and the executive summary only, as Word files (and PDFs when a browser is found), in
 * CASE/publication/ (or --out).
 *
 * Markings and draft numbers are removed, precise dates generalised to month and year, the
 * Word files' metadata scrubbed, and every file scanned before anything is written. If
 * anything could identify someone — a key name or pattern still present, a possible name the
 * key does not list, a "[To be completed: …]" prompt left in — nothing is written and the
 * reasons are listed. An SIR is refused: SIRs are not published.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { redactDocx } from '../transforms/ooxml/docx.ts';
import { buildExecutiveSummary, buildOverviewReport, createReportAnonymiser, matchChairFiles } from './assemble/index.ts';
import { executiveSummarySectionNames } from './assemble/executive-summary.ts';
import { overviewSectionNames } from './assemble/overview-report.ts';
import type { ReportDocument } from './assemble/types.ts';
import { assertOutFolder, caseFigures, findingWord, groupFindings, manifestName, manifestOf, readManifest, renderPdfs, reportFindings } from './build.ts';
import { DhrError } from './errors.ts';
import { assertNotInput, canonicalPath, writeFilesAtomic } from './files.ts';
import { readActionPlan } from './ingest/action-plan.ts';
import { loadCaseFolder } from './ingest/folder.ts';
import type { CaseFolder } from './model.ts';
import { renderReportDocx } from './render/docx.ts';
import { renderReportHtml } from './render/html.ts';
import type { TextUnit } from '../transforms/ooxml/text.ts';
import { fileUnits, scanUnits } from './scan.ts';

/** The files a publication copy may hold. */
export const publicationFiles = ['overview-report.docx', 'executive-summary.docx', 'overview-report.pdf', 'executive-summary.pdf', manifestName];

export interface PublishOptions {
  out?: string;
  pdf?: boolean;
  executablePath?: string;
  /** Opens encrypted inputs (the publication copy itself is not protected: it is for publishing). */
  password?: string;
}

export interface PublishResult {
  outDir: string;
  /** The files written; empty when anything stopped the publication. */
  files: string[];
  /** Why nothing was written, one line each. */
  reasons: string[];
  pdfNote?: string;
}

/**
 * Refuse an out folder that holds anything but a publication copy: the drafts folder, a folder
 * of restricted files, or one with files we did not write.
 */
export async function assertPublicationFolder(folder: CaseFolder, outDir: string): Promise<void> {
  assertOutFolder(folder, outDir);
  if (canonicalPath(outDir) === canonicalPath(path.join(folder.dir, 'out'))) {
    throw new DhrError('unsafe-output', 'out/ holds the restricted drafts; the publication copy must go in a folder of its own (the default is publication/)', { file: outDir });
  }
  let entries: string[];
  try {
    entries = await fs.readdir(outDir);
  } catch {
    return;
  }
  const manifest = await readManifest(outDir);
  if (manifest?.kind === 'draft') {
    throw new DhrError('unsafe-output', 'this folder holds the restricted draft pack; the publication copy must go in a folder of its own', { file: outDir });
  }
  const foreign = entries.filter((name) => !publicationFiles.includes(name) && !/^\..+\.[0-9a-f]{12}\.tmp$/.test(name));
  if (foreign.length > 0 || (entries.includes(manifestName) && manifest?.kind !== 'publication')) {
    const named = foreign.length > 0 ? foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? ', …' : '') : manifestName;
    throw new DhrError('unsafe-output', `this folder holds files that are not part of a publication copy (${named}); choose an empty folder, or the case's publication/ folder`, { file: outDir });
  }
}

export async function publishCase(target: string, options: PublishOptions = {}): Promise<PublishResult> {
  const folder = await loadCaseFolder(target, { password: options.password });
  const c = folder.case;
  if (c.review === 'SIR') throw new DhrError('usage', 'Serious Incident Reviews are not published');
  const outDir = path.resolve(options.out ?? path.join(folder.dir, 'publication'));
  await assertPublicationFolder(folder, outDir);

  const anonymiser = createReportAnonymiser(c, { publish: true });
  const reasons: string[] = [];
  const chair = matchChairFiles(folder.report, { 'overview-report': overviewSectionNames, 'executive-summary': executiveSummarySectionNames });
  const actionPlan = folder.actionPlanFile ? await readActionPlan(folder.actionPlanFile, { password: options.password }) : undefined;
  const figureWarnings: string[] = [];
  const figures = caseFigures(folder, figureWarnings);
  const reports: { name: string; report: ReportDocument }[] = [
    { name: 'overview-report', report: buildOverviewReport(folder, { draft: 0, publish: true, figures, actionPlan, anonymiser, chair }) },
    { name: 'executive-summary', report: buildExecutiveSummary(folder, { draft: 0, publish: true, actionPlan, anonymiser, chair }) },
  ];

  for (const { name, report } of reports) {
    for (const p of report.prompts) reasons.push(`${name}.docx, ${p.section}: still to be completed: ${p.text}`);
    for (const f of groupFindings(reportFindings(report, `${name}.docx`, anonymiser))) {
      const more = f.places.length > 1 ? ` (and ${f.places.length - 1} more)` : '';
      reasons.push(`${f.places[0]}${more}: "${f.text}" may be ${findingWord(f.kind)} the key does not list (${f.context}); add it to case.yaml, or to anonymisation.allow if it is safe`);
    }
  }
  if (reasons.length > 0) return { outDir, files: [], reasons: unique(reasons) };

  const files: { name: string; data: Uint8Array }[] = [];
  for (const { name, report } of reports) {
    const rendered = await renderReportDocx(report);
    const scrubbed = redactDocx(rendered, anonymiser, { publish: true, file: `${name}.docx` });
    for (const f of scrubbed.findings) reasons.push(`${name}.docx${f.part ? `, ${f.part}` : ''}: "${f.text}" may be a name the key does not list${f.context ? ` (${f.context})` : ''}`);
    files.push({ name: `${name}.docx`, data: scrubbed.bytes });
  }
  let pdfNote: string | undefined;
  if (options.pdf !== false) {
    const pdfs = await renderPdfs(
      reports.map(({ name, report }) => ({ name: `${name}.pdf`, html: renderReportHtml(report), report })),
      options.executablePath,
    );
    files.push(...pdfs.files);
    if (pdfs.reason) pdfNote = `no PDFs were made: ${pdfs.reason}`;
  } else {
    pdfNote = 'no PDFs were made: --no-pdf was given';
  }

  // The scanner's verdict on every file, exactly as it would be written.
  for (const f of files) {
    const units = scannableUnits(await fileUnits(f.data, f.name));
    const scan = scanUnits(units, anonymiser);
    if (f.name.endsWith('.pdf')) {
      // A PDF's page text runs table cells and figure labels together ("Name Role Agency"),
      // which the NLP recogniser reads as names. Its words are the Word file's, whose every
      // paragraph and cell was judged on its own above; so a page's findings are not counted
      // here, while its leaks (key names, patterns, precise dates, markings) and everything in
      // the document information still are.
      scan.findings = scan.findings.filter((x) => !/^page \d+$/.test(x.part));
    }
    for (const l of scan.leaks) reasons.push(`${f.name}, ${l.part}: ${describeLeak(l.kind)} "${l.text}" is still present${l.context ? ` (${l.context})` : ''}`);
    for (const x of scan.findings) reasons.push(`${f.name}, ${x.part}: "${x.text}" may be a name the key does not list${x.context ? ` (${x.context})` : ''}; add it to case.yaml, or to anonymisation.allow if it is safe`);
  }
  if (reasons.length > 0) return { outDir, files: [], reasons: unique(reasons), pdfNote };

  const all = [...files, { name: manifestName, data: new TextEncoder().encode(manifestOf('publication', c.reference, files)) }];
  const inputs = [folder.caseFile, ...(folder.actionPlanFile ? [folder.actionPlanFile] : []), ...folder.imrs.map((i) => i.file), ...folder.chronologies.map((x) => x.file), ...folder.report.map((r) => r.file)];
  const writes = all.map((f) => ({ path: path.join(outDir, f.name), data: f.data }));
  for (const w of writes) assertNotInput(w.path, inputs);
  await writeFilesAtomic(writes);
  // A PDF from an earlier publication that this one did not make would be out of date.
  for (const stale of publicationFiles.filter((n) => !all.some((f) => f.name === n))) await fs.rm(path.join(outDir, stale), { force: true });
  return { outDir, files: all.map((f) => f.name), reasons: [], pdfNote };
}

const imagePart = /\.(png|jpe?g|gif|bmp|tiff?|emf|wmf)$/i;

/**
 * The units the scanner should judge. The readable runs of a picture's compressed pixels are
 * noise — two letters of them can spell a short name from the key ("Jo") — and a picture's
 * metadata, where text could hide, has already been removed (redactDocx). So the non-prose
 * units of picture parts are left out; every other unit is kept.
 */
export function scannableUnits(units: TextUnit[]): TextUnit[] {
  return units.filter((u) => u.prose || !imagePart.test(u.part));
}

function describeLeak(kind: string): string {
  switch (kind) {
    case 'person':
    case 'professional':
      return 'the name';
    case 'place':
      return 'the place';
    case 'date':
    case 'date-of-birth':
      return 'the precise date';
    case 'marking':
      return 'the marking';
    default:
      return `the ${kind.replace(/-/g, ' ')}`;
  }
}

function unique(lines: string[]): string[] {
  return [...new Set(lines)];
}
