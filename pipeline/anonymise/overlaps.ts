/**
 * Choosing among spans that overlap, and applying the chosen ones to a text.
 *
 * The span that covers the other wins (a key address holding a postcode, an email holding a
 * name); for the same stretch of text the more specific kind wins (a date of birth over a date,
 * an NHS number over a telephone number). Spans that only partly overlap become one span over
 * both, replaced as the longer one is, so no part of either survives.
 */
import type { Replacement, Span, SpanKind } from './types.ts';

const priority: Record<SpanKind, number> = {
  'date-of-birth': 9,
  person: 8,
  professional: 8,
  place: 8,
  email: 7,
  'nhs-number': 6,
  'ni-number': 6,
  phone: 5,
  postcode: 5,
  organisation: 4,
  date: 2,
  marking: 1,
};

/**
 * Sorted, non-overlapping spans, one per stretch of text. The spans given are not changed; when
 * they are already in order and apart (the usual case) they are returned as they are.
 */
export function resolveOverlaps(spans: Span[]): Span[] {
  let apart = true;
  for (let i = 1; i < spans.length && apart; i++) apart = spans[i - 1].end <= spans[i].start;
  if (apart) return spans;
  const sorted = [...spans].sort(byPosition);
  // Spans are never changed in place: a merged span is a new one.
  const out: Span[] = [];
  for (const span of sorted) {
    const last = out.length > 0 ? out[out.length - 1] : undefined;
    if (!last || span.start >= last.end) {
      out.push(span);
      continue;
    }
    if (span.end <= last.end) {
      // Inside the last one: the last covers it, unless both cover the same text and this kind is more specific.
      if (span.start === last.start && span.end === last.end && priority[span.kind] > priority[last.kind]) out[out.length - 1] = span;
      continue;
    }
    // Partly overlapping: one span over both, replaced as the longer of the two.
    const lastLength = last.end - last.start;
    const spanLength = span.end - span.start;
    const winner = spanLength > lastLength || (spanLength === lastLength && priority[span.kind] > priority[last.kind]) ? span : last;
    const text = last.text + span.text.slice(last.end - span.start);
    out[out.length - 1] = { ...winner, start: last.start, end: span.end, text };
  }
  return out;
}

function byPosition(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end || priority[b.kind] - priority[a.kind];
}

/** A text with spans replaced (spans sorted and not overlapping). */
export function applySpans(text: string, spans: readonly Span[]): { text: string; replacements: Replacement[] } {
  const parts: string[] = [];
  const replacements: Replacement[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.replacement === undefined) continue;
    parts.push(text.slice(at, span.start), span.replacement);
    replacements.push({ original: span.text, replacement: span.replacement, kind: span.kind });
    at = span.end;
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), replacements };
}

/** Where an offset of the original text lands in the text after the spans are applied. */
export function shiftOffset(spans: readonly Span[], offset: number): number {
  let shift = 0;
  for (const span of spans) {
    if (span.start >= offset) break;
    if (span.replacement === undefined) continue;
    if (span.end > offset) return span.start + shift;
    shift += span.replacement.length - (span.end - span.start);
  }
  return offset + shift;
}
