/**
 * The short cuts of the key-and-pattern pass must never lose a span: a text passed over for a
 * date of birth cannot hold one, and spans already in order come back unchanged.
 */
import { describe, expect, it } from 'vitest';
import { createAnonymiser } from '../../pipeline/anonymise/engine.ts';
import { resolveOverlaps } from '../../pipeline/anonymise/overlaps.ts';
import { mayHoldDateOfBirth } from '../../pipeline/anonymise/patterns.ts';
import type { Span } from '../../pipeline/anonymise/types.ts';
import { testCase } from './fixtures.ts';

describe('the quick test for a date of birth', () => {
  const key = ['1985-02-03', '2013-01-19'];

  it('lets through every way findDates writes a year of the key', () => {
    for (const text of ['on 3 Feb ’85 she', "on 3 Feb '85 she", 'on 3 February 1985 she', 'on 03/02/1985 she', 'on 3.2.85 she', 'on 3-2-85 she', 'on 1985-02-03 she', '19/01/13']) {
      expect(mayHoldDateOfBirth(text, key), text).toBe(true);
    }
  });

  it('passes over texts whose numbers are not such a year', () => {
    for (const text of ['case 13 of 2017', 'at 04:13 on 12 May 2016', 'tel 0114 496 0085', 'no digits at all']) expect(mayHoldDateOfBirth(text, key), text).toBe(false);
  });

  it('still finds a keyed date of birth through the engine, however written', () => {
    const engine = createAnonymiser(testCase(), { nlp: false });
    for (const text of ['Seen on 3 Feb ’85 at home.', 'Seen on 03/02/85 at home.', 'Seen on 1985-02-03 at home.', 'Seen on February 3rd, 1985 at home.']) {
      expect(engine.spans(text).map((s) => s.kind), text).toContain('date-of-birth');
    }
    expect(engine.spans('Seen on 14 March 2017 at 13:13, case 13.').filter((s) => s.kind === 'date-of-birth')).toEqual([]);
  });
});

describe('resolving overlaps', () => {
  const span = (start: number, end: number, kind: Span['kind'] = 'person'): Span => ({ start, end, text: 'x'.repeat(end - start), kind, source: 'key', replacement: 'R' });

  it('hands back spans already in order and apart', () => {
    const spans = [span(0, 3), span(5, 8), span(8, 10, 'phone')];
    expect(resolveOverlaps(spans)).toBe(spans);
  });

  it('sorts and merges the others without changing the spans given', () => {
    const a = span(10, 20, 'phone');
    const b = span(0, 5);
    const c = span(15, 25);
    const given = [a, b, c];
    const copy = JSON.parse(JSON.stringify(given));
    const out = resolveOverlaps(given);
    expect(out.map((s) => [s.start, s.end, s.kind])).toEqual([[0, 5, 'person'], [10, 25, 'person']]);
    expect(given).toEqual(copy);
  });
});
