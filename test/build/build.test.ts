/**
 * `dhr build` end to end, on the bundled sample case and on small cases written to disk: every
 * output opened (mammoth for Word, exceljs for Excel) and checked for its sections and their
 * order, its markings, the chronology's order across agencies, and the absence of identifiers.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overviewReportSections, executiveSummarySections } from '../../schemas/checklists.ts';
import { createReportAnonymiser, verbatimNames } from '../../pipeline/assemble/index.ts';
import { loadCaseFile } from '../../pipeline/ingest/case.ts';
import { scannableUnits } from '../../pipeline/publish.ts';
import { fileUnits, scanUnits, textUnits } from '../../pipeline/scan.ts';
import type { Case } from '../../schemas/case.ts';
import { runCli } from '../helpers/cli.ts';
import { listFiles, writeDiskCase } from './disk-case.ts';

const temporary: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dhr-build-out-'));
  temporary.push(dir);
  return dir;
}
async function diskCase(options: Parameters<typeof writeDiskCase>[0] = {}): Promise<string> {
  const dir = await writeDiskCase(options);
  temporary.push(dir);
  return dir;
}
afterAll(async () => {
  for (const d of temporary) await fs.rm(d, { recursive: true, force: true });
});

/** The XML parts of a Word file whose names match. */
function parts(bytes: Uint8Array, pattern: RegExp): string[] {
  const files = unzipSync(bytes);
  return Object.keys(files)
    .filter((n) => pattern.test(n))
    .map((n) => strFromU8(files[n]));
}

const text = (xml: string) => xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

async function headings(file: string): Promise<string[]> {
  const html = (await mammoth.convertToHtml({ path: file })).value;
  return [...html.matchAll(/<h1[^>]*>(.*?)<\/h1>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''));
}

/** Leaks and findings of every output file, as the scanner sees them. */
async function scanAll(dir: string, c: Case, publish = false) {
  const anonymiser = createReportAnonymiser(c, { publish });
  const results: { file: string; leaks: string[]; findings: string[] }[] = [];
  for (const name of await fs.readdir(dir)) {
    if (name === 'manifest.json') continue;
    const bytes = new Uint8Array(await fs.readFile(path.join(dir, name)));
    const units = scannableUnits(/\.html$/.test(name) ? textUnits(Buffer.from(bytes).toString('utf8'), `${name}.txt`) : await fileUnits(bytes, name));
    const scan = scanUnits(units, anonymiser);
    results.push({ file: name, leaks: scan.leaks.map((l) => `${l.kind}: ${l.text} (${l.part})`), findings: scan.findings.map((f) => f.text) });
  }
  return results;
}

