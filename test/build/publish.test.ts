/**
 * `dhr publish` end to end: the publication copy of a complete small case, with every file
 * opened and scanned; and every way it must refuse, writing nothing.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import mammoth from 'mammoth';
import { afterAll, describe, expect, it } from 'vitest';
import { createReportAnonymiser } from '../../pipeline/assemble/index.ts';
import { loadCaseFile } from '../../pipeline/ingest/case.ts';
import { scannableUnits } from '../../pipeline/publish.ts';
import { fileUnits, scanUnits } from '../../pipeline/scan.ts';
import { realNames } from '../assemble/fixture.ts';
import { runCli } from '../helpers/cli.ts';
import { chairOverview, listFiles, writeDiskCase } from './disk-case.ts';

const temporary: string[] = [];
async function diskCase(options: Parameters<typeof writeDiskCase>[0] = {}): Promise<string> {
  const dir = await writeDiskCase(options);
  temporary.push(dir);
  return dir;
}
afterAll(async () => {
  for (const d of temporary) await fs.rm(d, { recursive: true, force: true });
});

const precise = /\b\d{1,2}(st|nd|rd|th)? (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/;

describe('dhr publish', () => {
  it('writes the overview report and executive summary only: unmarked, dates generalised, metadata scrubbed, clean', async () => {
    const dir = await diskCase();
    const r = await runCli('publish', dir, '--no-pdf');
    expect(r.code, r.stderr).toBe(0);
    const out = path.join(dir, 'publication');
    expect(await listFiles(out)).toEqual(['executive-summary.docx', 'manifest.json', 'overview-report.docx']);
    expect(r.stdout).toContain('Every file was scanned');
    const c = await loadCaseFile(path.join(dir, 'case.yaml'));
    const anonymiser = createReportAnonymiser(c, { publish: true });
    for (const name of ['overview-report.docx', 'executive-summary.docx']) {
      const bytes = new Uint8Array(await fs.readFile(path.join(out, name)));
      const files = unzipSync(bytes);
      const xml = Object.entries(files)
        .filter(([n]) => /\.xml$/.test(n))
        .map(([, data]) => strFromU8(data).replace(/<[^>]+>/g, ' '))
        .join(' ');
      expect(xml, name).not.toContain('OFFICIAL');
      expect(xml, name).not.toMatch(/Draft v\d/);
      expect(xml, name).not.toMatch(precise);
      for (const n of realNames) expect(xml, `${name}: ${n}`).not.toMatch(new RegExp(`\\b${n}\\b`));
      expect(strFromU8(files['docProps/core.xml'])).not.toMatch(/<dc:creator>|<cp:lastModifiedBy>/);
      const scan = scanUnits(scannableUnits(await fileUnits(bytes, name)), anonymiser);
      expect(scan.leaks, name).toEqual([]);
      expect(scan.findings, name).toEqual([]);
      // Pictures carry no text chunks (tEXt, iTXt, zTXt) in which words could hide.
      for (const [part, data] of Object.entries(files)) {
        if (part.endsWith('.png')) expect(/tEXt|iTXt|zTXt/.test(Buffer.from(data).toString('latin1')), part).toBe(false);
      }
    }
    const raw = (await mammoth.extractRawText({ path: path.join(out, 'overview-report.docx') })).value;
    expect(raw).toContain('The risk assessment in June 2016 was not shared with the doctor.');
    expect(raw).toContain('Margaret Ellis');
    const manifest = JSON.parse(await fs.readFile(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ kind: 'publication', case: 'SSCP-DHR-2017-01' });
    expect(manifest.draft).toBeUndefined();
  });

  it('generalises the dates of a merged chronology counted by agency (report.chronologyAppendixLimit) as of every other', async () => {
    const dir = await diskCase({ case: { report: { chronologyAppendixLimit: 1 } } });
    const r = await runCli('publish', dir, '--no-pdf');
    expect(r.code, r.stderr).toBe(0);
    const raw = (await mammoth.extractRawText({ path: path.join(dir, 'publication', 'overview-report.docx') })).value;
    // The workbook is not part of a publication copy: the published report does not point to it.
    expect(raw).toContain('The merged chronology has 3 entries from 2 agencies, too many to print here. The entries each agency recorded:');
    expect(raw).not.toContain('merged-chronology.xlsx');
    expect(raw).toMatch(/First entry/);
    expect(raw).not.toMatch(precise);
  });

  it('writes nothing, and says why, when a name the key does not list is planted in the text', async () => {
    const planted = chairOverview.replace('The abuse was known but not shared.', 'The abuse was known to Gordon Whitfield but not shared.');
    const dir = await diskCase({ files: { 'report/overview-report.md': planted } });
    const r = await runCli('publish', dir, '--no-pdf');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nothing was written');
    expect(r.stderr).toMatch(/Conclusions: "Gordon Whitfield" may be a name the key does not list/);
    expect(await listFiles(path.join(dir, 'publication'))).toEqual([]);
    // Confirmed safe, it is published.
    const yaml = await fs.readFile(path.join(dir, 'case.yaml'), 'utf8');
    await fs.writeFile(path.join(dir, 'case.yaml'), yaml.replace('allow:\n', 'allow:\n    - Gordon Whitfield\n'));
    const again = await runCli('publish', dir, '--no-pdf');
    expect(again.code, again.stderr).toBe(0);
  });

  it('writes nothing while a part of a report is still to be completed', async () => {
    const dir = await diskCase({ files: { 'report/overview-report.md': chairOverview.replace(/# Equality and diversity\n\n[^\n]+\n/, '') } });
    const r = await runCli('publish', dir, '--no-pdf');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/overview-report\.docx, Equality and diversity: still to be completed: how the nine protected characteristics/);
    expect(await listFiles(path.join(dir, 'publication'))).toEqual([]);
  });

  it('refuses a Serious Incident Review', async () => {
    const dir = await diskCase({ case: { review: 'SIR', reference: 'SSCP-SIR-2017-01' } });
    const r = await runCli('publish', dir, '--no-pdf');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('dhr: Serious Incident Reviews are not published');
    expect(await listFiles(path.join(dir, 'publication'))).toEqual([]);
  });

  it('refuses the drafts folder, a folder of other files and an input folder as its out folder', async () => {
    const dir = await diskCase();
    expect((await runCli('build', dir, '--no-pdf', '--today', '2018-01-10')).code).toBe(0);
    const drafts = await listFiles(path.join(dir, 'out'));
    const r = await runCli('publish', dir, '--out', path.join(dir, 'out'), '--no-pdf');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/restricted drafts/);
    expect(await listFiles(path.join(dir, 'out'))).toEqual(drafts);

    const copy = path.join(dir, 'drafts-copy');
    await fs.mkdir(copy);
    await fs.copyFile(path.join(dir, 'out', 'merged-chronology.xlsx'), path.join(copy, 'merged-chronology.xlsx'));
    const other = await runCli('publish', dir, '--out', copy, '--no-pdf');
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/not part of a publication copy \(merged-chronology\.xlsx\)/);
    expect(await listFiles(copy)).toEqual(['merged-chronology.xlsx']);

    const input = await runCli('publish', dir, '--out', path.join(dir, 'chronologies'), '--no-pdf');
    expect(input.code).toBe(2);
    expect(input.stderr).toMatch(/inside the case's chronologies\/ folder/);
  });
});
