import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { loadCaseFolder } from '../../pipeline/ingest/folder.ts';
import { DhrError } from '../../pipeline/errors.ts';
import { makeTempDir, buildCaseFolder, write, caseYaml } from './fixtures.ts';

const temp = makeTempDir();
afterAll(temp.cleanup);

async function caught(promise: Promise<unknown>): Promise<DhrError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DhrError) return error;
    throw error;
  }
  throw new Error('expected a DhrError');
}

describe('loading a case folder', () => {
  it('reads case.yaml, IMRs, chronologies, the chair sections and the action plan, ignoring lock files and dotfiles', async () => {
    const dir = await buildCaseFolder(path.join(temp.dir, 'complete'));
    const folder = await loadCaseFolder(dir);
    expect(folder.case.reference).toBe('SSCP-DHR-2017-01');
    expect(folder.caseFile).toBe(path.join(dir, 'case.yaml'));
    expect(folder.imrs.map((i) => [path.basename(i.file), i.agency, i.missing])).toEqual([
      ['gp.md', 'Sheffield Teaching Hospitals GP Services', ['chronology', 'conclusions']],
      ['police-imr.docx', 'South Yorkshire Police', []],
    ]);
    expect(folder.chronologies.map((c) => [path.basename(c.file), c.agency, c.rows.length])).toEqual([
      ['gp.csv', 'Sheffield Teaching Hospitals GP Services', 2],
      ['police.xlsx', 'South Yorkshire Police', 3],
    ]);
    expect(folder.report.map((r) => r.name)).toEqual(['analysis', 'introduction']);
    expect(folder.report[1].tree.children[0].type).toBe('heading');
    expect(folder.actionPlanFile).toBe(path.join(dir, 'action-plan.yaml'));
    expect(folder.skipped).toEqual([{ file: path.join(dir, 'imrs', 'jane-smith-housing.doc'), reason: expect.stringMatching(/old Word 97–2003 document.*save it as \.docx/) }]);
  });

  it('accepts the path of case.yaml itself', async () => {
    const dir = await buildCaseFolder(path.join(temp.dir, 'by-file'));
    const folder = await loadCaseFolder(path.join(dir, 'case.yaml'));
    expect(folder.dir).toBe(dir);
    expect(folder.imrs).toHaveLength(2);
  });

  it('reads a folder with only case.yaml', async () => {
    const dir = path.join(temp.dir, 'bare');
    write(path.join(dir, 'case.yaml'), caseYaml);
    const folder = await loadCaseFolder(dir);
    expect(folder).toMatchObject({ imrs: [], chronologies: [], report: [], skipped: [] });
    expect(folder.actionPlanFile).toBeUndefined();
  });

  it('says clearly when the folder has no case.yaml or does not exist', async () => {
    const empty = path.join(temp.dir, 'empty');
    mkdirSync(empty, { recursive: true });
    const error = await caught(loadCaseFolder(empty));
    expect(error.code).toBe('not-found');
    expect(error.message).toMatch(/this folder has no case\.yaml/);
    expect((await caught(loadCaseFolder(path.join(temp.dir, 'nowhere')))).message).toMatch(/no such case folder/);
  });

  it('reports every unreadable file of the folder at once', async () => {
    const dir = await buildCaseFolder(path.join(temp.dir, 'broken'));
    write(path.join(dir, 'imrs', 'housing.docx'), 'this is not a Word file at all');
    write(path.join(dir, 'chronologies', 'idva.csv'), 'Date from,Event\n31/02/2017,Call\n30/02/2017,Visit\n');
    const error = await caught(loadCaseFolder(dir));
    expect(error.lines()).toEqual([
      expect.stringMatching(/imrs\/housing\.docx: this is a plain text file, not a Word document/),
      expect.stringMatching(/chronologies\/idva\.csv, line 2, column 1: Date from: "31\/02\/2017"/),
      expect.stringMatching(/chronologies\/idva\.csv, line 3, column 1: Date from: "30\/02\/2017"/),
    ]);
  });
});
