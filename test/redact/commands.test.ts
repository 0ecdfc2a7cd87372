import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { RESTRICTED_MARK } from '../../pipeline/redact.ts';
import { corpusVariants, encryptedDocx, hostileDocx, odtFile, oldWordFile, randomBytes, simplePdf } from '../fixtures/word-corpus.ts';
import { zipBomb } from '../fixtures/zip-bytes.ts';
import { runCli } from '../helpers/cli.ts';
import { searchableText, unzipParts } from '../ooxml/helpers/package-check.ts';
import { workspace, type Workspace } from './helpers/workspace.ts';

function survivors(bytes: Uint8Array): string[] {
  const found: string[] = [];
  for (const [name, data] of Object.entries(unzipParts(bytes))) {
    const text = searchableText(name, data).toLowerCase();
    for (const v of corpusVariants) if (text.includes(v)) found.push(`${name}: ${v}`);
  }
  return found;
}

const unresolved = ['Margaret Thornton', 'Ravenscroft'];

describe('dhr redact (working copy)', () => {
  let ws: Workspace;
  let result: Awaited<ReturnType<typeof runCli>>;
  let out: string;

  beforeAll(async () => {
    ws = await workspace();
    out = ws.file('work/report.docx');
    result = await runCli('redact', ws.docx, '--case', ws.caseFile, '--out', out);
  });

  it('writes the copy with no key identifier left in any part, and exits 0', () => {
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Wrote .*report\.docx \(\d+ replacements; \d+ possible identifiers to review\)/);
    expect(survivors(readFileSync(out))).toEqual([]);
  });

  it('prints each unlisted name as a warning with its place and context', () => {
    expect(result.stderr).toMatch(/finding: "Margaret Thornton" \(person\) at .*report\.docx, part word\/document\.xml — Margaret Thornton, a neighbour, called the police\./);
    expect(result.stderr).toMatch(/finding: "Ravenscroft"/);
    // Contexts come from the redacted text: no keyed name beside a finding.
    expect(result.stderr).not.toMatch(/Jane|Smith|Robert|Brown/);
  });

  it('writes the restricted log beside it, marked in its name and its first line, holding the originals', () => {
    const log = `${out}.redaction-log.restricted.json`;
    const text = readFileSync(log, 'utf8');
    expect(text.split('\n')[0]).toContain(RESTRICTED_MARK);
    const parsed = JSON.parse(text);
    expect(parsed.replacements).toContainEqual(expect.objectContaining({ original: 'Jane Smith', replacement: 'Adult X', kind: 'person', part: 'word/header1.xml' }));
  });

  it('gives a copy mammoth reads, with no identifier in its text', async () => {
    const text = (await mammoth.extractRawText({ path: out })).value;
    expect(text).toContain('Adult X lived at the family home with Adult Y.');
    for (const v of corpusVariants) expect(text.toLowerCase()).not.toContain(v);
  });

  it('gives the same bytes for the same input', async () => {
    const again = ws.file('again/report.docx');
    expect((await runCli('redact', ws.docx, '--case', ws.caseFile, '--out', again)).code).toBe(0);
    expect(Buffer.compare(readFileSync(again), readFileSync(out))).toBe(0);
  });

  it('prints JSON with counts and findings but never the originals', async () => {
    const r = await runCli('redact', ws.docx, '--case', ws.caseFile, '--out', ws.file('json/report.docx'), '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.written).toBe(true);
    expect(typeof json.replacements).toBe('number');
    expect(json.findings.map((f: { text: string }) => f.text)).toEqual(expect.arrayContaining(unresolved));
    expect(r.stdout).not.toMatch(/Jane|Robert/);
  });
});

