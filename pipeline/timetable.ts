/**
 * The statutory timetable of a review as dated deadlines, from the guide's "DHR Timescales"
 * table (Steps 1–7), with the steps case.yaml can record:
 *
 * | step                                           | when                                   | case.yaml               |
 * | ---------------------------------------------- | -------------------------------------- | ----------------------- |
 * | Decision Report circulated to the panel        | 10 working days after notification     | dates.decisionReport    |
 * | Home Office told of the decision (DHR only)    | 1 month after the death (guide: "within one month of the death") | dates.homeOfficeNotified |
 * | Contact made with the victim's family          | 1 month after notification             | dates.familyContacted   |
 * | Independent chair appointed                    | 1 month after notification             | dates.chairAppointed    |
 * | First Review Panel meeting                     | 1 month after notification             | dates.panelMeetings[0]  |
 * | Terms of reference finalised                   | 6 weeks after notification             | dates.torFinalised      |
 * | Chronologies submitted                         | 6 weeks after notification             | agencies[].chronologyReceived (all that owe an IMR) |
 * | IMRs submitted, signed off by senior managers  | 3 months after notification (SIR: 12 weeks) | dates.imrsReceived, or agencies[].imrReceived of all |
 * | Panel discusses the first draft                | 5–6 months: due at 6                   | dates.firstDraft        |
 * | Panel signs off the final version              | 6–7 months: due at 7                   | dates.finalDraft        |
 * | Final version signed off by the CSP board      | 6–7 months: due at 7                   | dates.cspSignOff        |
 * | Final report sent to the Home Office (DHR only)| 7 months                               | dates.submittedToHomeOffice |
 * | Action plan audit                              | quarterly from submission              | dates.actionPlanAudits  |
 *
 * The guide counts from notification (its panel meetings are "at one month, 5 to 6 months and
 * 6 to 7 months after the initial notification"); where case.yaml has no dates.notification, the
 * death date is used instead and each deadline says so. A deadline counted in months that falls
 * on a weekend or bank holiday moves to the next working day. Action plan audits: each recorded
 * audit is listed, then the next one due (three months after the last, or after submission).
 */
import type { Case } from '../schemas/case.ts';
import { addMonths, addDays, addWorkingDays, nextWorkingDay } from './bank-holidays.ts';

export type DeadlineStatus = 'done' | 'due' | 'overdue';

export interface Deadline {
  /** A stable name: decisionReport, homeOfficeNotified, …, actionPlanAudit1. */
  id: string;
  /** The step in the guide's words. */
  step: string;
  /** YYYY-MM-DD */
  due: string;
  status: DeadlineStatus;
  /** YYYY-MM-DD the step was done, from case.yaml. */
  done?: string;
  /** How the due date is counted, in words: "10 working days after notification". */
  rule: string;
  /** The date it is counted from. */
  from: 'notification' | 'death' | 'submission';
}

interface Step {
  id: string;
  step: string;
  rule: string;
  base: 'notification' | 'death';
  due: (base: string) => string;
  done: (c: Case) => string | undefined;
  reviews?: Case['review'][];
}

const months = (n: number) => (base: string) => nextWorkingDay(addMonths(base, n));
const weeks = (n: number) => (base: string) => nextWorkingDay(addDays(base, 7 * n));

/** The latest of the agencies' dates, when every agency owing an IMR has one. */
function allAgencies(c: Case, field: 'imrReceived' | 'chronologyReceived'): string | undefined {
  const owing = c.agencies.filter((a) => a.imrRequired);
  if (owing.length === 0) return undefined;
  const dates = owing.map((a) => a[field]);
  if (dates.some((d) => d === undefined)) return undefined;
  return (dates as string[]).sort().at(-1);
}

