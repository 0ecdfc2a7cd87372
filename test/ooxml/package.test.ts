import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DhrError } from '../../pipeline/errors.ts';
import { limits } from '../../transforms/ooxml/limits.ts';
import { OoxmlPackage, openPackage } from '../../transforms/ooxml/package.ts';
import { encryptedDocx, hostileDocx, manyEntriesZip, odtFile, oldWordFile, plainZip, randomBytes, zipWithoutDocument } from '../fixtures/word-corpus.ts';
import { packageAround, zipBomb } from '../fixtures/zip-bytes.ts';
import { wordCorpusDir } from '../helpers/shared.ts';

const corpus = wordCorpusDir;

function refusal(bytes: Uint8Array, options: Parameters<typeof openPackage>[1] = {}): DhrError {
  try {
    const pkg = openPackage(bytes, { file: 'input.docx', ...options });
    for (const p of pkg.parts()) pkg.bytes(p);
  } catch (error) {
    if (error instanceof DhrError) return error;
    throw error;
  }
  throw new Error('the package was accepted');
}

describe('openPackage: what a file really is', () => {
  it('opens a real Word file and finds its main part from the relationships', () => {
    const pkg = openPackage(readFileSync(`${corpus}/tables.docx`), { kind: 'docx' });
    expect(pkg.kind).toBe('docx');
    expect(pkg.main).toBe('word/document.xml');
  });

  it('opens Strict OOXML (other namespaces and relationship types)', () => {
    const pkg = openPackage(readFileSync(`${corpus}/strict-format.docx`), { kind: 'docx' });
    expect(pkg.main).toBe('word/document.xml');
  });

  it('reads parts that start with a byte-order mark and writes the mark back', () => {
    const pkg = openPackage(readFileSync(`${corpus}/utf8-bom.docx`));
    expect(pkg.text('word/document.xml').startsWith('<?xml')).toBe(true);
    pkg.setText('word/document.xml', pkg.text('word/document.xml'));
    expect([...pkg.bytes('word/document.xml').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('refuses random bytes, an empty file and a truncated zip as not a document or damaged', async () => {
    expect(refusal(randomBytes(5000)).code).toBe('unsupported-format');
    expect(refusal(new Uint8Array(0)).message).toMatch(/empty/);
    const whole = await hostileDocx();
    const cut = refusal(whole.subarray(0, Math.floor(whole.length * 0.7)));
    expect(cut.code).toBe('corrupt');
    expect(cut.message).toMatch(/truncated/);
  });

  it('refuses a zip without [Content_Types].xml or without a Word document', () => {
    expect(refusal(plainZip()).message).toMatch(/no \[Content_Types\]\.xml/);
    expect(refusal(zipWithoutDocument()).message).toMatch(/no main document part \(word\/document\.xml\)/);
  });

  it('names an old .doc, an OpenDocument file and a password-protected file, and says what to do', async () => {
    const doc = refusal(oldWordFile());
    expect(doc.code).toBe('unsupported-format');
    expect(doc.message).toBe('this is an old Word 97–2003 document (.doc), not a Word document (.docx): open it in Word and use File > Save As > Word Document (.docx)');
    const odt = refusal(odtFile());
    expect(odt.message).toMatch(/OpenDocument text file \(\.odt\).*save as \.docx/);
    const encrypted = refusal(encryptedDocx(await hostileDocx()));
    expect(encrypted.code).toBe('encrypted');
    expect(encrypted.message).toMatch(/encrypted \(password-protected\): run again with --password/);
    expect(encrypted.place?.file).toBe('input.docx');
  });

  it('refuses an Excel workbook given as a Word document, naming what it is', () => {
    const pkg = new OoxmlPackage(readFileSync(`${corpus}/tables.docx`));
    expect(() => pkg.expect('xlsx')).toThrow(/this is a Word document \(\.docx\), not an Excel workbook/);
  });
});

describe('zip-bomb limits', () => {
  it('refuses a part declaring 300 MB before inflating anything', () => {
    const bomb = zipBomb({ megabytes: 300, part: 'word/document.xml' });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const e = refusal(bomb);
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/300 MB, more than the 100 MB allowed for one part/);
    expect(e.place?.part).toBe('word/document.xml');
  });

  it('refuses a part whose compression ratio passes the limit', () => {
    const e = refusal(zipBomb({ megabytes: 50, part: 'word/document.xml' }));
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/compressed \d+ to 1, more than the 200 to 1 allowed/);
  });

  it('stops a part that inflates past the size its header declares (a lying header)', () => {
    const lying = zipBomb({ megabytes: 50, part: 'word/document.xml', declaredBytes: 4000 });
    const pkg = openPackage(lying);
    expect(() => pkg.bytes('word/document.xml')).toThrow(/inflates to more than the 4 KB its zip header declares/);
  });

  it('holds a small part (inflated in one go) to its declared size both ways, and reads it when it is right', () => {
    // 2 MB of zeros deflate to about 2 KB: one slice, inflated at once.
    const small = zipBomb({ megabytes: 2, part: 'word/document.xml', declaredBytes: 4000 });
    expect(() => openPackage(small).bytes('word/document.xml')).toThrow(/inflates to more than the 4 KB its zip header declares/);
    const understated = zipBomb({ megabytes: 2, part: 'word/document.xml', declaredBytes: 2 * 1024 * 1024 - 1 });
    expect(() => openPackage(understated, { limits: { ...limits, maxRatio: Infinity } }).bytes('word/document.xml')).toThrow(/inflates to more than/);
    const overstated = zipBomb({ megabytes: 2, part: 'word/document.xml', declaredBytes: 2 * 1024 * 1024 + 1 });
    expect(() => openPackage(overstated, { limits: { ...limits, maxRatio: Infinity } }).bytes('word/document.xml')).toThrow(/shorter than its zip header declares/);
    const exact = openPackage(zipBomb({ megabytes: 2, part: 'word/document.xml' }), { limits: { ...limits, maxRatio: Infinity } }).bytes('word/document.xml');
    expect(exact.length).toBe(2 * 1024 * 1024);
    expect(exact.every((b) => b === 0)).toBe(true);
  });

  it('says a part is damaged when its compressed data cannot be inflated, small or large', () => {
    for (const length of [600, 40_000]) {
      // A first block of the reserved type 3: no inflater can read it.
      const garbage = new Uint8Array(length).fill(0x5a);
      garbage[0] = 0x07;
      const pkg = openPackage(packageAround({ name: 'word/document.xml', method: 8, data: garbage, size: 1000, crc: 0 }));
      expect(() => pkg.bytes('word/document.xml')).toThrow(/the part is damaged: its compressed data cannot be read/);
    }
  });

  it('builds a real bomb: the same construction, with the limits lifted, inflates to zeros', () => {
    const small = zipBomb({ megabytes: 2, part: 'word/document.xml' });
    const pkg = openPackage(small, { limits: { ...limits, maxRatio: Infinity } });
    const zeros = pkg.bytes('word/document.xml');
    expect(zeros.length).toBe(2 * 1024 * 1024);
    expect(zeros.every((b) => b === 0)).toBe(true);
    // The same with a wrong checksum in its header: read to the end, then refused.
    const wrong = openPackage(zipBomb({ megabytes: 2, part: 'word/document.xml', crc: 0 }), { limits: { ...limits, maxRatio: Infinity } });
    expect(() => wrong.bytes('word/document.xml')).toThrow(/checksum does not match/);
  });

  it('refuses more entries than allowed, and the total of all parts', () => {
    expect(refusal(manyEntriesZip(limits.maxEntries + 1)).message).toMatch(/10001 entries, more than the 10000 allowed/);
    const e = refusal(zipBomb({ megabytes: 4, part: 'word/document.xml' }), { limits: { ...limits, maxTotalBytes: 1024 * 1024, maxRatio: Infinity } });
    expect(e.message).toMatch(/allowed in all/);
  });
});

describe('writing a package', () => {
  it('gives the same bytes for the same input, and copies unchanged parts exactly', async () => {
    const input = await hostileDocx();
    const a = openPackage(input);
    a.setText('word/document.xml', a.text('word/document.xml').replace('Perpetrator', 'Role'));
    const b = openPackage(input);
    b.setText('word/document.xml', b.text('word/document.xml').replace('Perpetrator', 'Role'));
    const first = a.toBytes();
    expect(Buffer.compare(Buffer.from(first), Buffer.from(b.toBytes()))).toBe(0);
    const again = openPackage(first);
    expect(again.text('word/styles.xml')).toBe(openPackage(input).text('word/styles.xml'));
    expect(again.text('word/document.xml')).toContain('>Role<');
    expect(again.parts()[0]).toBe('[Content_Types].xml');
  });

  it('removes a part with its content type and the relationships to it, and what only it reached', () => {
    const pkg = openPackage(readFileSync(`${corpus}/comments.docx`));
    pkg.remove('word/comments.xml');
    pkg.remove('customXml/item1.xml');
    const out = openPackage(pkg.toBytes());
    expect(out.has('word/comments.xml')).toBe(false);
    expect(out.has('customXml/itemProps1.xml')).toBe(false); // reached only through item1.xml
    expect(out.has('customXml/_rels/item1.xml.rels')).toBe(false);
    expect(out.text('[Content_Types].xml')).not.toContain('/word/comments.xml');
    expect(out.text('[Content_Types].xml')).not.toContain('/customXml/itemProps1.xml');
    expect(out.relationships('word/document.xml').map((r) => r.kind)).not.toContain('comments');
  });
});
