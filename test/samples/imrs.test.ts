/**
 * The sample IMRs: real Word files that open with mammoth and carry the template's headings,
 * and that hold what agencies' papers hold and the anonymiser must deal with — a comment, a
 * tracked change, names split across runs, headers, footers, footnotes and personal metadata.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { loadCaseFile } from '../../pipeline/ingest/case.ts';
import { packageParts, sampleDir, validNhsNumber, xmlText } from './helpers.ts';

/** The six template sections, in order, as each agency worded them. */
const sectionPatterns = [/introduction/i, /family and household/i, /chronology/i, /analysis/i, /conclusions/i, /recommendations/i];

const docxImrs = [
  { file: 'police.docx', agency: 'South Yorkshire Police', headings: ['Section 1: Introduction', 'Section 2: Family and household composition', 'Section 3: Chronology of service provision and involvement', 'Section 4: Analysis of involvement', 'Section 5: Conclusions', 'Section 6: Recommendations'] },
  { file: 'gp.docx', agency: 'Sheffield GP practice (NHS Sheffield CCG)', headings: ['1. Introduction', '2. Family and Household Composition', '3. Chronology', '4. Analysis', '5. Conclusions', '6. Recommendations'] },
  { file: 'housing.docx', agency: 'Sheffield City Council Housing Services', headings: ['SECTION 1 – INTRODUCTION', 'SECTION 2 – FAMILY AND HOUSEHOLD COMPOSITION', 'SECTION 3 – CHRONOLOGY', 'SECTION 4 – ANALYSIS', 'SECTION 5 – CONCLUSIONS', 'SECTION 6 – RECOMMENDATIONS'] },
];