describe('dhr redact --publish', () => {
  let ws: Workspace;

  beforeAll(async () => {
    ws = await workspace();
  });

  it('writes nothing while a finding is unresolved, lists the findings and exits 1', async () => {
    const folder = ws.file('publication');
    const r = await runCli('redact', ws.docx, '--case', ws.caseFile, '--out', path.join(folder, 'report.docx'), '--publish');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/finding: "Margaret Thornton"/);
    expect(r.stderr).toMatch(/nothing written: \d+ possible identifiers not in the key/);
    expect(ws.list(folder)).toEqual([]);
  });

  it('once the findings are allowed, writes a publication copy: dates generalised, markings gone, no log beside it', async () => {
    const allowed = await workspace(unresolved);
    const folder = allowed.file('publication');
    const out = path.join(folder, 'report.docx');
    const r = await runCli('redact', allowed.docx, '--case', allowed.caseFile, '--out', out, '--publish');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(allowed.list(folder)).toEqual(['report.docx']);
    const bytes = readFileSync(out);
    expect(survivors(bytes)).toEqual([]);
    const parts = unzipParts(bytes);
    const document = searchableText('word/document.xml', parts['word/document.xml']);
    expect(document).toContain('Adult Y, March 2017');
    expect(document).not.toMatch(/14 March 2017|w:fullDate/);
    expect(searchableText('word/header1.xml', parts['word/header1.xml'])).not.toContain('OFFICIAL');
    // The scanner agrees: nothing from the key, no pattern, no precise date, no marking.
    const scan = await runCli('scan', out, '--case', allowed.caseFile, '--publish', '--json');
    expect(JSON.parse(scan.stdout).leaks).toEqual([]);
  });

  it('writes the restricted log only where --log says, and refuses it in the folder of the publication copy', async () => {
    const allowed = await workspace(unresolved);
    const folder = allowed.file('publication');
    const out = path.join(folder, 'report.docx');
    const refused = await runCli('redact', allowed.docx, '--case', allowed.caseFile, '--out', out, '--publish', '--log', path.join(folder, 'log.json'));
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/restricted log would be written into the folder of the publication copy/);
    expect(allowed.list(folder)).toEqual([]);
    const log = allowed.file('papers/report.redaction-log.restricted.json');
    const ok = await runCli('redact', allowed.docx, '--case', allowed.caseFile, '--out', out, '--publish', '--log', log);
    expect(ok.code).toBe(0);
    expect(readFileSync(log, 'utf8').split('\n')[0]).toContain('RESTRICTED');
    expect(allowed.list(folder)).toEqual(['report.docx']);
  });

  it('scans its own output and writes nothing if an identifier survives (here in a part it cannot change)', async () => {
    const allowed = await workspace(unresolved);
    const files = unzipParts(readFileSync(allowed.docx));
    // An unknown binary part that still holds a name: redaction leaves it, the scanner must not.
    files['word/fonts/font1.odttf'] = new TextEncoder().encode('\u0000\u0001Jane Smith\u0000');
    files['[Content_Types].xml'] = new TextEncoder().encode(new TextDecoder().decode(files['[Content_Types].xml']).replace('</Types>', '<Default Extension="odttf" ContentType="application/vnd.openxmlformats-officedocument.obfuscatedFont"/></Types>'));
    files['word/_rels/fontTable.xml.rels'] = new TextEncoder().encode(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdFont" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/font" Target="fonts/font1.odttf"/></Relationships>',
    );
    const { zipSync } = await import('fflate');
    const input = allowed.file('font.docx');
    writeFileSync(input, zipSync(files));
    const folder = allowed.file('publication');
    const r = await runCli('redact', input, '--case', allowed.caseFile, '--out', path.join(folder, 'font.docx'), '--publish');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/leak: "Jane Smith" \(person\) at .*part word\/fonts\/font1\.odttf/);
    expect(r.stderr).toMatch(/nothing written: 1 identifier would still be in the publication copy/);
    expect(allowed.list(folder)).toEqual([]);
  });
});

