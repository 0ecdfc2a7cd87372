import ExcelJS from 'exceljs';
import { strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RedactResult } from '../../transforms/ooxml/context.ts';
import { redactXlsx } from '../../transforms/ooxml/xlsx.ts';
import { corpusKey, corpusUnlisted, corpusVariants, hostileDocx, hostileXlsx } from '../fixtures/word-corpus.ts';
import { mapAnonymiser } from './helpers/map-anonymiser.ts';
import { packageProblems, searchableText, unzipParts } from './helpers/package-check.ts';

function survivors(bytes: Uint8Array, variants: string[]): string[] {
  const found: string[] = [];
  for (const [name, data] of Object.entries(unzipParts(bytes))) {
    const text = searchableText(name, data).toLowerCase();
    for (const v of variants) if (text.includes(v.toLowerCase())) found.push(`${name}: ${v}`);
  }
  return found;
}

describe('redactXlsx on the hostile workbook', () => {
  let input: Uint8Array;
  let result: RedactResult;
  let parts: Record<string, Uint8Array>;
  let workbook: ExcelJS.Workbook;
  const anonymiser = mapAnonymiser(corpusKey, { findings: corpusUnlisted });

  beforeAll(async () => {
    input = await hostileXlsx();
    result = redactXlsx(input, anonymiser, { file: 'chronology.xlsx' });
    parts = unzipParts(result.bytes);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(result.bytes) as unknown as ArrayBuffer);
  });

  it('starts from a workbook with identifiers in cells, sheet names, comments, persons, headers and properties', () => {
    const before = survivors(input, ['jane', 'williamson']).map((s) => s.split(':')[0]);
    for (const p of ['xl/sharedStrings.xml', 'xl/workbook.xml', 'xl/comments1.xml', 'xl/persons/person.xml', 'xl/threadedComments/threadedComment1.xml', 'xl/worksheets/sheet1.xml', 'docProps/core.xml', 'docProps/app.xml', 'docProps/custom.xml']) {
      expect(before, p).toContain(p);
    }
  });

  it('leaves no key identifier or author in any part or attribute', () => {
    expect(survivors(result.bytes, corpusVariants)).toEqual([]);
  });

  it('writes a valid package that Excel readers open', () => {
    expect(packageProblems(result.bytes)).toEqual([]);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Adult X', 'Chronology']);
  });

  it('redacts shared strings, rich text across runs (keeping the first run bold), formulas and their cached strings', () => {
    const sheet = workbook.getWorksheet('Adult X')!;
    expect(sheet.getCell('A1').value).toBe('Adult X attended A&E');
    const rich = sheet.getCell('A2').value as ExcelJS.CellRichTextValue;
    expect(rich.richText.map((r) => r.text).join('')).toBe('Adult X told Margaret Thornton');
    expect(rich.richText[0]).toEqual(expect.objectContaining({ text: 'Adult X', font: expect.objectContaining({ bold: true }) }));
    expect(sheet.getCell('A3').value).toEqual(expect.objectContaining({ formula: '"Adult Y"&" Adult Y"', result: 'Adult Y' }));
  });

  it('renames a sheet named after a person, and every formula and defined name that refers to it', () => {
    const chronology = workbook.getWorksheet('Chronology')!;
    expect(chronology.getCell('B2').value).toEqual(expect.objectContaining({ formula: "'Adult X'!A1", result: 'Adult X attended A&E' }));
    expect(strFromU8(parts['xl/workbook.xml'])).toContain(`<definedName name="FirstEvent">'Adult X'!$A$1</definedName>`);
  });

  it('keeps dates, numbers and codes, but not a number the engine recognises (an NHS number)', () => {
    const sheet = workbook.getWorksheet('Adult X')!;
    expect(sheet.getCell('A5').value).toEqual(new Date(Date.UTC(2017, 2, 14)));
    expect(sheet.getCell('A6').value).toBe('DHR-2017-01');
    expect(workbook.getWorksheet('Chronology')!.getCell('C2').value).toBe(42);
    expect(workbook.getWorksheet('Chronology')!.getCell('A2').value).toEqual(new Date(Date.UTC(2016, 5, 21)));
    expect(sheet.getCell('A4').value).toBe('[NHS number removed]');
  });

  it('redacts notes and makes their authors neutral; redacts threaded comments and neutralises their persons', () => {
    const comments = strFromU8(parts['xl/comments1.xml']);
    expect(comments).toContain('<authors><author>Author</author></authors>');
    expect(comments).toContain('check with Adult Y');
    const persons = strFromU8(parts['xl/persons/person.xml']);
    expect(persons).toContain('displayName="Author"');
    expect(persons).not.toContain('userId');
    const threaded = strFromU8(parts['xl/threadedComments/threadedComment1.xml']);
    expect(threaded).toContain('<text>@Adult X please ask HV1</text>');
    expect(threaded).not.toContain('mention');
  });

  it('redacts headers and footers with their codes intact, validation messages and lists, hyperlinks', () => {
    const sheet1 = strFromU8(parts['xl/worksheets/sheet1.xml']);
    expect(sheet1).toContain('<oddHeader>&amp;LAdult X&amp;RPage &amp;P of &amp;N</oddHeader>');
    expect(sheet1).toContain('<oddFooter>&amp;CPrepared by Author 1</oddFooter>');
    expect(sheet1).toContain('prompt="Pick Adult X or Adult Y"');
    expect(sheet1).toContain('<formula1>"Adult X,Adult Y"</formula1>');
    expect(strFromU8(parts['xl/worksheets/_rels/sheet1.xml.rels'])).toContain('Target="https://example.invalid/"');
  });

  it('removes the saved-in folder, the write-reservation user and custom properties; rebuilds core and extended properties', () => {
    const wb = strFromU8(parts['xl/workbook.xml']);
    expect(wb).not.toMatch(/absPath|userName|AlternateContent/);
    expect(parts['docProps/custom.xml']).toBeUndefined();
    expect(strFromU8(parts['docProps/app.xml'])).not.toMatch(/Company|Manager|TitlesOfParts/);
    expect(strFromU8(parts['docProps/core.xml'])).toContain('<dc:title>Chronology for Adult X</dc:title>');
  });

  it('reports unlisted names in cells as findings, with the part', () => {
    expect(result.findings).toContainEqual(expect.objectContaining({ text: 'Margaret Thornton', part: 'xl/sharedStrings.xml' }));
    expect(result.findings).toContainEqual(expect.objectContaining({ text: 'Ravenscroft', part: 'xl/sharedStrings.xml' }));
  });

  it('gives the same bytes for the same input', () => {
    expect(Buffer.compare(Buffer.from(redactXlsx(input, anonymiser).bytes), Buffer.from(result.bytes))).toBe(0);
  });

  it('refuses a Word document given as a workbook', async () => {
    const docx = await hostileDocx();
    expect(() => redactXlsx(docx, anonymiser)).toThrow(/this is a Word document \(\.docx\), not an Excel workbook/);
  });
});
