/**
 * Where a piece of mdast is being written: which package part (relationships are per part),
 * which link and footnote definitions are visible, how deep its headings sit under the report's
 * own section headings.
 */
import type { Definition, FootnoteDefinition } from 'mdast';
import type { WordmlContext } from './context.ts';

export interface Scope {
  context: WordmlContext<Scope>;
  /** The part being written, e.g. word/document.xml or word/footnotes.xml. */
  part: string;
  /** Link and image reference definitions ([label]: url), by normalised identifier. */
  definitions: Map<string, Definition>;
  /** Footnote definitions ([^label]: …), by normalised identifier. */
  footnoteDefinitions: Map<string, FootnoteDefinition>;
  /** Section ids and the bookmarks of their headings, for "#section-id" links. */
  anchors: Map<string, string>;
  /**
   * Added to an mdast heading's depth to give its Word heading level: the shallowest heading in
   * a section becomes one level below the section's own title, the others keep their distance.
   */
  headingOffset: number;
  /** True inside a footnote: a footnote cannot hold another footnote or a heading. */
  inFootnote: boolean;
  /** The section id, for error messages. */
  where: string;
}

/** Identifiers compare as mdast does: case-insensitively, whitespace collapsed. */
export function normaliseIdentifier(identifier: string): string {
  return identifier.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase();
}
