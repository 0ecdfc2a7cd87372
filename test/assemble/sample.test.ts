/** The models built from the bundled sample case, samples/adult-x, as `dhr build` builds them. */
import { beforeAll, describe, expect, it } from 'vitest';
import { executiveSummarySections, overviewReportSections } from '../../schemas/checklists.ts';
import { executiveSummarySectionNames } from '../../pipeline/assemble/executive-summary.ts';
import { buildExecutiveSummary, buildOverviewReport, matchChairFiles, verbatimNames } from '../../pipeline/assemble/index.ts';
import { overviewSectionNames } from '../../pipeline/assemble/overview-report.ts';
import type { ReportDocument } from '../../pipeline/assemble/types.ts';
import { loadCaseFolder } from '../../pipeline/ingest/folder.ts';
import type { CaseFolder } from '../../pipeline/model.ts';
import { allText, occurrences, section, textOf } from './text.ts';

let folder: CaseFolder;
let overview: ReportDocument;
let summary: ReportDocument;

beforeAll(async () => {
  folder = await loadCaseFolder('samples/adult-x');
  overview = buildOverviewReport(folder, { draft: 2 });
  summary = buildExecutiveSummary(folder, { draft: 2 });
});

/** Every real name the sample's key lists, and the first word of each (a first name), except words of the verbatim names. */
function keyNames(f: CaseFolder): string[] {
  const c = f.case;
  const listed = [...c.people.flatMap((p) => p.names), ...c.professionals.flatMap((p) => p.names), ...c.places.flatMap((p) => p.names)];
  const first = [...c.people.flatMap((p) => p.names), ...c.professionals.flatMap((p) => p.names)].map((n) => n.split(/\s+/)[0]);
  return [...new Set([...listed, ...first])];
}

describe('the sample case, samples/adult-x', () => {
  it("places every one of the chair's files", () => {
    const chair = matchChairFiles(folder.report, { 'overview-report': overviewSectionNames, 'executive-summary': executiveSummarySectionNames });
    expect(chair.unmatched).toEqual([]);
    expect([...chair['executive-summary'].sections.keys()].sort()).toEqual(['key-issues', 'summary-chronology']);
  });

  it('builds both reports with every template section in order', () => {
    expect(overview.sections.map((s) => s.id)).toEqual(overviewReportSections.map((s) => s.id));
    expect(summary.sections.map((s) => s.id)).toEqual(executiveSummarySections.map((s) => s.id));
  });

  it("moves the sections the chair wrote inside the introduction to their own places, in the chair's words", () => {
    const timescales = textOf(section(overview, 'timescales'));
    expect(timescales).toContain('This review began on 6 June 2017 with the first meeting of the review panel');
    expect(timescales).not.toContain('This review began on 9 May 2017');
    expect(textOf(section(overview, 'introduction'))).not.toContain('Timescales');
    expect(textOf(section(overview, 'confidentiality'))).toContain('The following pseudonyms and codes are used throughout');
  });

  it('holds no name or place of the key anywhere, in either report', () => {
    const names = keyNames(folder);
    const verbatim = verbatimNames(folder.case);
    for (const report of [overview, summary]) {
      const texts = allText(report);
      for (const name of names) expect(occurrences(texts, name, verbatim), `${report.kind}: ${name}`).toEqual([]);
    }
    // The chair's pen portrait quotes a pet name from the key.
    expect(textOf(section(overview, 'background'))).toContain('"Our Ellie would learn the words');
  });

  it('prints the chair and every panel member by name', () => {
    const text = textOf(section(overview, 'review-panel'));
    for (const m of folder.case.panel) expect(text).toContain(m.name);
  });
});
