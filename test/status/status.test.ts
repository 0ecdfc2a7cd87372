import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { runCli } from '../helpers/cli.ts';
import { todayInEngland } from '../../pipeline/status.ts';
import { makeTempDir, buildCaseFolder, write } from '../ingest/fixtures.ts';

const temp = makeTempDir();
afterAll(temp.cleanup);

// Real names in the fixture's key, cover and chronology header: none may be printed.
const realNames = ['Jane', 'Smith', 'Janie', 'Mark Davies', 'Helen Price', 'Crookes', 'Ann Author', 'Bea Boss', 'Practice lead'];

describe('dhr status', () => {
  it('summarises the case folder in plain English and exits 0', async () => {
    const dir = await buildCaseFolder(path.join(temp.dir, 'text'));
    const r = await runCli('status', dir, '--today', '2017-05-01');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(/^Domestic Homicide Review SSCP-DHR-2017-01 \(case letter X\)/);
    expect(out).toContain('Date of death: 14 March 2017. Notified: 16 March 2017.');
    expect(out).toContain('Anonymisation key: 2 people, 1 professional, 1 place.');
    expect(out).toContain('Individual Management Reviews (IMRs): 2 received, 2 still to come');
    expect(out).toContain('imrs/police-imr.docx (South Yorkshire Police): all six template sections found; countersigned');
    expect(out).toContain('imrs/gp.md (Sheffield Teaching Hospitals GP Services): missing Section 3 Chronology narrative, Section 5 Conclusions; no countersignature on the cover');
    expect(out).toContain('Still to come from: Sheffield City Council Housing, Independent Domestic Violence Advocacy Service');
    expect(out).not.toMatch(/Still to come from:.*Ambulance/);
    expect(out).toContain('chronologies/police.xlsx (South Yorkshire Police): 3 entries, 3 February 2016 to 14 March 2017');
    expect(out).toContain('chronologies/gp.csv (Sheffield Teaching Hospitals GP Services): 2 entries, 1 June 2015 to 2 July 2015');
    expect(out).toContain("Chair's sections (report/): analysis, introduction");
    expect(out).toContain('Action plan: action-plan.yaml');
    expect(out).toMatch(/Files not read:\n {2}imrs\/Adult X-housing\.doc: an old Word 97–2003 document/);
    expect(out).toContain('Timetable (as of 1 May 2017):');
    expect(out).toMatch(/done {5}Decision Report circulated to the DHR Consideration Panel — done 29 March 2017, due 30 March 2017 \(10 working days after notification\)/);
    expect(out).toMatch(/OVERDUE {2}Home Office told of the decision on a review — due 18 April 2017 \(within one month of the death\)/);
    expect(out).toMatch(/due {6}Agencies submit their IMRs, signed off by senior managers — due 16 June 2017/);
    expect(out).toMatch(/Next: Home Office told of the decision on a review, overdue since 18 April 2017\.\n$/);
    for (const name of realNames) expect(out, name).not.toContain(name);
  });

  it('prints the status as JSON with --json', async () => {
    const dir = await buildCaseFolder(path.join(temp.dir, 'json'));
    const r = await runCli('status', path.join(dir, 'case.yaml'), '--json', '--today', '2017-05-01');
    expect(r.code).toBe(0);
    const status = JSON.parse(r.stdout);
    expect(status.case).toMatchObject({ reference: 'SSCP-DHR-2017-01', csp: 'Sheffield Safer and Sustainable Communities Partnership', review: 'DHR', caseLetter: 'X', deathDate: '2017-03-14', notification: '2017-03-16' });
    expect(status.key).toEqual({ people: 2, professionals: 1, places: 1 });
    expect(status.imrs).toEqual([
      { file: 'imrs/gp.md', agency: 'Sheffield Teaching Hospitals GP Services', format: 'md', sections: ['introduction', 'family', 'analysis', 'recommendations'], missing: ['chronology', 'conclusions'], signedOff: false },
      {
        file: 'imrs/police-imr.docx',
        agency: 'South Yorkshire Police',
        format: 'docx',
        sections: ['introduction', 'family', 'chronology', 'analysis', 'conclusions', 'recommendations'],
        missing: [],
        signedOff: true,
      },
    ]);
    expect(status.chronologies).toEqual([
      { file: 'chronologies/gp.csv', agency: 'Sheffield Teaching Hospitals GP Services', rows: 2, from: '2015-06-01', to: '2015-07-02' },
      { file: 'chronologies/police.xlsx', agency: 'South Yorkshire Police', rows: 3, from: '2016-02-03', to: '2017-03-14' },
    ]);
    expect(status.missing).toEqual({
      imrs: ['Sheffield City Council Housing', 'Independent Domestic Violence Advocacy Service'],
      chronologies: ['Sheffield City Council Housing', 'Independent Domestic Violence Advocacy Service'],
    });
    expect(status.agencies.find((a: { name: string }) => a.name === 'Ambulance Service')).toEqual({ name: 'Ambulance Service', imrRequired: false });
    const deadline = (id: string) => status.deadlines.find((d: { id: string }) => d.id === id);
    expect(deadline('decisionReport')).toMatchObject({ step: 'Decision Report circulated to the DHR Consideration Panel', due: '2017-03-30', status: 'done', done: '2017-03-29' });
    expect(deadline('homeOfficeNotified')).toMatchObject({ due: '2017-04-18', status: 'overdue' });
    expect(deadline('submittedToHomeOffice')).toMatchObject({ due: '2017-10-16', status: 'due' });
    expect(status.next.id).toBe('homeOfficeNotified');
    expect(status.today).toBe('2017-05-01');
    for (const name of realNames) expect(r.stdout, name).not.toContain(name);
  });

  it('judges deadlines against today when --today is not given', async () => {
    const dir = await buildCaseFolder(path.join(temp.dir, 'today'));
    const before = todayInEngland();
    const r = await runCli('status', dir, '--json');
    const after = todayInEngland();
    expect(r.code).toBe(0);
    const status = JSON.parse(r.stdout);
    expect([before, after]).toContain(status.today);
    expect(status.deadlines.find((d: { id: string }) => d.id === 'submittedToHomeOffice').status).toBe('overdue');
  });

  it("takes today in England, whatever the computer's time zone", () => {
    expect(todayInEngland(new Date('2017-03-25T23:30:00Z'))).toBe('2017-03-25');
    expect(todayInEngland(new Date('2017-06-01T23:30:00Z'))).toBe('2017-06-02');
  });

  it('exits 2 with one line per problem on bad input', async () => {
    const missing = await runCli('status', path.join(temp.dir, 'no-such-case'));
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/^dhr: .*no-such-case: no such case folder/);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);

    const noCase = path.join(temp.dir, 'no-case-yaml');
    write(path.join(noCase, 'imrs', 'a.md'), '# Introduction\n');
    const r2 = await runCli('status', noCase);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/this folder has no case\.yaml/);

    const dir = await buildCaseFolder(path.join(temp.dir, 'bad-cells'));
    write(path.join(dir, 'chronologies', 'idva.csv'), 'Date from,Date to,Event\n31/02/2017,,Call\n05/05/2016,01/05/2016,Visit\n');
    const r3 = await runCli('status', dir);
    expect(r3.code).toBe(2);
    expect(r3.stdout).toBe('');
    expect(r3.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^dhr: .*idva\.csv, line 2, column 1: Date from: "31\/02\/2017" — this date does not exist/),
      expect.stringMatching(/^dhr: .*idva\.csv, line 3, column 2: Date to: the end date "01\/05\/2016"/),
    ]);

    const r4 = await runCli('status', dir, '--today', '31/05/2017');
    expect(r4.code).toBe(2);
    expect(r4.stderr).toMatch(/--today must be a real date written YYYY-MM-DD/);
  });

  it('is listed in --help', async () => {
    const r = await runCli('--help');
    expect(r.stdout).toMatch(/status \[options\] <case>/);
  });
});
