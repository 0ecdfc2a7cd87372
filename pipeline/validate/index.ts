/**
 * The validate stage: every check of a case folder in one report.
 *
 *   validateCase(folder, { today, reports?, actionPlan? }) → ValidationReport
 *   validateImrDocument(imr, case, { today }) → ValidationReport   (one IMR, `dhr check FILE`)
 *
 * Plain functions of the models: the command (pipeline/commands/check.ts) reads the files,
 * builds the reports and writes the output.
 */
import path from 'node:path';
import type { ActionPlan } from '../../schemas/action-plan.ts';
import type { Case } from '../../schemas/case.ts';
import { createAnonymiser } from '../anonymise/engine.ts';
import type { ReportDocument } from '../assemble/types.ts';
import type { CaseFolder, ImrDocument } from '../model.ts';
import { checkActionPlan } from './action-plan.ts';
import { checkChronologies } from './chronology.ts';
import { checkDataForm } from './data-form.ts';
import { checkHomeOffice } from './home-office.ts';
import { checkImr } from './imr-checklist.ts';
import { checkReportSections } from './report-sections.ts';
import { checkTimetable } from './timetable.ts';
import { fieldLineFinder } from './yaml-lines.ts';
import { groupRepeated, problemCount } from './group.ts';
import type { CheckAnonymiser, ValidatedDocument, ValidationProblem, ValidationReport } from './types.ts';

export type * from './types.ts';
export { checkImr } from './imr-checklist.ts';
export { rowKey } from './chronology.ts';
export { groupRepeated } from './group.ts';

export interface ValidateOptions {
  /** The date the checks are for (YYYY-MM-DD): deadlines and target dates are judged against it. */
  today: string;
  /** The overview report and executive summary as the assemble stage builds them. */
  reports?: ReportDocument[];
  actionPlan?: ActionPlan;
  /** The anonymisation engine; made from case.yaml when not given. */
  anonymiser?: CheckAnonymiser;
  /** case.yaml's text, so problems can give the line of a field. */
  caseSource?: string;
  /** The action plan's text (YAML), for lines of its fields. */
  actionPlanSource?: string;
  /** What to call a report in places, e.g. "out/overview-report.docx". */
  reportFile?: (report: ReportDocument) => string;
}

export function validateCase(folder: CaseFolder, options: ValidateOptions): ValidationReport {
  const c = folder.case;
  const anonymiser = remembering(options.anonymiser ?? createAnonymiser(c));
  const relative = new Map<string, string>();
  const rel = (file: string | undefined): string | undefined => {
    if (file === undefined) return undefined;
    let r = relative.get(file);
    if (r === undefined) relative.set(file, (r = relativeTo(folder.dir, file)));
    return r;
  };
  const caseFile = rel(folder.caseFile) ?? 'case.yaml';
  const lineOf = options.caseSource ? fieldLineFinder(options.caseSource) : undefined;
  const reports = options.reports ?? [];
  const reportFile = options.reportFile ?? ((r: ReportDocument) => (r.kind === 'executive-summary' ? 'executive summary (as built)' : 'overview report (as built)'));
  const documents: ValidatedDocument[] = [];

  // IMRs: the 14-point checklist.
  const imrs = [...folder.imrs].sort((a, b) => (a.file < b.file ? -1 : 1)).map((imr) => ({ ...imr, file: rel(imr.file) ?? imr.file }));
  for (const imr of imrs) {
    const result = checkImr(imr, { case: c, anonymiser });
    documents.push({ file: imr.file, kind: 'imr', title: `IMR from ${imr.agency}`, items: result.items, problems: [] });
  }

  // The reports against Templates 27 and 28.
  for (const report of reports) {
    if (report.kind !== 'overview-report' && report.kind !== 'executive-summary') continue;
    const { problems, notes } = checkReportSections(report, { file: reportFile(report) });
    documents.push({ file: reportFile(report), kind: report.kind, title: report.kind === 'overview-report' ? 'Overview report' : 'Executive summary', problems, notes });
  }
  if (!reports.some((r) => r.kind === 'overview-report')) {
    documents.push({
      file: 'overview report',
      kind: 'overview-report',
      title: 'Overview report',
      problems: [],
      notes: ['Not checked: the overview report was not built. Run "dhr build" (or check again once it can be built) to check its sections against Template 27.'],
    });
  }

  // The Home Office data form (DHRs only).
  if (c.review === 'DHR') {
    const problems = checkDataForm(c, { caseFile, lineOf });
    documents.push({ file: caseFile, kind: 'data-form', title: 'Home Office data form (Template 29)', problems, notes: problems.length === 0 ? ['Every field is filled in with a Home Office category.'] : [] });
  }

  // The action plan.
  const planFile = rel(folder.actionPlanFile) ?? 'action-plan.yaml';
  if (options.actionPlan) {
    const planLines = options.actionPlanSource ? fieldLineFinder(options.actionPlanSource) : undefined;
    const problems = checkActionPlan(options.actionPlan, { today: options.today, file: planFile, lineOf: planLines });
    documents.push({ file: planFile, kind: 'action-plan', title: 'Action plan (Template 25)', problems, notes: problems.length === 0 ? ['Every recommendation is complete, SMARTER and on time.'] : [] });
  } else {
    documents.push({ file: planFile, kind: 'action-plan', title: 'Action plan (Template 25)', problems: [], notes: ['Not checked: the case folder has no action plan (action-plan.yaml or action-plan.xlsx).'] });
  }

  // The chronologies.
  const chronologies = [...folder.chronologies].sort((a, b) => (a.file < b.file ? -1 : 1));
  const { problems: byFile, flags } = checkChronologies(chronologies, c, { fileName: (f) => rel(f) ?? f });
  for (const ch of chronologies) {
    documents.push({
      file: rel(ch.file) ?? ch.file,
      kind: 'chronology',
      title: `Chronology from ${ch.agency}`,
      problems: relativise(byFile.get(ch.file) ?? [], rel),
      notes: (byFile.get(ch.file) ?? []).length === 0 ? [`${ch.rows.length} entries; no problem found.`] : [`${ch.rows.length} entries.`],
    });
  }
  if (chronologies.length > 0) {
    documents.push({
      file: 'chronologies',
      kind: 'chronology',
      title: 'All chronologies together',
      problems: relativise(byFile.get('') ?? [], rel),
      notes: (byFile.get('') ?? []).length === 0 ? ['No gap of more than six months without agency contact in the review period.'] : [],
    });
  }

  // The timetable.
  const timetable = checkTimetable(c, { today: options.today, caseFile, lineOf });
  documents.push({ file: caseFile, kind: 'timetable', title: 'Timetable', problems: timetable.problems, notes: timetable.notes });

  // The Home Office Quality Assurance Panel's known reasons for sending reports back.
  const ho = checkHomeOffice({ case: c, imrs, reports, anonymiser, caseFile, lineOf, reportFile });
  documents.push({ file: caseFile, kind: 'home-office', title: 'Home Office quality assurance', problems: ho.problems, notes: ho.notes });

  return finish(c, options.today, documents, flags);
}