function imrBytes(file: string): Buffer {
  return readFileSync(path.join(sampleDir, 'imrs', file));
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

describe('sample IMRs (Word)', () => {
  for (const imr of docxImrs) {
    describe(imr.file, () => {
      it('opens with mammoth, without warnings, with the six sections as Heading 1 in order', async () => {
        const result = await mammoth.convertToHtml({ buffer: imrBytes(imr.file) });
        expect(result.messages).toEqual([]);
        const h1 = [...result.value.matchAll(/<h1>([^<]*)<\/h1>/g)].map((m) => m[1]);
        expect(h1).toEqual(imr.headings);
        h1.forEach((heading, n) => expect(heading).toMatch(sectionPatterns[n]));
        expect(result.value).toMatch(/<h2>[^<]*(organisation|Service)[^<]*<\/h2>/);
        expect(result.value).toMatch(/<h2>[^<]*Methodology[^<]*<\/h2>/);
      });

      it('has a cover block naming the agency, author, signatures, dates and version', async () => {
        const { value } = await mammoth.extractRawText({ buffer: imrBytes(imr.file) });
        const cover = value.slice(0, value.indexOf(imr.headings[0]));
        expect(cover).toContain(imr.agency);
        for (const label of ['Author', 'Signed', 'Date', 'Countersigned', 'Version']) expect(cover).toMatch(new RegExp(`${label}`));
      });

      it('is between 800 and about 2,000 words of prose (3,000 with its tables)', async () => {
        const { value } = await mammoth.extractRawText({ buffer: imrBytes(imr.file) });
        expect(words(value)).toBeGreaterThanOrEqual(800);
        expect(words(value)).toBeLessThanOrEqual(3000);
      });

      it('contains a comment with an author (word/comments.xml)', () => {
        const parts = packageParts(imrBytes(imr.file));
        expect(parts['word/comments.xml']).toMatch(/<w:comment [^>]*w:author="[^"]+"/);
        expect(xmlText(parts['word/comments.xml']).trim().length).toBeGreaterThan(20);
        expect(parts['word/document.xml']).toMatch(/<w:commentRangeStart w:id="0"\/>/);
        expect(parts['word/document.xml']).toMatch(/<w:commentReference w:id="0"\/>/);
      });

      it('contains a tracked insertion and deletion with an author', () => {
        const doc = packageParts(imrBytes(imr.file))['word/document.xml'];
        expect(doc).toMatch(/<w:ins [^>]*w:author="[^"]+"[^>]*>\s*<w:r>.*?<w:t[ >]/s);
        expect(doc).toMatch(/<w:del [^>]*w:author="[^"]+"[^>]*>\s*<w:r>.*?<w:delText[ >]/s);
      });

      it('has a header, a footer and a footnote', () => {
        const parts = packageParts(imrBytes(imr.file));
        expect(xmlText(parts['word/header1.xml']).trim()).not.toBe('');
        expect(xmlText(parts['word/footer1.xml'])).toMatch(/Page/);
        expect(parts['word/footnotes.xml']).toMatch(/<w:footnote w:id="1"/);
        expect(parts['word/document.xml']).toMatch(/<w:footnoteReference w:id="1"\/>/);
      });

      it('names its author in the document properties (docProps/core.xml), with fixed dates', async () => {
        const c = await loadCaseFile(path.join(sampleDir, 'case.yaml'));
        const author = c.agencies.find((a) => a.name === imr.agency)!.imrAuthor!.name!;
        const core = packageParts(imrBytes(imr.file))['docProps/core.xml'];
        expect(core).toContain(`<dc:creator>${author}</dc:creator>`);
        expect(core).toMatch(/<cp:lastModifiedBy>[^<]+<\/cp:lastModifiedBy>/);
        expect(core).toMatch(/<dcterms:created [^>]*>2017-\d\d-\d\dT\d\d:\d\d:00Z</);
        expect(core).toMatch(/<dcterms:modified [^>]*>2017-\d\d-\d\dT\d\d:\d\d:00Z</);
      });
    });
  }

  it('splits real names across runs with different formatting (gp.docx, housing.docx)', async () => {
    const c = await loadCaseFile(path.join(sampleDir, 'case.yaml'));
    const keyNames = [...c.people.flatMap((p) => p.names), ...c.professionals.flatMap((p) => p.names)].filter((n) => n.includes(' '));
    for (const file of ['gp.docx', 'housing.docx']) {
      const doc = packageParts(imrBytes(file))['word/document.xml'];
      const runs = [...doc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
      const paragraphs = doc.split('</w:p>').map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
      const split = keyNames.filter((name) => paragraphs.some((p) => p.includes(name)) && !runs.some((r) => r.includes(name)));
      expect(split.length, file).toBeGreaterThan(0);
      // The two halves really are differently formatted runs.
      expect(doc, file).toMatch(/<w:t xml:space="preserve">(Zo|Kev|Dr Meh|Zoë Ash)<\/w:t><\/w:r><w:r><w:rPr>/);
    }
  });

  it('plants the identifiers the pattern recognisers must find', async () => {
    const gp = (await mammoth.extractRawText({ buffer: imrBytes('gp.docx') })).value;
    const nhs = [...gp.matchAll(/\b\d{3} \d{3} \d{4}\b/g)].map((m) => m[0]);
    expect(nhs.length).toBeGreaterThan(0);
    for (const n of nhs) expect(validNhsNumber(n), n).toBe(true);
    expect(gp).toMatch(/date of birth 17\/08\/1982/);
    expect(gp).toMatch(/Zoë’s|Darren’s/);
    expect(gp).toMatch(/Dr Mehta|Mrs Ashworth/);
    const gpFootnotes = xmlText(packageParts(imrBytes('gp.docx'))['word/footnotes.xml']);
    expect(gpFootnotes).toMatch(/999 284 1575/);

    const housing = (await mammoth.extractRawText({ buffer: imrBytes('housing.docx') })).value;
    expect(housing).toContain('S6 4ZQ');
    expect(housing).toContain('07700 900418');
    expect(housing).toMatch(/[\w.]+@example\.com/);
    expect(housing).toContain('Ms Ashworth’s');
    const housingParts = packageParts(imrBytes('housing.docx'));
    expect(xmlText(housingParts['word/header1.xml'])).toContain('Zoë Ashworth');
    expect(xmlText(housingParts['word/comments.xml'])).toContain('Kevin');

    const police = packageParts(imrBytes('police.docx'));
    expect(xmlText(police['word/comments.xml'])).toContain('Tom Hirst');
    expect(police['word/document.xml']).toMatch(/<w:delText[^>]*>PC Hirst and PC Lund<\/w:delText>/);
    expect(police['word/document.xml']).toMatch(/PC1 and PC2/);
  });

  it('keeps the police IMR body in codes: no key name in its accepted text', async () => {
    const c = await loadCaseFile(path.join(sampleDir, 'case.yaml'));
    const { value } = await mammoth.extractRawText({ buffer: imrBytes('police.docx') });
    const names = [...c.people.flatMap((p) => p.names), ...c.professionals.flatMap((p) => p.names), ...c.places.flatMap((p) => p.names)].filter((n) => n.length > 3);
    for (const name of names) expect(value, name).not.toContain(name);
  });
});

describe('sample IMR (Markdown): idvas.md', () => {
  const source = readFileSync(path.join(sampleDir, 'imrs', 'idvas.md'), 'utf8');
  const tree = unified().use(remarkParse).use(remarkGfm).parse(source);
  const headings = tree.children.filter((n): n is Heading => n.type === 'heading');

  it('has the six sections as level-2 headings, in order, and the template subsections', () => {
    const h2 = headings.filter((h) => h.depth === 2).map((h) => toString(h));
    expect(h2).toHaveLength(6);
    h2.forEach((heading, n) => expect(heading).toMatch(sectionPatterns[n]));
    const h3 = headings.filter((h) => h.depth === 3).map((h) => toString(h));
    expect(h3).toEqual(expect.arrayContaining(['About the organisation', 'Terms of reference', 'Methodology', 'Parallel reviews']));
  });

  it('has a "Label: value" cover block before the first section', () => {
    const cover = source.slice(0, source.indexOf('## Section 1'));
    for (const label of ['Agency', 'Author', 'Signed', 'Date', 'Countersigned', 'Version']) expect(cover).toMatch(new RegExp(`^${label}: \\S`, 'm'));
  });

  it('has a recommendations table, one row of which is not SMARTER', () => {
    const table = tree.children.find((n) => n.type === 'table');
    expect(table).toBeDefined();
    const rows = (table as any).children.map((r: any) => r.children.map((c: any) => toString(c)));
    expect(rows[0]).toEqual(['No.', 'Recommendation', 'Owner', 'Measure', 'Target date']);
    expect(rows.slice(1).some((r: string[]) => r[2] === '' && r[3] === '' && r[4] === '')).toBe(true);
  });

  it('is about 800 to 2,000 words and carries a few real names for the anonymiser', () => {
    expect(words(source)).toBeGreaterThanOrEqual(800);
    expect(words(source)).toBeLessThanOrEqual(2300);
    for (const name of ['Priya', 'Siobhán', 'Jo Fairclough', 'DS Whitworth', 'Zo']) expect(source).toMatch(new RegExp(`\\b${name}\\b`));
  });
});
