import { beforeAll, describe, expect, it } from 'vitest';
import { extractParts, type TextUnit } from '../../transforms/ooxml/text.ts';
import { hostileDocx, hostileXlsx, simplePdf } from '../fixtures/word-corpus.ts';

function unitsIn(units: TextUnit[], part: string): TextUnit[] {
  return units.filter((u) => u.part === part);
}

describe('extractParts (what the scanner reads)', () => {
  let docx: TextUnit[];
  let xlsx: TextUnit[];

  beforeAll(async () => {
    docx = await extractParts(await hostileDocx(), 'report.docx');
    xlsx = await extractParts(await hostileXlsx(), 'chronology.xlsx');
  });

  it('gives a paragraph split across runs as one unit of prose', () => {
    expect(unitsIn(docx, 'word/document.xml')).toContainEqual(expect.objectContaining({ text: expect.stringMatching(/^Jane Smith said that Jane's brother, Robert’s friend & Siobhán O'Neill met\./), prose: true }));
  });

  it('reads what a redaction removes: hidden runs, deleted text, comments, their authors, people', () => {
    const document = unitsIn(docx, 'word/document.xml').map((u) => u.text);
    expect(document.some((t) => t.includes('Hidden note: Kevin Hughes knew Jane.'))).toBe(true);
    expect(document).toContain(' with Kevin Hughes');
    expect(unitsIn(docx, 'word/comments.xml').map((u) => u.text)).toEqual(expect.arrayContaining(['Check this with Robert Brown', 'Michael Williamson']));
    expect(unitsIn(docx, 'word/people.xml').map((u) => u.text)).toContain('Michael Williamson');
  });

  it('reads field instructions on their own, bookmark names as words, alt text, and targets as written and decoded', () => {
    const document = unitsIn(docx, 'word/document.xml');
    expect(document).toContainEqual(expect.objectContaining({ text: ' HYPERLINK "mailto:jane.smith@example.org" ', prose: false }));
    expect(document).toContainEqual(expect.objectContaining({ text: 'Jane Smith', prose: true }));
    expect(document).toContainEqual(expect.objectContaining({ text: 'Jane Smith with Robert Brown at Elm Street', prose: true }));
    const settingsRels = unitsIn(docx, 'word/_rels/settings.xml.rels').map((u) => u.text);
    expect(settingsRels).toContain('file:///C:\\Users\\msmith\\Templates\\Jane Smith letter.dotm');
  });

  it('reads the readable strings of binary parts (picture metadata)', () => {
    expect(unitsIn(docx, 'docProps/thumbnail.jpeg').map((u) => u.text).join(' ')).toContain('Artist: Jane Smith');
    expect(unitsIn(docx, 'word/media/image1.png').map((u) => u.text).join(' ')).toContain('Jane Smith');
  });

  it('places workbook text by sheet and cell, and reads sheet names, notes, persons and headers', () => {
    expect(unitsIn(xlsx, 'xl/worksheets/sheet1.xml')).toContainEqual(expect.objectContaining({ text: 'Robert Brown', place: expect.objectContaining({ sheet: 'Jane Smith', cell: 'A3' }) }));
    expect(unitsIn(xlsx, 'xl/workbook.xml')).toContainEqual(expect.objectContaining({ text: 'Jane Smith', prose: true }));
    expect(unitsIn(xlsx, 'xl/persons/person.xml').map((u) => u.text)).toContain('Michael Williamson');
    // Headers and footers as they show, their codes blanked out ("&LJane" reads "Jane").
    expect(unitsIn(xlsx, 'xl/worksheets/sheet1.xml').map((u) => u.text)).toContain('  Jane Smith  Page    of   ');
  });

  it('reads a PDF page by page, with its document information', async () => {
    const units = await extractParts(simplePdf([['One'], ['Jane Smith, line one', 'line two']], { Author: 'Michael Williamson', Title: 'Review' }), 'r.pdf');
    expect(units).toContainEqual(expect.objectContaining({ part: 'page 2', text: 'Jane Smith, line one\nline two' }));
    expect(units).toContainEqual(expect.objectContaining({ part: 'document information', text: 'Michael Williamson' }));
  });
});
