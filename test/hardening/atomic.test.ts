/**
 * Outputs appear whole or not at all: written under temporary names and renamed together, so a
 * failure part-way through, or an interrupt (Ctrl+C, SIGTERM), leaves no partial output, no
 * temporary file and no folder made for nothing.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DhrError } from '../../pipeline/errors.ts';
import { writeFilesAtomic } from '../../pipeline/files.ts';
import { generateLargeCase } from '../../bench/large-case.ts';
import { writeDiskCase } from '../build/disk-case.ts';
import { runCli } from '../helpers/cli.ts';
import { exists, expectRefused, fingerprint, leftovers, repoRoot, scratchCase, TODAY, type Scratch } from './helpers/workspace.ts';

const scratches: Scratch[] = [];
function scratch(): Scratch {
  const s = scratchCase();
  scratches.push(s);
  return s;
}
afterAll(() => scratches.forEach((s) => s.remove()));

async function refusedWith(write: Promise<void>): Promise<DhrError> {
  try {
    await write;
  } catch (error) {
    if (error instanceof DhrError) return error;
    throw error;
  }
  throw new Error('the write succeeded');
}

describe('writeFilesAtomic: all or nothing', () => {
  it('when the second of three outputs cannot be written, none appears, a file it would replace keeps its bytes, and no temporary file is left', async () => {
    const s = scratch();
    const dir = s.file('pack');
    mkdirSync(path.join(dir, 'second.docx'), { recursive: true }); // a folder in the way of output 2
    writeFileSync(path.join(dir, 'first.docx'), 'the previous draft');
    const error = await refusedWith(
      writeFilesAtomic([
        { path: path.join(dir, 'first.docx'), data: 'new first' },
        { path: path.join(dir, 'second.docx'), data: 'new second' },
        { path: path.join(dir, 'third.docx'), data: 'new third' },
      ]),
    );
    expect(error.code).toBe('unsafe-output');
    expect(error.lines()).toEqual([`${path.join(dir, 'second.docx')}: a folder is in the way of this output: move or rename the folder, or choose another --out path`]);
    expect(readFileSync(path.join(dir, 'first.docx'), 'utf8')).toBe('the previous draft');
    expect(exists(path.join(dir, 'third.docx'))).toBe(false);
    expect(leftovers(s.root)).toEqual([]);
  });

  it('removes the folders it made when nothing could be written', async () => {
    const s = scratch();
    const blocked = s.file('existing', 'b.json');
    mkdirSync(blocked, { recursive: true });
    const error = await refusedWith(
      writeFilesAtomic([
        { path: s.file('new', 'deeper', 'a.docx'), data: 'a' },
        { path: blocked, data: 'b' },
      ]),
    );
    expect(error.code).toBe('unsafe-output');
    expect(exists(s.file('new'))).toBe(false);
    expect(leftovers(s.root)).toEqual([]);
  });

  it('refuses an output folder that cannot be made because a file is in its way', async () => {
    const s = scratch();
    writeFileSync(s.file('pack'), 'a file, not a folder');
    const error = await refusedWith(writeFilesAtomic([{ path: s.file('pack', 'report.docx'), data: 'x' }]));
    expect(error.message).toMatch(/a file is in the way of the folder this output goes in/);
    expect(readFileSync(s.file('pack'), 'utf8')).toBe('a file, not a folder');
  });

  it('writes every output and replaces older ones when nothing is in the way', async () => {
    const s = scratch();
    writeFileSync(s.file('one.txt'), 'old');
    await writeFilesAtomic([
      { path: s.file('one.txt'), data: 'new one' },
      { path: s.file('sub', 'two.txt'), data: new Uint8Array([1, 2, 3]) },
    ]);
    expect(readFileSync(s.file('one.txt'), 'utf8')).toBe('new one');
    expect([...readFileSync(s.file('sub', 'two.txt'))]).toEqual([1, 2, 3]);
    expect(leftovers(s.root)).toEqual([]);
  });
});

describe('each command that writes several files writes all or none', () => {
  it('redact: the log cannot be written (a folder in its way), so the copy is not written either', async () => {
    const s = scratch();
    const out = s.file('copies', 'police.docx');
    mkdirSync(`${out}.redaction-log.restricted.json`, { recursive: true });
    const before = fingerprint(s.root);
    const r = await runCli('redact', s.inCase('imrs/police.docx'), '--case', s.caseFile, '--out', out);
    expectRefused(r, { says: /redaction-log\.restricted\.json: a folder is in the way of this output/ });
    expect(fingerprint(s.root)).toEqual(before);
  });

  it('build: the second output cannot be written, so no output is', async () => {
    const s = scratch();
    const out = s.file('pack');
    mkdirSync(path.join(out, 'executive-summary.docx'), { recursive: true });
    const before = fingerprint(s.root);
    const r = await runCli('build', s.caseDir, '--no-pdf', '--today', TODAY, '--out', out);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/executive-summary\.docx: a folder is in the way of this output/);
    expect(r.stderr).not.toMatch(/\n\s{4}at /);
    expect(fingerprint(s.root)).toEqual(before);
  });

  it('check: the HTML report cannot be written, so the Markdown one is not either', async () => {
    const s = scratch();
    const out = s.file('reports');
    mkdirSync(path.join(out, 'validation-report.html'), { recursive: true });
    const before = fingerprint(s.root);
    const r = await runCli('check', s.caseDir, '--today', TODAY, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/validation-report\.html: a folder is in the way of this output/);
    expect(fingerprint(s.root)).toEqual(before);
  });

  it('publish: the executive summary cannot be written, so the overview report is not either', async () => {
    const dir = await writeDiskCase();
    try {
      const out = path.join(dir, 'publication');
      mkdirSync(path.join(out, 'executive-summary.docx'), { recursive: true });
      const before = fingerprint(dir);
      const r = await runCli('publish', dir, '--no-pdf');
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/executive-summary\.docx: a folder is in the way of this output/);
      expect(fingerprint(dir)).toEqual(before);
    } finally {
      (await import('node:fs')).rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Run a process to its end; resolves with its exit code (or 128 + signal) and output. */
