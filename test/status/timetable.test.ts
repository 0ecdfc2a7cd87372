import { describe, expect, it } from 'vitest';
import { bankHolidays, easterSunday, addWorkingDays, addMonths, isWorkingDay, nextWorkingDay } from '../../pipeline/bank-holidays.ts';
import { timetable } from '../../pipeline/timetable.ts';
import { parseCase } from '../../pipeline/ingest/case.ts';

// From GOV.UK's list of bank holidays in England and Wales.
const known: Record<number, string[]> = {
  2012: ['01-02', '04-06', '04-09', '05-07', '06-04', '06-05', '08-27', '12-25', '12-26'],
  2016: ['01-01', '03-25', '03-28', '05-02', '05-30', '08-29', '12-26', '12-27'],
  2017: ['01-02', '04-14', '04-17', '05-01', '05-29', '08-28', '12-25', '12-26'],
  2020: ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28'],
  2021: ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28'],
  2022: ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27'],
  2023: ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26'],
  2024: ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2025: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
  2026: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
};

describe('bank holidays in England and Wales', () => {
  it.each(Object.entries(known))('%s matches the published list', (year, days) => {
    expect(bankHolidays(Number(year))).toEqual(days.map((d) => `${year}-${d}`));
  });

  it('computes Easter Sunday', () => {
    expect(easterSunday(2016)).toBe('2016-03-27');
    expect(easterSunday(2017)).toBe('2017-04-16');
    expect(easterSunday(2019)).toBe('2019-04-21');
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(easterSunday(2285)).toBe('2285-03-22');
  });

  it('counts working days past weekends and bank holidays', () => {
    expect(isWorkingDay('2017-04-14')).toBe(false);
    expect(isWorkingDay('2017-04-15')).toBe(false);
    expect(isWorkingDay('2017-04-18')).toBe(true);
    expect(addWorkingDays('2017-03-16', 10)).toBe('2017-03-30');
    expect(addWorkingDays('2017-04-10', 10)).toBe('2017-04-26');
    expect(addWorkingDays('2021-12-23', 2)).toBe('2021-12-29');
    expect(nextWorkingDay('2017-04-14')).toBe('2017-04-18');
  });

  it('adds calendar months, keeping to the end of shorter months', () => {
    expect(addMonths('2017-01-31', 1)).toBe('2017-02-28');
    expect(addMonths('2016-01-31', 1)).toBe('2016-02-29');
    expect(addMonths('2017-03-16', 7)).toBe('2017-10-16');
    expect(addMonths('2017-11-30', 3)).toBe('2018-02-28');
  });
});

const baseCase = `reference: SSCP-DHR-2017-01
csp: Sheffield Safer and Sustainable Communities Partnership
caseLetter: X
review: DHR
death:
  date: 2017-03-14
people:
  - code: Adult X
    role: victim
    names: [Jane Smith]
agencies:
  - name: South Yorkshire Police
    chronologyReceived: 2017-04-20
    imrReceived: 2017-06-10
  - name: GP
    chronologyReceived: 2017-04-25
  - name: Ambulance
    imrRequired: false
`;

const byId = (deadlines: ReturnType<typeof timetable>) => Object.fromEntries(deadlines.map((d) => [d.id, d]));

