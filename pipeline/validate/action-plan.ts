/**
 * The action plan (the guide's Template 25): every column filled, every recommendation
 * SMARTER, the status one of the template's key, and target dates that have passed while the
 * action is not complete.
 *
 * A plan's statuses are as of its "updated" date: a target missed by then is overdue; a target
 * that has passed only since is a reminder to bring the status up to date.
 */
import { actionStatuses, type ActionPlan } from '../../schemas/action-plan.ts';
import { checkSmarter, isEvaluationRecommendation } from './smarter.ts';
import { listWords } from './text.ts';
import type { ValidationProblem, Where } from './types.ts';

export interface ActionPlanCheckOptions {
  /** YYYY-MM-DD. */
  today: string;
  file?: string;
  /** Line of a field path ("recommendations[4].targetDate") in a YAML plan, when known. */
  lineOf?: (field: string) => number | undefined;
}

const ukDate = (iso: string): string => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
};

export function checkActionPlan(plan: ActionPlan, options: ActionPlanCheckOptions): ValidationProblem[] {
  const file = options.file ?? 'action-plan.yaml';
  const asOf = plan.updated && plan.updated < options.today ? plan.updated : options.today;
  const problems: ValidationProblem[] = [];
  const evaluationRecs = new Set(plan.recommendations.filter((r) => isEvaluationRecommendation(r.recommendation)).map((r) => r.agency));

  plan.recommendations.forEach((rec, index) => {
    const field = (name: string): Where => {
      const path = `recommendations[${index}]${name ? `.${name}` : ''}`;
      return { file, field: path, line: options.lineOf?.(path) ?? options.lineOf?.(`recommendations[${index}]`), section: `Recommendation ${rec.id} (${rec.agency})` };
    };
    const label = `Recommendation ${rec.id}`;

    // Every column of Template 25.
    const missing: [string, string, string][] = [];
    if (!rec.milestones || rec.milestones.length === 0) missing.push(['milestones', 'key milestones or actions', 'the steps that will deliver it, each with a date']);
    if (!rec.lead?.trim()) missing.push(['lead', 'lead person', 'the job title of the person responsible (a role, not a name)']);
    if (!rec.targetDate) missing.push(['targetDate', 'target date', 'the date by which the whole action will be complete']);
    if (rec.status === 'COMPLETE' && !rec.outcome?.trim()) missing.push(['outcome', 'evidence of outcome', 'what changed, and the evidence of it']);
    for (const [name, what, fix] of missing) {
      problems.push({ severity: 'error', check: 'action-plan.field', message: `${label} has no ${what}.`, place: field(name), fix: `Add ${fix}.` });
    }

    // SMARTER.
    const text = [rec.recommendation].join(' ');
    const supporting = [rec.action, ...(rec.milestones ?? []), rec.outcome].filter(Boolean).join(' ');
    const result = checkSmarter(
      {
        number: rec.id,
        text,
        where: field('recommendation'),
        owner: rec.lead,
        date: rec.targetDate,
        measure: rec.measure ?? matchIn(supporting, 'measure'),
        evaluation: rec.evaluation ?? rec.review ?? matchIn(supporting, 'evaluation'),
      },
      { agencyNames: [rec.agency], evaluationElsewhere: evaluationRecs.has(rec.agency) && !isEvaluationRecommendation(rec.recommendation) },
    );
    // Owner and date are reported above as missing columns; here only the other parts.
    const smarterMissing = result.missing.filter((m) => m !== 'owner' && m !== 'date');
    if (smarterMissing.length > 0) {
      const parts = smarterMissing.map((m) =>
        m === 'single action' ? `a single action (it has ${result.actions.length}: ${result.actions.map((a) => `"${a}"`).join(', ')})` : m === 'measure' ? 'a measure of success' : 'evaluation and review built in',
      );
      problems.push({
        severity: 'error',
        check: 'action-plan.smarter',
        message: `${label} is not SMARTER: it lacks ${listWords(parts)}.`,
        place: field(smarterMissing.includes('single action') ? 'recommendation' : smarterMissing.includes('measure') ? 'measure' : 'evaluation'),
        fix: fixFor(smarterMissing),
      });
    }

    // Status and dates.
    if (rec.targetDate && rec.status !== 'COMPLETE') {
      if (rec.targetDate < asOf) {
        problems.push({
          severity: 'error',
          check: 'action-plan.overdue',
          message: `${label} is overdue: its target date, ${ukDate(rec.targetDate)}, had passed ${asOf === options.today ? 'by today' : `when the plan was updated on ${ukDate(asOf)}`} and its status is ${rec.status} (${actionStatuses[rec.status].toLowerCase()}).`,
          place: field('targetDate'),
          fix: 'Agree a revised target date with the lead person and record why it slipped, or mark it COMPLETE with the date and the evidence of outcome.',
        });
      } else if (rec.targetDate < options.today) {
        problems.push({
          severity: 'warning',
          check: 'action-plan.stale',
          message: `${label}'s target date, ${ukDate(rec.targetDate)}, has passed since the plan was last updated (${ukDate(asOf)}); its recorded status is ${rec.status}.`,
          place: field('status'),
          fix: 'Bring the status up to date with the lead person, and the plan\'s "updated" date with it.',
        });
      }
    }
    if (rec.status === 'COMPLETE' && rec.completed && rec.targetDate && rec.completed > rec.targetDate) {
      problems.push({
        severity: 'warning',
        check: 'action-plan.late',
        message: `${label} was completed on ${ukDate(rec.completed)}, after its target date of ${ukDate(rec.targetDate)}.`,
        place: field('completed'),
        fix: 'Record the reason for the delay in the evidence of outcome, for the audit.',
      });
    }
    if (rec.completed && rec.completed > options.today) {
      problems.push({ severity: 'error', check: 'action-plan.future', message: `${label} is recorded as completed on ${ukDate(rec.completed)}, which is in the future.`, place: field('completed'), fix: 'Correct the completion date.' });
    }
  });
  return problems;
}

function matchIn(text: string, what: 'measure' | 'evaluation'): string | undefined {
  if (!text) return undefined;
  const r = checkSmarter({ number: '', text, where: {} });
  return what === 'measure' ? r.found.measure : r.found['evaluation and review'];
}

function fixFor(missing: string[]): string {
  const out: string[] = [];
  if (missing.includes('single action')) out.push('Split it into one recommendation per action, each with its own lead and date');
  if (missing.includes('measure')) out.push('say how success will be measured (a number, a percentage, an audit result)');
  if (missing.includes('evaluation and review')) out.push('say how its impact will be evaluated and when it will be reviewed');
  const s = out.join('; ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}
