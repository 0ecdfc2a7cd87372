import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeStagedFiles } from '../../pipeline/files.ts';
import { browserArgs, findBrowser, launchBrowser } from '../../pipeline/render/browser.ts';

let dir: string;
let executable: string;
let executable2: string;
let notExecutable: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dhr-browser-test-'));
  executable = path.join(dir, 'chromium-a');
  executable2 = path.join(dir, 'chromium-b');
  notExecutable = path.join(dir, 'chromium-c');
  await fs.writeFile(executable, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  await fs.writeFile(executable2, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  await fs.writeFile(notExecutable, 'not a program\n', { mode: 0o644 });
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const noPackage = async (): Promise<string> => {
  throw new Error('not installed');
};

describe('findBrowser', () => {
  it('takes DHR_CHROMIUM first when it names a program', async () => {
    const found = await findBrowser({ env: { DHR_CHROMIUM: executable }, systemPaths: [executable2], packagePath: async () => executable2 });
    expect(found).toEqual({ path: executable, source: 'env' });
  });

  it('says why when DHR_CHROMIUM names no file, and does not look elsewhere', async () => {
    const missing = path.join(dir, 'no-such-browser');
    const found = await findBrowser({ env: { DHR_CHROMIUM: missing }, systemPaths: [executable2], packagePath: async () => executable2 });
    expect(found.path).toBeNull();
    expect('reason' in found && found.reason).toBe(`DHR_CHROMIUM is set to ${missing}, but no such file`);
  });

  it('says why when DHR_CHROMIUM names a file that cannot run, or a folder', async () => {
    const file = await findBrowser({ env: { DHR_CHROMIUM: notExecutable }, systemPaths: [], packagePath: noPackage });
    expect('reason' in file && file.reason).toMatch(/is not executable/);
    const folder = await findBrowser({ env: { DHR_CHROMIUM: dir }, systemPaths: [], packagePath: noPackage });
    expect('reason' in folder && folder.reason).toMatch(/is not a file/);
  });

  it('then tries the system browsers in order, skipping what is missing or cannot run', async () => {
    const found = await findBrowser({ env: {}, systemPaths: [path.join(dir, 'missing'), notExecutable, executable2, executable], packagePath: async () => executable });
    expect(found).toEqual({ path: executable2, source: 'system' });
  });

  it('then the packaged Chromium', async () => {
    const found = await findBrowser({ env: { DHR_CHROMIUM: '' }, systemPaths: [path.join(dir, 'missing')], packagePath: async () => executable });
    expect(found).toEqual({ path: executable, source: 'package' });
  });

  it('says why when there is no browser at all', async () => {
    const found = await findBrowser({ env: {}, systemPaths: [path.join(dir, 'missing')], packagePath: noPackage });
    expect(found.path).toBeNull();
    expect('reason' in found && found.reason).toMatch(/no browser found: DHR_CHROMIUM is not set.*could not be unpacked \(not installed\)/);
  });

  it('finds a browser on this machine (the npm package @sparticuz/chromium at least)', async () => {
    const found = await findBrowser({ env: {} });
    if (found.path === null) console.error(`No browser for the PDF tests: ${found.reason}`);
    expect(found.path).not.toBeNull();
  });
});

describe('launchBrowser', () => {
  it('launches with the quiet flags and a temporary profile that is removed on close', async () => {
    const found = await findBrowser({ env: {} });
    expect(found.path, 'reason' in found ? found.reason : '').not.toBeNull();
    const launched = await launchBrowser(found.path!);
    const args = launched.browser.process()?.spawnargs ?? [];
    try {
      for (const flag of browserArgs) expect(args).toContain(flag);
      expect(args).toContain(`--user-data-dir=${launched.profile}`);
      expect((await fs.stat(launched.profile)).isDirectory()).toBe(true);
    } finally {
      await launched.close();
    }
    await expect(fs.stat(launched.profile)).rejects.toThrow();
  });

  it('on an interrupt (removeStagedFiles, as the signal handler calls it) kills the browser and removes its profile', async () => {
    const found = await findBrowser({ env: {} });
    const launched = await launchBrowser(found.path!);
    const child = launched.browser.process();
    expect(child?.pid).toBeGreaterThan(0);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child!.once('exit', (_code, signal) => resolve(signal)));
    try {
      removeStagedFiles();
      expect(await exited).toBe('SIGKILL');
      await expect(fs.stat(launched.profile)).rejects.toThrow();
    } finally {
      await launched.close().catch(() => undefined);
    }
  });

  it('says which browser failed to start', async () => {
    await expect(launchBrowser(executable)).rejects.toThrow(new RegExp(`the browser at ${executable} could not be started`));
  });
});