function finished(child: ReturnType<typeof spawn>): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => (stdout += d));
  child.stderr?.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code: code ?? 128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 0), stdout, stderr })));
}

/** Whether the process has installed dhr's own signal handlers (cli.ts adds SIGHUP, which nothing else catches). */
function dhrHandlersInstalled(pid: number): boolean {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const caught = /SigCgt:\s*([0-9a-f]+)/.exec(status)?.[1];
    return caught !== undefined && (BigInt(`0x${caught}`) & 1n) === 1n;
  } catch {
    return false;
  }
}

describe('an interrupt leaves no partial output', () => {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`${signal} while four outputs are being written: every staged file and the folder made for them are removed`, async () => {
      const s = scratch();
      const before = fingerprint(s.root);
      const child = spawn(process.execPath, ['--import', 'tsx', 'test/hardening/helpers/interrupt-child.ts', s.file('pack'), signal], { cwd: repoRoot });
      const r = await finished(child);
      expect(r.stdout, `the writing finished before the interrupt: ${r.stdout}${r.stderr}`).not.toMatch(/finished/);
      expect(r.code).toBe(code);
      expect(r.stderr).toContain(`dhr: stopped by ${signal}: files still being written were removed, so no output is left half-written`);
      expect(fingerprint(s.root)).toEqual(before);
    });
  }

  it('SIGINT and SIGTERM to `dhr redact` and `dhr build` mid-run: the process stops, says so, and leaves nothing', async () => {
    const s = scratch();
    const large = await generateLargeCase({ dir: s.file('large-case'), scale: 0.2 });
    const before = fingerprint(s.root);
    const runs: [NodeJS.Signals, number, string[]][] = [
      ['SIGINT', 130, ['redact', large.largestImr, '--case', large.caseFile, '--out', s.file('copies', 'imr.docx')]],
      ['SIGTERM', 143, ['build', large.dir, '--no-pdf', '--today', TODAY, '--out', s.file('pack')]],
    ];
    for (const [signal, code, args] of runs) {
      const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'dhr'), ...args], { cwd: s.root });
      const done = finished(child);
      // Wait until dhr is running the command (its handlers are in place), then interrupt it.
      await new Promise<void>((resolve) => {
        const poll = setInterval(() => {
          if (child.exitCode !== null || dhrHandlersInstalled(child.pid!)) {
            clearInterval(poll);
            resolve();
          }
        }, 5);
      });
      child.kill(signal);
      const r = await done;
      expect(r.code, `${args[0]}: ${r.stdout}${r.stderr}`).toBe(code);
      expect(r.stderr).toContain(`stopped by ${signal}`);
      expect(r.stderr).not.toMatch(/\n\s{4}at /);
      expect(fingerprint(s.root), `${args[0]} left something behind`).toEqual(before);
    }
  });
});
