/**
 * The chair's own sections (`report/*.md`) matched to the sections of a template.
 *
 * Tolerant of how people name things: `analysis.md`, `04-analysis.md`, `Lessons_Learned.md`
 * and a file whose first heading is "# Analysis" all land in the Analysis section. A file may
 * hold several sections, each under a heading of the same level ("# Conclusions",
 * "# Lessons to be learnt"); a file named `overview-report.md` or `executive-summary.md` is read
 * that way. A name beginning "executive summary" (`executive-summary-key-issues.md`) is for the
 * executive summary; every other file is for the overview report.
 */
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** One section of a template as the matcher sees it. */
export interface SectionName {
  id: string;
  title: string;
  /** The template's other names for the section (matched exactly, and at the start of a title). */
  aliases: string[];
  /** Looser names chairs use ("tor", "panel", "pen portrait"): they name a file or its first heading, never a subheading. */
  loose?: string[];
}

export type ReportTarget = 'overview-report' | 'executive-summary';

export interface ChairFile {
  file: string;
  name: string;
  tree: Root;
}

export interface ChairSection {
  id: string;
  /** Where the text came from (file names), for the validation report. */
  files: string[];
  /** The chair's text, without the heading that named the section. */
  content: RootContent[];
}

export interface ChairMatch {
  sections: Map<string, ChairSection>;
  /** Files for this report that match no section, with the reason. */
  unmatched: { file: string; reason: string }[];
}

