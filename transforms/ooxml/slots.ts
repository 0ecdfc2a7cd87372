/**
 * Text split across runs. A paragraph's text lives in many elements (`w:t` in runs with
 * different formatting, inside hyperlinks, fields, content controls); each becomes a slot
 * pointing at its place in the output. The engine sees the paragraph's whole text; each
 * replacement is written into the first slot it touches (so it keeps that run's formatting)
 * and the matched characters are removed from the slots that follow.
 */
import type { Place } from '../../pipeline/errors.ts';
import type { Span } from '../../pipeline/anonymise/types.ts';
import { replacementOf, type RedactionContext } from './context.ts';
import { editTag, escapeText } from './xml.ts';

export interface Slot {
  /** 'text' holds characters that can be rewritten; 'separator' is an element (a tab, a break) that can only be removed. */
  kind: 'text' | 'separator';
  text: string;
  /** Index in the output of the slot's start tag. */
  tag: number;
  /** Indices in the output of its text tokens (text slots). */
  chunks: number[];
  /** Whether the element takes xml:space="preserve" (w:t, w:instrText, x:t; not a:t). */
  preserve: boolean;
}

const needsPreserve = /^\s|\s$|\s\s|[\t\n\r]/;

/** Rewrite a text slot in the output. */
function setSlot(out: string[], slot: Slot, text: string): void {
  if (slot.kind === 'separator') {
    if (text.length === 0) out[slot.tag] = '';
    return;
  }
  out[slot.chunks[0]] = escapeText(text);
  for (let i = 1; i < slot.chunks.length; i++) out[slot.chunks[i]] = '';
  if (slot.preserve && needsPreserve.test(text) && !/\sxml:space\s*=/.test(out[slot.tag])) {
    out[slot.tag] = editTag(out[slot.tag], new Map([['xml:space', 'preserve']]));
  }
}

/**
 * The text the engine sees: the slots joined, into one flat string (built with +=, it would be
 * a tree of pieces that every character read by the engine has to go through).
 */
export function slotText(slots: Slot[]): string {
  if (slots.length === 1) return slots[0].text;
  const texts: string[] = new Array(slots.length);
  for (let i = 0; i < slots.length; i++) texts[i] = slots[i].text;
  return texts.join('');
}

/**
 * Apply spans (offsets into slotText(slots)) to the slots in the output. Spans must be sorted
 * and must not overlap.
 */
export function applySpans(out: string[], slots: Slot[], spans: Span[]): void {
  if (spans.length === 0) return;
  const starts: number[] = new Array(slots.length + 1);
  let offset = 0;
  for (let i = 0; i < slots.length; i++) {
    starts[i] = offset;
    offset += slots[i].text.length;
  }
  starts[slots.length] = offset;
  // Per slot, in order: where to insert a replacement and which characters to cut.
  const ops = new Map<number, { at: number; cutEnd: number; insert: string }[]>();
  const op = (i: number, at: number, cutEnd: number, insert: string) => {
    let list = ops.get(i);
    if (!list) ops.set(i, (list = []));
    list.push({ at, cutEnd, insert });
  };
  let first = 0;
  for (const sp of spans) {
    // The first slot that ends after the span starts.
    while (first < slots.length && starts[first + 1] <= sp.start) first++;
    let home = -1;
    for (let i = first; i < slots.length && starts[i] < sp.end; i++) {
      const a = starts[i];
      const b = starts[i + 1];
      if (b <= sp.start || a === b) continue;
      const insert = home < 0 && slots[i].kind === 'text';
      if (insert) home = i;
      op(i, Math.max(a, sp.start) - a, Math.min(b, sp.end) - a, insert ? replacementOf(sp) : '');
    }
    if (home < 0) {
      // The span covered separators only: its replacement goes at the end of the text slot
      // before it, or the start of the one after.
      let i = first;
      while (i >= 0 && (i >= slots.length || slots[i].kind !== 'text' || starts[i] >= sp.start)) i--;
      if (i >= 0) op(i, slots[i].text.length, slots[i].text.length, replacementOf(sp));
      else {
        i = first;
        while (i < slots.length && slots[i].kind !== 'text') i++;
        if (i < slots.length) op(i, 0, 0, replacementOf(sp));
      }
    }
  }
  for (const [i, list] of ops) {
    const slot = slots[i];
    list.sort((x, y) => x.at - y.at);
    let next = '';
    let pos = 0;
    for (const o of list) {
      if (o.at > pos) next += slot.text.slice(pos, o.at);
      next += o.insert;
      pos = Math.max(pos, o.cutEnd);
    }
    next += slot.text.slice(pos);
    setSlot(out, slot, next);
  }
}

/**
 * Redact one paragraph: ask the engine about its whole text, apply the spans across the slots,
 * log each replacement and record findings. Returns the paragraph's text before redaction.
 */
export function redactSlots(out: string[], slots: Slot[], ctx: RedactionContext, options: { findings?: boolean; place?: Partial<Place>; extraSpans?: (text: string) => Span[] } = {}): string {
  if (slots.length === 0) return '';
  const text = slotText(slots);
  if (text.length === 0) return text;
  let spans = ctx.spans(text);
  if (options.extraSpans) spans = mergeSpans(options.extraSpans(text), spans);
  if (options.findings !== false) ctx.find(text, options.place, spans);
  if (spans.length === 0) return text;
  for (const s of spans) ctx.logReplacement(s, options.place);
  applySpans(out, slots, spans);
  return text;
}

/** Merge two sorted span lists, the first winning where they overlap. */
export function mergeSpans(first: Span[], second: Span[]): Span[] {
  if (first.length === 0) return second;
  if (second.length === 0) return first;
  const all = [...first.map((s) => ({ s, p: 0 })), ...second.map((s) => ({ s, p: 1 }))].sort((x, y) => x.s.start - y.s.start || x.p - y.p);
  const out: Span[] = [];
  for (const { s } of all) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) continue;
    out.push(s);
  }
  return out;
}
