/**
 * The contents list: a Word TOC field (`TOC \o "1-3" \h \z \u`) whose stored result is a static
 * list of the report's headings, each a link to its heading's bookmark. The list reads well as
 * it is; Word replaces it with page numbers when it updates the field (settings.xml asks it to
 * on opening, and the field is marked dirty).
 */
import type { ContentsEntry } from './context.ts';
import { fieldEnd, fieldStart, paragraph, textRun } from './runs.ts';
import { contentsLevels, styleIds } from './styles.ts';
import { escapeAttribute } from './xml.ts';

export const contentsInstruction = `TOC \\o "1-${contentsLevels}" \\h \\z \\u`;

export function contentsXml(entries: ContentsEntry[]): string {
  const start = fieldStart(contentsInstruction, { dirty: true });
  if (entries.length === 0) {
    return paragraph({ style: styleIds.toc(1) }, start + textRun('No headings') + fieldEnd);
  }
  const lines = entries.map((entry, index) => {
    const link = `<w:hyperlink w:anchor="${escapeAttribute(entry.bookmark)}" w:history="1">${textRun(entry.text)}</w:hyperlink>`;
    return paragraph({ style: styleIds.toc(entry.level) }, (index === 0 ? start : '') + link);
  });
  return lines.join('') + paragraph(undefined, fieldEnd);
}
