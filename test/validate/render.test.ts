import { describe, expect, it } from 'vitest';
import { checkImr } from '../../pipeline/validate/imr-checklist.ts';
import { formatWhere, renderValidationHtml, renderValidationMarkdown, renderValidationText } from '../../pipeline/validate/render.ts';
import type { ValidationReport } from '../../pipeline/validate/types.ts';
import { changed, imrFrom, testCase } from './fixtures.ts';

function sample(): ValidationReport {
  const c = testCase();
  const result = checkImr(imrFrom(changed(['The findings will be fed back to the staff involved through a debrief led by the Detective Inspector.', '']), c), { case: c });
  return {
    case: 'TEST-DHR-2017-01',
    today: '2017-06-01',
    documents: [
      { file: 'imrs/police.md', kind: 'imr', title: 'IMR from Testshire Police', items: result.items, problems: [] },
      {
        file: 'action-plan.yaml',
        kind: 'action-plan',
        title: 'Action plan (Template 25)',
        problems: [
          { severity: 'error', message: 'Recommendation 5 is overdue <script>alert(1)</script> *now*.', place: { file: 'action-plan.yaml', line: 12, field: 'recommendations[4].targetDate' }, fix: 'Agree a new date.' },
          { severity: 'warning', message: 'Check the chronology.', place: { file: 'chronologies/gp.xlsx', sheet: 'GP chronology', cell: 'B12', columnName: 'Date from' }, fix: 'Ask the GP practice.' },
        ],
      },
      { file: 'case.yaml', kind: 'timetable', title: 'Timetable', problems: [], notes: ['No step of the timetable is overdue.'] },
    ],
    chronologyFlags: {},
    summary: { pass: 12, fail: 1, review: 1, errors: 1, warnings: 1 },
  };
}

describe('the validation report for people', () => {
  it('writes places in plain words', () => {
    expect(formatWhere({ file: 'chronologies/gp.xlsx', sheet: 'GP chronology', cell: 'B12', columnName: 'Date from' })).toBe('chronologies/gp.xlsx, sheet "GP chronology", cell B12, column "Date from"');
    expect(formatWhere({ file: 'imrs/police.md', section: 'Section 1 › Methodology', line: 34 })).toBe('imrs/police.md, Section 1 › Methodology, line 34');
    expect(formatWhere({ file: 'case.yaml', line: 42, field: 'people[0].dataForm.ethnicity' })).toBe('case.yaml, line 42, field people[0].dataForm.ethnicity');
  });

  it('starts with the headline and a summary table, then each document with verdicts, evidence, problems and what to do', () => {
    const md = renderValidationMarkdown(sample());
    expect(md).toMatch(/^# Validation report: TEST-DHR-2017-01\n/);
    expect(md).toContain('**Changes are needed before this review can go forward:** 1 checklist item failed and 1 problem must be put right.');
    const summary = md.indexOf('## Summary');
    expect(summary).toBeGreaterThan(0);
    expect(md.indexOf('| [IMR from Testshire Police](#doc-1) | Needs changes | 12 / 1 / 1 | 0 | 0 |')).toBeGreaterThan(summary);
    expect(md).toContain('### 14. A plan to feed the findings back to staff: Fail');
    expect(md).toContain('*The guide asks:* There is a clear plan of how the findings will be fed back to the staff members involved.');
    expect(md).toMatch(/- The author's independence is stated\. “The author had no involvement in the case/);
    expect(md).toContain('### Problems to put right (1)');
    expect(md).toContain('   Where: action-plan.yaml, line 12, field recommendations\\[4\\].targetDate.');
    expect(md).toContain('   What to do: Agree a new date.');
    expect(md).toContain('- No step of the timetable is overdue.');
  });

  it('makes a complete, escaped web page from the same report', () => {
    const html = renderValidationHtml(sample());
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<table>');
    expect(html).toContain('<a href="#doc-1">IMR from Testshire Police</a>');
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script> *now*');
    expect(html).not.toContain('<script>');
    expect((html.match(/class="marking">OFFICIAL/g) ?? []).length).toBe(2);
  });

  it('prints a short text with the reason for each verdict that is not a pass', () => {
    const text = renderValidationText(sample());
    expect(text).toContain('IMR from Testshire Police — imrs/police.md: Needs changes');
    expect(text).toMatch(/14\. Fail   A plan to feed the findings back to staff\n {8}No plan to feed the findings back/);
    expect(text).toContain('  Problem: Recommendation 5 is overdue');
    expect(text).toContain('    Where: chronologies/gp.xlsx, sheet "GP chronology", cell B12, column "Date from"');
    expect(text).toMatch(/Summary: 12 checklist items passed, 1 failed, 1 need a person's judgement; 1 problem to put right, 1 warning\.$/);
  });

  it('writes a group of problems once, with its places under it, and cuts a long chronology list short', () => {
    const report = sample();
    const occurrence = (n: number) => ({ message: `The entry of ${n} May 2016 may be the same event as GP on ${n + 1} May 2016 ("Consultation"), recorded 1 day apart.`, place: { file: 'chronologies/police.xlsx', sheet: 'Chronology', cell: `B${n + 4}`, columnName: 'Date from' } });
    report.documents.push({
      file: 'chronologies/police.xlsx',
      kind: 'chronology',
      title: 'Chronology from Testshire Police',
      problems: [
        {
          severity: 'warning',
          check: 'chronology.same-event',
          message: "120 entries may record the same event as another agency's entry on a different date.",
          place: { file: 'chronologies/police.xlsx' },
          fix: "For each entry, check its date against the other agency's records.",
          occurrences: Array.from({ length: 50 }, (_, i) => occurrence(i + 1)),
          count: 120,
        },
      ],
    });
    report.summary.warnings += 120;
    const md = renderValidationMarkdown(report);
    expect(md).toContain("1. **120 entries may record the same event as another agency's entry on a different date.**");
    expect(md).toContain('   - sheet "Chronology", cell B5, column "Date from": The entry of 1 May 2016 may be the same event as GP on 2 May 2016 ("Consultation"), recorded 1 day apart.');
    expect(md).toContain('cell B54');
    expect(md).toMatch(/- … and 70 more\. Every one is flagged on its row: in the Flags column of merged-chronology\.xlsx/);
    expect(md).toContain('### Warnings (120)');
    expect(md).toContain('| [Chronology from Testshire Police](#doc-4) | Check the points below | — | 0 | 120 |');
    const html = renderValidationHtml(report);
    expect(html).toMatch(/<li>\n<p><strong>120 entries may record the same event[^<]*<\/strong>\nWhere: chronologies\/police.xlsx.\nWhat to do: [^<]*<\/p>\n<ul>\n<li>sheet "Chronology", cell B5/);
    const text = renderValidationText(report);
    expect(text).toContain('      - sheet "Chronology", cell B14, column "Date from": The entry of 10 May 2016');
    expect(text).not.toContain('cell B15,');
    expect(text).toContain('      - … and 110 more.');
  });
});