/**
 * The engine's answers kept by text for the length of one validation: the IMR checklist, the
 * Home Office checks and the quotes ask about the same paragraphs. (Each answer is given as a
 * new array, so a caller may add to it.)
 */
function remembering(engine: CheckAnonymiser): CheckAnonymiser {
  const keep = <T>(ask: (text: string) => T[]): ((text: string) => T[]) => {
    const answers = new Map<string, T[]>();
    return (text) => {
      let found = answers.get(text);
      if (!found) answers.set(text, (found = ask(text)));
      return found.slice();
    };
  };
  return {
    leaks: keep((t) => engine.leaks(t)),
    findings: keep((t) => engine.findings(t)),
    ...(engine.apply ? { apply: (t: string) => engine.apply!(t) } : {}),
  };
}

/** One IMR on its own (`dhr check FILE --case case.yaml`). */
export function validateImrDocument(imr: ImrDocument, c: Case, options: { today: string; anonymiser?: CheckAnonymiser }): ValidationReport {
  const result = checkImr(imr, { case: c, anonymiser: options.anonymiser ?? createAnonymiser(c) });
  return finish(c, options.today, [{ file: imr.file, kind: 'imr', title: `IMR from ${imr.agency}`, items: result.items, problems: [] }], {});
}

/** Whether a report means exit code 1: any item failed, or any error. */
export function hasFailures(report: ValidationReport): boolean {
  return report.summary.fail > 0 || report.summary.errors > 0;
}

function finish(c: Case, today: string, documents: ValidatedDocument[], flags: Record<string, string[]>): ValidationReport {
  for (const d of documents) d.problems = groupRepeated(d.problems);
  return { case: c.reference, today, documents, chronologyFlags: flags, summary: summarise(documents) };
}

/** The counts of a report: checklist verdicts, and problems (each place of a grouped one counted). */
export function summarise(documents: readonly ValidatedDocument[]): ValidationReport['summary'] {
  const summary = { pass: 0, fail: 0, review: 0, errors: 0, warnings: 0 };
  for (const d of documents) {
    for (const i of d.items ?? []) summary[i.status]++;
    for (const p of d.problems) summary[p.severity === 'error' ? 'errors' : 'warnings'] += problemCount(p);
  }
  return summary;
}

function relativeTo(dir: string, file: string): string {
  const r = path.relative(path.resolve(dir), path.resolve(file));
  return r && !r.startsWith('..') && !path.isAbsolute(r) ? r.split(path.sep).join('/') : file;
}

function relativise(problems: ValidationProblem[], rel: (f: string | undefined) => string | undefined): ValidationProblem[] {
  return problems.map((p) => ({ ...p, place: { ...p.place, file: rel(p.place.file) }, ...(p.occurrences ? { occurrences: p.occurrences.map((o) => ({ ...o, place: { ...o.place, file: rel(o.place.file) } })) } : {}) }));
}
