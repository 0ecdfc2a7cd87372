/**
 * The action plan (guide, Template 25): one row per recommendation, grouped by agency, with
 * the Sheffield template's columns — Rec. No., Recommendation, Key milestones / actions taken,
 * Lead person, Target date, Status, Date the full action was completed, Evidence of outcome and
 * improvements made — and the Home Office template's scope (local, regional, national), action
 * to take and lead agency. The SMARTER parts the QA checks look for (who, how it is measured,
 * how its impact is evaluated and reviewed) each have a field of their own.
 *
 * Unknown fields are refused, so a typing mistake is caught rather than silently ignored.
 */
import { z } from 'zod';
import { isoDate } from './case.ts';

/** Template 25's "Key to status", in the template's own words. */
export const actionStatuses = {
  RED: 'Action required',
  AMBER: 'Preparation underway',
  GREEN: 'Preparation complete and action ongoing',
  COMPLETE: 'Action completed',
} as const;
export type ActionStatus = keyof typeof actionStatuses;
export const actionStatusNames = Object.keys(actionStatuses) as ActionStatus[];

/** Where a recommendation applies (Home Office action plan: "Scope of recommendation"). */
export const recommendationScopes = ['local', 'regional', 'national'] as const;

/** Whether the recommendation came from the overview report or an agency's own IMR. */
export const recommendationOrigins = ['overview', 'imr'] as const;

const text = z.string().trim().min(1, 'must not be empty');

/** "Complete", "completed", " green " → the key's own spelling; anything else is left for the enum to refuse. */
export function normaliseStatus(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const word = value.trim().toUpperCase();
  if (word === 'COMPLETED') return 'COMPLETE';
  return (actionStatusNames as string[]).includes(word) ? word : value;
}

function lowerCase(value: unknown): unknown {
  return typeof value === 'string' ? value.trim().toLowerCase() : value;
}

export const recommendation = z
  .strictObject({
    /** Rec. No., as the template numbers them: "1", "1.1", "GP 2". */
    id: text,
    /** The recommendation as written in the report. */
    recommendation: text,
    /** The lead agency ("INSERT Agency name" heading of the template). */
    agency: text,
    scope: z.preprocess(lowerCase, z.enum(recommendationScopes)).optional(),
    origin: z.preprocess(lowerCase, z.enum(recommendationOrigins)).optional(),
    /** Action to take (Home Office template). */
    action: z.string().trim().optional(),
    /** Key milestones / actions taken, one per entry. */
    milestones: z.array(text).optional(),
    /** Lead person: a role, not a name, in a published plan ("DACT Manager"). */
    lead: z.string().trim().optional(),
    /** SMARTER: how we will know it has been done (a count, a percentage, an audit). */
    measure: z.string().trim().optional(),
    /** SMARTER: how the agency will understand the impact of the change. */
    evaluation: z.string().trim().optional(),
    /** SMARTER: how the agency will know the change is embedded. */
    review: z.string().trim().optional(),
    targetDate: isoDate.optional(),
    /** RED, AMBER, GREEN or COMPLETE; written in any case ("Complete", "completed" are accepted). */
    status: z.preprocess(normaliseStatus, z.enum(actionStatusNames as [ActionStatus, ...ActionStatus[]])),
    /** Date the full action was completed. */
    completed: isoDate.optional(),
    /** Evidence of outcome and improvements made. */
    outcome: z.string().trim().optional(),
  })
  .superRefine((rec, ctx) => {
    if (rec.status === 'COMPLETE' && rec.completed === undefined) {
      ctx.addIssue({ code: 'custom', path: ['completed'], message: 'the status is COMPLETE, so give the date the full action was completed' });
    }
    if (rec.completed !== undefined && rec.status !== 'COMPLETE') {
      ctx.addIssue({ code: 'custom', path: ['status'], message: `a completion date is given, so the status should be COMPLETE, not ${rec.status}` });
    }
  });

/** A recommendation number used twice: one issue per repeat (also used by the readers, which
 * report it alongside other problems — zod skips a plan's own checks while a row is invalid). */
export function repeatedIds(recommendations: unknown): { path: (string | number)[]; message: string }[] {
  if (!Array.isArray(recommendations)) return [];
  const seen = new Map<string, number>();
  const issues: { path: (string | number)[]; message: string }[] = [];
  recommendations.forEach((rec, index) => {
    const id = rec !== null && typeof rec === 'object' ? (rec as { id?: unknown }).id : undefined;
    if (typeof id !== 'string' && typeof id !== 'number') return;
    const key = String(id).trim();
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({ path: ['recommendations', index, 'id'], message: `recommendation number "${key}" is used twice (also recommendation ${first + 1})` });
    } else {
      seen.set(key, index);
    }
  });
  return issues;
}

export const actionPlanSchema = z
  .strictObject({
    /** The review's reference, as in case.yaml. */
    reference: z.string().trim().optional(),
    /** The date the statuses were last brought up to date. */
    updated: isoDate.optional(),
    recommendations: z.array(recommendation).min(1, 'list at least one recommendation'),
  })
  .superRefine((plan, ctx) => {
    for (const issue of repeatedIds(plan.recommendations)) ctx.addIssue({ code: 'custom', ...issue });
  });

export type ActionPlanInput = z.input<typeof actionPlanSchema>;
export type ActionPlan = z.output<typeof actionPlanSchema>;
export type Recommendation = z.output<typeof recommendation>;