describe('dhr build on the sample case', () => {
  let out: string;
  let result: Awaited<ReturnType<typeof runCli>>;
  let sampleCase: Case;

  beforeAll(async () => {
    out = await tempDir();
    sampleCase = await loadCaseFile('samples/adult-x/case.yaml');
    result = await runCli('build', 'samples/adult-x', '--out', out, '--no-pdf', '--today', '2018-02-01');
  });

  it('writes the whole restricted draft pack and says what it wrote', async () => {
    expect(result.code).toBe(0);
    expect(await listFiles(out)).toEqual(
      [
        'action-plan.xlsx',
        'executive-summary.docx',
        'executive-summary.html',
        'home-office-data-form.docx',
        'manifest.json',
        'merged-chronology.xlsx',
        'overview-report.docx',
        'overview-report.html',
        'validation-report.html',
        'validation-report.md',
      ].sort(),
    );
    expect(result.stdout).toContain('Draft v2 written to');
    expect(result.stdout).toContain('No PDFs were made: --no-pdf was given');
    expect(result.stdout).toMatch(/Checks: \d+ checklist items? failed, \d+ problems? to put right, \d+ warnings?/);
    expect(result.stdout).toMatch(/Still to be completed: \d+ prompts?/);
    const manifest = JSON.parse(await fs.readFile(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ tool: 'dhr-kit', kind: 'draft', case: 'SSCP-DHR-2017-03', draft: 2 });
    expect(manifest.files.map((f: { name: string }) => f.name)).not.toContain('manifest.json');
  });

  it('gives the overview report and executive summary every template section, in order', async () => {
    const expected = overviewReportSections.map((s) => (s.id === 'action-plan' ? 'Appendix A: Action plan' : s.id === 'merged-chronology' ? 'Appendix B: Merged chronology' : s.title));
    expect(await headings(path.join(out, 'overview-report.docx'))).toEqual(expected);
    expect(await headings(path.join(out, 'executive-summary.docx'))).toEqual(executiveSummarySections.map((s) => s.title));
  });

  it('marks every Word file OFFICIAL with the draft number in its header and footer', async () => {
    for (const name of ['overview-report.docx', 'executive-summary.docx', 'home-office-data-form.docx']) {
      const bytes = new Uint8Array(await fs.readFile(path.join(out, name)));
      for (const kind of ['header', 'footer']) {
        const xml = parts(bytes, new RegExp(`^word/${kind}\\d*\\.xml$`)).map(text).join(' ');
        expect(xml, `${name} ${kind}`).toContain('OFFICIAL');
        expect(xml, `${name} ${kind}`).toContain('Draft v2');
      }
    }
    const form = parts(new Uint8Array(await fs.readFile(path.join(out, 'home-office-data-form.docx'))), /^word\/header\d*\.xml$/).map(text).join(' ');
    expect(form).toMatch(/not for publication/i);
  });

  it('fills the data form from case.yaml', async () => {
    const raw = (await mammoth.extractRawText({ path: path.join(out, 'home-office-data-form.docx') })).value;
    for (const expected of ['Local DHR Reference', 'SSCP-DHR-2017-03', 'South Yorkshire Police', 'Patricia Holroyd', 'Sharp instrument', '22 April 2017']) expect(raw).toContain(expected);
  });

  it('merges every chronology row in date order with the agency named, marked and frozen', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(out, 'merged-chronology.xlsx'));
    const sheet = workbook.worksheets[0];
    let headerRow = 0;
    sheet.eachRow((row, n) => {
      if (headerRow === 0 && String(row.getCell(1).value) === 'Agency') headerRow = n;
    });
    expect(headerRow).toBeGreaterThan(0);
    const dates: number[] = [];
    const agencies = new Set<string>();
    for (let n = headerRow + 1; n <= sheet.rowCount; n++) {
      const row = sheet.getRow(n);
      const agency = row.getCell(1).value;
      const date = row.getCell(2).value;
      if (!agency || !(date instanceof Date)) continue;
      agencies.add(String(agency));
      dates.push(date.getTime());
    }
    expect(dates.length).toBeGreaterThanOrEqual(30);
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    expect(agencies.size).toBe(4);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen' });
    expect(sheet.headerFooter.oddHeader).toContain('OFFICIAL');
  });

  it('writes the action plan workbook with every recommendation', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(out, 'action-plan.xlsx'));
    const all = workbook.worksheets.flatMap((s) => s.getSheetValues().flat().map(String));
    expect(all.some((v) => v.includes('Help family, friends and colleagues to recognise coercive'))).toBe(true);
  });

  it('lists the prompts still to complete in the validation report', async () => {
    const md = await fs.readFile(path.join(out, 'validation-report.md'), 'utf8');
    expect(md).toContain('Still to be completed in "Title page": the date the review report was completed');
    expect(md).toContain('Still to be completed in "The review panel members": confirmation that the panel members are independent');
  });

  it('leaves no name, place or pattern of the key in any file', async () => {
    const scans = await scanAll(out, sampleCase);
    expect(scans.map((s) => s.file).sort()).toEqual((await fs.readdir(out)).filter((n) => n !== 'manifest.json').sort());
    for (const s of scans) expect(s.leaks, s.file).toEqual([]);
    const raw = (await mammoth.extractRawText({ path: path.join(out, 'overview-report.docx') })).value;
    for (const name of ['Zoë', 'Ashworth', 'Kershaw', 'Hollybank', 'Daisy-Mae', 'Claire Woodhouse']) expect(raw).not.toContain(name);
    for (const name of verbatimNames(sampleCase)) expect(raw).toContain(name);
  });

  it('lists the possible names the key does not list as warnings', () => {
    expect(result.stderr).toMatch(/dhr: warning: "DI Hague" may be a name the key does not list/);
    expect(result.stdout).toMatch(/Anonymisation: \d+ possible names/);
  });
});