describe('the statutory timetable', () => {
  it('dates every step from notification (Home Office from the death), moved off weekends and bank holidays', () => {
    const c = parseCase(`${baseCase}dates:\n  notification: 2017-03-16\n`);
    const d = byId(timetable(c, '2017-03-17'));
    expect(d.decisionReport).toMatchObject({ due: '2017-03-30', rule: '10 working days after notification', from: 'notification' });
    // 14 April 2017 is Good Friday; 17 April Easter Monday.
    expect(d.homeOfficeNotified).toMatchObject({ due: '2017-04-18', from: 'death' });
    // 16 April 2017 is a Sunday, then Easter Monday.
    expect(d.familyContacted.due).toBe('2017-04-18');
    expect(d.chairAppointed.due).toBe('2017-04-18');
    expect(d.firstPanelMeeting.due).toBe('2017-04-18');
    expect(d.torFinalised.due).toBe('2017-04-27');
    expect(d.chronologies.due).toBe('2017-04-27');
    expect(d.imrs.due).toBe('2017-06-16');
    expect(d.firstDraft.due).toBe('2017-09-18');
    expect(d.finalDraft.due).toBe('2017-10-16');
    expect(d.cspSignOff.due).toBe('2017-10-16');
    expect(d.submittedToHomeOffice.due).toBe('2017-10-16');
    // Not yet submitted: the first audit is counted from the submission deadline.
    expect(d.actionPlanAudit1).toMatchObject({ due: '2018-01-16', status: 'due', from: 'submission' });
    expect(Object.values(d).filter((x) => x.status !== 'due').map((x) => x.id)).toEqual(['chronologies']);
  });

  it('marks steps done from case.yaml dates, and overdue when past due as of today', () => {
    const c = parseCase(
      `${baseCase}dates:\n  notification: 2017-03-16\n  decisionReport: 2017-03-29\n  homeOfficeNotified: 2017-04-12\n  panelMeetings: [2017-05-02, 2017-04-13]\n`,
    );
    const d = byId(timetable(c, '2017-05-01'));
    expect(d.decisionReport).toMatchObject({ status: 'done', done: '2017-03-29' });
    expect(d.homeOfficeNotified).toMatchObject({ status: 'done', done: '2017-04-12' });
    expect(d.firstPanelMeeting).toMatchObject({ status: 'done', done: '2017-04-13' });
    expect(d.familyContacted.status).toBe('overdue');
    expect(d.familyContacted.done).toBeUndefined();
    // Both agencies owing an IMR sent chronologies; the later date counts.
    expect(d.chronologies).toMatchObject({ status: 'done', done: '2017-04-25' });
    // The GP has not sent its IMR, so the IMR step is not done; it is not yet due either.
    expect(d.imrs.status).toBe('due');
    // A deadline due today is due, not overdue.
    expect(byId(timetable(c, '2017-04-18')).familyContacted.status).toBe('due');
    expect(byId(timetable(c, '2017-04-19')).familyContacted.status).toBe('overdue');
  });

  it('lists the deadlines in date order', () => {
    const c = parseCase(`${baseCase}dates:\n  notification: 2017-03-16\n`);
    const dues = timetable(c, '2017-03-17').map((d) => d.due);
    expect(dues).toEqual([...dues].sort());
  });

  it('counts from the death when no notification date is recorded, and says so', () => {
    const c = parseCase(baseCase);
    const d = byId(timetable(c, '2017-03-15'));
    expect(d.decisionReport).toMatchObject({ due: addWorkingDays('2017-03-14', 10), from: 'death' });
    expect(d.decisionReport.rule).toMatch(/after the death \(case\.yaml has no dates\.notification\)/);
  });

  it('lists recorded action plan audits and the next one, quarterly from submission', () => {
    const c = parseCase(`${baseCase}dates:\n  notification: 2017-03-16\n  submittedToHomeOffice: 2017-10-20\n  actionPlanAudits: [2018-01-25]\n`);
    const audits = timetable(c, '2018-05-01').filter((d) => d.id.startsWith('actionPlanAudit'));
    expect(audits).toEqual([
      expect.objectContaining({ id: 'actionPlanAudit1', due: '2018-01-22', status: 'done', done: '2018-01-25', rule: '3 months after submission' }),
      expect.objectContaining({ id: 'actionPlanAudit2', due: '2018-04-20', status: 'overdue' }),
    ]);
  });

  it('leaves the Home Office out of a Serious Incident Review and wants IMRs at 12 weeks', () => {
    const c = parseCase(`${baseCase.replace('review: DHR', 'review: SIR')}dates:\n  notification: 2017-03-16\n`);
    const d = byId(timetable(c, '2017-03-17'));
    expect(d.homeOfficeNotified).toBeUndefined();
    expect(d.submittedToHomeOffice).toBeUndefined();
    expect(d.imrs.due).toBe('2017-06-08');
    expect(d.actionPlanAudit1.rule).toMatch(/after the submission deadline/);
  });
});
