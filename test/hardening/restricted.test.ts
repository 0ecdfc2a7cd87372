/**
 * Restricted files never land in a publication folder: not the redaction log (which holds the
 * original names), not a working copy with its log, not the draft pack, not a validation report;
 * and a publication copy is never written beside restricted files.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESTRICTED_MARK } from '../../pipeline/redact.ts';
import { writeDiskCase } from '../build/disk-case.ts';
import { runCli } from '../helpers/cli.ts';
import { expectRefused, fingerprint, scratchCase, TODAY, type Scratch } from './helpers/workspace.ts';

/** Notes that hold only identifiers the key lists: a publication copy can be made of them. */
const notes = '# Notes\n\nZoë Ashworth moved to 14 Hollybank Croft with Darren Kershaw in 2015.\n\nThe housing officer visited on 3 March 2016.\n';

describe('redact --publish and the restricted log', () => {
  let s: Scratch;
  let input: string;
  beforeAll(() => {
    s = scratchCase();
    input = s.write('notes.md', notes);
  });
  afterAll(() => s.remove());

  it('refuses --log in the folder of the publication copy, and in a folder inside it, writing nothing', async () => {
    const before = fingerprint(s.root);
    const out = s.file('publication', 'notes.md');
    for (const log of [s.file('publication', 'notes.log.json'), s.file('publication', 'logs', 'deeper', 'notes.log.json')]) {
      const r = await runCli('redact', input, '--case', s.caseFile, '--out', out, '--publish', '--log', log);
      expectRefused(r, { says: /the restricted log would be written into the folder of the publication copy; give --log a path in another folder/, names: path.basename(log) });
      expect(fingerprint(s.root)).toEqual(before);
      expect(existsSync(s.file('publication'))).toBe(false);
    }
  });

  it('refuses a --log path that leads into the publication folder through a link', async () => {
    mkdirSync(s.file('publication-2'), { recursive: true });
    symlinkSync(s.file('publication-2'), s.file('papers-link'));
    const before = fingerprint(s.root);
    const r = await runCli('redact', input, '--case', s.caseFile, '--out', s.file('publication-2', 'notes.md'), '--publish', '--log', s.file('papers-link', 'notes.log.json'));
    expectRefused(r, { says: /restricted log would be written into the folder of the publication copy/ });
    expect(fingerprint(s.root)).toEqual(before);
  });

  it('without --log writes the publication copy alone: no log anywhere', async () => {
    const before = Object.keys(fingerprint(s.root));
    const out = s.file('publication-3', 'notes.md');
    const r = await runCli('redact', input, '--case', s.caseFile, '--out', out, '--publish');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/Restricted log/);
    const added = Object.keys(fingerprint(s.root)).filter((f) => !before.includes(f));
    expect(added.sort()).toEqual(['publication-3/', 'publication-3/notes.md']);
    expect(readFileSync(out, 'utf8')).toBe('# Notes\n\nEllie moved to the family home with Adult XAP in 2015.\n\nThe housing officer visited in March 2016.\n');
  });

  it('with --log in another folder writes the log there, marked restricted, and the copy alone in its folder', async () => {
    const out = s.file('publication-4', 'notes.md');
    const log = s.file('papers', 'notes.redaction-log.restricted.json');
    const r = await runCli('redact', input, '--case', s.caseFile, '--out', out, '--publish', '--log', log);
    expect(r.code, r.stderr).toBe(0);
    expect(Object.keys(fingerprint(s.file('publication-4')))).toEqual(['notes.md']);
    const text = readFileSync(log, 'utf8');
    expect(text.split('\n')[0]).toContain(RESTRICTED_MARK);
    expect(text).toContain('Zoë Ashworth');
    expect(readFileSync(out, 'utf8')).not.toContain('Ashworth');
  });

  it('refuses to write a publication copy into a folder that holds a restricted log', async () => {
    mkdirSync(s.file('mixed'), { recursive: true });
    writeFileSync(s.file('mixed', 'report.docx.redaction-log.restricted.json'), '{"restricted": "…"}');
    const before = fingerprint(s.root);
    const r = await runCli('redact', input, '--case', s.caseFile, '--out', s.file('mixed', 'notes.md'), '--publish');
    expectRefused(r, { says: /this folder holds restricted files \(report\.docx\.redaction-log\.restricted\.json\); a publication copy must not be written beside them/ });
    expect(fingerprint(s.root)).toEqual(before);
  });
});

