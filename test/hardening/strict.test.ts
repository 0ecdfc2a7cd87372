/**
 * Strict Office Open XML (ISO/IEC 29500 Strict: what Word and Excel save as "Strict Open XML")
 * is read by every command exactly as the usual (transitional) form is.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { toStrict } from './helpers/bad-files.ts';
import { scratchCase, TODAY, type Scratch } from './helpers/workspace.ts';

const converted = ['imrs/police.docx', 'imrs/gp.docx', 'chronologies/police.xlsx', 'chronologies/housing.xlsx'];

describe('Strict OOXML', () => {
  let plain: Scratch;
  let strict: Scratch;
  beforeAll(() => {
    plain = scratchCase();
    strict = scratchCase();
    for (const f of converted) writeFileSync(strict.inCase(f), toStrict(readFileSync(plain.inCase(f))));
  });
  afterAll(() => {
    plain.remove();
    strict.remove();
  });

  /** Output with each scratch folder's path made the same. */
  const same = (text: string, s: Scratch) => text.split(s.root).join('ROOT');

  it('the converted files really are Strict', () => {
    const document = strFromU8(unzipSync(readFileSync(strict.inCase('imrs/police.docx')))['word/document.xml']);
    expect(document).toContain('http://purl.oclc.org/ooxml/wordprocessingml/main');
    expect(document).toContain('w:conformance="strict"');
    expect(document).not.toContain('http://schemas.openxmlformats.org/wordprocessingml/2006/main');
    const rels = strFromU8(unzipSync(readFileSync(strict.inCase('chronologies/police.xlsx')))['xl/_rels/workbook.xml.rels']);
    expect(rels).toContain('http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet');
  });

  it('status and check read a case of Strict files as they read the transitional ones', async () => {
    for (const args of [
      ['status', '--json', '--today', TODAY],
      ['check', '--json', '--today', TODAY],
    ]) {
      const a = await runCli(args[0], plain.caseDir, ...args.slice(1), ...(args[0] === 'check' ? ['--out', plain.file('check')] : []));
      const b = await runCli(args[0], strict.caseDir, ...args.slice(1), ...(args[0] === 'check' ? ['--out', strict.file('check')] : []));
      expect(b.code, b.stderr).toBe(a.code);
      expect(JSON.parse(same(b.stdout, strict))).toEqual(JSON.parse(same(a.stdout, plain)));
    }
  });

  it('build makes the same pack from them', async () => {
    const a = await runCli('build', plain.caseDir, '--no-pdf', '--today', TODAY, '--out', plain.file('pack'));
    const b = await runCli('build', strict.caseDir, '--no-pdf', '--today', TODAY, '--out', strict.file('pack'));
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    for (const f of ['overview-report.docx', 'executive-summary.docx', 'merged-chronology.xlsx']) {
      expect(readFileSync(strict.file('pack', f)).equals(readFileSync(plain.file('pack', f))), f).toBe(true);
    }
  });

  it('redact anonymises a Strict Word file and workbook, and scan finds the same identifiers in them', async () => {
    for (const f of ['imrs/gp.docx', 'chronologies/housing.xlsx']) {
      const name = f.split('/')[1];
      const a = await runCli('redact', plain.inCase(f), '--case', plain.caseFile, '--out', plain.file('copies', name));
      const b = await runCli('redact', strict.inCase(f), '--case', strict.caseFile, '--out', strict.file('copies', name));
      expect(b.code, b.stderr).toBe(0);
      expect(same(b.stdout, strict)).toBe(same(a.stdout, plain));
      const text = async (file: string) => {
        if (file.endsWith('.docx')) return (await mammoth.extractRawText({ path: file })).value;
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(file);
        const cells: string[] = [];
        wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.text))));
        return cells.join('\n');
      };
      const redacted = await text(strict.file('copies', name));
      expect(redacted, f).toBe(await text(plain.file('copies', name)));
      expect(redacted, f).not.toMatch(/Ashworth|Kershaw|Hollybank/);
      const scanA = JSON.parse((await runCli('scan', plain.inCase(f), '--case', plain.caseFile, '--json')).stdout);
      const scanB = JSON.parse((await runCli('scan', strict.inCase(f), '--case', strict.caseFile, '--json')).stdout);
      const found = (r: { leaks: { text: string; part: string }[] }) => r.leaks.map((l) => `${l.part}: ${l.text}`).sort();
      expect(found(scanB), f).toEqual(found(scanA));
    }
  });
});
