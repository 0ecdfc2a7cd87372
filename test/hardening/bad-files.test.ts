/**
 * Every command against every kind of broken or hostile Office file, standing in the sample
 * case (as the police IMR's neighbour imrs/gp.docx, or chronologies/gp.xlsx) or given directly:
 * exit 2, one plain line naming the file and what to do, no stack trace, nothing written, every
 * input byte-identical.
 */
import path from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { badExcelFiles, badWordFiles, sampleBytes, type BadInput } from './helpers/bad-files.ts';
import { expectRefused, fingerprint, scratchCase, TODAY, type Scratch } from './helpers/workspace.ts';

/** The commands that read a whole case folder. */
function caseCommands(s: Scratch): [string, string[]][] {
  return [
    ['status', ['status', s.caseDir]],
    ['check', ['check', s.caseDir, '--today', TODAY]],
    ['build', ['build', s.caseDir, '--no-pdf', '--today', TODAY]],
    ['publish', ['publish', s.caseDir, '--no-pdf']],
  ];
}

/** The commands that read one file. */
function fileCommands(s: Scratch, file: string): [string, string[]][] {
  const commands: [string, string[]][] = [
    ['redact', ['redact', file, '--case', s.caseFile, '--out', s.file('redacted', path.basename(file))]],
    ['scan', ['scan', file, '--case', s.caseFile]],
  ];
  if (file.endsWith('.docx')) commands.push(['check (one IMR)', ['check', file, '--case', s.caseFile, '--today', TODAY]]);
  return commands;
}

const slots: { slot: string; relative: string; inputs: BadInput[] }[] = [
  { slot: 'an IMR (imrs/gp.docx)', relative: 'imrs/gp.docx', inputs: badWordFiles() },
  { slot: 'a chronology (chronologies/gp.xlsx)', relative: 'chronologies/gp.xlsx', inputs: badExcelFiles() },
];

for (const { slot, relative, inputs } of slots) {
  describe(`${slot} that is broken or hostile`, () => {
    const scratches: Scratch[] = [];
    afterAll(() => scratches.forEach((s) => s.remove()));

    for (const input of inputs) {
      it(`${input.name}: every command refuses it in one line, writes nothing and changes nothing`, async () => {
        const s = scratchCase();
        scratches.push(s);
        const file = s.inCase(relative);
        writeFileSync(file, input.bytes());
        const before = fingerprint(s.root);
        // A valid package of the other kind is still a package: scan reads every part of it.
        const commands = [...caseCommands(s), ...fileCommands(s, file)].filter(([name]) => !(input.renamedPackage && name === 'scan'));
        for (const [name, args] of commands) {
          const r = await runCli(...args);
          expect(r.code, `${name}: ${r.stderr}`).toBe(2);
          expectRefused(r, { says: input.says, names: relative });
          expect(fingerprint(s.root), `${name} wrote or changed something`).toEqual(before);
        }
      });
    }
  });
}

describe('paths, commands and options that are wrong', () => {
  let s: Scratch;
  let before: Record<string, string>;
  beforeAll(() => {
    s = scratchCase();
    before = fingerprint(s.root);
  });
  afterAll(() => s.remove());

  it('a path that does not exist: every command names it', async () => {
    const missing = s.file('no-such-case');
    const missingFile = s.file('no-such-file.docx');
    for (const args of [
      ['status', missing],
      ['check', missing],
      ['build', missing, '--no-pdf'],
      ['publish', missing, '--no-pdf'],
      ['redact', missingFile, '--case', s.caseFile, '--out', s.file('out.docx')],
      ['scan', missingFile, '--case', s.caseFile],
      ['check', missingFile, '--case', s.caseFile],
    ]) {
      const r = await runCli(...args);
      expectRefused(r, { says: /no such (case )?(file|folder)/, names: path.basename(args[1]) });
    }
    // A case.yaml that does not exist, given with --case.
    for (const args of [
      ['redact', s.inCase('imrs/gp.docx'), '--case', s.file('nowhere.yaml'), '--out', s.file('out.docx')],
      ['scan', s.inCase('imrs/gp.docx'), '--case', s.file('nowhere.yaml')],
    ]) {
      expectRefused(await runCli(...args), { says: /nowhere\.yaml: no such file or folder/ });
    }
    expect(fingerprint(s.root)).toEqual(before);
  });

  it('a folder given where a file is wanted, and a device that never ends', async () => {
    expectRefused(await runCli('scan', s.inCase('imrs'), '--case', s.caseFile), { says: /imrs: this is a folder, not a file/ });
    expectRefused(await runCli('scan', '/dev/zero', '--case', s.caseFile), { says: /\/dev\/zero: .*not an ordinary file/ });
    expectRefused(await runCli('redact', s.inCase('imrs/gp.docx'), '--case', '/dev/zero', '--out', s.file('x.docx')), { says: /\/dev\/zero: .*not an ordinary file/ });
    expect(fingerprint(s.root)).toEqual(before);
  });

  it('an unknown command, with a suggestion', async () => {
    const r = await runCli('stauts', s.caseDir);
    expectRefused(r, { says: /unknown command 'stauts'.*Did you mean status\?/ });
  });

  it('an unknown option and a missing required one', async () => {
    expectRefused(await runCli('status', s.caseDir, '--frobnicate'), { says: /unknown option '--frobnicate'/ });
    expectRefused(await runCli('redact', s.inCase('imrs/gp.docx'), '--out', s.file('x.docx')), { says: /required option '--case <case.yaml>' not specified/ });
    expectRefused(await runCli('status', s.caseDir, '--today', '2017-02-30'), { says: /--today must be a real date written YYYY-MM-DD/ });
    expect(fingerprint(s.root)).toEqual(before);
  });

  it('--out equal to an input, for every command that writes', async () => {
    const imr = s.inCase('imrs/gp.docx');
    expectRefused(await runCli('redact', imr, '--case', s.caseFile, '--out', imr), { says: /would overwrite an input; choose another --out path/, names: 'imrs/gp.docx' });
    // The same file by another spelling of its path.
    const roundabout = path.join(s.caseDir, 'imrs', '..', 'imrs', '.', 'gp.docx');
    expectRefused(await runCli('redact', imr, '--case', s.caseFile, '--out', roundabout), { says: /would overwrite an input/ });
    // The restricted log aimed at an input.
    expectRefused(await runCli('redact', s.inCase('report/analysis.md'), '--case', s.caseFile, '--out', s.file('analysis.md'), '--log', s.caseFile), {
      says: /would overwrite an input/,
      names: 'case.yaml',
    });
    // A case's own input folders as the out folder.
    for (const folder of ['imrs', 'chronologies', 'report']) {
      expectRefused(await runCli('build', s.caseDir, '--no-pdf', '--today', TODAY, '--out', s.inCase(folder)), { says: new RegExp(`inside the case's ${folder}/ folder`) });
      expectRefused(await runCli('publish', s.caseDir, '--no-pdf', '--out', s.inCase(folder)), { says: new RegExp(`inside the case's ${folder}/ folder`) });
    }
    expectRefused(await runCli('build', s.caseDir, '--no-pdf', '--today', TODAY, '--out', s.caseDir), { says: /the out folder is the case folder itself/ });
    expect(fingerprint(s.root)).toEqual(before);
  });

  it("check --out one of the case's input folders is refused (a validation report in report/ would be read as a chair's section next time)", async () => {
    for (const folder of ['imrs', 'chronologies', 'report']) {
      expectRefused(await runCli('check', s.caseDir, '--today', TODAY, '--out', s.inCase(folder)), { says: new RegExp(`${folder}/ folder`) });
      expect(fingerprint(s.root), `check --out ${folder}`).toEqual(before);
    }
  });
});

