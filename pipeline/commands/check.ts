/**
 * `dhr check CASE|FILE [--case case.yaml] [--json] [--out DIR]`: the guide's checklists.
 *
 * A case folder: every IMR against the 14-point checklist, and the reports, data form, action
 * plan, chronologies, timetable and the Home Office's known reasons for sending reports back;
 * validation-report.md and .html written to the folder's out/ (or --out).
 * One IMR (.docx or .md) with --case: its checklist; the report files only with --out.
 *
 * Exit 0 when nothing failed; 1 when a checklist item failed or a problem must be put right;
 * 2 when the input cannot be read.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { passwordOption, type CommandContext } from '../cli.ts';
import { DhrError } from '../errors.ts';
import { assertNotInput, readInput, writeFilesAtomic } from '../files.ts';
import { readActionPlan } from '../ingest/action-plan.ts';
import { loadCaseFile } from '../ingest/case.ts';
import { isIsoDate } from '../ingest/dates.ts';
import { loadCaseFolder } from '../ingest/folder.ts';
import { readImr } from '../ingest/imr.ts';
import type { CaseFolder } from '../model.ts';
import { buildExecutiveSummary, buildOverviewReport, createReportAnonymiser, matchChairFiles } from '../assemble/index.ts';
import { executiveSummarySectionNames } from '../assemble/executive-summary.ts';
import { overviewSectionNames } from '../assemble/overview-report.ts';
import type { ReportDocument } from '../assemble/types.ts';
import type { ActionPlan } from '../../schemas/action-plan.ts';
import { todayInEngland } from '../status.ts';
import { assertOutFolder, readManifest } from '../build.ts';
import { hasFailures, validateCase, validateImrDocument, type ValidationReport } from '../validate/index.ts';
import { renderValidationHtml, renderValidationMarkdown, renderValidationText } from '../validate/render.ts';

export const order = 30;

interface CheckOptions {
  case?: string;
  json?: boolean;
  out?: string;
  today?: string;
  password?: string;
}

export function register(program: Command, { io, run }: CommandContext): void {
  program
    .command('check')
    .description("run the guide's checklists: the 14-point IMR checklist on each IMR, and the reports, data form, action plan, chronologies and timetable")
    .argument('<case-or-file>', 'a case folder (or its case.yaml), or one IMR (.docx or .md)')
    .option('--case <case.yaml>', "the case's case.yaml, when checking one IMR")
    .option('--json', 'print the results as JSON')
    .option('--out <dir>', 'write validation-report.md and validation-report.html here (default for a case: its out/ folder)')
    .option('--today <date>', 'judge deadlines and target dates as of this date, YYYY-MM-DD (default: today)')
    .addOption(passwordOption('password of encrypted (password-protected) IMRs or chronologies'))
    .action(
      run(async (target: string, options: CheckOptions) => {
        if (options.today !== undefined && !isIsoDate(options.today)) {
          throw new DhrError('usage', `--today must be a real date written YYYY-MM-DD, for example 2017-06-01 (got "${options.today}")`);
        }
        const today = options.today ?? todayInEngland();
        const single = await isImrFile(target);
        const { report, outDir, inputs } = single ? await checkOne(target, options, today) : await checkCase(target, options, today, io.warn);

        io.out(options.json ? JSON.stringify(report, null, 2) : renderValidationText(report));
        if (outDir) {
          const files = [path.join(outDir, 'validation-report.md'), path.join(outDir, 'validation-report.html')];
          for (const f of files) assertNotInput(f, inputs);
          await writeFilesAtomic([
            { path: files[0], data: renderValidationMarkdown(report) },
            { path: files[1], data: renderValidationHtml(report) },
          ]);
          const shown = (f: string) => {
            const r = path.relative(process.cwd(), f);
            return r && !r.startsWith('..') && !path.isAbsolute(r) ? r : path.resolve(f);
          };
          const line = `Wrote ${files.map(shown).join(' and ')}.`;
          if (options.json) io.warn(line);
          else io.out(line);
        }
        return hasFailures(report) ? 1 : 0;
      }),
    );
}

async function isImrFile(target: string): Promise<boolean> {
  const ext = path.extname(target).toLowerCase();
  if (ext !== '.docx' && ext !== '.md' && ext !== '.markdown') return false;
  try {
    return (await fs.stat(target)).isFile();
  } catch {
    return true; // let readImr say the file does not exist
  }
}

async function checkOne(file: string, options: CheckOptions, today: string): Promise<{ report: ValidationReport; outDir?: string; inputs: string[] }> {
  const caseFile = options.case ?? (await nearbyCaseFile(file));
  if (!caseFile) {
    throw new DhrError('usage', 'to check one IMR, give the case with --case case.yaml (it holds the codes, the names to keep out and the terms of reference)', { file });
  }
  const c = await loadCaseFile(caseFile);
  const imr = await readImr(file, c, { password: options.password });
  const report = validateImrDocument({ ...imr, file: path.basename(file) === file ? file : path.relative(process.cwd(), file) || file }, c, { today });
  if (options.out) await assertNotPublicationFolder(options.out);
  return { report, outDir: options.out, inputs: [file, caseFile] };
}

/** Refuse to write the (restricted) validation report into a folder that holds a publication copy. */
async function assertNotPublicationFolder(dir: string): Promise<void> {
  if ((await readManifest(dir))?.kind === 'publication') {
    throw new DhrError('unsafe-output', 'this folder holds a publication copy; the validation report quotes the IMRs and is restricted, so it must not be written beside it: choose another --out folder', { file: dir });
  }
}

