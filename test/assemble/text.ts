/** Every piece of text a report model holds, and a word-bounded search in it. */
import { sectionTexts } from '../../pipeline/assemble/common.ts';
import type { ReportDocument, ReportSection } from '../../pipeline/assemble/types.ts';

export function allText(report: ReportDocument): string[] {
  return [
    ...Object.values(report.titlePage).filter((v): v is string => typeof v === 'string'),
    ...sectionTexts(report.sections),
    ...report.figures.flatMap((f) => [f.title, f.alt, f.svg]),
    ...report.prompts.map((p) => p.text),
  ];
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where a word or phrase occurs as a whole word (case-sensitive), ignoring occurrences inside any of `except`. */
export function occurrences(texts: string[], word: string, except: string[] = []): string[] {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(word)}(?![\\p{L}\\p{N}])`, 'u');
  return texts.filter((t) => {
    let rest = t;
    for (const e of except) rest = rest.split(e).join(' ');
    return re.test(rest);
  });
}

export function section(report: ReportDocument, id: string): ReportSection {
  const find = (list: ReportSection[]): ReportSection | undefined => {
    for (const s of list) {
      if (s.id === id) return s;
      const inner = find(s.subsections ?? []);
      if (inner) return inner;
    }
    return undefined;
  };
  const found = find(report.sections);
  if (!found) throw new Error(`no section ${id}`);
  return found;
}

export function textOf(s: ReportSection): string {
  return sectionTexts([s]).join('\n');
}
