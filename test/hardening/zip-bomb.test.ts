/**
 * Zip bombs are refused without being read whole. Each is run through the real command line in
 * a child process that reports its peak memory: refusing a 300 MB bomb may cost no more than
 * 200 MB over refusing an empty file (in practice it costs almost nothing).
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { strToU8, zipSync, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limits } from '../../transforms/ooxml/limits.ts';
import { overlappingZipBomb, sampleBytes, zipBomb } from './helpers/bad-files.ts';
import { fingerprint, repoRoot, scratchCase, type Scratch } from './helpers/workspace.ts';

const run = promisify(execFile);
const MB = 1024 * 1024;

/** Run `dhr ARGS` in a child process; its exit code, output and peak resident memory in MB. */
async function dhr(s: Scratch, args: string[]): Promise<{ code: number; stderr: string; peakMb: number }> {
  const peakFile = s.file(`peak-${Math.random().toString(36).slice(2)}.txt`);
  let code = 0;
  let stderr = '';
  try {
    const r = await run(process.execPath, ['--import', path.join(repoRoot, 'test/hardening/helpers/report-peak-memory.mjs'), path.join(repoRoot, 'bin/dhr'), ...args], {
      cwd: s.root,
      env: { ...process.env, DHR_PEAK_MEMORY_FILE: peakFile },
      maxBuffer: 10 * MB,
    });
    stderr = r.stderr;
  } catch (error) {
    const e = error as { code?: number; stderr?: string };
    code = typeof e.code === 'number' ? e.code : -1;
    stderr = e.stderr ?? '';
  }
  const peakMb = Number(readFileSync(peakFile, 'utf8')) / 1024;
  (await import('node:fs')).rmSync(peakFile);
  return { code, stderr, peakMb };
}

describe('zip bombs', () => {
  let s: Scratch;
  const baseline: Record<string, number> = {};

  const bombs: { name: string; bytes: () => Uint8Array; says: RegExp; commands?: string[] }[] = [
    { name: '300 MB of zeros in one part, its size declared', bytes: () => zipBomb({ megabytes: 300, part: 'word/document.xml' }), says: /300 MB, more than the 100 MB allowed for one part; it may be a zip bomb/ },
    { name: '300 MB of zeros in one part declared as 40 KB', bytes: () => zipBomb({ megabytes: 300, part: 'word/document.xml', declaredBytes: 40_000 }), says: /inflates to more than the 39 KB its zip header declares; it may be a zip bomb/ },
    { name: '90 MB of zeros in one part (under the part limit, over the ratio)', bytes: () => zipBomb({ megabytes: 90, part: 'word/document.xml' }), says: /compressed \d+ to 1, more than the 200 to 1 allowed; it may be a zip bomb/, commands: ['redact', 'status'] },
    { name: '400 entries sharing one compressed megabyte (400 MB in all)', bytes: () => overlappingZipBomb(400, 1), says: /more than the 300 MB allowed in all; it may be a zip bomb/, commands: ['scan', 'status'] },
  ];

  beforeAll(async () => {
    s = scratchCase();
    // What refusing a file costs at all: an empty .docx, as a file and in the case.
    writeFileSync(s.file('empty.docx'), new Uint8Array(0));
    baseline.redact = (await dhr(s, ['redact', 'empty.docx', '--case', s.caseFile, '--out', 'out/empty.docx'])).peakMb;
    baseline.scan = (await dhr(s, ['scan', 'empty.docx', '--case', s.caseFile])).peakMb;
    writeFileSync(s.inCase('imrs/gp.docx'), new Uint8Array(0));
    baseline.status = (await dhr(s, ['status', 'adult-x'])).peakMb;
  });
  afterAll(() => s.remove());

  it('the limits are the documented ones', () => {
    expect(limits).toMatchObject({ maxPartBytes: 100 * MB, maxTotalBytes: 300 * MB, maxEntries: 10_000, maxRatio: 200, maxInputBytes: 300 * MB });
  });

  for (const bomb of bombs) {
    it(`${bomb.name}: refused by ${(bomb.commands ?? ['redact', 'scan', 'status']).join(', ')} with less than 200 MB more memory than an empty file`, async () => {
      const bytes = bomb.bytes();
      expect(bytes.length).toBeLessThan(2 * MB);
      writeFileSync(s.file('bomb.docx'), bytes);
      writeFileSync(s.inCase('imrs/gp.docx'), bytes);
      const before = fingerprint(s.root);
      const runs: [string, string[]][] = [
        ['redact', ['redact', 'bomb.docx', '--case', s.caseFile, '--out', 'out/bomb.docx']],
        ['scan', ['scan', 'bomb.docx', '--case', s.caseFile]],
        ['status', ['status', 'adult-x']],
      ];
      for (const [name, args] of runs.filter(([name]) => !bomb.commands || bomb.commands.includes(name))) {
        const r = await dhr(s, args);
        expect(r.code, `${name}: ${r.stderr}`).toBe(2);
        expect(r.stderr.trim().split('\n'), name).toHaveLength(1);
        expect(r.stderr, name).toMatch(bomb.says);
        expect(r.stderr, name).toMatch(/^dhr: .*bomb\.docx|^dhr: .*gp\.docx/);
        expect(r.peakMb - baseline[name], `${name}: peak ${r.peakMb.toFixed(0)} MB against ${baseline[name].toFixed(0)} MB`).toBeLessThan(200);
      }
      expect(fingerprint(s.root)).toEqual(before);
    });
  }

  it('a bomb inside a Word file (an embedded workbook) is not inflated either', async () => {
    const files: Record<string, Uint8Array> = unzipSync(sampleBytes('imrs/police.docx'));
    files['word/embeddings/Microsoft_Excel_Worksheet.xlsx'] = zipBomb({ megabytes: 300, part: 'xl/worksheets/sheet1.xml' });
    const ct = new TextDecoder().decode(files['[Content_Types].xml']);
    files['[Content_Types].xml'] = strToU8(ct.replace('</Types>', '<Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/></Types>'));
    const rels = new TextDecoder().decode(files['word/_rels/document.xml.rels']);
    files['word/_rels/document.xml.rels'] = strToU8(
      rels.replace('</Relationships>', '<Relationship Id="rIdBomb" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/package" Target="embeddings/Microsoft_Excel_Worksheet.xlsx"/></Relationships>'),
    );
    writeFileSync(s.file('nested.docx'), zipSync(files));
    for (const [name, args] of [
      ['redact', ['redact', 'nested.docx', '--case', s.caseFile, '--out', 'out/nested.docx']],
      ['scan', ['scan', 'nested.docx', '--case', s.caseFile]],
    ] as [string, string[]][]) {
      const r = await dhr(s, args);
      expect(r.stderr, name).not.toMatch(/unexpected error|\n\s{4}at /);
      expect([0, 1], `${name}: ${r.stderr}`).toContain(r.code);
      if (name === 'redact') expect(r.stderr).toMatch(/Microsoft_Excel_Worksheet\.xlsx: an embedded file that cannot be opened \(.*may be a zip bomb.*\); remove it before publishing/);
      expect(r.peakMb - baseline[name], `${name}: peak ${r.peakMb.toFixed(0)} MB`).toBeLessThan(200);
    }
  });
});
