import { describe, expect, it } from 'vitest';
import { groupFrom, groupRepeated, occurrenceCount } from '../../pipeline/validate/group.ts';
import type { ValidationProblem } from '../../pipeline/validate/types.ts';

const prompt = (section: string): ValidationProblem => ({
  severity: 'warning',
  check: 'report.prompt',
  message: `Still to be completed in "${section}": something`,
  place: { file: 'out/overview-report.docx', section },
  fix: `Write this part in the chair's text for "${section}" (report/ folder) and build the report again.`,
});

const empty = (section: string): ValidationProblem => ({
  severity: 'error',
  check: 'report.empty-section',
  message: `"${section}" is empty.`,
  place: { file: 'out/overview-report.docx', section },
  fix: `Write it: what the guide asks of ${section}.`,
});

const other: ValidationProblem = { severity: 'error', check: 'report.order', message: 'Out of order.', place: { file: 'out/overview-report.docx' }, fix: 'Move it.' };

describe('repeated problems said once', () => {
  it(`leaves fewer than ${groupFrom} of a check as they are`, () => {
    const few = ['A', 'B', 'C'].map(prompt);
    expect(groupRepeated([other, ...few])).toEqual([other, ...few]);
  });

  it('says many of one check once, where the first stood, counting them and keeping each message and place', () => {
    const many = ['Introduction', 'Timescales', 'Methodology', 'Conclusions', 'Lessons'].map(prompt);
    const grouped = groupRepeated([many[0], other, ...many.slice(1)]);
    expect(grouped).toHaveLength(2);
    expect(grouped[1]).toBe(other);
    expect(grouped[0]).toMatchObject({
      severity: 'warning',
      check: 'report.prompt',
      message: '5 parts of the report are still to be completed ("[To be completed: …]").',
      place: { file: 'out/overview-report.docx' },
    });
    expect(grouped[0].occurrences).toEqual(many.map((p) => ({ message: p.message, place: p.place })));
    expect(occurrenceCount(grouped)).toBe(6);
  });

  it("keeps each one's own advice where it says more than the group's", () => {
    const sections = ['Introduction', 'Timescales', 'Methodology', 'Conclusions'];
    const [grouped] = groupRepeated(sections.map(empty));
    expect(grouped.message).toBe('4 sections have not been written yet.');
    expect(grouped.occurrences!.map((o) => o.fix)).toEqual(sections.map((s) => `Write it: what the guide asks of ${s}.`));
  });

  it('keeps errors and warnings of one check apart, and leaves a group alone', () => {
    const warnings = ['A', 'B', 'C', 'D'].map(prompt);
    const errors = ['A', 'B', 'C', 'D'].map((s) => ({ ...prompt(s), severity: 'error' as const }));
    const once = groupRepeated([...warnings, ...errors]);
    expect(once.map((p) => [p.severity, p.occurrences?.length])).toEqual([
      ['warning', 4],
      ['error', 4],
    ]);
    expect(groupRepeated(once)).toEqual(once);
  });
});
