/**
 * The assemble stage: the overview report (Template 27), the executive summary (Template 28)
 * and the Home Office data form (Template 29) as report models, from a loaded case folder.
 *
 *   buildOverviewReport(folder, { draft, publish?, figures?, actionPlan? }) → ReportDocument
 *   buildExecutiveSummary(folder, { draft, publish?, actionPlan? })        → ReportDocument
 *   buildDataForm(case, { draft })                                          → DataFormModel
 *
 * Everything taken from the case folder — case.yaml, the IMRs, the chronologies, the chair's
 * own sections — goes through the anonymisation engine. The names of the chair, the author
 * and the panel members do not: the guide says the reports include them. With `publish` the
 * engine also generalises dates and removes markings, and the model carries no marking.
 */
import type { Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import { actionStatuses, type ActionPlan } from '../../schemas/action-plan.ts';
import type { Case } from '../../schemas/case.ts';
import { dataFormLists } from '../../schemas/data-form-values.ts';
import { contextOf, createAnonymiser, type AnonymisedText, type Anonymiser } from '../anonymise/engine.ts';
import { applySpans, shiftOffset } from '../anonymise/overlaps.ts';
import { anonymiseMarkdown } from '../anonymise/markdown.ts';
import { DhrError } from '../errors.ts';
import type { CaseFolder } from '../model.ts';
import { matchChairFiles, type ChairFiles, type ChairSection } from './chair-sections.ts';
import { cloneTree } from './clone.ts';
import {
  composeSection,
  dateStyle,
  monthYear,
  promptOpening,
  reportAuthor,
  reviewWords,
  subjectName,
  type AnonymiseNodes,
  type PromptEntry,
  type SectionDraft,
} from './common.ts';
import { draftExecutiveSummary, executiveSummarySectionNames, sharedWithOverview } from './executive-summary.ts';
import { draftOverviewReport, overviewSectionNames, type ActionPlanTable, type DraftContext } from './overview-report.ts';
import type { Figure, ReportDocument, TitlePage } from './types.ts';

export { buildDataForm, type DataFormModel } from './data-form.ts';
export { matchChairFiles, type ChairFiles } from './chair-sections.ts';

export interface ReportOptions {
  /** The draft number printed as "Draft vN" (ignored with publish). */
  draft: number;
  /** A publication copy: no marking or draft number, dates generalised. Refused for an SIR. */
  publish?: boolean;
  /** Figures to place: "timeline" in the chronology, "genogram" in the background (overview report only). */
  figures?: Figure[];
  /** The action plan, for the overview report's appendix and the review's own recommendations. */
  actionPlan?: ActionPlan;
  /** The engine to use (createReportAnonymiser); made for the case, with the publish option, when absent. */
  anonymiser?: Anonymiser;
  /** The chair's files already matched (matchChairFiles); matched here when absent. */
  chair?: ChairFiles;
}

/** The names the reports print as they are: the chair, the author and the panel members. */
export function verbatimNames(c: Case): string[] {
  const names = [c.chair?.name, c.author?.name, ...c.panel.map((m) => m.name)].filter((n): n is string => Boolean(n?.trim()));
  return [...new Set(names)];
}

/**
 * The words of the Home Office data form's categories ("White: English, Welsh, Scottish,
 * Northern Irish or British"), which the reports print in the confidentiality and equality
 * tables: they describe, they do not identify.
 */
export function categoryTerms(): string[] {
  const terms = new Set<string>();
  for (const list of Object.values(dataFormLists)) {
    for (const v of list.values) {
      for (const phrase of [v.value, v.group ?? '']) {
        if (!phrase) continue;
        terms.add(phrase);
        for (const piece of phrase.split(/,|\bor\b|\/|:|\(|\)/)) if (piece.trim()) terms.add(piece.trim());
      }
    }
  }
  return [...terms];
}

/**
 * The case as the engine sees it for the reports: the chair's and panel members' names, and the
 * data form's categories, are confirmed safe (not people or places of the case, so never
 * findings).
 */
export function reportCase(c: Case): Case {
  return { ...c, anonymisation: { ...c.anonymisation, allow: [...c.anonymisation.allow, ...verbatimNames(c), ...categoryTerms()] } };
}

/** The engine for a case's reports, with the chair's and panel members' names exempt. */
export interface ReportAnonymiser extends Anonymiser {
  /** The engine itself, without the exemption. */
  readonly inner: Anonymiser;
  /** The names printed as they are. */
  readonly verbatim: readonly string[];
}

/** The engine for a case's reports. */
export function createReportAnonymiser(c: Case, options: { publish?: boolean } = {}): ReportAnonymiser {
  return exemptNames(createAnonymiser(reportCase(c), { publish: options.publish ?? false, remember: true }), verbatimNames(c));
}

/**
 * An engine that leaves whole occurrences of some names alone: "Karen Ibbotson", a panel
 * member, keeps her name even when "Karen" is also the first name of a professional in the
 * key; "Karen" on its own is still replaced. Spans, findings and leaks inside such an
 * occurrence are dropped; everything else is the engine's.
 */
export function exemptNames(inner: Anonymiser, names: readonly string[]): ReportAnonymiser {
  const patterns = names.map((n) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(n)}(?![\\p{L}\\p{N}])`, 'gu'));
  const exempt = (text: string): [number, number][] => {
    const found: [number, number][] = [];
    for (const re of patterns) for (const m of text.matchAll(re)) found.push([m.index, m.index + m[0].length]);
    return found;
  };
  const keep = <T extends { start: number; end: number }>(text: string, spans: T[]): T[] => {
    if (patterns.length === 0 || spans.length === 0) return spans;
    const within = exempt(text);
    return within.length === 0 ? spans : spans.filter((s) => !within.some(([a, b]) => s.start >= a && s.end <= b));
  };
  const spans = (text: string) => keep(text, inner.spans(text));
  const findings = (text: string) => keep(text, inner.findings(text));
  return {
    inner,
    verbatim: names,
    key: inner.key,
    options: inner.options,
    spans,
    findings,
    leaks: (text: string) => keep(text, inner.leaks(text)),
    analyse(text: string) {
      const both = inner.analyse(text);
      return { spans: keep(text, both.spans), findings: keep(text, both.findings) };
    },
    apply(text: string): AnonymisedText {
      const applied = spans(text);
      const result = applySpans(text, applied);
      const found = findings(text).map((f) => {
        const start = shiftOffset(applied, f.start);
        return { text: f.text, kind: f.kind, context: contextOf(result.text, start, start + (f.end - f.start)) };
      });
      return { text: result.text, replacements: result.replacements, findings: found };
    },
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Chair and panel names that share words with the key ("Karen" in "Karen Ibbotson" and in
 * DS1's "Karen Whitworth"). The reports print the full name as it is and replace the shared
 * word everywhere else; a person should check the two cannot be confused. One line each.
 */
export function verbatimConflicts(c: Case, anonymiser: ReportAnonymiser): string[] {
  return verbatimNames(c).flatMap((name) => {
    const hits = anonymiser.inner.spans(name).filter((s) => s.source === 'key');
    return hits.length > 0
      ? [`"${name}" (chair or panel member) shares "${hits.map((h) => h.text).join('", "')}" with a name in the anonymisation key: the reports print "${name}" in full as it is, and replace "${hits[0].text}" everywhere else`]
      : [];
  });
}

/**
 * Anonymise mdast content in the report. The engine's findings are not asked for here: they
 * are looked for once, in the finished report's text (see build.ts), so the NLP pass runs once.
 */
function anonymiseWith(anonymiser: Anonymiser, c: Case): AnonymiseNodes {
  const spansOnly: Anonymiser = { ...anonymiser, findings: () => [], analyse: (text: string) => ({ spans: anonymiser.spans(text), findings: [] }) };
  const pseudonyms = c.people
    .filter((p) => p.pseudonym)
    .map((p) => ({ code: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(p.code)}(?![\\p{L}\\p{N}])`, 'gu'), pseudonym: p.pseudonym! }));
  return (nodes, options = {}) => {
    const tree: Root = { type: 'root', children: cloneTree(nodes) };
    anonymiseMarkdown(tree, spansOnly);
    if (options.pseudonyms && pseudonyms.length > 0) {
      visit(tree, 'text', (node: Text) => {
        for (const p of pseudonyms) node.value = node.value.replace(p.code, p.pseudonym);
      });
    }
    return tree.children;
  };
}