/** The case.yaml of a case folder the IMR stands in: CASE/imrs/police.docx → CASE/case.yaml. */
async function nearbyCaseFile(file: string): Promise<string | undefined> {
  const dir = path.dirname(path.resolve(file));
  if (path.basename(dir).toLowerCase() !== 'imrs') return undefined;
  for (const candidate of [path.join(dir, '..', 'case.yaml'), path.join(dir, '..', 'case.yml')]) {
    try {
      if ((await fs.stat(candidate)).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

async function checkCase(target: string, options: CheckOptions, today: string, warn: (line: string) => void): Promise<{ report: ValidationReport; outDir?: string; inputs: string[] }> {
  const folder: CaseFolder = await loadCaseFolder(target, { password: options.password });
  const caseSource = (await readInput(folder.caseFile)).toString('utf8');
  let actionPlan: ActionPlan | undefined;
  let actionPlanSource: string | undefined;
  const outDir = options.out ?? path.join(folder.dir, 'out');
  // The validation report quotes the IMRs: it is restricted, like the drafts.
  assertOutFolder(folder, outDir);
  await assertNotPublicationFolder(outDir);
  if (folder.actionPlanFile) {
    actionPlan = await readActionPlan(folder.actionPlanFile, { password: options.password });
    if (/\.ya?ml$/i.test(folder.actionPlanFile)) actionPlanSource = (await readInput(folder.actionPlanFile)).toString('utf8');
  }
  // The reports as `dhr build` would draft them, so their sections and the Home Office's
  // reasons can be checked; the same engine (chair and panel names exempt) checks everything.
  const anonymiser = createReportAnonymiser(folder.case);
  const reports: ReportDocument[] = [];
  try {
    const chair = matchChairFiles(folder.report, { 'overview-report': overviewSectionNames, 'executive-summary': executiveSummarySectionNames });
    const draft = folder.case.draft ?? 1;
    reports.push(buildOverviewReport(folder, { draft, actionPlan, anonymiser, chair }));
    reports.push(buildExecutiveSummary(folder, { draft, actionPlan, anonymiser, chair }));
  } catch (error) {
    if (!(error instanceof DhrError)) throw error;
    warn(`dhr: warning: the reports could not be drafted, so they were not checked: ${error.message}`);
  }
  const report = validateCase(folder, {
    today,
    actionPlan,
    caseSource,
    actionPlanSource,
    reports,
    anonymiser: { leaks: (t) => anonymiser.leaks(t), findings: (t) => anonymiser.findings(t), apply: (t) => anonymiser.apply(t).text },
    reportFile: (r) => (r.kind === 'executive-summary' ? 'executive summary (as drafted from the case folder)' : 'overview report (as drafted from the case folder)'),
  });
  const inputs = [folder.caseFile, ...folder.imrs.map((i) => i.file), ...folder.chronologies.map((c) => c.file), ...folder.report.map((r) => r.file), ...(folder.actionPlanFile ? [folder.actionPlanFile] : [])];
  return { report, outDir, inputs };
}
