/**
 * The chair's overview report (the guide's Template 27) and executive summary (Template 28):
 * which sections are present, in the template's order, with text of their own, and which still
 * carry "[To be completed: …]" prompts.
 */
import { blocksOf } from './blocks.ts';
import { executiveSummarySections, overviewReportSections, type ReportSectionSpec } from '../../schemas/checklists.ts';
import type { ReportDocument, ReportSection } from '../assemble/types.ts';
import { normaliseValue, plural, wordCount } from './text.ts';
import type { ValidationProblem } from './types.ts';

export const promptPattern = /\[To be completed:\s*([^\]]*)\]/g;

export function specsFor(kind: ReportDocument['kind']): ReportSectionSpec[] {
  return kind === 'executive-summary' ? executiveSummarySections : overviewReportSections;
}

function normaliseTitle(title: string): string {
  return normaliseValue(title)
    .replace(/^(?:(?:section|part|chapter|appendix)\s+)?(?:\d+|[a-z])(?:\s+\d+)*\s+(?=\p{L})/u, '')
    .replace(/^the\s+/, '');
}

/** The template section a report section is, by its id or its title. */
export function specOf(section: ReportSection, specs: readonly ReportSectionSpec[]): ReportSectionSpec | undefined {
  const byId = specs.find((s) => s.id === section.id);
  if (byId) return byId;
  const title = normaliseTitle(section.title);
  const names = specs.flatMap((s) => [s.title, ...s.aliases].map((n) => ({ s, n: normaliseTitle(n) })));
  return names.find((x) => x.n === title)?.s ?? names.filter((x) => x.n.length >= 5 && title.startsWith(`${x.n} `)).sort((a, b) => b.n.length - a.n.length)[0]?.s;
}

const sectionTexts = new WeakMap<ReportSection, string>();

/** A report section's whole text, subsections included (made once per section: several checks read it). */
export function sectionText(section: ReportSection): string {
  let text = sectionTexts.get(section);
  if (text === undefined) {
    const own = blocksOf(section.content, { section: section.title }).map((b) => b.text).join('\n');
    text = [own, ...(section.subsections ?? []).map((s) => `${s.title}\n${sectionText(s)}`)].join('\n');
    sectionTexts.set(section, text);
  }
  return text;
}

/** The report's section that is a template section, by id. */
export function findSection(report: ReportDocument, id: string): ReportSection | undefined {
  const specs = specsFor(report.kind);
  return report.sections.find((s) => specOf(s, specs)?.id === id);
}

export interface ReportCheckOptions {
  /** What to call the document in places: a file name, or "overview report". */
  file: string;
}

export function checkReportSections(report: ReportDocument, options: ReportCheckOptions): { problems: ValidationProblem[]; notes: string[] } {
  const specs = specsFor(report.kind);
  const name = report.kind === 'executive-summary' ? 'executive summary' : 'overview report';
  const template = report.kind === 'executive-summary' ? 'Template 28' : 'Template 27';
  const problems: ValidationProblem[] = [];
  const notes: string[] = [];
  const file = options.file;

  const present = report.sections.map((section, index) => ({ section, index, spec: specOf(section, specs) }));
  const found = new Set(present.map((p) => p.spec?.id).filter(Boolean));

  // Missing sections.
  specs.forEach((spec, i) => {
    if (!spec.required || found.has(spec.id)) return;
    const before = specs.slice(0, i).reverse().find((s) => found.has(s.id));
    problems.push({
      severity: 'error',
      check: 'report.missing-section',
      message: `The ${name} has no "${spec.title}" section (${template}).`,
      place: { file, section: spec.title },
      fix: `Add "${spec.title}"${before ? ` after "${before.title}"` : ' at the start'}: ${spec.guide}.`,
    });
  });

  // Order: each template section after the ones the template puts before it.
  let highest = -1;
  let highestTitle = '';
  for (const p of present) {
    if (!p.spec) continue;
    const at = specs.indexOf(p.spec);
    if (at < highest) {
      problems.push({
        severity: 'warning',
        check: 'report.order',
        message: `"${p.section.title}" comes after "${highestTitle}", but ${template} puts it before.`,
        place: { file, section: p.section.title },
        fix: `Move "${p.section.title}" so the sections follow the order of ${template}.`,
      });
    } else {
      highest = at;
      highestTitle = p.section.title;
    }
  }

  // Empty sections and prompts still to complete.
  const promptsBySection = new Map<string, string[]>();
  for (const p of present) {
    const text = sectionText(p.section);
    const prompts = [...text.matchAll(promptPattern)].map((m) => m[1].trim());
    const own = text.replace(promptPattern, ' ');
    const title = p.section.title;
    if (!/[\p{L}\p{N}]/u.test(own) && !(p.section.content.some((n) => n.type === 'image' || n.type === 'table'))) {
      if (p.spec?.required === false) continue;
      problems.push({
        severity: 'error',
        check: 'report.empty-section',
        message: prompts.length > 0 ? `"${title}" has not been written yet: it holds only ${plural(prompts.length, 'prompt')} to complete.` : `"${title}" is empty.`,
        place: { file, section: title },
        fix: p.spec ? `Write it: ${p.spec.guide}.` : 'Write it, or remove the heading.',
      });
    }
    if (prompts.length > 0) promptsBySection.set(title, prompts);
  }
  // Prompts the assemble stage listed for sections whose text was not searched (subsections, appendices).
  for (const entry of report.prompts ?? []) {
    const list = promptsBySection.get(entry.section) ?? [];
    if (!list.includes(entry.text.trim())) list.push(entry.text.trim());
    promptsBySection.set(entry.section, list);
  }
  for (const [title, prompts] of promptsBySection) {
    for (const text of prompts) {
      problems.push({
        severity: 'warning',
        check: 'report.prompt',
        message: `Still to be completed in "${title}": ${text}`,
        place: { file, section: title },
        fix: `Write this part in the chair's text for "${title}" (report/ folder) and build the report again.`,
      });
    }
  }

  const unknown = present.filter((p) => !p.spec).map((p) => `"${p.section.title}"`);
  if (unknown.length > 0) notes.push(`Sections not in ${template} (kept as they are): ${unknown.join(', ')}.`);
  notes.push(`${plural(present.filter((p) => p.spec).length, 'section')} of ${template} found.`);
  return { problems, notes };
}