const steps: Step[] = [
  {
    id: 'decisionReport',
    step: 'Decision Report circulated to the DHR Consideration Panel',
    rule: '10 working days after notification',
    base: 'notification',
    due: (base) => addWorkingDays(base, 10),
    done: (c) => c.dates.decisionReport,
  },
  {
    id: 'homeOfficeNotified',
    step: 'Home Office told of the decision on a review',
    rule: 'within one month of the death',
    base: 'death',
    due: months(1),
    done: (c) => c.dates.homeOfficeNotified,
    reviews: ['DHR'],
  },
  {
    id: 'familyContacted',
    step: "Contact made with the victim's family",
    rule: '1 month after notification',
    base: 'notification',
    due: months(1),
    done: (c) => c.dates.familyContacted,
  },
  {
    id: 'chairAppointed',
    step: 'Independent Chair appointed and notified',
    rule: '1 month after notification',
    base: 'notification',
    due: months(1),
    done: (c) => c.dates.chairAppointed,
  },
  {
    id: 'firstPanelMeeting',
    step: 'First meeting of the Review Panel held and initial terms of reference agreed',
    rule: '1 month after notification',
    base: 'notification',
    due: months(1),
    done: (c) => [...(c.dates.panelMeetings ?? [])].sort()[0],
  },
  {
    id: 'torFinalised',
    step: 'Independent Chair finalises the terms of reference',
    rule: '6 weeks after notification',
    base: 'notification',
    due: weeks(6),
    done: (c) => c.dates.torFinalised,
  },
  {
    id: 'chronologies',
    step: 'Agencies submit their chronologies',
    rule: '6 weeks after notification',
    base: 'notification',
    due: weeks(6),
    done: (c) => allAgencies(c, 'chronologyReceived'),
  },
  {
    id: 'imrs',
    step: 'Agencies submit their IMRs, signed off by senior managers',
    rule: '3 months after notification',
    base: 'notification',
    due: months(3),
    done: (c) => c.dates.imrsReceived ?? allAgencies(c, 'imrReceived'),
    reviews: ['DHR'],
  },
  {
    id: 'imrs',
    step: 'Agencies submit their IMRs, signed off by senior managers',
    rule: '12 weeks after notification',
    base: 'notification',
    due: weeks(12),
    done: (c) => c.dates.imrsReceived ?? allAgencies(c, 'imrReceived'),
    reviews: ['SIR'],
  },
  {
    id: 'firstDraft',
    step: 'Review Panel meets to discuss the first draft of the overview report',
    rule: '5 to 6 months after notification',
    base: 'notification',
    due: months(6),
    done: (c) => c.dates.firstDraft,
  },
  {
    id: 'finalDraft',
    step: 'Review Panel signs off the final version of the overview report and the action plan',
    rule: '6 to 7 months after notification',
    base: 'notification',
    due: months(7),
    done: (c) => c.dates.finalDraft,
  },
  {
    id: 'cspSignOff',
    step: 'Final version signed off by the Community Safety Partnership board',
    rule: '6 to 7 months after notification',
    base: 'notification',
    due: months(7),
    done: (c) => c.dates.cspSignOff,
  },
  {
    id: 'submittedToHomeOffice',
    step: 'Final version of the overview report sent to the Home Office',
    rule: '7 months after notification',
    base: 'notification',
    due: months(7),
    done: (c) => c.dates.submittedToHomeOffice,
    reviews: ['DHR'],
  },
];

function statusOf(due: string, done: string | undefined, today: string): DeadlineStatus {
  if (done !== undefined) return 'done';
  return due < today ? 'overdue' : 'due';
}

/**
 * The review's deadlines in date order, each done, due or overdue as of `today` (YYYY-MM-DD).
 */
export function timetable(caseModel: Case, today: string): Deadline[] {
  const notification = caseModel.dates.notification;
  const death = caseModel.death.date;
  const deadlines: Deadline[] = [];
  for (const step of steps) {
    if (step.reviews && !step.reviews.includes(caseModel.review)) continue;
    const from = step.base === 'death' || notification === undefined ? 'death' : 'notification';
    const base = from === 'death' ? death : notification!;
    const due = step.due(base);
    const done = step.done(caseModel);
    const rule = from === step.base ? step.rule : `${step.rule.replace(/notification$/, 'the death')} (case.yaml has no dates.notification)`;
    deadlines.push({ id: step.id, step: step.step, due, status: statusOf(due, done, today), ...(done !== undefined ? { done } : {}), rule, from });
  }
  deadlines.push(...actionPlanAudits(caseModel, deadlines, today));
  return deadlines.sort((a, b) => (a.due === b.due ? 0 : a.due < b.due ? -1 : 1));
}

/** Every recorded audit, then the next one due, quarterly from the report's submission. */
function actionPlanAudits(caseModel: Case, deadlines: Deadline[], today: string): Deadline[] {
  const submission = deadlines.find((d) => d.id === 'submittedToHomeOffice') ?? deadlines.find((d) => d.id === 'cspSignOff');
  if (!submission) return [];
  const start = submission.done ?? submission.due;
  const startWords = submission.done ? 'after submission' : 'after the submission deadline';
  const audits = [...(caseModel.dates.actionPlanAudits ?? [])].sort();
  const out: Deadline[] = [];
  for (let n = 1; n <= audits.length + 1; n++) {
    const due = nextWorkingDay(addMonths(start, 3 * n));
    const done = audits[n - 1];
    out.push({
      id: `actionPlanAudit${n}`,
      step: `Action plan audit ${n}: progress on the action plan reviewed`,
      due,
      status: statusOf(due, done, today),
      ...(done !== undefined ? { done } : {}),
      rule: `${3 * n} months ${startWords}`,
      from: 'submission',
    });
  }
  return out;
}