describe('dhr redact on Excel, Markdown, text and CSV', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await workspace();
  });

  it('redacts a workbook in place: sheet renamed, cells, notes and headers clean', async () => {
    const out = ws.file('out/chronology.xlsx');
    const r = await runCli('redact', ws.xlsx, '--case', ws.caseFile, '--out', out);
    expect(r.code).toBe(0);
    expect(survivors(readFileSync(out))).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Adult X', 'Chronology']);
    expect(wb.getWorksheet('Chronology')!.getCell('B2').value).toEqual(expect.objectContaining({ formula: "'Adult X'!A1" }));
  });

  it('redacts Markdown, text and CSV through the engine', async () => {
    writeFileSync(ws.file('notes.md'), '# Notes on Jane Smith\n\n**Jane** Smith met Robert Brown at Elm Street.\n');
    writeFileSync(ws.file('notes.txt'), 'Jane Smith met Robert Brown.\nEmail jane.smith@example.org\n');
    writeFileSync(ws.file('rows.csv'), 'date,event\n2017-03-14,"Jane Smith, at Elm Street"\n');
    for (const name of ['notes.md', 'notes.txt', 'rows.csv']) {
      const out = ws.file(`out/${name}`);
      const r = await runCli('redact', ws.file(name), '--case', ws.caseFile, '--out', out);
      expect(r.code, name).toBe(0);
      const text = readFileSync(out, 'utf8');
      expect(text, name).toContain('Adult X');
      expect(text.toLowerCase(), name).not.toMatch(/jane|smith|robert|brown|elm street/);
    }
    expect(readFileSync(ws.file('out/rows.csv'), 'utf8')).toBe('date,event\n2017-03-14,"Adult X, at the family home"\n');
  });
});

describe('dhr redact and dhr scan refuse bad input: exit 2, one line, nothing written', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await workspace();
  });

  const cases: [string, () => Promise<Uint8Array> | Uint8Array, RegExp][] = [
    ['random bytes', () => randomBytes(4096), /does not start the way an Office file does, so it is not a Word document \(\.docx\)/],
    ['an empty file', () => new Uint8Array(0), /the file is empty/],
    ['a truncated zip', async () => { const whole = await hostileDocx(); return whole.subarray(0, Math.floor(whole.length * 0.6)); }, /damaged or truncated/],
    ['an old .doc renamed .docx', () => oldWordFile(), /old Word 97–2003 document \(\.doc\).*open it in Word and use File > Save As > Word Document \(\.docx\)/],
    ['an OpenDocument file renamed .docx', () => odtFile(), /OpenDocument text file/],
    ['a zip bomb', () => zipBomb({ megabytes: 300, part: 'word/document.xml' }), /300 MB, more than the 100 MB allowed for one part; it may be a zip bomb/],
    ['a password-protected file', async () => encryptedDocx(await hostileDocx()), /encrypted \(password-protected\): run again with --password/],
  ];

  for (const [what, make, message] of cases) {
    it(`${what}`, async () => {
      const input = ws.file(`bad-${what.replace(/\W+/g, '-')}.docx`);
      const bytes = await make();
      writeFileSync(input, bytes);
      const folder = ws.file(`bad-out-${what.replace(/\W+/g, '-')}`);
      const r = await runCli('redact', input, '--case', ws.caseFile, '--out', path.join(folder, 'x.docx'));
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain(input);
      expect(ws.list(folder)).toEqual([]);
      expect(Buffer.compare(readFileSync(input), Buffer.from(bytes))).toBe(0);
      const scan = await runCli('scan', input, '--case', ws.caseFile);
      expect(scan.code).toBe(2);
      expect(scan.stderr).toMatch(message);
    });
  }

  it('opens a password-protected input with --password and protects the copy with it', async () => {
    const input = ws.file('protected.docx');
    writeFileSync(input, encryptedDocx(await hostileDocx()));
    const out = ws.file('protected-out/report.docx');
    const r = await runCli('redact', input, '--case', ws.caseFile, '--out', out, '--password', 'secret');
    expect(r.code).toBe(0);
    const { isEncryptedOffice, decryptOffice } = await import('../../transforms/crypto/password.ts');
    const written = readFileSync(out);
    expect(isEncryptedOffice(written)).toBe(true);
    expect(survivors(await decryptOffice(written, 'secret'))).toEqual([]);
    const wrong = await runCli('redact', input, '--case', ws.caseFile, '--out', ws.file('wrong/report.docx'), '--password', 'nope');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/password is wrong/);
  });

  it('refuses an output path equal to the input, and an unknown kind of file', async () => {
    const before = readFileSync(ws.docx);
    const same = await runCli('redact', ws.docx, '--case', ws.caseFile, '--out', ws.docx);
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/would overwrite an input/);
    expect(Buffer.compare(readFileSync(ws.docx), before)).toBe(0);
    writeFileSync(ws.file('picture.png'), randomBytes(100));
    const png = await runCli('redact', ws.file('picture.png'), '--case', ws.caseFile, '--out', ws.file('x.png'));
    expect(png.code).toBe(2);
    expect(png.stderr).toMatch(/reads \.docx, \.xlsx, \.md, \.txt and \.csv files/);
  });

  it('names a missing file and a missing --case option', async () => {
    const missing = await runCli('redact', ws.file('nope.docx'), '--case', ws.caseFile, '--out', ws.file('x.docx'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.docx: no such file or folder/);
    const noCase = await runCli('redact', ws.docx, '--out', ws.file('x.docx'));
    expect(noCase.code).toBe(2);
    expect(noCase.stderr).toMatch(/--case/);
  });
});

