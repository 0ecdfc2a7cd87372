/**
 * PDFs of the reports: made when a browser is found, each page carrying the marking in its
 * header and footer; a publication copy's pages carry none. When no browser can be found the
 * build says so in one line and writes the rest.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../pipeline/render/browser.ts';
import { extractPdfText } from '../../transforms/ooxml/pdf.ts';
import { runCli } from '../helpers/cli.ts';
import { listFiles, writeDiskCase } from './disk-case.ts';

const temporary: string[] = [];
afterAll(async () => {
  for (const d of temporary) await fs.rm(d, { recursive: true, force: true });
});

async function pages(file: string): Promise<string[]> {
  const units = await extractPdfText(new Uint8Array(await fs.readFile(file)), file);
  const byPage = new Map<string, string>();
  for (const u of units) if (/^page \d+$/.test(u.part)) byPage.set(u.part, `${byPage.get(u.part) ?? ''} ${u.text}`);
  return [...byPage.values()];
}

describe('PDFs of the reports', () => {
  it('are made with a browser, with OFFICIAL and the draft number on every page; the publication copy has neither', async () => {
    const dir = await writeDiskCase();
    temporary.push(dir);
    const found = await findBrowser();
    const build = await runCli('build', dir, '--today', '2018-01-10');
    expect(build.code, build.stderr).toBe(0);
    const files = await listFiles(path.join(dir, 'out'));
    if (found.path === null) {
      // No browser here: one line says why, and everything else is written.
      expect(build.stdout).toContain(`No PDFs were made: ${found.reason}`);
      expect(files).not.toContain('overview-report.pdf');
      expect(files).toContain('overview-report.docx');
      return;
    }
    expect(files).toEqual(expect.arrayContaining(['overview-report.pdf', 'executive-summary.pdf']));
    for (const name of ['overview-report.pdf', 'executive-summary.pdf']) {
      const text = await pages(path.join(dir, 'out', name));
      expect(text.length, name).toBeGreaterThan(1);
      text.forEach((page, i) => {
        expect(page, `${name} page ${i + 1}`).toContain('OFFICIAL');
        expect(page, `${name} page ${i + 1}`).toContain('Draft v1');
      });
    }

    const publish = await runCli('publish', dir);
    expect(publish.code, publish.stderr).toBe(0);
    expect(await listFiles(path.join(dir, 'publication'))).toEqual(['executive-summary.docx', 'executive-summary.pdf', 'manifest.json', 'overview-report.docx', 'overview-report.pdf']);
    for (const name of ['overview-report.pdf', 'executive-summary.pdf']) {
      const text = (await pages(path.join(dir, 'publication', name))).join('\n');
      expect(text).not.toContain('OFFICIAL');
      expect(text).not.toMatch(/Draft v\d/);
      expect(text).toContain('Anna');
    }
  });

  it('are not made, with the reason in one line, when no browser can be found', async () => {
    const dir = await writeDiskCase();
    temporary.push(dir);
    const before = process.env.DHR_CHROMIUM;
    process.env.DHR_CHROMIUM = path.join(dir, 'no-such-browser');
    try {
      const r = await runCli('build', dir, '--today', '2018-01-10');
      expect(r.code).toBe(0);
      const lines = r.stdout.split('\n').filter((l) => l.startsWith('No PDFs were made'));
      expect(lines).toEqual([`No PDFs were made: DHR_CHROMIUM is set to ${path.join(dir, 'no-such-browser')}, but no such file`]);
      expect(await listFiles(path.join(dir, 'out'))).not.toContain('overview-report.pdf');
    } finally {
      if (before === undefined) delete process.env.DHR_CHROMIUM;
      else process.env.DHR_CHROMIUM = before;
    }
  });
});
