import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { openOfficePackage } from '../../pipeline/ingest/office-package.ts';
import { limits } from '../../transforms/ooxml/limits.ts';
import { readImr } from '../../pipeline/ingest/imr.ts';
import { DhrError } from '../../pipeline/errors.ts';
import { makeTempDir, write, docxBuffer, p, zipOf, patchDeclaredSize } from './fixtures.ts';
import { wordCorpusDir } from '../helpers/shared.ts';

const temp = makeTempDir();
afterAll(temp.cleanup);

async function caught(promise: Promise<unknown>): Promise<DhrError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DhrError) return error;
    throw error;
  }
  throw new Error('expected a DhrError');
}

const wordParts = (document: Uint8Array | string) => ({
  '[Content_Types].xml':
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  '_rels/.rels':
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  'word/document.xml': document,
});

describe('checking an Office package before it is read', () => {
  it('documents its limits, the one set transforms/ooxml uses: 100 MB for one part, 300 MB in all, 10,000 entries, 200 to 1', () => {
    expect(limits).toMatchObject({ maxPartBytes: 100 * 1024 * 1024, maxTotalBytes: 300 * 1024 * 1024, maxEntries: 10_000, maxRatio: 200 });
  });

  it('finds the main part of ordinary, Strict and byte-order-marked documents', async () => {
    for (const name of ['tables.docx', 'strict-format.docx', 'utf8-bom.docx']) {
      const pkg = await openOfficePackage(readFileSync(path.join(wordCorpusDir, name)), name, 'docx');
      expect(pkg.mainPart, name).toBe('word/document.xml');
      expect(pkg.readText('[Content_Types].xml'), name).toMatch(/^<\?xml/);
    }
  });

  it('refuses a part that declares more than the limit, before inflating anything', async () => {
    const docx = new Uint8Array(await docxBuffer([p('Small document')]));
    const lying = patchDeclaredSize(docx, 'word/document.xml', 300 * 1024 * 1024);
    const error = await caught(readImr(write(path.join(temp.dir, 'huge.docx'), lying)));
    expect(error.code).toBe('too-large');
    expect(error.place?.part).toBe('word/document.xml');
    expect(error.message).toMatch(/300 MB, more than the 100 MB allowed for one part; it may be a zip bomb/);
  });

  it('refuses a part that really inflates beyond the limit', async () => {
    const zeros = new Uint8Array(3 * 1024 * 1024);
    const zip = zipOf(wordParts(zeros));
    expect(zip.length).toBeLessThan(100 * 1024);
    const error = await caught(openOfficePackage(zip, 'bomb.docx', 'docx', { limits: { ...limits, maxPartBytes: 1024 * 1024, maxTotalBytes: 10 * 1024 * 1024 } }));
    expect(error.code).toBe('too-large');
    expect(error.place?.part).toBe('word/document.xml');
  });

  it('catches an archive that understates its sizes, by counting while inflating', async () => {
    const zeros = new Uint8Array(3 * 1024 * 1024);
    const lying = patchDeclaredSize(zipOf(wordParts(zeros)), 'word/document.xml', 100);
    const error = await caught(openOfficePackage(lying, 'liar.docx', 'docx', { limits: { ...limits, maxPartBytes: 1024 * 1024, maxTotalBytes: 10 * 1024 * 1024 } }));
    expect(error.code).toBe('too-large');
    expect(error.place?.part).toBe('word/document.xml');
    expect(error.message).toMatch(/inflates to more than the 100 bytes its zip header declares; it may be a zip bomb/);
  });

  it('refuses parts that together pass the total limit', async () => {
    const parts = { ...wordParts('<w:document/>'), 'word/media/a.bin': new Uint8Array(700 * 1024), 'word/media/b.bin': new Uint8Array(700 * 1024) };
    const error = await caught(openOfficePackage(zipOf(parts), 'two.docx', 'docx', { limits: { ...limits, maxPartBytes: 1024 * 1024, maxTotalBytes: 1024 * 1024 } }));
    expect(error.code).toBe('too-large');
  });

  it('accepts a package within the limits', async () => {
    const pkg = await openOfficePackage(zipOf(wordParts('<w:document/>')), 'ok.docx', 'docx', { limits: { ...limits, maxPartBytes: 1024 * 1024, maxTotalBytes: 1024 * 1024 } });
    expect(pkg.partNames).toContain('word/document.xml');
  });

  it('refuses a damaged zip', async () => {
    const zip = zipOf(wordParts('<w:document>' + 'text '.repeat(2000) + '</w:document>'));
    const damaged = zip.slice(0, Math.floor(zip.length / 2));
    const error = await caught(openOfficePackage(damaged, 'cut.docx', 'docx'));
    expect(error.code).toBe('corrupt');
    expect(error.message).toMatch(/damaged/);
  });
});