describe('dhr scan', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await workspace();
  });

  it('reports leaks in every hiding place of a Word file, with part and context, and exits 1', async () => {
    const r = await runCli('scan', ws.docx, '--case', ws.caseFile, '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { leaks: { text: string; kind: string; part: string; context?: string }[]; findings: { text: string; kind: string; part: string }[] };
    const partsWithLeaks = new Set(report.leaks.map((l) => l.part));
    for (const part of ['word/document.xml', 'word/comments.xml', 'word/people.xml', 'word/header1.xml', 'word/footer1.xml', 'word/footnotes.xml', 'word/endnotes.xml', 'docProps/core.xml', 'docProps/app.xml', 'docProps/custom.xml', 'customXml/item1.xml', 'word/settings.xml', 'word/_rels/document.xml.rels', 'docProps/thumbnail.jpeg', 'word/media/image1.png']) {
      expect(partsWithLeaks, part).toContain(part);
    }
    expect(report.leaks[0]).toEqual(expect.objectContaining({ text: expect.any(String), kind: expect.any(String), part: expect.any(String) }));
    const findings = report.findings.map((f) => f.text);
    expect(findings).toEqual(expect.arrayContaining(['Margaret Thornton', 'Kevin Hughes']));
  });

  it('reports leaks in a workbook: cells, sheet names, notes, persons, headers', async () => {
    const r = await runCli('scan', ws.xlsx, '--case', ws.caseFile, '--json');
    expect(r.code).toBe(1);
    const parts = new Set((JSON.parse(r.stdout).leaks as { part: string }[]).map((l) => l.part));
    for (const part of ['xl/sharedStrings.xml', 'xl/workbook.xml', 'xl/comments1.xml', 'xl/persons/person.xml', 'xl/threadedComments/threadedComment1.xml', 'xl/worksheets/sheet1.xml']) expect(parts, part).toContain(part);
  });

  it('reads the text and document information of a PDF, page by page', async () => {
    const pdf = ws.file('report.pdf');
    writeFileSync(pdf, simplePdf([['Introduction'], ['Jane Smith met Margaret Thornton.']], { Author: 'Michael Williamson' }));
    const r = await runCli('scan', pdf, '--case', ws.caseFile, '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.leaks).toContainEqual(expect.objectContaining({ text: 'Jane Smith', kind: 'person', part: 'page 2' }));
    expect(report.leaks).toContainEqual(expect.objectContaining({ text: 'Michael Williamson', part: 'document information' }));
    expect(report.findings).toContainEqual(expect.objectContaining({ text: 'Margaret Thornton', part: 'page 2' }));
  });

  it('exits 0 and says so for a clean file', async () => {
    writeFileSync(ws.file('clean.txt'), 'The review panel met three times.\n');
    const r = await runCli('scan', ws.file('clean.txt'), '--case', ws.caseFile);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/clean/);
    const json = await runCli('scan', ws.file('clean.txt'), '--case', ws.caseFile, '--json');
    expect(JSON.parse(json.stdout)).toEqual(expect.objectContaining({ leaks: [], findings: [] }));
  });

  it('does not change the file it reads', async () => {
    const before = statSync(ws.docx).mtimeMs;
    const bytes = readFileSync(ws.docx);
    await runCli('scan', ws.docx, '--case', ws.caseFile);
    expect(statSync(ws.docx).mtimeMs).toBe(before);
    expect(Buffer.compare(readFileSync(ws.docx), bytes)).toBe(0);
  });
});

