/**
 * Footnotes: each mdast footnote reference in the body becomes a real Word footnote
 * (w:footnoteReference in the text, w:footnote in word/footnotes.xml) whose content is the
 * footnote definition rendered in the Footnote Text style. A definition referred to twice gives
 * two notes with the same text, as Word cannot point two references at one note.
 */
import { renderBlocks } from './blocks.ts';
import type { WordmlContext } from './context.ts';
import type { Scope } from './scope.ts';
import { styleIds } from './styles.ts';
import { footnotesPart } from './template-facts.ts';

/** The separator and continuation separator Word requires at the top of word/footnotes.xml. */
export const footnoteSeparators =
  '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>' +
  '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>';

const referenceMark = `<w:r><w:rPr><w:rStyle w:val="${styleIds.footnoteReference}"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>`;

/** Write every footnote the body asked for. */
export function writePendingFootnotes(context: WordmlContext<Scope>): void {
  for (const pending of context.pendingFootnotes) {
    const definition = pending.scope.footnoteDefinitions.get(pending.identifier);
    const scope: Scope = { ...pending.scope, part: footnotesPart, inFootnote: true };
    const content = renderBlocks(definition?.children ?? [], scope, {
      paragraphStyle: styleIds.footnoteText,
      firstParagraphPrefix: referenceMark,
    });
    context.setFootnote(pending.id, `<w:footnote w:id="${pending.id}">${content}</w:footnote>`);
  }
}
