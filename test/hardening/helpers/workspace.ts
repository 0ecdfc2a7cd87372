/**
 * A scratch copy of the sample case for each hardening test, a fingerprint of every file in it
 * (to prove inputs unchanged and nothing written), and the assertions every refusal must meet.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { CliResult } from '../../helpers/cli.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const sampleDir = path.join(repoRoot, 'samples', 'adult-x');

/** The date the sample case is judged at (its action plan's `updated` date). */
export const TODAY = '2018-01-30';

export interface Scratch {
  /** The temporary folder (holding the case and anything else a test makes). */
  root: string;
  /** The copy of the sample case. */
  caseDir: string;
  caseFile: string;
  /** A path inside the scratch folder. */
  file(...parts: string[]): string;
  /** A path inside the case copy. */
  inCase(...parts: string[]): string;
  write(relativeToRoot: string, data: string | Uint8Array): string;
  remove(): void;
}

/** A fresh copy of samples/adult-x in a temporary folder. */
export function scratchCase(): Scratch {
  const root = mkdtempSync(path.join(tmpdir(), 'dhr-hardening-'));
  const caseDir = path.join(root, 'adult-x');
  cpSync(sampleDir, caseDir, { recursive: true });
  for (const leftover of ['out', 'publication']) rmSync(path.join(caseDir, leftover), { recursive: true, force: true });
  return {
    root,
    caseDir,
    caseFile: path.join(caseDir, 'case.yaml'),
    file: (...parts) => path.join(root, ...parts),
    inCase: (...parts) => path.join(caseDir, ...parts),
    write(relative, data) {
      const target = path.join(root, relative);
      writeFileSync(target, data);
      return target;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Every file under a folder (dotfiles and temporary files included), with the SHA-256 of its bytes. */
export function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      const rel = path.relative(dir, full);
      if (entry.isSymbolicLink()) {
        out[rel] = `link to ${readlinkSync(full)}`;
      } else if (entry.isDirectory()) {
        out[`${rel}/`] = 'folder';
        walk(full);
      } else {
        out[rel] = createHash('sha256').update(readFileSync(full)).digest('hex');
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Temporary or backup files left anywhere under a folder. */
export function leftovers(dir: string): string[] {
  return Object.keys(fingerprint(dir)).filter((f) => /\.(tmp|bak)$/.test(f));
}

export interface Refusal {
  /** What the message must say. */
  says: RegExp | RegExp[];
  /** How many lines (problems) stderr should hold; default 1. */
  lines?: number;
  /** Text every line must contain (the file named), if any. */
  names?: string;
}

/** Exit 2, one plain line per problem (each starting "dhr: "), no stack trace, nothing on stdout. */
export function expectRefused(r: CliResult, refusal: Refusal): void {
  const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
  const context = `stderr was:\n${r.stderr}\nstdout was:\n${r.stdout}`;
  expect(r.code, context).toBe(2);
  expect(lines.length, context).toBe(refusal.lines ?? 1);
  for (const line of lines) {
    expect(line, context).toMatch(/^dhr: /);
    expect(line, context).not.toMatch(/^\s+at /);
    expect(line, context).not.toMatch(/unexpected error|DHR_DEBUG/);
    if (refusal.names) expect(line, context).toContain(refusal.names);
  }
  expect(r.stderr, context).not.toMatch(/\n\s{4}at /);
  for (const pattern of Array.isArray(refusal.says) ? refusal.says : [refusal.says]) expect(r.stderr, context).toMatch(pattern);
  expect(r.stdout, context).toBe('');
}

/** Whether a path exists at all. */
export function exists(p: string): boolean {
  return existsSync(p);
}

export function isFolder(p: string): boolean {
  return existsSync(p) && statSync(p).isDirectory();
}
