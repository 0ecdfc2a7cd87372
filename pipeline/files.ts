/**
 * Safe file output: inputs are never modified, outputs are written to a temporary name in the
 * same folder and renamed, so a failure or an interrupt never leaves a partial file.
 *
 * Several outputs written together (writeFilesAtomic) appear together or not at all: all are
 * staged under temporary names first; only then are they renamed into place, in one
 * uninterrupted step, and if a rename fails the ones already done are undone (a file they
 * replaced is put back). Folders made for the outputs are removed again if nothing is written.
 * While anything is staged, `removeStagedFiles()` (called by cli.ts on Ctrl+C or a termination
 * signal) deletes it, so an interrupt leaves nothing behind either.
 */
import { closeSync, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, openSync, promises as fs, realpathSync, renameSync, rmSync, rmdirSync, writeFile } from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { DhrError } from './errors.ts';
import { formatBytes, limits } from '../transforms/ooxml/limits.ts';

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

/** Temporary files and folders made for outputs not yet in place (removed on an interrupt). */
const staged = new Set<string>();
const madeFolders = new Set<string>();

/** Scratch folders of the run (the browser's temporary profile), each with what must stop before it goes. */
const scratch = new Map<string, () => void>();

/**
 * Remove this folder on an interrupt too (removeStagedFiles), after calling `stop` (which must be
 * synchronous: it kills the browser that writes there). Returns the function that lets it go again,
 * for when its owner has removed it.
 */
export function holdScratchFolder(dir: string, stop: () => void = () => {}): () => void {
  scratch.set(dir, stop);
  return () => {
    scratch.delete(dir);
  };
}

/** Delete every staged temporary file and every folder made for outputs that were not written. Synchronous: safe in a signal handler. */
export function removeStagedFiles(): void {
  for (const tmp of staged) rmSync(tmp, { force: true });
  staged.clear();
  for (const [dir, stop] of scratch) {
    try {
      stop();
    } catch {
      // already stopped
    }
    removeSettled(dir);
  }
  scratch.clear();
  removeFolders([...madeFolders]);
  madeFolders.clear();
}

/**
 * Remove a folder that a process just killed may still be writing into as it dies: removed again
 * if it comes back, for up to a fifth of a second (synchronous, for the signal handler).
 */
function removeSettled(dir: string): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let attempt = 0; attempt < 20; attempt++) {
    rmSync(dir, { recursive: true, force: true });
    Atomics.wait(pause, 0, 0, 10);
    if (!existsSync(dir)) return;
  }
}

