/**
 * The review's timetable (the guide's "DHR Timescales", through pipeline/timetable.ts):
 * overdue steps, and a final report later than the seven-month target without the Home
 * Office's permission for the delay ("If the process is delayed for any reason, permission must
 * be obtained for the delay from the Home Office and evidence of this included as a Template to
 * the Overview Report").
 */
import type { Case } from '../../schemas/case.ts';
import { timetable, type Deadline } from '../timetable.ts';
import { formatUkDate } from '../ingest/dates.ts';
import type { ValidationProblem, Where } from './types.ts';

/** case.yaml fields that record each step, for "where to record it". */
const fieldOf: Record<string, string> = {
  decisionReport: 'dates.decisionReport',
  homeOfficeNotified: 'dates.homeOfficeNotified',
  familyContacted: 'dates.familyContacted',
  chairAppointed: 'dates.chairAppointed',
  firstPanelMeeting: 'dates.panelMeetings',
  torFinalised: 'dates.torFinalised',
  chronologies: 'agencies[].chronologyReceived',
  imrs: 'dates.imrsReceived',
  firstDraft: 'dates.firstDraft',
  finalDraft: 'dates.finalDraft',
  cspSignOff: 'dates.cspSignOff',
  submittedToHomeOffice: 'dates.submittedToHomeOffice',
};

/** The step whose lateness needs the Home Office's permission: the report sent to it (DHR), or the board's sign-off (SIR). */
const finalStep = (c: Case): string => (c.review === 'DHR' ? 'submittedToHomeOffice' : 'cspSignOff');

export interface TimetableCheckOptions {
  today: string;
  caseFile?: string;
  lineOf?: (field: string) => number | undefined;
}

export function checkTimetable(c: Case, options: TimetableCheckOptions): { problems: ValidationProblem[]; notes: string[]; deadlines: Deadline[] } {
  const file = options.caseFile ?? 'case.yaml';
  const deadlines = timetable(c, options.today);
  const problems: ValidationProblem[] = [];
  const notes: string[] = [];
  const place = (d: Deadline): Where => {
    const field = d.id.startsWith('actionPlanAudit') ? 'dates.actionPlanAudits' : (fieldOf[d.id] ?? 'dates');
    return { file, field, line: options.lineOf?.(field) ?? options.lineOf?.('dates'), section: d.step };
  };
  const extension = c.dates.homeOfficeExtension;
  const final = deadlines.find((d) => d.id === finalStep(c));

  for (const d of deadlines) {
    if (d.status !== 'overdue') continue;
    if (final && d === final) continue; // reported below, with the Home Office's permission
    problems.push({
      severity: 'warning',
      check: 'timetable.overdue',
      message: `Overdue: "${d.step}" was due by ${formatUkDate(d.due)} (${d.rule}) and case.yaml records no date for it.`,
      place: place(d),
      fix: `If it has happened, record the date in case.yaml (${place(d).field}); if not, agree a new date and tell the panel.`,
    });
  }

  if (final) {
    const late = final.done ? final.done > final.due : final.status === 'overdue';
    if (late && !extension) {
      problems.push({
        severity: 'error',
        check: 'timetable.home-office-permission',
        message: final.done
          ? `The final report was ${c.review === 'DHR' ? 'sent to the Home Office' : 'signed off'} on ${formatUkDate(final.done)}, after the target of ${formatUkDate(final.due)} (${final.rule}), and case.yaml records no permission from the Home Office for the delay.`
          : `The final report is late: it was due ${c.review === 'DHR' ? 'at the Home Office' : 'for sign-off'} by ${formatUkDate(final.due)} (${final.rule}) and case.yaml records no permission from the Home Office for the delay.`,
        place: { file, field: 'dates.homeOfficeExtension', line: options.lineOf?.('dates.homeOfficeExtension') ?? options.lineOf?.('dates'), section: final.step },
        fix: 'Ask the Home Office for permission for the delay, record the date it was given as dates.homeOfficeExtension, and include the evidence as an appendix to the overview report (with the reasons for the delay under "Timescales").',
      });
    } else if (late && extension) {
      notes.push(
        `The final report is later than the ${formatUkDate(final.due)} target; the Home Office gave permission for the delay on ${formatUkDate(extension)}. Include the evidence as an appendix to the overview report and explain the delay under "Timescales".`,
      );
      if (extension > final.due) {
        problems.push({
          severity: 'warning',
          check: 'timetable.permission-late',
          message: `The Home Office's permission for the delay is dated ${formatUkDate(extension)}, after the target of ${formatUkDate(final.due)} had passed.`,
          place: { file, field: 'dates.homeOfficeExtension', line: options.lineOf?.('dates.homeOfficeExtension'), section: final.step },
          fix: 'Check the date; permission should be sought before the target passes, and the overview report should explain the delay.',
        });
      }
    } else if (!late && final.status === 'due') {
      notes.push(`The final report is due ${c.review === 'DHR' ? 'at the Home Office' : 'for sign-off'} by ${formatUkDate(final.due)}.`);
    }
  }
  if (problems.length === 0) notes.push('No step of the timetable is overdue.');
  return { problems, notes, deadlines };
}
