/**
 * The same input gives the same bytes: redact (Word, Excel, Markdown, CSV, and the restricted
 * log), check, build (every file, PDFs included) and publish — run twice, the second time in
 * another time zone (build in another process: its Word renderer fixes zip times in the time
 * zone the process starts in, so the zone must be set as a user's machine sets it). The one exception is by design: an encrypted output holds a random salt
 * and initialisation vector (ECMA-376 agile encryption), and write protection a random salt, so
 * those bytes differ from run to run while what they protect is identical.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptOffice } from '../../transforms/crypto/password.ts';
import { writeDiskCase } from '../build/disk-case.ts';
import { runCli } from '../helpers/cli.ts';
import { PASSWORD } from './helpers/bad-files.ts';
import { dhrProcess } from './helpers/process.ts';
import { scratchCase, sha256, TODAY, type Scratch } from './helpers/workspace.ts';

/** Run `work` with the process in another time zone. */
async function inTimeZone<T>(zone: string, work: () => Promise<T>): Promise<T> {
  const previous = process.env.TZ;
  process.env.TZ = zone;
  try {
    return await work();
  } finally {
    if (previous === undefined) delete process.env.TZ;
    else process.env.TZ = previous;
  }
}

/** Name → SHA-256 of every file in a folder. */
function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((name) => [name, sha256(path.join(dir, name))]));
}

describe('the same input gives the same bytes', () => {
  let s: Scratch;
  beforeAll(() => {
    s = scratchCase();
    // A CSV chronology with identifiers in it, made from the sample's facts.
    writeFileSync(
      s.inCase('chronologies/ambulance.csv'),
      'Agency,Date from,Event,Action\nYAS,10/05/2016,"Crew attended 14 Hollybank Croft, Sheffield S6 4ZQ for Zoë Ashworth",Conveyed\nYAS,11/05/2016,Darren Kershaw called 07700 900418,Advice\n',
    );
  });
  afterAll(() => s.remove());

  for (const input of ['imrs/gp.docx', 'chronologies/housing.xlsx', 'report/pen-portrait.md', 'chronologies/ambulance.csv']) {
    it(`redact ${input}: the copy and the restricted log are byte-identical run to run`, async () => {
      const name = path.basename(input);
      const first = s.file('first', name);
      const second = s.file('second', name);
      const a = await runCli('redact', s.inCase(input), '--case', s.caseFile, '--out', first);
      const b = await inTimeZone('Pacific/Auckland', () => runCli('redact', s.inCase(input), '--case', s.caseFile, '--out', second));
      expect(a.code, a.stderr).toBe(0);
      expect(b.code, b.stderr).toBe(0);
      expect(a.stdout).toMatch(/Wrote .* \([1-9]\d* replacements?/);
      expect(sha256(second)).toBe(sha256(first));
      expect(sha256(`${second}.redaction-log.restricted.json`)).toBe(sha256(`${first}.redaction-log.restricted.json`));
    });
  }

  it('redact --password: the encrypted bytes differ (a random salt, by design), the documents inside are identical', async () => {
    for (const input of ['imrs/gp.docx', 'chronologies/housing.xlsx']) {
      const name = path.basename(input);
      const first = s.file('locked-1', name);
      const second = s.file('locked-2', name);
      expect((await runCli('redact', s.inCase(input), '--case', s.caseFile, '--out', first, '--password', PASSWORD)).code).toBe(0);
      expect((await runCli('redact', s.inCase(input), '--case', s.caseFile, '--out', second, '--password', PASSWORD)).code).toBe(0);
      expect(sha256(second), name).not.toBe(sha256(first));
      const inside = await Promise.all([first, second].map(async (f) => Buffer.from(await decryptOffice(readFileSync(f), PASSWORD))));
      expect(Buffer.compare(inside[0], inside[1]), name).toBe(0);
      const plain = s.file('plain', name);
      expect((await runCli('redact', s.inCase(input), '--case', s.caseFile, '--out', plain)).code).toBe(0);
      expect(Buffer.compare(inside[0], readFileSync(plain)), `${name}: encrypted copy holds the same document as the plain one`).toBe(0);
    }
  });

  it('check: the validation reports are byte-identical', async () => {
    const a = await runCli('check', s.caseDir, '--today', TODAY, '--out', s.file('check-1'));
    const b = await inTimeZone('America/Los_Angeles', () => runCli('check', s.caseDir, '--today', TODAY, '--out', s.file('check-2')));
    expect(a.code).toBe(1);
    expect(b.code).toBe(1);
    expect(hashes(s.file('check-2'))).toEqual(hashes(s.file('check-1')));
  });

  it('build: every file of the pack, PDFs included, is byte-identical', async () => {
    const a = await runCli('build', s.caseDir, '--today', TODAY, '--out', s.file('pack-1'));
    // In another process, in another time zone, as another user on another machine would run it.
    const b = await dhrProcess(['build', s.caseDir, '--today', TODAY, '--out', s.file('pack-2')], { env: { TZ: 'Pacific/Auckland' } });
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const first = hashes(s.file('pack-1'));
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['overview-report.docx', 'executive-summary.docx', 'home-office-data-form.docx', 'merged-chronology.xlsx', 'action-plan.xlsx', 'manifest.json']));
    if (!a.stdout.includes('no PDFs were made')) expect(Object.keys(first)).toEqual(expect.arrayContaining(['overview-report.pdf', 'executive-summary.pdf']));
    expect(hashes(s.file('pack-2'))).toEqual(first);
  });

  it('publish: the publication copy is byte-identical', async () => {
    const dir = await writeDiskCase();
    try {
      const a = await runCli('publish', dir, '--out', path.join(dir, 'publication-1'));
      const b = await inTimeZone('Asia/Kolkata', () => runCli('publish', dir, '--out', path.join(dir, 'publication-2')));
      expect(a.code, a.stderr).toBe(0);
      expect(b.code, b.stderr).toBe(0);
      const first = hashes(path.join(dir, 'publication-1'));
      expect(Object.keys(first)).toEqual(expect.arrayContaining(['overview-report.docx', 'executive-summary.docx', 'manifest.json']));
      expect(hashes(path.join(dir, 'publication-2'))).toEqual(first);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