describe('sound files with unusual parts', () => {
  let s: Scratch;
  beforeAll(() => {
    s = scratchCase();
  });
  afterAll(() => s.remove());

  /** The police IMR with a vector picture whose text holds a name. */
  function withSvg(doctype: boolean): Uint8Array {
    const files: Record<string, Uint8Array> = unzipSync(sampleBytes('imrs/police.docx'));
    files['word/media/logo.svg'] = strToU8(
      `<?xml version="1.0"?>\n${doctype ? '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n' : ''}<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><title>Drawn for Zoë Ashworth</title><text x="0" y="9">Zoë Ashworth</text></svg>`,
    );
    const ct = strFromU8(files['[Content_Types].xml']);
    files['[Content_Types].xml'] = strToU8(ct.replace('</Types>', '<Default Extension="svg" ContentType="image/svg+xml"/></Types>'));
    const rels = strFromU8(files['word/_rels/document.xml.rels']);
    files['word/_rels/document.xml.rels'] = strToU8(rels.replace('</Relationships>', '<Relationship Id="rIdLogo" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/logo.svg"/></Relationships>'));
    return zipSync(files);
  }

  it('an SVG picture with a DOCTYPE (as Inkscape writes): scan reads it and finds the name; redact flags it and --publish writes nothing', async () => {
    const input = s.write('with-svg.docx', withSvg(true));
    const r = await runCli('scan', input, '--case', s.caseFile, '--json');
    expect(r.code, r.stderr).toBe(1);
    expect(JSON.parse(r.stdout).leaks).toContainEqual(expect.objectContaining({ text: 'Zoë Ashworth', part: 'word/media/logo.svg' }));
    const copy = await runCli('redact', input, '--case', s.caseFile, '--out', s.file('copies', 'with-svg.docx'));
    expect(copy.code, copy.stderr).toBe(0);
    expect(copy.stderr).toMatch(/warning: word\/media\/logo\.svg: a vector picture \(SVG\) whose text dhr-kit cannot check \(.*DOCTYPE.*\); remove it before publishing/);
    const before = fingerprint(s.root);
    const published = await runCli('redact', input, '--case', s.caseFile, '--out', s.file('publication', 'with-svg.docx'), '--publish');
    expect(published.code, published.stderr).toBe(1);
    expect(published.stderr).toMatch(/warning: word\/media\/logo\.svg: a vector picture \(SVG\)/);
    expect(published.stderr).toMatch(/nothing written/);
    expect(fingerprint(s.root)).toEqual(before);
  });

  it('an SVG picture without one: its text is redacted like any other', async () => {
    const input = s.write('plain-svg.docx', withSvg(false));
    const out = s.file('copies', 'plain-svg.docx');
    const r = await runCli('redact', input, '--case', s.caseFile, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const svg = strFromU8(unzipSync(readFileSync(out))['word/media/logo.svg']);
    expect(svg).not.toMatch(/Ashworth|Zoë/);
    expect(svg).toContain('Ellie');
  });
});
