import { describe, expect, it } from 'vitest';
import { createAnonymiser } from '../../pipeline/anonymise/engine.ts';
import { anonymiseCsv, anonymiseText, encodeCell, parseCsv } from '../../pipeline/anonymise/text.ts';
import { testCase } from './fixtures.ts';

const anonymiser = createAnonymiser(testCase());

describe('plain text', () => {
  it('replaces across the whole text and places replacements and findings by line', () => {
    const text = 'Chronology\nJane Smith rang 0114 496 0123.\nFatima Begum called back.\nMark\nDavies left.';
    const result = anonymiseText(text, anonymiser, { file: 'notes.txt' });
    expect(result.text).toBe('Chronology\nAnna rang [phone number removed].\nFatima Begum called back.\nAdult XAP left.');
    expect(result.replacements.map((r) => [r.original, r.place?.line])).toEqual([
      ['Jane Smith', 2],
      ['0114 496 0123', 2],
      ['Mark\nDavies', 4],
    ]);
    expect(result.findings).toEqual([
      { text: 'Fatima Begum', kind: 'person', place: { file: 'notes.txt', line: 3 }, context: expect.stringContaining('Fatima Begum called back') },
    ]);
    expect(result.findings[0].context).not.toContain('Jane');
  });
});

describe('CSV', () => {
  const csv = [
    'Date,Agency,Event,Staff',
    '14/03/2017,Police,"Jane Smith reported an assault by Mark Davies, her partner",PC Jones',
    '15/03/2017,GP,"Seen by Dr Patel; said ""Jane is fine""",GP1',
    '16/03/2017,Housing,"Visit to 12 Crookes Road,',
    'no answer",HO1',
    '17/03/2017,IDAS,Call from Fatima Begum,IDVA1',
  ].join('\r\n') + '\r\n';

  it('anonymises cell by cell and stays valid CSV', () => {
    const result = anonymiseCsv(csv, anonymiser, { file: 'chronology.csv' });
    const rows = parseCsv(result.text).map((r) => r.cells.map((c) => c.value));
    expect(rows).toEqual([
      ['Date', 'Agency', 'Event', 'Staff'],
      ['14/03/2017', 'Police', 'Anna reported an assault by Adult XAP, her partner', 'PC1'],
      ['15/03/2017', 'GP', 'Seen by GP1; said "Anna is fine"', 'GP1'],
      ['16/03/2017', 'Housing', 'Visit to the family home,\r\nno answer', 'HO1'],
      ['17/03/2017', 'IDAS', 'Call from Fatima Begum', 'IDVA1'],
    ]);
    expect(result.text.endsWith('\r\n')).toBe(true);
    // Unchanged cells keep their bytes; the quoted cells stay quoted.
    expect(result.text.split('\r\n')[0]).toBe('Date,Agency,Event,Staff');
    expect(result.text).toContain('"Seen by GP1; said ""Anna is fine"""');
  });

  it('places replacements and findings by cell and line', () => {
    const result = anonymiseCsv(csv, anonymiser, { file: 'chronology.csv' });
    expect(result.replacements.map((r) => [r.original, r.place?.cell, r.place?.line])).toEqual([
      ['Jane Smith', 'C2', 2],
      ['Mark Davies', 'C2', 2],
      ['PC Jones', 'D2', 2],
      ['Dr Patel', 'C3', 3],
      ['Jane', 'C3', 3],
      ['12 Crookes Road', 'C4', 4],
    ]);
    expect(result.findings).toEqual([
      { text: 'Fatima Begum', kind: 'person', place: { file: 'chronology.csv', cell: 'C5', line: 6 }, context: 'Call from Fatima Begum' },
    ]);
  });

  it('quotes a changed cell only when it must or was quoted', () => {
    expect(encodeCell('plain')).toBe('plain');
    expect(encodeCell('a, b')).toBe('"a, b"');
    expect(encodeCell('say "hi"')).toBe('"say ""hi"""');
    expect(encodeCell('two\nlines')).toBe('"two\nlines"');
    expect(encodeCell('plain', ',', true)).toBe('"plain"');
    expect(encodeCell('a;b', ';')).toBe('"a;b"');
  });

  it('quotes a cell whose replacement brings a delimiter', () => {
    const result = anonymiseCsv('Who;Where\nJane;12 Crookes Road\n', createAnonymiser(testCase()), { delimiter: ';' });
    expect(result.text).toBe('Who;Where\nAnna;The family home\n');
    const comma = anonymiseCsv('a,b\nx,DOB 03/02/1985\n', anonymiser);
    expect(parseCsv(comma.text)[1].cells.map((c) => c.value)).toEqual(['x', 'DOB [date of birth removed]']);
  });

  it('reads semicolon and tab separated files', () => {
    expect(anonymiseCsv('Name\tNote\nJane Smith\tseen\n', anonymiser).text).toBe('Name\tNote\nAnna\tseen\n');
  });

  it('is idempotent', () => {
    const once = anonymiseCsv(csv, anonymiser).text;
    expect(anonymiseCsv(once, anonymiser).text).toBe(once);
  });
});
