/**
 * Safe file output: inputs are never modified, outputs are written to a temporary name in the
 * same folder and renamed, so a failure or an interrupt never leaves a partial file.
 */
import { promises as fs, realpathSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { DhrError } from './errors.ts';

/** Resolve a path as the filesystem sees it (following links), even if it does not exist yet. */
export function canonicalPath(p: string): string {
  const abs = path.resolve(p);
  try {
    return realpathSync(abs);
  } catch {
    const parent = path.dirname(abs);
    if (parent === abs) return abs;
    return path.join(canonicalPath(parent), path.basename(abs));
  }
}

/** Refuse an output that would overwrite one of the inputs. */
export function assertNotInput(output: string, inputs: string[]): void {
  const out = canonicalPath(output);
  for (const input of inputs) {
    if (canonicalPath(input) === out) {
      throw new DhrError('unsafe-output', `the output would overwrite an input; choose another --out path`, { file: output });
    }
  }
}

/** Write a file atomically: temporary name in the same folder, then rename. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, file);
  } catch (error) {
    await fs.rm(tmp, { force: true });
    throw error;
  }
}

/**
 * Write several files as one: every file goes to a temporary name first; only when all are
 * written are they renamed into place. If any write fails, none of the outputs appears.
 */
export async function writeFilesAtomic(files: { path: string; data: string | Uint8Array }[]): Promise<void> {
  const staged: { tmp: string; final: string }[] = [];
  try {
    for (const f of files) {
      const dir = path.dirname(f.path);
      await fs.mkdir(dir, { recursive: true });
      const tmp = path.join(dir, `.${path.basename(f.path)}.${randomBytes(6).toString('hex')}.tmp`);
      await fs.writeFile(tmp, f.data);
      staged.push({ tmp, final: f.path });
    }
    for (const s of staged) await fs.rename(s.tmp, s.final);
  } catch (error) {
    await Promise.all(staged.map((s) => fs.rm(s.tmp, { force: true })));
    throw error;
  }
}

/** Read a whole input file, turning "not found" and friends into plain-English errors. */
export async function readInput(file: string): Promise<Buffer> {
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new DhrError('usage', 'this is a folder, not a file', { file });
    return await fs.readFile(file);
  } catch (error) {
    if (error instanceof DhrError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DhrError('not-found', 'no such file or folder', { file });
    if (code === 'EACCES') throw new DhrError('unreadable', 'permission denied: the file cannot be read', { file });
    throw new DhrError('unreadable', `the file cannot be read (${code ?? 'unknown error'})`, { file });
  }
}
