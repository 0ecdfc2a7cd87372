import { describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { strFromU8, unzipSync } from 'fflate';
import {
  decryptOffice,
  encryptOffice,
  excelPasswordHash,
  isEncryptedOffice,
  protectOffice,
  wordLegacyKey,
  wordPasswordHash,
} from '../../transforms/crypto/password.ts';
import { DhrError } from '../../pipeline/errors.ts';

async function smallDocx(text: string): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: [new Paragraph(text)] }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

async function smallXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Chronology').getCell('A1').value = 'Agency';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('open password (encryption)', () => {
  it('encrypts a Word file so that only the password opens it', async () => {
    const plain = await smallDocx('Overview report draft');
    const locked = encryptOffice(plain, 'S3cure!pass');
    expect(isEncryptedOffice(locked)).toBe(true);
    expect(isEncryptedOffice(plain)).toBe(false);
    expect(Buffer.from(locked).includes(Buffer.from('Overview report draft'))).toBe(false);
    const opened = await decryptOffice(locked, 'S3cure!pass');
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(opened) });
    expect(value.trim()).toBe('Overview report draft');
  });

  it('encrypts an Excel file and reads it back', async () => {
    const locked = encryptOffice(await smallXlsx(), 'another-pass');
    expect(isEncryptedOffice(locked)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await decryptOffice(locked, 'another-pass')) as any);
    expect(wb.getWorksheet('Chronology')?.getCell('A1').value).toBe('Agency');
  });

  it('says plainly when the password is wrong', async () => {
    const locked = encryptOffice(await smallDocx('x'), 'right');
    await expect(decryptOffice(locked, 'wrong', { file: 'report.docx' })).rejects.toSatisfy(
      (e: unknown) => e instanceof DhrError && e.code === 'encrypted' && /password is wrong/.test(e.lines()[0]) && e.lines()[0].startsWith('report.docx'),
    );
  });

  it('refuses an empty password', () => {
    expect(() => encryptOffice(new Uint8Array([1]), '')).toThrow(/must not be empty/);
  });
});

describe('modify password (write protection)', () => {
  it('derives the Word legacy key as the specification describes', () => {
    // Each character contributes: a different password gives a different key; the key fits 32 bits.
    expect(wordLegacyKey('')).toBe(0);
    const a = wordLegacyKey('password');
    expect(a).toBeGreaterThan(0);
    expect(a).toBeLessThanOrEqual(0xffffffff);
    expect(wordLegacyKey('passwore')).not.toBe(a);
    // Only the first 15 characters count, as in Word.
    expect(wordLegacyKey('abcdefghijklmnopq')).toBe(wordLegacyKey('abcdefghijklmno'));
  });

  it('hashes deterministically for a given salt and differently for another password', () => {
    const salt = Buffer.alloc(16, 7);
    expect(wordPasswordHash('open sesame', salt, 1000)).toEqual(wordPasswordHash('open sesame', salt, 1000));
    expect(wordPasswordHash('open sesame', salt, 1000).hash).not.toBe(wordPasswordHash('open sesamf', salt, 1000).hash);
    expect(Buffer.from(excelPasswordHash('x', salt, 10).hash, 'base64')).toHaveLength(64);
  });

  it('writes w:writeProtection as the first setting of a Word file that still opens', async () => {
    const out = protectOffice(await smallDocx('Protected text'), 'docx', { modifyPassword: 'edit-me' });
    const settings = strFromU8(unzipSync(out)['word/settings.xml']);
    expect(settings).toMatch(/<w:settings\b[^>]*><w:writeProtection w:cryptProviderType="rsaAES"[^>]*w:cryptAlgorithmSid="14"[^>]*w:hash="[A-Za-z0-9+/=]{88}" w:salt="[A-Za-z0-9+/=]{24}"\/>/);
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(out) });
    expect(value.trim()).toBe('Protected text');
  });

  it('writes fileSharing into an Excel workbook that still opens', async () => {
    const out = protectOffice(await smallXlsx(), 'xlsx', { modifyPassword: 'edit-me' });
    const workbook = strFromU8(unzipSync(out)['xl/workbook.xml']);
    expect(workbook).toMatch(/<fileSharing userName="dhr-kit" algorithmName="SHA-512" hashValue="[^"]{88}" saltValue="[^"]{24}" spinCount="100000"\/>/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as any);
    expect(wb.getWorksheet('Chronology')?.getCell('A1').value).toBe('Agency');
  });

  it('applies both: write protection inside, encryption outside', async () => {
    const out = protectOffice(await smallDocx('Both'), 'docx', { password: 'open', modifyPassword: 'edit' });
    expect(isEncryptedOffice(out)).toBe(true);
    const inner = await decryptOffice(out, 'open');
    expect(strFromU8(unzipSync(inner)['word/settings.xml'])).toContain('<w:writeProtection ');
  });
});