/**
 * The action plan for the overview report's appendix, in Template 25's terms but fewer columns
 * so it fits a page (action-plan.xlsx has them all): the lead agency with the lead person, the
 * milestones with the evidence of outcome, and the status in the words of the template's key
 * ("Preparation underway (amber)") with the date the action was completed.
 */
export function actionPlanTable(plan: ActionPlan, dates: ReturnType<typeof dateStyle>): ActionPlanTable {
  return {
    columns: ['No.', 'Recommendation', 'Lead', 'Key milestones and actions', 'Target date', 'Status'],
    rows: plan.recommendations.map((r) => [
      r.id,
      r.recommendation,
      r.lead ? `${r.agency} (${r.lead})` : r.agency,
      [r.action, ...(r.milestones ?? []), r.outcome ? `Outcome: ${r.outcome}` : undefined].filter(Boolean).join('; '),
      r.targetDate ? dates.cell(r.targetDate) : '',
      r.status === 'COMPLETE'
        ? `${actionStatuses.COMPLETE}${r.completed ? ` ${dates.on(r.completed)}` : ''}`
        : `${actionStatuses[r.status]} (${r.status.toLowerCase()})`,
    ]),
  };
}

interface Prepared {
  ctx: DraftContext;
  anonymiser: Anonymiser;
  chair: ChairFiles;
  publish: boolean;
}

