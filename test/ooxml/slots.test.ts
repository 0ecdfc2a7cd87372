import { describe, expect, it } from 'vitest';
import type { Span } from '../../pipeline/anonymise/types.ts';
import { applySpans, type Slot } from '../../transforms/ooxml/slots.ts';

/** Build an output list and slots from runs: [text] for a text slot, {sep} for a separator. */
function build(runs: (string | { sep: string })[]) {
  const out: string[] = [];
  const slots: Slot[] = [];
  for (const r of runs) {
    if (typeof r === 'string') {
      out.push('<w:t>', r, '</w:t>');
      slots.push({ kind: 'text', text: r, tag: out.length - 3, chunks: [out.length - 2], preserve: true });
    } else {
      out.push('<w:tab/>');
      slots.push({ kind: 'separator', text: r.sep, tag: out.length - 1, chunks: [], preserve: false });
    }
  }
  return { out, slots };
}

const span = (start: number, end: number, text: string, replacement: string): Span => ({ start, end, text, kind: 'person', source: 'key', replacement });

describe('applySpans (text split across runs)', () => {
  it('writes the replacement into the first run it touches and removes the rest from the following runs', () => {
    const { out, slots } = build(['Ja', 'ne Sm', 'ith said']);
    applySpans(out, slots, [span(0, 10, 'Jane Smith', 'Adult X')]);
    expect(out.join('')).toBe('<w:t>Adult X</w:t><w:t></w:t><w:t xml:space="preserve"> said</w:t>');
  });

  it('handles several spans across and inside runs, keeping the text between them', () => {
    const { out, slots } = build(['Jane and Rob', 'ert met ', 'Jane']);
    // "Jane and Robert met Jane"
    applySpans(out, slots, [span(0, 4, 'Jane', 'X'), span(9, 15, 'Robert', 'Y'), span(20, 24, 'Jane', 'X')]);
    expect(out.join('')).toBe('<w:t>X and Y</w:t><w:t xml:space="preserve"> met </w:t><w:t>X</w:t>');
  });

  it('removes a separator inside a span and escapes the replacement', () => {
    const { out, slots } = build(['Smith', { sep: '-' }, 'Jones <b>']);
    applySpans(out, slots, [span(0, 11, 'Smith-Jones', 'A & B')]);
    expect(out.join('')).toBe('<w:t>A &amp; B</w:t><w:t xml:space="preserve"> &lt;b&gt;</w:t>');
  });

  it('leaves runs no span touches exactly as they were', () => {
    const { out, slots } = build(['Hello ', 'Jane']);
    out[1] = 'Hello&#x20;'; // as written in the file
    applySpans(out, slots, [span(6, 10, 'Jane', 'X')]);
    expect(out[1]).toBe('Hello&#x20;');
    expect(out[4]).toBe('X');
  });
});