/** Lower case, separators to spaces, numbering and "the" removed: "04-The_Analysis" → "analysis". */
export function normaliseTitle(value: string): string {
  return value
    .toLowerCase()
    .replace(/[‘’']/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^(?:(?:section|part|chapter|appendix)\s+)?\d+(?:\s+\d+)*\s+/, '')
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const executiveSummaryPrefixes = ['executive summary', 'exec summary', 'es'];
const wholeReportNames: Record<ReportTarget, string[]> = {
  'overview-report': ['overview report', 'report', 'draft report', 'overview report draft'],
  'executive-summary': [],
};

/** Which report a file's name is for, and the rest of the name that names the section. */
export function targetOf(name: string): { target: ReportTarget; rest: string } {
  const normal = normaliseTitle(name);
  for (const prefix of executiveSummaryPrefixes) {
    if (normal === prefix) return { target: 'executive-summary', rest: '' };
    if (normal.startsWith(`${prefix} `)) return { target: 'executive-summary', rest: normal.slice(prefix.length + 1) };
  }
  return { target: 'overview-report', rest: normal };
}

/**
 * The section a title names, or undefined. An exact title or alias wins; otherwise the
 * longest title or alias (of five letters or more) the text begins with: "Analysis of agency
 * involvement" is the Analysis.
 */
export function matchTitle(value: string, catalogue: SectionName[]): string | undefined {
  const normal = normaliseTitle(value);
  if (!normal) return undefined;
  const names = catalogue.flatMap((s) => [s.title, ...s.aliases, ...(s.loose ?? [])].map((n) => ({ id: s.id, n: normaliseTitle(n) })));
  const exact = names.find((x) => x.n === normal);
  if (exact) return exact.id;
  let best: { id: string; n: string } | undefined;
  for (const x of names) {
    if (x.n.length < 5) continue;
    if (normal.startsWith(`${x.n} `) && (!best || x.n.length > best.n.length)) best = x;
  }
  return best?.id;
}

export interface ChairFiles {
  'overview-report': ChairMatch;
  'executive-summary': ChairMatch;
  /** Files that match no section of either report, with the reason. */
  unmatched: { file: string; reason: string }[];
}

/**
 * Match the chair's files to the sections of both reports. A file named for the executive
 * summary goes to the summary; any other file goes to the overview report if its name or first
 * heading names one of its sections, else to the summary if it names one of the summary's
 * ("key-issues.md"), else it is listed as unmatched.
 */
export function matchChairFiles(files: ChairFile[], catalogues: Record<ReportTarget, SectionName[]>): ChairFiles {
  const result: ChairFiles = {
    'overview-report': { sections: new Map(), unmatched: [] },
    'executive-summary': { sections: new Map(), unmatched: [] },
    unmatched: [],
  };
  const sorted = [...files].sort((a, b) => compareText(a.name, b.name) || compareText(a.file, b.file));
  for (const f of sorted) {
    const { target, rest } = targetOf(f.name);
    const order: ReportTarget[] = target === 'executive-summary' ? ['executive-summary'] : ['overview-report', 'executive-summary'];
    let placed = false;
    for (const t of order) {
      const chunks = chunksOf(f, rest, t, catalogues[t]);
      if (chunks === null) continue;
      for (const chunk of chunks) add(result[t].sections, chunk.id, f.file, chunk.content);
      placed = true;
      break;
    }
    if (placed) continue;
    const children = contentOf(f);
    if (children.every((n) => !hasText(n))) continue;
    const top = topHeadingDepth(children);
    const first = children.find((n) => n.type === 'heading' && n.depth === top);
    const title = first ? `"${toString(first)}"` : 'no heading';
    const reason = `neither its name nor its first heading (${title}) names a section of the ${target === 'overview-report' ? 'overview report or the executive summary' : 'executive summary'}`;
    result.unmatched.push({ file: f.file, reason });
    result[target].unmatched.push({ file: f.file, reason });
  }
  return result;
}

/** Match the chair's files for one report to its sections. */
export function matchChairSections(files: ChairFile[], target: ReportTarget, catalogue: SectionName[]): ChairMatch {
  const sections = new Map<string, ChairSection>();
  const unmatched: ChairMatch['unmatched'] = [];
  const sorted = [...files].sort((a, b) => compareText(a.name, b.name) || compareText(a.file, b.file));
  for (const f of sorted) {
    const { target: fileTarget, rest } = targetOf(f.name);
    if (fileTarget !== target) continue;
    const chunks = chunksOf(f, rest, target, catalogue);
    if (chunks === null) {
      const children = contentOf(f);
      if (children.every((n) => !hasText(n))) continue;
      const top = topHeadingDepth(children);
      const first = children.find((n) => n.type === 'heading' && n.depth === top);
      const title = first ? `"${toString(first)}"` : 'no heading';
      unmatched.push({
        file: f.file,
        reason: `neither its name nor its first heading (${title}) names a section of the ${target === 'overview-report' ? 'overview report' : 'executive summary'}`,
      });
      continue;
    }
    for (const chunk of chunks) add(sections, chunk.id, f.file, chunk.content);
  }
  return { sections, unmatched };
}

function add(sections: Map<string, ChairSection>, id: string, file: string, content: RootContent[]): void {
  const existing = sections.get(id);
  if (existing) {
    existing.content.push(...content);
    if (!existing.files.includes(file)) existing.files.push(file);
  } else {
    sections.set(id, { id, files: [file], content: [...content] });
  }
}

function contentOf(f: ChairFile): RootContent[] {
  return f.tree.children.filter((n) => n.type !== 'yaml' && !(n.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(n.value)));
}

/**
 * The sections a file holds, or null when it names none (or holds no text). The file's name or
 * first heading names the first section. After that, a top-level heading that names a section
 * starts it (when the file is split by its headings), and so does a subheading one level down
 * that is exactly a section's title ("## Timescales" inside the introduction); the heading that
 * named a section is dropped, every other heading is kept.
 */
function chunksOf(f: ChairFile, rest: string, target: ReportTarget, catalogue: SectionName[]): { id: string; content: RootContent[] }[] | null {
  const children = contentOf(f);
  if (children.every((n) => !hasText(n))) return null;
  const wholeReport = rest === '' || wholeReportNames[target].includes(rest);
  const nameMatch = wholeReport ? undefined : matchTitle(rest, catalogue);
  const top = topHeadingDepth(children);
  const firstHeadingIndex = children.findIndex((n) => n.type === 'heading' && n.depth === top);
  const firstHeading = firstHeadingIndex >= 0 ? (children[firstHeadingIndex] as Heading) : undefined;
  const headingMatch = firstHeading ? matchTitle(toString(firstHeading), catalogue) : undefined;

  // Split at the top-level headings only when the file's name does not name a different
  // section ("analysis.md" whose first subheading is "Terms of reference 1" is all Analysis).
  const split = headingMatch !== undefined && (nameMatch === undefined || nameMatch === headingMatch);
  let current: string;
  let following: RootContent[];
  let chunk: RootContent[];
  if (split) {
    current = headingMatch!;
    chunk = children.slice(0, firstHeadingIndex);
    following = children.slice(firstHeadingIndex + 1);
  } else if (nameMatch !== undefined) {
    current = nameMatch;
    chunk = [];
    following = children;
  } else {
    return null;
  }
  const chunks: { id: string; content: RootContent[] }[] = [];
  for (const node of following) {
    let id: string | undefined;
    if (node.type === 'heading') {
      const words = toString(node);
      if (split && node.depth === top) id = matchTitle(words, catalogue);
      if (id === undefined && node.depth <= top + 1) {
        const exact = exactTitle(words, catalogue);
        if (exact !== current) id = exact;
      }
    }
    if (id !== undefined) {
      chunks.push({ id: current, content: chunk });
      current = id;
      chunk = [];
    } else {
      chunk.push(node);
    }
  }
  chunks.push({ id: current, content: chunk });
  return chunks.filter((c) => c.content.some(hasText));
}

/** The section whose own title or listed alias is exactly this heading (no prefixes, no extra names). */
export function exactTitle(value: string, catalogue: SectionName[]): string | undefined {
  const normal = normaliseTitle(value);
  return catalogue.find((s) => [s.title, ...s.aliases].some((n) => normaliseTitle(n) === normal))?.id;
}

function hasText(node: RootContent): boolean {
  return toString(node).trim() !== '' || node.type === 'image' || node.type === 'table';
}

function topHeadingDepth(nodes: RootContent[]): number {
  let depth = Infinity;
  for (const n of nodes) if (n.type === 'heading') depth = Math.min(depth, n.depth);
  return depth;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