function prepare(folder: CaseFolder, options: ReportOptions): Prepared {
  const c = folder.case;
  const publish = options.publish ?? false;
  if (publish && c.review === 'SIR') throw new DhrError('usage', 'Serious Incident Reviews are not published');
  const anonymiser = options.anonymiser ?? createReportAnonymiser(c, { publish });
  if (anonymiser.options.publish !== publish) {
    throw new DhrError('usage', `the anonymiser was made ${anonymiser.options.publish ? 'for' : 'without'} publication, but this report is ${publish ? '' : 'not '}a publication copy`);
  }
  const dates = dateStyle(publish);
  const ctx: DraftContext = {
    folder,
    words: reviewWords(c),
    dates,
    publish,
    figures: new Map((options.figures ?? []).map((f) => [f.id, f])),
    actionPlan: options.actionPlan ? actionPlanTable(options.actionPlan, dates) : undefined,
    reviewRecommendations: options.actionPlan?.recommendations.filter((r) => r.origin === 'overview').map((r) => `${r.recommendation} (${r.agency})`),
  };
  const chair = options.chair ?? matchChairFiles(folder.report, { 'overview-report': overviewSectionNames, 'executive-summary': executiveSummarySectionNames });
  return { ctx, anonymiser, chair, publish };
}

function assemble(
  kind: 'overview-report' | 'executive-summary',
  drafts: SectionDraft[],
  chairSections: ReadonlyMap<string, ChairSection>,
  prepared: Prepared,
  options: ReportOptions,
  figures: Figure[],
): ReportDocument {
  const c = prepared.ctx.folder.case;
  const anonymise = anonymiseWith(prepared.anonymiser, c);
  const prompts: PromptEntry[] = [];
  const sections = drafts.map((draft) => {
    const composed = composeSection(draft, chairSections, anonymise);
    prompts.push(...composed.prompts);
    return composed.section;
  });
  const titlePage = titlePageOf(c, kind, prepared);
  const titlePrompts = Object.values(titlePage)
    .filter((value): value is string => typeof value === 'string' && value.startsWith(promptOpening))
    .map((value) => ({ section: 'Title page', sectionId: 'title-page', text: value.slice(promptOpening.length, -1) }));
  prompts.unshift(...titlePrompts);
  const placed = new Set<string>();
  for (const s of sections) collectFigureIds(s, placed);
  return {
    kind,
    titlePage,
    marking: prepared.publish ? { classification: null } : { classification: 'OFFICIAL', draft: options.draft, ...(c.review === 'SIR' ? { watermark: 'RESTRICTED' } : {}) },
    sections,
    figures: figures.filter((f) => placed.has(f.id)),
    prompts,
  };
}

function collectFigureIds(section: ReportDocument['sections'][number], into: Set<string>): void {
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; url?: string; children?: unknown[] };
    if (n.type === 'image' && typeof n.url === 'string' && n.url.startsWith('figure:')) into.add(n.url.slice('figure:'.length));
    for (const child of n.children ?? []) walk(child);
  };
  section.content.forEach(walk);
  for (const sub of section.subsections ?? []) collectFigureIds(sub, into);
}

function titlePageOf(c: Case, kind: 'overview-report' | 'executive-summary', prepared: Prepared): TitlePage {
  const writer = reportAuthor(c);
  const completed = c.dates.reportCompleted;
  return {
    csp: c.csp,
    reviewType: reviewWords(c).title,
    documentTitle: kind === 'overview-report' ? 'Overview Report' : 'Executive Summary',
    subject: subjectName(c),
    deathMonth: monthYear(c.death.date),
    author: writer?.name ?? `${promptOpening}the name of the report's author]`,
    completed: completed ? prepared.ctx.dates.date(completed) : `${promptOpening}the date the review report was completed]`,
  };
}

/** The overview report (Template 27) as a report model. */
export function buildOverviewReport(folder: CaseFolder, options: ReportOptions): ReportDocument {
  const prepared = prepare(folder, options);
  const drafts = draftOverviewReport(prepared.ctx);
  return assemble('overview-report', drafts, prepared.chair['overview-report'].sections, prepared, options, options.figures ?? []);
}

/** The executive summary (Template 28) as a report model. */
export function buildExecutiveSummary(folder: CaseFolder, options: ReportOptions): ReportDocument {
  const prepared = prepare(folder, options);
  const drafts = draftExecutiveSummary(prepared.ctx);
  const own = prepared.chair['executive-summary'].sections;
  const fromOverview = prepared.chair['overview-report'].sections;
  const sections = new Map(own);
  for (const id of sharedWithOverview) {
    const shared = fromOverview.get(id);
    if (!sections.has(id) && shared) sections.set(id, shared);
  }
  return assemble('executive-summary', drafts, sections, prepared, options, []);
}
