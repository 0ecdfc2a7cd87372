import { describe, expect, it } from 'vitest';
import { createAnonymiser } from '../../pipeline/anonymise/engine.ts';
import { resolveOverlaps } from '../../pipeline/anonymise/overlaps.ts';
import type { Span } from '../../pipeline/anonymise/types.ts';
import { testCase } from './fixtures.ts';

const report = [
  'OFFICIAL – SENSITIVE',
  'Overview Report – Draft v3',
  '',
  'On Tuesday 14 March 2017 Jane Smith (DOB 03/02/1985, NHS number 943 476 5919, NI AB 12 34 56 C) rang 0114 496 0123 from 12 Crookes Road, Sheffield S10 2TN.',
  "Mark Davies' phone was 07700 900123 and his email mark.davies@example.org.uk; he lived near Hillsborough Park, S6 4HA.",
  'PC Jones and Dr Patel saw Mrs Smith on 3 February 1985? No: that is her birthday. Rose, Zoe O’Brien-Whitaker and Siobhan Kelly were told.',
  'Fatima Begum, a neighbour, heard shouting. Will you attend? Will did.',
].join('\n');

describe('engine', () => {
  const draft = createAnonymiser(testCase());
  const publication = createAnonymiser(testCase(), { publish: true });

  it('replaces key names and patterns, leaving dates and markings in a draft', () => {
    const { text } = draft.apply(report);
    expect(text).toContain('OFFICIAL – SENSITIVE');
    expect(text).toContain('Draft v3');
    expect(text).toContain('On Tuesday 14 March 2017 Anna (DOB [date of birth removed], NHS number [NHS number removed], NI [NI number removed]) rang [phone number removed] from the family home.');
    expect(text).toContain("Adult XAP' phone was [phone number removed] and his email [email removed]; he lived near a local park, [postcode removed].");
    expect(text).toContain('PC1 and GP1 saw Anna on [date of birth removed]? No: that is her birthday. Child XD, Adult XM and Adult XS were told.');
    expect(text).toContain('Will you attend? Adult XF did.');
  });

  it('also generalises dates and removes markings for publication', () => {
    const { text } = publication.apply(report);
    expect(text.split('\n').slice(0, 2)).toEqual(['', 'Overview Report –']);
    expect(text).toContain('In March 2017 Anna (DOB [date of birth removed],');
    expect(text).not.toMatch(/OFFICIAL|Draft v3|14 March/);
  });

  it('gives sorted, non-overlapping spans whose text is the text at their offsets', () => {
    const spans = publication.spans(report);
    for (let i = 0; i < spans.length; i++) {
      expect(report.slice(spans[i].start, spans[i].end)).toBe(spans[i].text);
      if (i > 0) expect(spans[i].start).toBeGreaterThanOrEqual(spans[i - 1].end);
    }
  });

  it('lets a key address that covers a postcode win, and keeps a postcode outside it', () => {
    expect(draft.spans('at 12 Crookes Road, Sheffield S10 2TN.').map((s) => [s.text, s.kind])).toEqual([['12 Crookes Road, Sheffield S10 2TN', 'place']]);
    expect(draft.spans('on Crookes Road, S10 2TN.').map((s) => [s.text, s.kind])).toEqual([
      ['Crookes Road', 'place'],
      ['S10 2TN', 'postcode'],
    ]);
  });

  it('lets an email address win over the name inside it', () => {
    expect(draft.spans('jane.smith@example.org').map((s) => s.kind)).toEqual(['email']);
  });

  it('lets a date of birth win over the date it is', () => {
    expect(publication.spans('DOB 03/02/1985').map((s) => [s.text, s.kind, s.replacement])).toEqual([['03/02/1985', 'date-of-birth', '[date of birth removed]']]);
  });

  it('merges partly overlapping spans so nothing of either survives', () => {
    const a: Span = { start: 0, end: 10, text: 'abcdefghij', kind: 'place', source: 'key', replacement: 'the family home' };
    const b: Span = { start: 6, end: 13, text: 'ghijklm', kind: 'postcode', source: 'pattern', replacement: '[postcode removed]' };
    expect(resolveOverlaps([b, a])).toEqual([{ ...a, end: 13, text: 'abcdefghijklm' }]);
  });

  it('is idempotent: anonymised text changes no further and has no leaks', () => {
    for (const anonymiser of [draft, publication]) {
      const once = anonymiser.apply(report).text;
      const twice = anonymiser.apply(once);
      expect(twice.text).toBe(once);
      expect(twice.replacements).toEqual([]);
      expect(anonymiser.leaks(once)).toEqual([]);
    }
  });

  it('reports leaks in the original text', () => {
    const kinds = new Set(draft.leaks(report).map((s) => s.kind));
    for (const kind of ['person', 'professional', 'place', 'postcode', 'phone', 'email', 'nhs-number', 'ni-number', 'date-of-birth']) expect(kinds).toContain(kind);
    expect(kinds).not.toContain('date');
    expect(new Set(publication.leaks(report).map((s) => s.kind))).toContain('marking');
  });

  it('gives the same output every time and from every anonymiser of the case', () => {
    const other = createAnonymiser(testCase());
    expect(other.apply(report)).toEqual(draft.apply(report));
    expect(draft.apply(report)).toEqual(draft.apply(report));
  });

  it('hands out its remembered spans as copies: changing what one call returned does not change the next', () => {
    const engine = createAnonymiser(testCase(), { remember: true });
    const line = 'Jane Smith rang 0114 496 0123 from 12 Crookes Road.';
    const first = engine.spans(line);
    const expected = first.map((s) => ({ ...s }));
    expect(first.length).toBeGreaterThan(1);
    first[0].replacement = 'CHANGED';
    first[0].start = 99;
    first.pop();
    expect(engine.spans(line)).toEqual(expected);
    expect(engine.apply(line).text).toBe(createAnonymiser(testCase()).apply(line).text);
  });

  it('reports an unlisted name as a finding with context from the anonymised text, never applied', () => {
    const result = draft.apply(report);
    expect(result.text).toContain('Fatima Begum');
    expect(result.findings).toContainEqual(expect.objectContaining({ text: 'Fatima Begum', kind: 'person' }));
    const finding = result.findings.find((f) => f.text === 'Fatima Begum')!;
    expect(finding.context).toContain('Fatima Begum');
    expect(finding.context).not.toMatch(/Jane|Davies|Smith/);
  });

  it('never reports as findings what the key or a pattern covers, nor the case’s codes and agencies', () => {
    const texts = draft.findings(report).map((f) => f.text);
    expect(texts).toEqual(['Fatima Begum']);
    expect(draft.findings('Adult XAP told South Yorkshire Police and IDAS in Sheffield; HV1 and Child XD were there.')).toEqual([]);
  });

  it('reports no findings when NLP is off', () => {
    expect(createAnonymiser(testCase(), { nlp: false }).findings(report)).toEqual([]);
  });

  it('returns replacements in text order with their kinds', () => {
    const { replacements } = draft.apply('Jane rang 0114 496 0123.');
    expect(replacements).toEqual([
      { original: 'Jane', replacement: 'Anna', kind: 'person' },
      { original: '0114 496 0123', replacement: '[phone number removed]', kind: 'phone' },
    ]);
  });

  it('handles empty text', () => {
    expect(draft.apply('')).toEqual({ text: '', replacements: [], findings: [] });
  });
});
