/**
 * Finding and launching a headless Chromium for PDF output.
 *
 * Order of search: the DHR_CHROMIUM environment variable (an explicit choice: if it is set but
 * unusable, that is the answer, with the reason), a system Chromium or Chrome, then the Chromium
 * shipped inside the npm package @sparticuz/chromium. The browser is launched without network
 * extras, with a fresh temporary profile that is removed when it closes.
 */
import { constants, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { DhrError } from '../errors.ts';
import { holdScratchFolder } from '../files.ts';

export type BrowserFound =
  | { path: string; source: 'env' | 'system' | 'package' }
  | { path: null; reason: string };

/** Where a system browser is usually installed on Debian, Ubuntu and with Google's package. */
export const systemBrowserPaths: readonly string[] = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Flags for every launch: no sandbox (containers, root), no GPU, no background traffic. */
export const browserArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--headless=new',
];

export interface FindBrowserOptions {
  /** Environment to read DHR_CHROMIUM from; process.env by default. */
  env?: Record<string, string | undefined>;
  /** Paths to try for a system browser; systemBrowserPaths by default. */
  systemPaths?: readonly string[];
  /** Resolves the packaged Chromium; @sparticuz/chromium's executablePath() by default. */
  packagePath?: () => Promise<string>;
}

/** Why a file cannot be run as a browser, or null when it can. */
async function unusableReason(file: string): Promise<string | null> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    return 'no such file';
  }
  if (!stat.isFile()) return 'it is not a file';
  try {
    await fs.access(file, constants.X_OK);
  } catch {
    return 'it is not executable';
  }
  return null;
}

async function packagedChromium(): Promise<string> {
  const chromium = (await import('@sparticuz/chromium')).default;
  return chromium.executablePath();
}

/** Find a Chromium to print PDFs with, or say in one line why none can be used. */
export async function findBrowser(options: FindBrowserOptions = {}): Promise<BrowserFound> {
  const env = options.env ?? process.env;
  const fromEnv = env.DHR_CHROMIUM;
  if (fromEnv !== undefined && fromEnv !== '') {
    const reason = await unusableReason(fromEnv);
    if (reason) return { path: null, reason: `DHR_CHROMIUM is set to ${fromEnv}, but ${reason}` };
    return { path: fromEnv, source: 'env' };
  }
  const systemPaths = options.systemPaths ?? systemBrowserPaths;
  for (const candidate of systemPaths) {
    if ((await unusableReason(candidate)) === null) return { path: candidate, source: 'system' };
  }
  let packaged: string;
  try {
    packaged = await (options.packagePath ?? packagedChromium)();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      path: null,
      reason: `no browser found: DHR_CHROMIUM is not set, none of ${systemPaths.join(', ')} exists, and the packaged Chromium (@sparticuz/chromium) could not be unpacked (${detail})`,
    };
  }
  const reason = await unusableReason(packaged);
  if (reason) return { path: null, reason: `the packaged Chromium at ${packaged} cannot be used: ${reason}` };
  return { path: packaged, source: 'package' };
}

export interface LaunchedBrowser {
  browser: Browser;
  /** The temporary profile folder (removed by close). */
  profile: string;
  /** Close the browser and remove its temporary profile. */
  close(): Promise<void>;
}

/**
 * Kill the browser and every process it started, at once (for an interrupt). Puppeteer starts it
 * as the leader of its own process group, so the group is killed: killing the leader alone leaves
 * its helpers running for a moment, long enough to write into the profile being removed.
 */
function killBrowser(browser: Browser): void {
  const child = browser.process();
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

/** Launch a headless browser with a fresh temporary profile. */
export async function launchBrowser(executablePath?: string): Promise<LaunchedBrowser> {
  let browserPath = executablePath;
  if (!browserPath) {
    const found = await findBrowser();
    if (found.path === null) throw new DhrError('browser', found.reason);
    browserPath = found.path;
  }
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'dhr-chromium-'));
  // An interrupt (Ctrl+C) kills the browser and removes its profile, as it removes staged outputs.
  let release = holdScratchFolder(profile);
  let browser: Browser;
  try {
    // puppeteer is loaded when a PDF is made, not by every command that imports this module.
    const puppeteer = (await import('puppeteer-core')).default;
    browser = await puppeteer.launch({
      executablePath: browserPath,
      headless: true,
      userDataDir: profile,
      args: [...browserArgs],
      // Printing a long report is one protocol call of minutes; each page's load and print has
      // its own time limit (pdf.ts printTimeout), so this one only stops a browser that hangs.
      protocolTimeout: 60 * 60_000,
    });
  } catch (error) {
    await fs.rm(profile, { recursive: true, force: true });
    release();
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new DhrError('browser', `the browser at ${browserPath} could not be started: ${detail}`);
  }
  release = holdScratchFolder(profile, () => killBrowser(browser));
  let closed = false;
  return {
    browser,
    profile,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await browser.close();
      } finally {
        await fs.rm(profile, { recursive: true, force: true });
        release();
      }
    },
  };
}
