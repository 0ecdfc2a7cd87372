import { describe, expect, it } from 'vitest';
import { parseActionPlanYaml } from '../../pipeline/ingest/action-plan.ts';
import { checkActionPlan } from '../../pipeline/validate/action-plan.ts';
import { fieldLineFinder } from '../../pipeline/validate/yaml-lines.ts';

const good = `
reference: TEST-DHR-2017-01
updated: 2018-01-30
recommendations:
  - id: '1'
    agency: Testshire Police
    recommendation: Deliver training on coercive control to all response officers.
    milestones:
      - Training designed by November 2017
      - All response teams trained by March 2018
    lead: Head of Public Protection
    measure: 90% of response officers trained, from the training register.
    evaluation: Audit of 50 domestic abuse cases for recorded coercive control in September 2018.
    targetDate: 2018-03-31
    status: AMBER
  - id: '2'
    agency: Testshire Housing
    recommendation: Add routine screening for domestic abuse to tenancy visits.
    milestones: [Screening question added to the visit form]
    lead: Head of Neighbourhood Services
    measure: Screening recorded on 95% of tenancy visits in a quarterly dip sample.
    review: Dip sample reported to the housing management team each quarter.
    targetDate: 2017-12-31
    status: COMPLETE
    completed: 2017-12-15
    outcome: Question live on the form since December 2017; 96% recorded in the first dip sample.
`;

const plan = (yaml = good) => parseActionPlanYaml(yaml, 'action-plan.yaml');

describe('action plan (Template 25)', () => {
  it('finds nothing wrong in a complete, SMARTER, up-to-date plan', () => {
    expect(checkActionPlan(plan(), { today: '2018-02-01' })).toEqual([]);
  });

  it('finds missing columns: milestones, lead person, target date, evidence of outcome', () => {
    const yaml = good
      .replace("    lead: Head of Public Protection\n", '')
      .replace("    targetDate: 2018-03-31\n", '')
      .replace("    milestones: [Screening question added to the visit form]\n", '')
      .replace("    outcome: Question live on the form since December 2017; 96% recorded in the first dip sample.\n", '');
    const messages = checkActionPlan(plan(yaml), { today: '2018-02-01' }).filter((p) => p.check === 'action-plan.field').map((p) => p.message);
    expect(messages).toEqual(['Recommendation 1 has no lead person.', 'Recommendation 1 has no target date.', 'Recommendation 2 has no key milestones or actions.', 'Recommendation 2 has no evidence of outcome.']);
  });

  it('finds a recommendation without a measure', () => {
    const yaml = good
      .replace('    measure: 90% of response officers trained, from the training register.\n', '')
      .replace('      - All response teams trained by March 2018\n', '')
      .replace('to all response officers.', 'to response officers.');
    const p = checkActionPlan(plan(yaml), { today: '2018-02-01' }).find((x) => x.check === 'action-plan.smarter');
    expect(p?.message).toBe('Recommendation 1 is not SMARTER: it lacks a measure of success.');
    expect(p?.place.field).toBe('recommendations[0].measure');
  });

  it('finds a recommendation that is not SMARTER, and says what it lacks', () => {
    const yaml = good
      .replace('Deliver training on coercive control to all response officers.', 'Revise the DASH policy and train response officers.')
      .replace('    measure: 90% of response officers trained, from the training register.\n', '')
      .replace('    evaluation: Audit of 50 domestic abuse cases for recorded coercive control in September 2018.\n', '');
    const p = checkActionPlan(plan(yaml), { today: '2018-02-01' }).find((x) => x.check === 'action-plan.smarter');
    expect(p?.message).toBe('Recommendation 1 is not SMARTER: it lacks a single action (it has 2: "Revise the DASH policy", "train response officers") and evaluation and review built in.');
    expect(p?.fix).toMatch(/^Split it into one recommendation per action/);
  });

  it('finds an overdue recommendation as of the date the plan was updated, with its line', () => {
    const yaml = good.replace('targetDate: 2018-03-31', 'targetDate: 2017-12-31');
    const problems = checkActionPlan(plan(yaml), { today: '2018-02-01', lineOf: fieldLineFinder(yaml) });
    const p = problems.find((x) => x.check === 'action-plan.overdue');
    expect(p?.severity).toBe('error');
    expect(p?.message).toBe('Recommendation 1 is overdue: its target date, 31 December 2017, had passed when the plan was updated on 30 January 2018 and its status is AMBER (preparation underway).');
    expect(p?.place).toMatchObject({ file: 'action-plan.yaml', field: 'recommendations[0].targetDate', line: yaml.split('\n').findIndex((l) => l.includes('targetDate: 2017-12-31')) + 1 });
  });

  it('only reminds to update the status when the target passed after the last update', () => {
    const problems = checkActionPlan(plan(), { today: '2018-06-01' });
    expect(problems.map((p) => [p.severity, p.check])).toEqual([['warning', 'action-plan.stale']]);
  });

  it('judges overdue by today when the plan has no updated date', () => {
    const problems = checkActionPlan(plan(good.replace('updated: 2018-01-30\n', '')), { today: '2018-06-01' });
    expect(problems.map((p) => p.check)).toEqual(['action-plan.overdue']);
    expect(problems[0].message).toMatch(/had passed by today/);
  });

  it('does not call a completed recommendation overdue, but notes one completed late', () => {
    const yaml = good.replace('completed: 2017-12-15', 'completed: 2018-01-15');
    const problems = checkActionPlan(plan(yaml), { today: '2018-02-01' });
    expect(problems.map((p) => p.check)).toEqual(['action-plan.late']);
  });
});
