import { describe, expect, it } from 'vitest';
import { findMarkings } from '../../pipeline/anonymise/markings.ts';

function remove(text: string): string {
  let out = '';
  let at = 0;
  for (const span of findMarkings(text)) {
    expect(span.replacement).toBe('');
    expect(span.kind).toBe('marking');
    out += text.slice(at, span.start);
    at = span.end;
  }
  return out + text.slice(at);
}

describe('markings', () => {
  it.each([
    ['OFFICIAL', ''],
    ['OFFICIAL-SENSITIVE', ''],
    ['OFFICIAL – SENSITIVE', ''],
    ['OFFICIAL SENSITIVE', ''],
    ['RESTRICTED', ''],
    ['Draft v3', ''],
    ['DRAFT 2', ''],
    ['Draft version 1.2', ''],
    ['DRAFT', ''],
    ['Official', ''],
    ['Official – Sensitive', ''],
    ['Protective marking: OFFICIAL', ''],
    ['Protective Marking – Official Sensitive', ''],
    ['Overview Report OFFICIAL', 'Overview Report'],
    ['OFFICIAL Overview Report', 'Overview Report'],
    ['Overview Report – Draft v3', 'Overview Report –'],
  ])('removes "%s"', (text, left) => {
    expect(remove(text)).toBe(left);
  });

  it('removes markings on their own lines and leaves the rest', () => {
    const text = 'OFFICIAL\nDomestic Homicide Review\nDraft version 1.2\nProtective marking: OFFICIAL-SENSITIVE\nThe review began in 2017.';
    expect(remove(text)).toBe('\nDomestic Homicide Review\n\n\nThe review began in 2017.');
  });

  it.each([
    'An official of the council attended.',
    'The draft report was circulated.',
    'Access was restricted to the panel.',
    'A second draft 2 weeks later.',
    'Official figures show a rise.',
  ])('leaves ordinary words alone: "%s"', (text) => {
    expect(findMarkings(text)).toEqual([]);
  });
});
