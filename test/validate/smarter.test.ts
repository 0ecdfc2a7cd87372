import { describe, expect, it } from 'vitest';
import { blocksOf } from '../../pipeline/validate/blocks.ts';
import { checkSmarter, isEvaluationRecommendation, parseRecommendations, separateActions } from '../../pipeline/validate/smarter.ts';
import { parseMarkdown } from '../../pipeline/ingest/imr.ts';

const rec = (text: string, extra: Partial<Parameters<typeof checkSmarter>[0]> = {}) => checkSmarter({ number: '1', text, where: {}, ...extra });

describe('SMARTER', () => {
  it('passes a single action with owner, measure, date and evaluation', () => {
    const r = rec('The Head of Public Protection will deliver training to all response officers by March 2018, with its impact evaluated by an audit of 50 cases.');
    expect(r.missing).toEqual([]);
    expect(r.found).toMatchObject({ owner: 'The Head of Public Protection will', date: 'March 2018', measure: 'all response officers', 'evaluation and review': 'impact' });
  });

  it('finds several actions joined by "and", but not evaluation built into one action', () => {
    expect(separateActions('Revise the DASH policy and train all officers by March 2018.')).toEqual(['Revise the DASH policy', 'train all officers by March 2018']);
    expect(separateActions('Deliver training by March 2018 and evaluate its impact in June 2018.')).toEqual(['Deliver training by March 2018 and evaluate its impact in June 2018']);
    expect(separateActions('Develop a policy. Train all staff on it.')).toHaveLength(2);
  });

  it('takes the parts of one request for one action', () => {
    expect(separateActions('Ask the Home Office to consider making strangulation an offence, and to include it in national guidance.')).toHaveLength(1);
  });

  it('says what a vague recommendation lacks', () => {
    expect(rec('Improve communication with partner agencies.').missing).toEqual(['owner', 'measure', 'date', 'evaluation and review']);
  });

  it('reads owner and date from their own columns, and does not take "this review" for evaluation', () => {
    const r = rec('Remind staff of the policy after this review.', { owner: 'Practice manager', date: '31 December 2017' });
    expect(r.missing).toEqual(['measure', 'evaluation and review']);
  });

  it('accepts evaluation set out elsewhere', () => {
    expect(checkSmarter({ number: '1', where: {}, text: 'The practice manager will add alerts for all MARAC cases by May 2018.' }, { evaluationElsewhere: true }).missing).toEqual([]);
    expect(rec('The practice manager will add alerts for all MARAC cases by May 2018.').missing).toEqual(['evaluation and review']);
    expect(isEvaluationRecommendation('Audit the use of MARAC alerts after six months to measure their impact.')).toBe(true);
    expect(isEvaluationRecommendation('Add MARAC alerts to records.')).toBe(false);
  });

  it('reads recommendations from a table, numbered items, numbered paragraphs, or headings', () => {
    const parse = (md: string) => parseRecommendations(blocksOf(parseMarkdown(md).children, { section: 'Recommendations' }), 'imr.md');
    const table = parse('| No. | Recommendation | Lead | Target date |\n| --- | --- | --- | --- |\n| 1.1 | Train staff | Manager | May 2018 |\n');
    expect(table).toEqual([expect.objectContaining({ number: '1.1', text: 'Train staff', owner: 'Manager', date: 'May 2018', where: expect.objectContaining({ row: 2 }) })]);
    expect(parse('Intro text.\n\n1. First\n2. Second\n').map((r) => r.number)).toEqual(['1', '2']);
    expect(parse('Recommendation 1: First thing.\n\nRecommendation 2: Second thing.\n').map((r) => r.number)).toEqual(['1', '2']);
    expect(parse('### Recommendation 1\n\nFirst thing.\n\n### Recommendation 2\n\nSecond thing.\n').map((r) => r.text)).toEqual(['First thing.', 'Second thing.']);
    expect(parse('The agency has no recommendations.')).toEqual([]);
  });
});
