import { readdirSync, readFileSync } from 'node:fs';
import { strFromU8 } from 'fflate';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { redactDocx } from '../../transforms/ooxml/docx.ts';
import type { RedactResult } from '../../transforms/ooxml/context.ts';
import { strToU8, zipSync } from 'fflate';
import { corpusKey, corpusRemovedOnly, corpusUnlisted, corpusVariants, hostileDocx, hostileXlsx } from '../fixtures/word-corpus.ts';
import { mapAnonymiser } from './helpers/map-anonymiser.ts';
import { packageProblems, partText, searchableText, unzipParts } from './helpers/package-check.ts';
import { wordCorpusDir } from '../helpers/shared.ts';

const corpusDir = wordCorpusDir;

/** Every (part, variant) pair where a variant survives, searched without regard to case. */
function survivors(bytes: Uint8Array, variants: string[]): string[] {
  const found: string[] = [];
  for (const [name, data] of Object.entries(unzipParts(bytes))) {
    const text = searchableText(name, data).toLowerCase();
    for (const v of variants) if (text.includes(v.toLowerCase())) found.push(`${name}: ${v}`);
  }
  return found;
}

async function rawText(bytes: Uint8Array): Promise<string> {
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
}

describe('redactDocx on the hostile corpus', () => {
  let input: Uint8Array;
  let result: RedactResult;
  let parts: Record<string, Uint8Array>;
  let inputParts: Record<string, Uint8Array>;
  let document: string;
  const anonymiser = mapAnonymiser(corpusKey, { findings: [...corpusUnlisted, ...corpusRemovedOnly] });

  beforeAll(async () => {
    input = await hostileDocx();
    result = redactDocx(input, anonymiser, { file: 'hostile.docx' });
    parts = unzipParts(result.bytes);
    inputParts = unzipParts(input);
    document = strFromU8(parts['word/document.xml']);
  });

  it('starts from a file where the identifiers really are in every hiding place', () => {
    const before = survivors(input, corpusVariants);
    for (const part of ['word/document.xml', 'word/comments.xml', 'word/people.xml', 'docProps/core.xml', 'docProps/app.xml', 'docProps/custom.xml', 'customXml/item1.xml', 'docProps/thumbnail.jpeg', 'word/media/image1.png', 'word/settings.xml', 'word/_rels/settings.xml.rels', 'word/_rels/document.xml.rels', 'word/header1.xml', 'word/footer1.xml', 'word/footnotes.xml', 'word/endnotes.xml']) {
      expect(before.some((b) => b.startsWith(`${part}:`)), part).toBe(true);
    }
  });

  it('leaves no key identifier (or the author, or hidden and deleted names) in any part or attribute', () => {
    expect(survivors(result.bytes, corpusVariants)).toEqual([]);
  });

  it('reports each unlisted name and place as a finding, with its part; names only in removed text are not reported', () => {
    const texts = result.findings.map((f) => f.text);
    for (const name of corpusUnlisted) expect(texts).toContain(name);
    for (const name of corpusRemovedOnly) expect(texts).not.toContain(name);
    const margaret = result.findings.find((f) => f.text === 'Margaret Thornton')!;
    expect(margaret.part).toBe('word/document.xml');
    expect(margaret.place?.file).toBe('hostile.docx');
    expect(margaret.context).toMatch(/neighbour/);
    expect(result.findings.some((f) => f.text === 'Ravenscroft' && f.part === 'docProps/core.xml')).toBe(true);
  });

  it('logs each replacement with its original, replacement and part', () => {
    expect(result.replacements).toContainEqual(expect.objectContaining({ original: 'Jane Smith', replacement: 'Adult X', part: 'word/header1.xml' }));
    expect(result.replacements).toContainEqual(expect.objectContaining({ original: 'jane.smith@example.org', replacement: '[email removed]', kind: 'email' }));
    expect(result.replacements).toContainEqual(expect.objectContaining({ original: 'Jane_Smith', replacement: '_dhr1' }));
  });

  it('replaces a name split mid-word across runs, keeping the first run formatting and the spacing of the rest', () => {
    expect(document).toContain('<w:r><w:rPr><w:b/><w:color w:val="C00000"/></w:rPr><w:t>Adult X</w:t></w:r>');
    expect(document).toContain('<w:t xml:space="preserve"> said that </w:t>');
    expect(document).toContain("Adult X's brother, Adult Y’s friend &amp; HV1 met.");
  });

  it('accepts tracked changes: deletions and moved-from text gone, insertions and moved-to text kept, no revision marks', () => {
    for (const mark of ['<w:del ', '<w:ins ', '<w:moveFrom', '<w:moveTo', 'w:rPrChange', 'w:delText', 'RangeStart w:id="6']) expect(document).not.toContain(mark);
    const text = partText(parts['word/document.xml']);
    expect(text.match(/Moved sentence about Adult X\./g)).toHaveLength(1);
    expect(text).toContain('Ravenscroft');
    expect(text).not.toContain('deleted row');
    expect(document).not.toMatch(/w:author=|w:rsid/);
  });

  it('removes comments, their marks and their people; hidden runs; VML copies of shapes', () => {
    for (const p of ['word/comments.xml', 'word/people.xml']) expect(parts[p]).toBeUndefined();
    expect(document).not.toMatch(/commentRangeStart|commentRangeEnd|commentReference|w:vanish|o:gfxdata/);
    expect(strFromU8(parts['[Content_Types].xml'])).not.toMatch(/comments|people/);
    expect(strFromU8(parts['word/_rels/document.xml.rels'])).not.toMatch(/comments|people|customXml/);
  });

  it('removes personal metadata: properties, custom XML, template path, rsids, document variables, thumbnail', () => {
    for (const p of ['docProps/custom.xml', 'customXml/item1.xml', 'customXml/itemProps1.xml', 'docProps/thumbnail.jpeg']) expect(parts[p]).toBeUndefined();
    const core = strFromU8(parts['docProps/core.xml']);
    expect(core).not.toMatch(/creator|lastModifiedBy|2017/);
    expect(core).toContain('<dc:title>Review concerning Adult X</dc:title>');
    expect(core).not.toMatch(/dcterms:created|dcterms:modified/);
    const app = strFromU8(parts['docProps/app.xml']);
    expect(app).not.toMatch(/Company|Manager|Template|HyperlinkBase/);
    const settings = strFromU8(parts['word/settings.xml']);
    expect(settings).not.toMatch(/attachedTemplate|w:rsids|docVars/);
    expect(strFromU8(parts['word/_rels/settings.xml.rels'])).not.toContain('Relationship ');
    expect(strFromU8(parts['_rels/.rels'])).not.toMatch(/thumbnail|custom-properties/);
  });

  it('renames a bookmark named after a person, and every link and field that refers to it', () => {
    expect(document).toContain('<w:bookmarkStart w:id="50" w:name="_dhr1"/>');
    expect(document).toContain('w:anchor="_dhr1"');
    expect(document).toContain(' PAGEREF _dhr1 \\h ');
    expect(document).toContain('w:tooltip="Go to Adult X"');
  });

  it('redacts field instructions, simple and split across runs, and hyperlink targets', () => {
    expect(document).toContain('w:instr=" HYPERLINK &quot;mailto:[email removed]&quot; "');
    expect(document).toContain('<w:fldSimple w:instr=" AUTHOR  \\* MERGEFORMAT "><w:r><w:t>Author 1</w:t></w:r></w:fldSimple>');
    const instructions = [...document.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map((m) => m[1]).join('');
    expect(instructions).toContain('HYPERLINK "mailto:[email removed]');
    const rels = strFromU8(parts['word/_rels/document.xml.rels']);
    expect(rels).toContain('Target="https://example.invalid/"');
    expect(rels).toContain('Target="https://example.invalid/"');
    expect(rels).toContain('Target="https://www.gov.uk/government/publications/domestic-homicide-review"');
  });

  it('redacts both copies of a text box (DrawingML and VML fallback), alt text and content controls', () => {
    expect(document.match(/<w:t xml:space="preserve">Adult X called <\/w:t><\/w:r><w:r><w:rPr><w:b\/><\/w:rPr><w:t>Adult Y<\/w:t>/g)).toHaveLength(2);
    expect(document).toContain('descr="Adult X with Adult Y at the family home" title="Adult X"');
    expect(document).toContain('alt="Box about Adult X"');
    expect(document).toContain('<w:alias w:val="Victim Adult X"/><w:tag w:val="Adult X"/>');
    expect(document).not.toContain('w:dataBinding');
    expect(document).toContain('w:fullDate="2017-03-14T00:00:00Z"');
  });

  it('keeps formatting: styles and numbering byte for byte, tables, pictures and notes', () => {
    for (const p of ['word/styles.xml', 'word/numbering.xml', 'word/fontTable.xml', 'word/theme/theme1.xml']) {
      expect(Buffer.compare(Buffer.from(parts[p]), Buffer.from(inputParts[p])), p).toBe(0);
    }
    expect(document.match(/<w:tbl>/g)).toHaveLength((strFromU8(inputParts['word/document.xml']).match(/<w:tbl>/g) ?? []).length);
    expect(document).toContain('<w:tr><w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>Perpetrator</w:t>');
    expect(document).toMatch(/<a:blip r:embed="[^"]+"/);
    expect(parts['word/media/image1.png']).toBeDefined();
    expect(partText(parts['word/footnotes.xml'])).toContain('Information from HV1, health visitor.');
  });

  it('strips the metadata of pictures but keeps the picture', () => {
    const png = Buffer.from(parts['word/media/image1.png']);
    const original = Buffer.from(inputParts['word/media/image1.png']);
    expect(original.includes('tEXt')).toBe(true);
    expect(png.includes('tEXt')).toBe(false);
    expect(png.includes('IDAT')).toBe(true);
    expect(png.length).toBe(original.length - (12 + 'Author\0Jane Smith'.length));
  });

  it('writes a valid package that mammoth reads, with no identifier in its text', async () => {
    expect(packageProblems(result.bytes)).toEqual([]);
    const text = await rawText(result.bytes);
    expect(text).toContain('Adult X lived at the family home with Adult Y.');
    for (const v of corpusVariants) expect(text.toLowerCase()).not.toContain(v);
  });

  it('gives the same bytes for the same input', () => {
    const again = redactDocx(input, anonymiser, { file: 'hostile.docx' });
    expect(Buffer.compare(Buffer.from(again.bytes), Buffer.from(result.bytes))).toBe(0);
  });

  it('redacts a workbook embedded in the document (a chart\'s data), and warns of an object it cannot read', async () => {
    const files = unzipParts(input);
    files['word/embeddings/Microsoft_Excel_Worksheet.xlsx'] = await hostileXlsx();
    files['word/embeddings/oleObject1.bin'] = strToU8('Jane Smith');
    const types = strFromU8(files['[Content_Types].xml']).replace('</Types>', '<Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/><Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.oleObject"/></Types>');
    files['[Content_Types].xml'] = strToU8(types);
    const rels = 'word/_rels/document.xml.rels';
    files[rels] = strToU8(
      strFromU8(files[rels]).replace(
        '</Relationships>',
        '<Relationship Id="rIdPackage" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/package" Target="embeddings/Microsoft_Excel_Worksheet.xlsx"/><Relationship Id="rIdOle" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject" Target="embeddings/oleObject1.bin"/></Relationships>',
      ),
    );
    const out = redactDocx(zipSync(files), anonymiser, { file: 'embedded.docx' });
    const inner = unzipParts(out.bytes)['word/embeddings/Microsoft_Excel_Worksheet.xlsx'];
    expect(survivors(inner, corpusVariants)).toEqual([]);
    expect(out.findings).toContainEqual(expect.objectContaining({ text: 'Margaret Thornton', part: 'word/embeddings/Microsoft_Excel_Worksheet.xlsx!xl/sharedStrings.xml' }));
    expect(out.warnings).toEqual(['word/embeddings/oleObject1.bin: an embedded object that dhr-kit cannot check; remove it before publishing']);
    expect(packageProblems(out.bytes)).toEqual([]);
  });

  it('removes the date behind a date picker when publishing', () => {
    const published = strFromU8(unzipParts(redactDocx(input, anonymiser, { publish: true }).bytes)['word/document.xml']);
    expect(published).not.toContain('w:fullDate');
    expect(published).toContain('<w:dateFormat w:val="d MMMM yyyy"/>');
  });
});

describe('redactDocx on real Word files', () => {
  const files = readdirSync(corpusDir).filter((f) => f.endsWith('.docx'));
  const nothing = mapAnonymiser({});
  const author = mapAnonymiser({ 'Michael Williamson': 'the author', Williamson: 'the author', Michael: 'the author', 'Tom Chantry': 'the author' });

  it('has the corpus to test on', () => {
    expect(files.length).toBeGreaterThanOrEqual(9);
  });

  for (const file of files) {
    it(`${file}: redacts without damage (valid package, the same text in mammoth, formatting parts unchanged)`, async () => {
      const input = readFileSync(`${corpusDir}/${file}`);
      const out = redactDocx(input, nothing, { file });
      expect(packageProblems(out.bytes)).toEqual([]);
      expect(await rawText(out.bytes)).toBe(await rawText(input));
      const before = unzipParts(input);
      const after = unzipParts(out.bytes);
      for (const p of ['word/styles.xml', 'word/numbering.xml']) {
        if (before[p]) expect(Buffer.compare(Buffer.from(after[p]), Buffer.from(before[p])), p).toBe(0);
      }
    });

    it(`${file}: a key holding the author's name removes it from every part`, () => {
      const input = readFileSync(`${corpusDir}/${file}`);
      const out = redactDocx(input, author, { file });
      expect(survivors(out.bytes, ['williamson', 'michael', 'chantry'])).toEqual([]);
    });
  }

  it('replaces text in a real text box, both copies, and in real footnotes and comments-bearing documents', async () => {
    const key = mapAnonymiser({ Datum: 'Reference', Ouch: 'Oh', Example: 'Sample' });
    const box = redactDocx(readFileSync(`${corpusDir}/text-box.docx`), key);
    expect(strFromU8(unzipParts(box.bytes)['word/document.xml']).match(/Reference plane/g)).toHaveLength(2);
    expect(await rawText(box.bytes)).toContain('Reference plane');
    const link = redactDocx(readFileSync(`${corpusDir}/footnote-hyperlink.docx`), key);
    expect(partText(unzipParts(link.bytes)['word/footnotes.xml'])).toContain('>Sample<');
    const comments = redactDocx(readFileSync(`${corpusDir}/comments.docx`), key);
    expect(await rawText(comments.bytes)).toBe('Oh.\n\n');
  });
});
