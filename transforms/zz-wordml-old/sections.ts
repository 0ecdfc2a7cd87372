/**
 * A report's sections → the WordprocessingML of its body and of its contents list. Section
 * titles are Heading 1, subsections Heading 2 and so on; headings inside a section's mdast sit
 * below its title (the shallowest one level below, whatever depth the author wrote it at). Appendices come after the main sections, each on a new page, titled
 * "Appendix A: …", "Appendix B: …".
 */
import type { Definition, FootnoteDefinition, Nodes, RootContent } from 'mdast';
import type { Figure, ReportSection } from '../../pipeline/assemble/types.ts';
import { renderBlocks } from './blocks.ts';
import { contentsXml } from './contents.ts';
import { WordmlContext, type PackageAdditions } from './context.ts';
import { writePendingFootnotes } from './footnotes.ts';
import { headingParagraph } from './headings.ts';
import { textWithPrompts } from './inline.ts';
import { normaliseIdentifier, type Scope } from './scope.ts';
import { documentPart, type TemplateFacts } from './template-facts.ts';

export interface RenderedReport {
  /** Block-level XML for the {@body} tag. */
  body: string;
  /** Block-level XML for the {@contents} tag: the TOC field with a static list of headings. */
  contents: string;
  /** What must be added to the package for the body to be valid. */
  additions: PackageAdditions;
}

/** "A", "B", … "Z", "AA", "AB", … */
export function appendixLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The title an appendix is printed under; a title that already says "Appendix" is kept. */
export function appendixTitle(index: number, title: string): string {
  return /^appendix\b/i.test(title.trim()) ? title : `Appendix ${appendixLetter(index)}: ${title}`;
}

export function renderReportBody(sections: ReportSection[], figures: Figure[], facts: TemplateFacts): RenderedReport {
  const context = new WordmlContext<Scope>(facts, figures);
  const ordered = [...sections.filter((s) => !s.appendix), ...sections.filter((s) => s.appendix)];

  // Bookmarks for every section first, so a link can point to a section further on.
  const bookmarks = new Map<ReportSection, { id: number; name: string }>();
  const anchors = new Map<string, string>();
  const reserve = (section: ReportSection): void => {
    const bookmark = context.bookmark();
    bookmarks.set(section, bookmark);
    if (!anchors.has(section.id)) anchors.set(section.id, bookmark.name);
    section.subsections?.forEach(reserve);
  };
  ordered.forEach(reserve);

  // Definitions are looked up in the section tree they were written in, then anywhere.
  const everywhere = collectDefinitions(ordered);
  let appendixIndex = 0;
  let body = '';
  for (const section of ordered) {
    const own = collectDefinitions([section]);
    const definitions = new Map([...everywhere.definitions, ...own.definitions]);
    const footnoteDefinitions = new Map([...everywhere.footnotes, ...own.footnotes]);
    const scope = (where: string, headingOffset: number): Scope => ({
      context,
      part: documentPart,
      definitions,
      footnoteDefinitions,
      anchors,
      headingOffset,
      inFootnote: false,
      where,
    });
    const write = (s: ReportSection, level: number, title: string, pageBreakBefore: boolean): void => {
      const bookmark = bookmarks.get(s);
      body += headingParagraph(context, level, title, textWithPrompts(title, {}), { pageBreakBefore, bookmark });
      body += renderBlocks(s.content, scope(`sections.${s.id}`, level - (shallowestHeading(s.content) - 1)));
      for (const sub of s.subsections ?? []) write(sub, level + 1, sub.title, false);
    };
    if (section.appendix) {
      write(section, 1, appendixTitle(appendixIndex, section.title), true);
      appendixIndex += 1;
    } else {
      write(section, 1, section.title, false);
    }
  }
  writePendingFootnotes(context);
  return { body, contents: contentsXml(context.contents), additions: context.additions() };
}

/** The smallest depth of any mdast heading in `content` (1 when there is none). */
function shallowestHeading(content: RootContent[]): number {
  let shallowest = Infinity;
  const visit = (node: Nodes): void => {
    if (node.type === 'heading') shallowest = Math.min(shallowest, node.depth);
    if ('children' in node) for (const child of node.children as RootContent[]) visit(child);
  };
  content.forEach(visit);
  return Number.isFinite(shallowest) ? shallowest : 1;
}

function collectDefinitions(sections: ReportSection[]): { definitions: Map<string, Definition>; footnotes: Map<string, FootnoteDefinition> } {
  const definitions = new Map<string, Definition>();
  const footnotes = new Map<string, FootnoteDefinition>();
  const visit = (node: Nodes): void => {
    if (node.type === 'definition') {
      const key = normaliseIdentifier(node.identifier);
      if (!definitions.has(key)) definitions.set(key, node);
    }
    if (node.type === 'footnoteDefinition') {
      const key = normaliseIdentifier(node.identifier);
      if (!footnotes.has(key)) footnotes.set(key, node);
    }
    if ('children' in node) for (const child of node.children as RootContent[]) visit(child);
  };
  const walk = (section: ReportSection): void => {
    section.content.forEach(visit);
    section.subsections?.forEach(walk);
  };
  sections.forEach(walk);
  return { definitions, footnotes };
}
