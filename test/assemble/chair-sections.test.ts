import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { matchChairSections, matchTitle, normaliseTitle, targetOf } from '../../pipeline/assemble/chair-sections.ts';
import { executiveSummarySectionNames } from '../../pipeline/assemble/executive-summary.ts';
import { overviewSectionNames } from '../../pipeline/assemble/overview-report.ts';
import { markdown } from './fixture.ts';

const file = (name: string, source: string) => ({ file: `report/${name}.md`, name, tree: markdown(source) });
const text = (nodes: { type: string }[]) => nodes.map((n) => toString(n as never)).join('\n');

describe('matching a title to a section', () => {
  it('normalises numbering, separators, case and "the"', () => {
    expect(normaliseTitle('04-The_Analysis')).toBe('analysis');
    expect(normaliseTitle('Section 4.2: Lessons learned')).toBe('lessons learned');
    expect(normaliseTitle('Equality & Diversity')).toBe('equality and diversity');
  });

  it.each([
    ['analysis', 'analysis'],
    ['04-analysis', 'analysis'],
    ['Lessons_Learned', 'lessons-learnt'],
    ['Involvement of family, friends, work colleagues, neighbours and wider community', 'involvement-of-family'],
    ['Background information (the facts)', 'background'],
    ['Analysis of agency involvement', 'analysis'],
    ['TOR', 'terms-of-reference'],
    ['review panel', 'review-panel'],
  ])('"%s" is %s', (title, id) => {
    expect(matchTitle(title, overviewSectionNames)).toBe(id);
  });

  it('does not take a short word at the start of a longer title as a section', () => {
    expect(matchTitle('Tor 1 notes', overviewSectionNames)).toBeUndefined();
    expect(matchTitle('Things to remember', overviewSectionNames)).toBeUndefined();
  });

  it('sends names that begin "executive summary" to the executive summary', () => {
    expect(targetOf('executive-summary-key-issues')).toEqual({ target: 'executive-summary', rest: 'key issues' });
    expect(targetOf('Executive Summary')).toEqual({ target: 'executive-summary', rest: '' });
    expect(targetOf('02-analysis').target).toBe('overview-report');
  });
});

describe('matching the chair\'s files', () => {
  it('places a file by its name, its number or its first heading, and drops the heading that named it', () => {
    const m = matchChairSections(
      [file('analysis', 'Text of the analysis.'), file('09-dissemination', 'To the family.'), file('my-notes', '# Conclusions\n\nWhat we concluded.')],
      'overview-report',
      overviewSectionNames,
    );
    expect([...m.sections.keys()].sort()).toEqual(['analysis', 'conclusions', 'dissemination']);
    expect(text(m.sections.get('conclusions')!.content)).toBe('What we concluded.');
    expect(m.sections.get('conclusions')!.files).toEqual(['report/my-notes.md']);
    expect(m.unmatched).toEqual([]);
  });

  it('splits a file into the sections its top-level headings name, keeping subheadings', () => {
    const m = matchChairSections(
      [file('conclusions', '# Conclusions\n\nA.\n\n## Detail\n\nB.\n\n# Lessons to be learnt\n\nC.')],
      'overview-report',
      overviewSectionNames,
    );
    expect(text(m.sections.get('conclusions')!.content)).toBe('A.\nDetail\nB.');
    expect(text(m.sections.get('lessons-learnt')!.content)).toBe('C.');
  });

  it('keeps a file whole when its name names a section and its first heading is a subheading', () => {
    const m = matchChairSections(
      [file('analysis', '## Terms of reference 1\n\nFirst.\n\n## Terms of reference 2\n\nSecond.')],
      'overview-report',
      overviewSectionNames,
    );
    expect([...m.sections.keys()]).toEqual(['analysis']);
    expect(text(m.sections.get('analysis')!.content)).toContain('Second.');
  });

  it('reports a file that names no section, and leaves executive summary files to the summary', () => {
    const files = [file('notes', '# Things to remember\n\nCall.'), file('executive-summary-key-issues', 'Issue one.')];
    const overview = matchChairSections(files, 'overview-report', overviewSectionNames);
    expect(overview.sections.size).toBe(0);
    expect(overview.unmatched.map((u) => u.file)).toEqual(['report/notes.md']);
    expect(overview.unmatched[0].reason).toMatch(/"Things to remember"/);
    const summary = matchChairSections(files, 'executive-summary', executiveSummarySectionNames);
    expect(text(summary.sections.get('key-issues')!.content)).toBe('Issue one.');
  });

  it('reads a whole executive summary from one file by its headings', () => {
    const m = matchChairSections([file('executive-summary', '# Key issues\n\nOne.\n\n# Conclusions\n\nTwo.')], 'executive-summary', executiveSummarySectionNames);
    expect([...m.sections.keys()]).toEqual(['key-issues', 'conclusions']);
  });

  it('joins two files for one section in file-name order', () => {
    const m = matchChairSections([file('analysis-2', 'Second.'), file('analysis', 'First.')], 'overview-report', overviewSectionNames);
    expect(text(m.sections.get('analysis')!.content)).toBe('First.\nSecond.');
    const n = matchChairSections([file('07-analysis', 'First.'), file('08-analysis', 'Second.')], 'overview-report', overviewSectionNames);
    expect(text(n.sections.get('analysis')!.content)).toBe('First.\nSecond.');
    expect(n.sections.get('analysis')!.files).toEqual(['report/07-analysis.md', 'report/08-analysis.md']);
  });
});