describe('dhr build on a small case', () => {
  it('counts the draft from the out folder when case.yaml gives none, and removes files the last draft made that this one does not', async () => {
    const dir = await diskCase();
    const first = await runCli('build', dir, '--no-pdf', '--today', '2018-01-10');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Draft v1 written');
    await fs.writeFile(path.join(dir, 'action-plan.yaml.bak'), '');
    await fs.rm(path.join(dir, 'action-plan.yaml'));
    const second = await runCli('build', dir, '--no-pdf', '--today', '2018-01-10');
    expect(second.stdout).toContain('Draft v2 written');
    const files = await listFiles(path.join(dir, 'out'));
    expect(files).not.toContain('action-plan.xlsx');
    expect(second.stderr).toContain('action-plan.xlsx was not written');
    const header = parts(new Uint8Array(await fs.readFile(path.join(dir, 'out', 'overview-report.docx'))), /^word\/header\d*\.xml$/).map(text).join(' ');
    expect(header).toContain('Draft v2');
  });

  it('gives the same bytes for the same case', async () => {
    const dir = await diskCase();
    const [a, b] = [await tempDir(), await tempDir()];
    for (const out of [a, b]) expect((await runCli('build', dir, '--out', out, '--no-pdf', '--today', '2018-01-10')).code).toBe(0);
    const manifest = async (out: string) => fs.readFile(path.join(out, 'manifest.json'), 'utf8');
    expect(await manifest(a)).toBe(await manifest(b));
  });

  it('refuses an out folder that is an input folder or the case folder, and writes nothing', async () => {
    const dir = await diskCase();
    for (const out of [path.join(dir, 'imrs'), path.join(dir, 'report', 'drafts'), dir, path.join(dir, 'case.yaml')]) {
      const before = await listFiles(dir);
      const r = await runCli('build', dir, '--out', out, '--no-pdf', '--today', '2018-01-10');
      expect(r.code, out).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/out folder/);
      expect(await listFiles(dir)).toEqual(before);
    }
  });

  it('refuses to write drafts beside a publication copy', async () => {
    const dir = await diskCase();
    expect((await runCli('publish', dir, '--no-pdf')).code).toBe(0);
    const r = await runCli('build', dir, '--out', path.join(dir, 'publication'), '--no-pdf', '--today', '2018-01-10');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/holds a publication copy/);
    expect(await listFiles(path.join(dir, 'publication'))).toEqual(['executive-summary.docx', 'manifest.json', 'overview-report.docx']);
  });

  it('builds a Serious Incident Review with its watermark, its name throughout and no data form', async () => {
    const dir = await diskCase({ case: { review: 'SIR', reference: 'SSCP-SIR-2017-01' } });
    const r = await runCli('build', dir, '--no-pdf', '--today', '2018-01-10');
    expect(r.code).toBe(0);
    const files = await listFiles(path.join(dir, 'out'));
    expect(files).not.toContain('home-office-data-form.docx');
    const bytes = new Uint8Array(await fs.readFile(path.join(dir, 'out', 'overview-report.docx')));
    expect(parts(bytes, /^word\/header\d*\.xml$/).join(' ')).toContain('RESTRICTED');
    const raw = (await mammoth.extractRawText({ path: path.join(dir, 'out', 'overview-report.docx') })).value;
    expect(raw).toContain('Serious Incident Review');
    expect(raw).not.toContain('Domestic Homicide Review');
    const html = await fs.readFile(path.join(dir, 'out', 'overview-report.html'), 'utf8');
    expect(html).toContain('RESTRICTED');
  });
});
