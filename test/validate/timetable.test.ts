import { describe, expect, it } from 'vitest';
import { checkTimetable } from '../../pipeline/validate/timetable.ts';
import { testCase } from './fixtures.ts';

/** The fixture case with every step up to the IMRs done on time (notification 16 March 2017). */
const onTrack = (extra = '') =>
  testCase((y) =>
    y.replace(/    short: (Police|Housing)\n/g, '    short: $1\n    chronologyReceived: 2017-04-20\n').replace(
      '  homeOfficeNotified: 2017-04-10\n',
      `  homeOfficeNotified: 2017-04-10\n  decisionReport: 2017-03-28\n  familyContacted: 2017-04-05\n  chairAppointed: 2017-04-05\n  panelMeetings: [2017-04-12]\n  torFinalised: 2017-04-20\n  imrsReceived: 2017-06-10\n${extra}`,
    ),
  );

describe('timetable', () => {
  it('finds nothing overdue when every step so far was done', () => {
    const r = checkTimetable(onTrack(), { today: '2017-07-01' });
    expect(r.problems).toEqual([]);
    expect(r.notes).toContain('No step of the timetable is overdue.');
  });

  it('warns of an overdue step, with the rule and where to record it', () => {
    const r = checkTimetable(testCase(), { today: '2017-05-01' });
    const p = r.problems.find((x) => x.place.field === 'dates.decisionReport');
    expect(p?.severity).toBe('warning');
    expect(p?.message).toBe('Overdue: "Decision Report circulated to the DHR Consideration Panel" was due by 30 March 2017 (10 working days after notification) and case.yaml records no date for it.');
    expect(p?.fix).toMatch(/record the date in case.yaml \(dates.decisionReport\)/);
  });

  it("needs the Home Office's permission when the final report is late and none is recorded", () => {
    const c = onTrack('  firstDraft: 2017-09-01\n  finalDraft: 2017-10-01\n  cspSignOff: 2017-10-05\n');
    const r = checkTimetable(c, { today: '2017-11-01' });
    const p = r.problems.find((x) => x.check === 'timetable.home-office-permission');
    expect(p?.severity).toBe('error');
    expect(p?.message).toBe('The final report is late: it was due at the Home Office by 16 October 2017 (7 months after notification) and case.yaml records no permission from the Home Office for the delay.');
    expect(p?.place.field).toBe('dates.homeOfficeExtension');
  });

  it('accepts a late report when the Home Office gave permission, and says what the report must include', () => {
    const c = onTrack('  firstDraft: 2017-09-01\n  finalDraft: 2017-10-01\n  cspSignOff: 2017-10-05\n  homeOfficeExtension: 2017-09-20\n');
    const r = checkTimetable(c, { today: '2017-11-01' });
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.notes.join(' ')).toMatch(/the Home Office gave permission for the delay on 20 September 2017/);
  });

  it('finds a report sent late without permission, and none when it was sent on time', () => {
    const late = onTrack('  firstDraft: 2017-09-01\n  finalDraft: 2017-10-01\n  cspSignOff: 2017-10-05\n  submittedToHomeOffice: 2017-12-01\n');
    expect(checkTimetable(late, { today: '2018-01-01' }).problems.find((p) => p.check === 'timetable.home-office-permission')?.message).toMatch(
      /^The final report was sent to the Home Office on 1 December 2017, after the target of 16 October 2017/,
    );
    const onTime = onTrack('  firstDraft: 2017-09-01\n  finalDraft: 2017-10-01\n  cspSignOff: 2017-10-05\n  submittedToHomeOffice: 2017-10-10\n');
    expect(checkTimetable(onTime, { today: '2017-11-01' }).problems.filter((p) => p.check === 'timetable.home-office-permission')).toEqual([]);
  });
});
