import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { caseYaml, changed, goodImr } from './fixtures.ts';

let dir: string;

const chronology = [
  'Agency,Date from,Date to,Client code,Staff code,Source of information,Event,Client seen,Action',
  'Testshire Police,10/01/2015,,Adult X,PC1,Incident log,Call from a neighbour about shouting at the family home.,Yes,DASH completed: standard.',
  'Testshire Police,10/05/2015,,Adult X,PC1,Incident log,Welfare check after a call from the mother of Adult X.,Yes,Advice given.',
  'Testshire Police,10/09/2015,,Adult XAP,PC1,Custody record,Adult XAP arrested for criminal damage to a car.,No,Charged.',
  'Testshire Police,10/01/2016,,Adult X,PC1,Incident log,Report of a door broken at the family home.,Yes,Crime recorded.',
  'Testshire Police,10/05/2016,,Adult X,DS1,MARAC minutes,Referral to MARAC after a high-risk DASH.,No,MARAC actions set.',
  'Testshire Police,10/09/2016,,Adult X,Helen Price,Incident log,Adult X reported text messages threatening her.,Yes,Words of advice.',
  'Testshire Police,10/01/2017,,Adult X,PC1,Incident log,Call about an argument in the street.,Yes,No offences disclosed.',
  'Testshire Police,01/03/2017,,Adult X,PC1,Incident log,Call from Adult X about Adult XAP at the door.,Yes,Adult XAP moved on.',
].join('\n');

const plan = `updated: 2017-05-30
recommendations:
  - id: '1'
    agency: Testshire Police
    recommendation: Deliver training on coercive control to all response officers.
    milestones: [Training designed by November 2017]
    lead: Head of Public Protection
    measure: 90% of response officers trained.
    evaluation: Audit of 50 cases in September 2018.
    targetDate: 2017-04-30
    status: AMBER
`;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dhr-check-'));
  await fs.mkdir(path.join(dir, 'imrs'));
  await fs.mkdir(path.join(dir, 'chronologies'));
  await fs.writeFile(path.join(dir, 'case.yaml'), caseYaml);
  await fs.writeFile(path.join(dir, 'imrs', 'police.md'), goodImr);
  await fs.writeFile(path.join(dir, 'imrs', 'housing.md'), changed(['Individual Management Review report from Testshire Police', 'Individual Management Review report from Testshire Housing'], ['The findings will be fed back to the staff involved through a debrief led by the Detective Inspector.', '']));
  await fs.writeFile(path.join(dir, 'chronologies', 'police.csv'), chronology);
  await fs.writeFile(path.join(dir, 'action-plan.yaml'), plan);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('dhr check', () => {
  it('checks a case folder, prints a readable report, writes both files and exits 1 on failures', async () => {
    const r = await runCli('check', dir, '--today', '2017-06-01');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('IMR from Testshire Police — imrs/police.md: ');
    expect(r.stdout).toMatch(/IMR from Testshire Housing — imrs\/housing\.md: Needs changes[\s\S]*14\. Fail   A plan to feed the findings back to staff/);
    expect(r.stdout).toContain('Problem: Recommendation 1 is overdue');
    expect(r.stdout).toContain('The staff code of the entry of 10 September 2016 is the real name of HV1 instead of the code.');
    expect(r.stdout).not.toMatch(/Helen|Price|Jane Smith/);
    expect(r.stdout).toMatch(/Wrote .*validation-report\.md and .*validation-report\.html\.$/m);
    const md = await fs.readFile(path.join(dir, 'out', 'validation-report.md'), 'utf8');
    const html = await fs.readFile(path.join(dir, 'out', 'validation-report.html'), 'utf8');
    expect(md).toMatch(/^# Validation report: TEST-DHR-2017-01/);
    expect(md).toContain('## IMR from Testshire Housing');
    expect(html).toContain('<h2>IMR from Testshire Housing</h2>');
    expect(`${md}${html}`).not.toMatch(/Helen Price|Jane Smith|Crookes/);
    expect((await fs.readdir(path.join(dir, 'out'))).sort()).toEqual(['validation-report.html', 'validation-report.md']);
  });

  it('prints JSON with the documents, their items and their problems', async () => {
    const out = await fs.mkdtemp(path.join(os.tmpdir(), 'dhr-check-out-'));
    const r = await runCli('check', dir, '--today', '2017-06-01', '--json', '--out', out);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    const imr = json.documents.find((d: { file: string }) => d.file === 'imrs/housing.md');
    expect(imr.kind).toBe('imr');
    expect(imr.items.map((i: { id: number }) => i.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(imr.items[13]).toMatchObject({ id: 14, title: 'A plan to feed the findings back to staff', status: 'fail', evidence: [expect.objectContaining({ note: expect.any(String) })] });
    const kinds = new Set(json.documents.map((d: { kind: string }) => d.kind));
    for (const k of ['imr', 'overview-report', 'executive-summary', 'data-form', 'action-plan', 'chronology', 'timetable', 'home-office']) expect(kinds).toContain(k);
    const planDoc = json.documents.find((d: { kind: string }) => d.kind === 'action-plan');
    expect(planDoc.problems[0]).toMatchObject({ severity: 'error', place: { file: 'action-plan.yaml', field: 'recommendations[0].targetDate', line: 10 }, fix: expect.any(String) });
    expect(r.stderr).toMatch(/^Wrote /m);
    expect(await fs.readdir(out)).toHaveLength(2);
    await fs.rm(out, { recursive: true, force: true });
  });

  it('checks one IMR against the case, exits 0 when every item passes, and writes files only with --out', async () => {
    const r = await runCli('check', path.join(dir, 'imrs', 'police.md'), '--case', path.join(dir, 'case.yaml'), '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.documents).toHaveLength(1);
    expect(json.documents[0].items.map((i: { status: string }) => i.status)).toEqual(Array(14).fill('pass'));
    expect(r.stdout).not.toMatch(/Wrote/);
    const out = await fs.mkdtemp(path.join(os.tmpdir(), 'dhr-check-one-'));
    const again = await runCli('check', path.join(dir, 'imrs', 'police.md'), '--case', path.join(dir, 'case.yaml'), '--out', out);
    expect(again.code).toBe(0);
    expect((await fs.readdir(out)).sort()).toEqual(['validation-report.html', 'validation-report.md']);
    await fs.rm(out, { recursive: true, force: true });
  });

  it('exits 1 for one IMR with a failing item, and finds case.yaml beside the imrs folder', async () => {
    const r = await runCli('check', path.join(dir, 'imrs', 'housing.md'));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/14\. Fail/);
  });

  it('refuses bad input with exit 2 and one clear line', async () => {
    const lone = await fs.mkdtemp(path.join(os.tmpdir(), 'dhr-check-lone-'));
    await fs.writeFile(path.join(lone, 'imr.md'), goodImr);
    const noCase = await runCli('check', path.join(lone, 'imr.md'));
    expect(noCase.code).toBe(2);
    expect(noCase.stderr.trim().split('\n')).toHaveLength(1);
    expect(noCase.stderr).toMatch(/give the case with --case case\.yaml/);
    const badDate = await runCli('check', dir, '--today', '2017-02-30');
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/--today must be a real date/);
    const missing = await runCli('check', path.join(lone, 'nothing'));
    expect(missing.code).toBe(2);
    await fs.rm(lone, { recursive: true, force: true });
  });
});