function temporaryName(file: string, suffix = 'tmp'): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.${suffix}`);
}

/**
 * Make a file's folder; returns the folders it made (outermost first), so they can be removed
 * if nothing is written (or on an interrupt).
 */
function makeFolder(dir: string, file: string): string[] {
  const missing: string[] = [];
  for (let d = path.resolve(dir); !existsSync(d) && path.dirname(d) !== d; d = path.dirname(d)) missing.unshift(d);
  for (const d of missing) madeFolders.add(d);
  try {
    // Synchronous, like the temporary file's creation below: an interrupt can never find a
    // folder or file half-made, or have one made behind it after it has cleaned up.
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    removeFolders(missing);
    for (const d of missing) madeFolders.delete(d);
    throw outputError(error, file);
  }
  return missing;
}

/** Remove folders (innermost first) if they are empty. */
function removeFolders(folders: string[]): void {
  for (const d of [...folders].sort((a, b) => b.length - a.length)) {
    try {
      rmdirSync(d);
    } catch {
      // Not empty (something else is in it) or already gone: leave it.
    }
  }
}

/** A file-system failure while writing an output, in plain words. */
function outputError(error: unknown, file: string): Error {
  if (error instanceof DhrError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return new DhrError('unsafe-output', 'permission denied: this output cannot be written there; choose another --out path', { file });
    case 'EROFS':
      return new DhrError('unsafe-output', 'this output is on a read-only disk; choose another --out path', { file });
    case 'ENOSPC':
    case 'EDQUOT':
      return new DhrError('unsafe-output', 'the disk is full: nothing was written; free some space or choose another --out path', { file });
    case 'EISDIR':
      return new DhrError('unsafe-output', 'a folder is in the way of this output: move or rename the folder, or choose another --out path', { file });
    case 'ENOTDIR':
    case 'EEXIST':
      return new DhrError('unsafe-output', 'a file is in the way of the folder this output goes in: move or rename it, or choose another --out path', { file });
    case 'ENAMETOOLONG':
      return new DhrError('unsafe-output', 'the path of this output is too long; choose a shorter --out path', { file });
    default:
      return error instanceof Error ? error : new Error(String(error));
  }
}

/** Write all the data to an open file (the file was created synchronously, so it is never unregistered on disk). */
const writeToFd = promisify(writeFile) as (fd: number, data: string | Uint8Array) => Promise<void>;

/** Refuse a target that is a folder before anything is renamed onto it. */
function assertWritableTarget(file: string): void {
  let stat;
  try {
    stat = lstatSync(file);
  } catch {
    return;
  }
  if (stat.isDirectory()) throw outputError(Object.assign(new Error('EISDIR'), { code: 'EISDIR' }), file);
}

/** Write a file atomically: temporary name in the same folder, then rename. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await writeFilesAtomic([{ path: file, data }]);
}

/**
 * Write several files as one: every file goes to a temporary name first; only when all are
 * written are they renamed into place. If any write fails, none of the outputs appears (and a
 * file an output would have replaced is left as it was).
 */
export async function writeFilesAtomic(files: { path: string; data: string | Uint8Array }[]): Promise<void> {
  const temps: { tmp: string; final: string }[] = [];
  const folders: string[] = [];
  try {
    for (const f of files) {
      const dir = path.dirname(f.path);
      folders.push(...makeFolder(dir, f.path));
      const tmp = temporaryName(f.path);
      let fd: number;
      try {
        fd = openSync(tmp, 'wx');
      } catch (error) {
        throw outputError(error, f.path);
      }
      staged.add(tmp);
      temps.push({ tmp, final: f.path });
      try {
        await writeToFd(fd, f.data);
      } catch (error) {
        throw outputError(error, f.path);
      } finally {
        closeSync(fd);
      }
    }
    for (const t of temps) assertWritableTarget(t.final);
    commit(temps);
  } catch (error) {
    for (const t of temps) rmSync(t.tmp, { force: true });
    removeFolders(folders);
    throw error;
  } finally {
    for (const t of temps) staged.delete(t.tmp);
    for (const d of folders) madeFolders.delete(d);
  }
}

/**
 * Rename staged files into place, synchronously (no signal handler or other work can run in
 * between). If one rename fails, the renames already done are undone: new files are removed
 * and replaced files are put back from the link kept to them.
 */
function commit(temps: { tmp: string; final: string }[]): void {
  const done: { final: string; backup?: string }[] = [];
  try {
    for (const t of temps) {
      let backup: string | undefined;
      if (existsSync(t.final)) {
        backup = temporaryName(t.final, 'bak');
        try {
          linkSync(t.final, backup);
        } catch {
          copyFileSync(t.final, backup);
        }
      }
      try {
        renameSync(t.tmp, t.final);
      } catch (error) {
        if (backup) rmSync(backup, { force: true });
        throw outputError(error, t.final);
      }
      done.push({ final: t.final, backup });
    }
  } catch (error) {
    for (const d of done.reverse()) {
      try {
        if (d.backup) renameSync(d.backup, d.final);
        else rmSync(d.final, { force: true });
      } catch {
        // Best effort: the error below says what went wrong.
      }
    }
    throw error;
  }
  for (const d of done) if (d.backup) rmSync(d.backup, { force: true });
}

/** Read a whole input file, turning "not found" and friends into plain-English errors. */
export async function readInput(file: string): Promise<Buffer> {
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new DhrError('usage', 'this is a folder, not a file', { file });
    if (!stat.isFile()) throw new DhrError('usage', 'this is not an ordinary file (it is a device, a pipe or a socket); give the path of a file', { file });
    if (stat.size > limits.maxInputBytes) {
      throw new DhrError('too-large', `the file is ${formatBytes(stat.size)}, more than the ${formatBytes(limits.maxInputBytes)} dhr-kit reads; check this is the right file`, { file });
    }
    return await fs.readFile(file);
  } catch (error) {
    if (error instanceof DhrError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new DhrError('not-found', 'no such file or folder', { file });
    if (code === 'EACCES') throw new DhrError('unreadable', 'permission denied: the file cannot be read', { file });
    throw new DhrError('unreadable', `the file cannot be read (${code ?? 'unknown error'})`, { file });
  }
}