describe('restricted files aimed into a publication folder made by dhr publish', () => {
  let caseDir: string;
  let publication: string;
  let s: Scratch;
  beforeAll(async () => {
    caseDir = await writeDiskCase();
    const r = await runCli('publish', caseDir, '--no-pdf');
    expect(r.code, r.stderr).toBe(0);
    publication = path.join(caseDir, 'publication');
    s = scratchCase();
  });
  afterAll(() => {
    rmSync(caseDir, { recursive: true, force: true });
    s.remove();
  });

  it('redact (a working copy, whose log goes beside it) into the publication folder is refused', async () => {
    const before = fingerprint(publication);
    const r = await runCli('redact', s.inCase('imrs/gp.docx'), '--case', s.caseFile, '--out', path.join(publication, 'gp.docx'));
    expectRefused(r, { says: /this folder holds a publication copy \(its manifest\.json says so\); a working copy, with its restricted log, must not be written into it/ });
    const log = await runCli('redact', s.inCase('imrs/gp.docx'), '--case', s.caseFile, '--out', s.file('work', 'gp.docx'), '--log', path.join(publication, 'gp.log.json'));
    expectRefused(log, { says: /this folder holds a publication copy \(its manifest\.json says so\); the restricted redaction log must not be written into it/ });
    expect(fingerprint(publication)).toEqual(before);
    expect(existsSync(s.file('work'))).toBe(false);
  });

  it('build (the restricted draft pack) into the publication folder is refused', async () => {
    const before = fingerprint(publication);
    const r = await runCli('build', caseDir, '--no-pdf', '--today', TODAY, '--out', publication);
    expectRefused(r, { says: /the out folder holds a publication copy; restricted drafts must not be written beside it/ });
    expect(fingerprint(publication)).toEqual(before);
  });

  it('check (the validation report quotes the IMRs) into the publication folder is refused', async () => {
    const before = fingerprint(publication);
    const r = await runCli('check', caseDir, '--today', TODAY, '--out', publication);
    expectRefused(r, { says: /publication/ });
    expect(fingerprint(publication)).toEqual(before);
  });

  it('publish into the drafts folder, or into a folder holding a restricted log, is refused', async () => {
    const built = await runCli('build', caseDir, '--no-pdf', '--today', TODAY);
    expect(built.code, built.stderr).toBe(0);
    const drafts = path.join(caseDir, 'out');
    const before = fingerprint(caseDir);
    expectRefused(await runCli('publish', caseDir, '--no-pdf', '--out', drafts), { says: /out\/ holds the restricted drafts; the publication copy must go in a folder of its own/ });
    const elsewhere = path.join(caseDir, 'elsewhere-drafts');
    expect((await runCli('build', caseDir, '--no-pdf', '--today', TODAY, '--out', elsewhere)).code).toBe(0);
    const withDrafts = fingerprint(caseDir);
    expectRefused(await runCli('publish', caseDir, '--no-pdf', '--out', elsewhere), { says: /holds the restricted draft pack/ });
    const logs = path.join(caseDir, 'with-log');
    mkdirSync(logs);
    writeFileSync(path.join(logs, 'gp.docx.redaction-log.restricted.json'), '{}');
    expectRefused(await runCli('publish', caseDir, '--no-pdf', '--out', logs), { says: /holds files that are not part of a publication copy \(gp\.docx\.redaction-log\.restricted\.json\)/ });
    expect(Object.keys(fingerprint(caseDir)).filter((f) => !(f in withDrafts) && !f.startsWith('with-log'))).toEqual([]);
    expect(Object.keys(before).every((f) => f in withDrafts)).toBe(true);
  });
});
