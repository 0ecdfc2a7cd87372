/**
 * The words a marking puts on every page, shared by the Excel, HTML and PDF renderers so the
 * three say exactly the same thing.
 */
import type { Marking } from '../assemble/types.ts';

export interface MarkingText {
  /** "OFFICIAL", or null on a publication copy. */
  classification: string | null;
  /** "Draft v2", or null. */
  draft: string | null;
  /** "Not for publication", or null. */
  note: string | null;
  /** "RESTRICTED", or null. */
  watermark: string | null;
}

export function markingText(marking: Marking): MarkingText {
  return {
    classification: marking.classification ?? null,
    draft: marking.draft !== undefined ? `Draft v${marking.draft}` : null,
    note: marking.note?.trim() ? marking.note.trim() : null,
    watermark: marking.watermark?.trim() ? marking.watermark.trim() : null,
  };
}

/** True when the marking carries nothing but page numbers (a publication copy). */
export function isPublication(marking: Marking): boolean {
  const text = markingText(marking);
  return text.classification === null && text.draft === null && text.note === null;
}

/** One line for a running header: "OFFICIAL · Draft v2 · Not for publication". */
export function markingLine(marking: Marking): string {
  const text = markingText(marking);
  return [text.classification, text.draft, text.note].filter((part): part is string => part !== null).join(' · ');
}
