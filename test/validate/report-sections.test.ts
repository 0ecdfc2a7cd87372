import { describe, expect, it } from 'vitest';
import { checkReportSections } from '../../pipeline/validate/report-sections.ts';
import { goodOverview, goodSummary, section } from './reports.ts';

const check = (r = goodOverview()) => checkReportSections(r, { file: 'out/overview-report.docx' });

describe('report sections (Templates 27 and 28)', () => {
  it('finds nothing wrong with every section present, in order, with text', () => {
    expect(check().problems).toEqual([]);
    expect(checkReportSections(goodSummary(), { file: 'out/executive-summary.docx' }).problems).toEqual([]);
  });

  it('finds a missing section, and says where it goes', () => {
    const r = check(goodOverview((s) => s.filter((x) => x.id !== 'dissemination')));
    expect(r.problems).toEqual([
      expect.objectContaining({ severity: 'error', message: 'The overview report has no "Dissemination" section (Template 27).', fix: 'Add "Dissemination" after "Equality and diversity": who will receive copies of the report.' }),
    ]);
  });

  it('recognises a section by its title when the id differs', () => {
    const r = check(goodOverview((s) => s.map((x) => (x.id === 'lessons-learnt' ? { ...x, id: 'x', title: '18. Lessons to be learned' } : x))));
    expect(r.problems).toEqual([]);
  });

  it('finds a section out of order', () => {
    const r = check(goodOverview((s) => [s[1], s[0], ...s.slice(2)]));
    expect(r.problems.map((p) => p.message)).toEqual(['"Introduction" comes after "Timescales", but Template 27 puts it before.']);
  });

  it('finds an empty section and one that holds only a prompt, and lists prompts still to complete', () => {
    const r = check(
      goodOverview((s) =>
        s.map((x) =>
          x.id === 'overview'
            ? section('overview', 'Overview', '')
            : x.id === 'conclusions'
              ? section('conclusions', 'Conclusions', '[To be completed: the main issues and the conclusions drawn]')
              : x.id === 'analysis'
                ? section('analysis', 'Analysis', 'The analysis so far.\n\n[To be completed: good practice]')
                : x,
        ),
      ),
    );
    expect(r.problems.map((p) => [p.severity, p.message])).toEqual([
      ['error', '"Overview" is empty.'],
      ['error', '"Conclusions" has not been written yet: it holds only 1 prompt to complete.'],
      ['warning', 'Still to be completed in "Analysis": good practice'],
      ['warning', 'Still to be completed in "Conclusions": the main issues and the conclusions drawn'],
    ]);
  });
});
