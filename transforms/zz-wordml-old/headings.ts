/**
 * Heading paragraphs: the Heading n style (whose outline level drives Word's navigation pane and
 * contents), a bookmark so the contents list and "#section-id" links can jump to it, and an
 * entry in the static contents list for levels 1–3.
 */
import type { WordmlContext } from './context.ts';
import { paragraph } from './runs.ts';
import { contentsLevels, maxHeadingLevel, styleIds } from './styles.ts';

export interface HeadingOptions {
  /** Start the heading on a new page (appendices). */
  pageBreakBefore?: boolean;
  /** A bookmark reserved beforehand (section headings, so links can point forward to them). */
  bookmark?: { id: number; name: string };
}

export function headingParagraph(
  context: WordmlContext<unknown>,
  level: number,
  text: string,
  runs: string,
  options: HeadingOptions = {},
): string {
  const clamped = Math.min(Math.max(level, 1), maxHeadingLevel);
  const bookmark = options.bookmark ?? context.bookmark();
  if (clamped <= contentsLevels) context.contents.push({ level: clamped, text, bookmark: bookmark.name });
  return paragraph(
    { style: styleIds.heading(clamped), pageBreakBefore: options.pageBreakBefore },
    `<w:bookmarkStart w:id="${bookmark.id}" w:name="${bookmark.name}"/>${runs}<w:bookmarkEnd w:id="${bookmark.id}"/>`,
  );
}
