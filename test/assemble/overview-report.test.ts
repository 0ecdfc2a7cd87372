import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { actionPlanSchema } from '../../schemas/action-plan.ts';
import { executiveSummarySections, overviewReportSections } from '../../schemas/checklists.ts';
import { buildDataForm, buildExecutiveSummary, buildOverviewReport, createReportAnonymiser, verbatimConflicts } from '../../pipeline/assemble/index.ts';
import { mergeChronologies } from '../../pipeline/assemble/common.ts';
import { withoutSex } from '../../pipeline/assemble/overview-report.ts';
import { DhrError } from '../../pipeline/errors.ts';
import { genogramFigure, timelineFigure } from '../../pipeline/render/figures.ts';
import { caseSchema } from '../../schemas/case.ts';
import { caseInput, fixtureFolder, panelNames, realNames } from './fixture.ts';
import { allText, occurrences, section, textOf } from './text.ts';

const folder = fixtureFolder();
const figures = [
  timelineFigure(mergeChronologies(folder.chronologies), { start: '2015-03-01', end: '2017-03-14', deathDate: '2017-03-14', agencies: ['South Yorkshire Police', 'GP practice'] }),
  genogramFigure(folder.case),
];
const overview = buildOverviewReport(folder, { draft: 3, figures });
const summary = buildExecutiveSummary(folder, { draft: 3 });

const promptParagraphs = (texts: string[]) => texts.filter((t) => t.startsWith('[To be completed: '));

describe('the overview report model (Template 27)', () => {
  it('has every section of the template, in order, with its id; the appendices last', () => {
    expect(overview.kind).toBe('overview-report');
    expect(overview.sections.map((s) => s.id)).toEqual(overviewReportSections.map((s) => s.id));
    expect(overview.sections.map((s) => s.title)).toEqual(overviewReportSections.map((s) => s.title));
    expect(overview.sections.filter((s) => s.appendix).map((s) => s.id)).toEqual(['action-plan', 'merged-chronology']);
  });

  it('has a title page with the CSP, the pseudonym, only the month and year of death, the author, and a draft marking', () => {
    expect(overview.titlePage).toMatchObject({
      csp: 'Sheffield Safer and Sustainable Communities Partnership',
      reviewType: 'Domestic Homicide Review',
      documentTitle: 'Overview Report',
      subject: 'Anna',
      deathMonth: 'March 2017',
      author: 'Margaret Ellis',
    });
    expect(overview.titlePage.completed).toBe('[To be completed: the date the review report was completed]');
    expect(overview.marking).toEqual({ classification: 'OFFICIAL', draft: 3 });
  });

  it("places the chair's sections, anonymised, in place of the template's prompts", () => {
    const analysis = section(overview, 'analysis');
    const text = textOf(analysis);
    expect(text).toContain('Anna told HV1 about the abuse; HV1 did not refer her to MARAC.');
    expect(text).toContain('Agencies knew little.');
    // The chair has written the analysis: no per-term-of-reference prompts are left.
    expect(analysis.subsections).toBeUndefined();
    expect(promptParagraphs(allTextOf(analysis))).toEqual([]);
    // One file, two sections, split at its headings.
    expect(textOf(section(overview, 'conclusions'))).toContain('The review concludes that Adult XAP was controlling.');
    expect(textOf(section(overview, 'lessons-learnt'))).toContain('Routine enquiry must happen.');
    // A file that names no section is not placed anywhere.
    expect(allText(overview).join('\n')).not.toContain('Call the co-ordinator');
  });

  it('puts a visible prompt, and an entry in prompts, wherever the chair still has to write', () => {
    for (const id of ['equality-and-diversity', 'overview', 'background']) {
      expect(promptParagraphs(allTextOf(section(overview, id))).length).toBeGreaterThan(0);
      expect(overview.prompts.some((p) => p.sectionId === id)).toBe(true);
    }
    const visible = promptParagraphs(overview.sections.flatMap(allTextOf));
    const listed = overview.prompts.filter((p) => p.sectionId !== 'title-page');
    expect(listed.map((p) => `[To be completed: ${p.text}]`)).toEqual(visible);
    expect(overview.prompts.find((p) => p.sectionId === 'title-page')?.text).toBe('the date the review report was completed');
    // Sections the chair has written carry none.
    for (const id of ['analysis', 'conclusions', 'lessons-learnt']) expect(overview.prompts.some((p) => p.sectionId === id)).toBe(false);
  });

  it('analyses each term of reference in turn when the chair has not written the analysis', () => {
    const report = buildOverviewReport(fixtureFolder({ report: {} }), { draft: 1 });
    const analysis = section(report, 'analysis');
    expect(analysis.subsections?.map((s) => s.title)).toEqual(['Term of reference 1', 'Term of reference 2']);
    expect(textOf(analysis.subsections![1])).toContain('Were risk assessments completed and shared?');
    expect(report.prompts.filter((p) => p.sectionId?.startsWith('analysis-tor-'))).toHaveLength(2);
  });

  it('asks for the review period when case.yaml does not give one', () => {
    const report = buildOverviewReport(fixtureFolder({ case: { reviewPeriod: undefined } }), { draft: 1 });
    expect(report.prompts.some((p) => p.sectionId === 'introduction' && /the period the review examines/.test(p.text))).toBe(true);
    const withPeriod = textOf(section(overview, 'introduction'));
    expect(withPeriod).toContain('from 1 March 2015 to 14 March 2017');
  });

  it('has the contributors with the independence of their IMR authors, and no IMR author names', () => {
    const text = textOf(section(overview, 'contributors'));
    expect(text).toContain('South Yorkshire Police');
    expect(text).toContain('No involvement with the case or the officers concerned');
    expect(text).toContain('Information: the victim was a tenant');
    expect(overview.prompts.some((p) => p.sectionId === 'contributors' && p.text.includes('GP practice'))).toBe(true);
  });

  it('lists the panel by name, role and agency, with the chair, and says how often the panel met', () => {
    const panel = section(overview, 'review-panel');
    const table = panel.content.find((n) => n.type === 'table');
    expect(table).toBeDefined();
    const text = textOf(panel);
    for (const name of panelNames) expect(text).toContain(name);
    expect(text).toContain('Detective Chief Inspector');
    expect(text).toContain('The panel met three times: on 2 May 2017, 4 July 2017 and 5 September 2017.');
    expect(textOf(section(overview, 'author'))).toContain('Margaret Ellis is the independent chair of the review and author of the overview report.');
  });

  it("takes each IMR's chronology narrative, pen portrait and recommendations, with the agency named", () => {
    const chronology = section(overview, 'chronology');
    expect(chronology.subsections?.map((s) => s.title)).toEqual(['South Yorkshire Police', 'GP practice', 'Summary of the merged chronology']);
    expect(textOf(chronology.subsections![0])).toContain('On 3 June 2016 officers attended the family home after Adult XAP shouted at Anna.');
    expect(promptParagraphs(allTextOf(chronology.subsections![1]))[0]).toMatch(/GP practice IMR has no chronology narrative/);
    expect(textOf(chronology.subsections![2])).toContain('The merged chronology holds five entries from two agencies, from 1 April 2015 to 1 February 2017.');
    const overviewSection = section(overview, 'overview');
    expect(overviewSection.subsections?.map((s) => s.title)).toEqual(['South Yorkshire Police: the family and household', 'GP practice: the family and household']);
    expect(textOf(overviewSection.subsections![1])).toContain('GP1 saw Anna and Child XD often.');
    const recommendations = section(overview, 'recommendations');
    expect(recommendations.subsections?.map((s) => s.title)).toEqual(["The review's recommendations", 'South Yorkshire Police: IMR recommendations', 'GP practice: IMR recommendations']);
    expect(textOf(recommendations.subsections![2])).toBe('GP practice: IMR recommendations\nThe GP practice IMR makes no recommendations.');
  });

  it('places the timeline in the chronology and the genogram in the background', () => {
    const images = (id: string) => allImages(section(overview, id));
    expect(images('chronology')).toEqual(['figure:timeline']);
    expect(images('background')).toEqual(['figure:genogram']);
    expect(overview.figures.map((f) => f.id).sort()).toEqual(['genogram', 'timeline']);
    expect(summary.figures).toEqual([]);
  });

  it('has the merged chronology as an appendix table: every row in date order, with the agency', () => {
    const appendix = section(overview, 'merged-chronology');
    const table = appendix.content.find((n) => n.type === 'table');
    if (table?.type !== 'table') throw new Error('no table');
    const rows = table.children.slice(1).map((r) => r.children.map((cell) => (cell.children[0] && 'value' in cell.children[0] ? cell.children[0].value : '')));
    expect(rows.map((r) => [r[1], r[0]])).toEqual([
      ['01/04/2015', 'Police'],
      ['10/01/2016', 'GP'],
      ['03/06/2016', 'GP'],
      ['03/06/2016', 'Police'],
      ['01/02/2017', 'GP'],
    ]);
    expect(rows[3][4]).toBe('Attended the family home; Adult XAP arrested (case notes)');
  });

  it('summarises a merged chronology longer than report.chronologyAppendixLimit by agency, and points to the workbook', () => {
    // The fixture's five entries: three of the GP's, two of the police's.
    const cut = buildOverviewReport(fixtureFolder({ case: { report: { chronologyAppendixLimit: 4 } } }), { draft: 1 });
    const appendix = section(cut, 'merged-chronology');
    expect(textOf(appendix)).toContain('The merged chronology has 5 entries from 2 agencies, too many to print here: it is the workbook merged-chronology.xlsx');
    const table = appendix.content.find((n) => n.type === 'table');
    if (table?.type !== 'table') throw new Error('no table');
    const rows = table.children.map((r) => r.children.map((cell) => (cell.children[0] && 'value' in cell.children[0] ? cell.children[0].value : '')));
    expect(rows).toEqual([
      ['Agency', 'Entries', 'First entry', 'Last entry'],
      ['Police', '2', '01/04/2015', '03/06/2016'],
      ['GP', '3', '10/01/2016', '01/02/2017'],
    ]);
    // At the limit, every entry is printed; the limit 0 summarises any chronology.
    const full = buildOverviewReport(fixtureFolder({ case: { report: { chronologyAppendixLimit: 5 } } }), { draft: 1 });
    expect(textOf(section(full, 'merged-chronology'))).toContain("Every agency's chronology entries, in date order.");
    const none = buildOverviewReport(fixtureFolder({ case: { report: { chronologyAppendixLimit: 0 } } }), { draft: 1 });
    expect(textOf(section(none, 'merged-chronology'))).toContain('too many to print here');
  });

  it('writes codes from case.yaml as the pseudonym the family chose', () => {
    const report = buildOverviewReport(fixtureFolder({ case: { termsOfReference: ['What did agencies know about Adult X and Adult XAP?'] } }), { draft: 1 });
    expect(textOf(section(report, 'terms-of-reference'))).toContain('What did agencies know about Anna and Adult XAP?');
  });

  it('holds no real name, address or place from the key anywhere, and the panel names as they are', () => {
    for (const report of [overview, summary]) {
      const texts = allText(report);
      for (const name of realNames) expect(occurrences(texts, name), `${report.kind}: ${name}`).toEqual([]);
      expect(occurrences(texts, 'Susan Walker').length).toBeGreaterThan(0);
    }
  });
});

describe("panel members' names", () => {
  const c = caseInput({ panel: [{ name: 'Helen Walker', role: 'Head of Service', agency: 'Sheffield City Council' }] });
  const folder2 = fixtureFolder({ case: c, report: { 'methodology.md': 'Helen Walker chaired the first meeting. Helen Price was interviewed; Helen said little.' } });

  it('are printed in full even when they share a first name with someone in the key, which is replaced everywhere else', () => {
    const report = buildOverviewReport(folder2, { draft: 1 });
    expect(textOf(section(report, 'review-panel'))).toContain('Helen Walker');
    expect(textOf(section(report, 'methodology'))).toBe('Methodology\nHelen Walker chaired the first meeting. HV1 was interviewed; HV1 said little.');
  });

  it('are named as a possible confusion', () => {
    const anonymiser = createReportAnonymiser(folder2.case);
    expect(verbatimConflicts(folder2.case, anonymiser)).toEqual([expect.stringContaining('"Helen Walker" (chair or panel member) shares "Helen"')]);
    expect(verbatimConflicts(folder.case, createReportAnonymiser(folder.case))).toEqual([]);
  });

  it('are not reported as possible names the key does not list', () => {
    const anonymiser = createReportAnonymiser(folder.case);
    expect(anonymiser.findings('The panel was chaired by Margaret Ellis with Peter Hughes.').map((f) => f.text)).toEqual([]);
  });
});

describe('the executive summary model (Template 28)', () => {
  it('has every section of the template, in order, with its id', () => {
    expect(summary.kind).toBe('executive-summary');
    expect(summary.sections.map((s) => s.id)).toEqual(executiveSummarySections.map((s) => s.id));
    expect(summary.titlePage.documentTitle).toBe('Executive Summary');
    expect(summary.marking).toEqual({ classification: 'OFFICIAL', draft: 3 });
  });

  it("takes its own chair's sections, and the overview's conclusions where the chair wrote none for the summary", () => {
    expect(textOf(section(summary, 'key-issues'))).toContain('Key issue one: Anna was not asked about abuse.');
    expect(textOf(section(summary, 'conclusions'))).toContain('The review concludes that Adult XAP was controlling.');
    expect(summary.prompts.some((p) => p.sectionId === 'summary-chronology')).toBe(true);
  });

  it('outlines the review process: pseudonyms with age and ethnicity, the proceedings, the decision and the agencies', () => {
    const text = textOf(section(summary, 'review-process'));
    expect(text).toContain('reviewing the homicide of Anna, who was a resident of Sheffield.');
    expect(text).toContain('Criminal proceedings were completed on 20 October 2017. Convicted of murder and sentenced to life imprisonment.');
    expect(text).toContain('The process began with an initial meeting of the Sheffield Safer and Sustainable Communities Partnership on 3 April 2017');
    expect(text).toContain('Three agencies confirmed contact with the victim, the perpetrator or their family and were asked to secure their files.');
    expect(summary.prompts).toContainEqual(expect.objectContaining({ sectionId: 'review-process', text: 'the total number of agencies contacted' }));
  });
});

describe('a Serious Incident Review', () => {
  const sir = fixtureFolder({ case: { review: 'SIR', reference: 'SSCP-SIR-2017-01' } });
  const report = buildOverviewReport(sir, { draft: 1 });
  const es = buildExecutiveSummary(sir, { draft: 1 });

  it('says "Serious Incident Review" throughout and never "Domestic Homicide Review" or "DHR"', () => {
    for (const r of [report, es]) {
      expect(r.titlePage.reviewType).toBe('Serious Incident Review');
      const texts = allText(r);
      expect(occurrences(texts, 'Domestic Homicide Review')).toEqual([]);
      expect(occurrences(texts, 'domestic homicide review')).toEqual([]);
      expect(occurrences(texts, 'DHR')).toEqual([]);
    }
    expect(textOf(section(report, 'introduction'))).toContain('This report of a serious incident review examines');
  });

  it('carries the RESTRICTED watermark, has no data form and is never published', () => {
    expect(report.marking).toEqual({ classification: 'OFFICIAL', draft: 1, watermark: 'RESTRICTED' });
    expect(() => buildDataForm(sir.case, { draft: 1 })).toThrow(DhrError);
    expect(() => buildOverviewReport(sir, { draft: 1, publish: true })).toThrow('Serious Incident Reviews are not published');
  });
});

describe('a publication copy', () => {
  const done = fixtureFolder({ case: { dates: { ...caseInput().dates, reportCompleted: '2017-11-30' } } });
  const published = buildOverviewReport(done, { draft: 4, publish: true });
  const publishedSummary = buildExecutiveSummary(done, { draft: 4, publish: true });

  it('has no marking and no draft number', () => {
    expect(published.marking).toEqual({ classification: null });
    expect(publishedSummary.marking).toEqual({ classification: null });
  });

  it('gives month and year only, never a precise date', () => {
    const precise = /\b\d{1,2}(st|nd|rd|th)? (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b/;
    for (const r of [published, publishedSummary]) {
      const found = allText(r).filter((t) => precise.test(t));
      expect(found).toEqual([]);
    }
    expect(published.titlePage.completed).toBe('November 2017');
    expect(textOf(section(published, 'review-panel'))).toContain('The panel met three times: in May 2017, July 2017 and September 2017.');
    expect(textOf(section(published, 'chronology'))).toContain('from April 2015 to February 2017');
  });

  it('still holds no real name from the key', () => {
    for (const r of [published, publishedSummary]) {
      for (const name of realNames) expect(occurrences(allText(r), name), name).toEqual([]);
    }
  });
});

describe('the Home Office data form (Template 29)', () => {
  const form = buildDataForm(folder.case, { draft: 3 });

  it('fills the fields from case.yaml, with "Not known" and a prompt for what it does not say', () => {
    const field = (group: string, label: string) => form.groups.find((g) => g.title === group)!.fields.find((f) => f.label === label)!;
    expect(form.groups.map((g) => g.title)).toEqual(['Review', 'Victim', 'Perpetrator', 'General']);
    expect(field('Review', 'Local DHR Reference').value).toBe('SSCP-DHR-2017-01');
    expect(field('Review', 'Police Force').value).toBe('South Yorkshire Police');
    expect(field('Review', 'Name of Review Panel Chair').value).toBe('Margaret Ellis');
    expect(field('Victim', 'Victim Gender').value).toBe('Female');
    expect(field('Victim', 'Age at time of incident').value).toBe('34');
    expect(field('Perpetrator', 'Age at time of incident').value).toBe('38');
    expect(field('Perpetrator', 'Details of verdict').value).toBe('convicted of murder and sentenced to life imprisonment');
    expect(field('General', 'Date of homicide').value).toBe('14 March 2017');
    expect(field('General', 'Number of Children in Household').value).toBe('1');
    expect(field('Review', 'Date report completed')).toMatchObject({ value: 'Not known', known: false });
    expect(field('Perpetrator', 'Ethnicity (ONS)')).toMatchObject({ value: 'Not known', known: false });
    expect(form.prompts).toContainEqual(expect.objectContaining({ section: 'Review', text: 'Date report completed: record it in case.yaml as dates.reportCompleted' }));
    expect(form.prompts.length).toBe(form.groups.flatMap((g) => g.fields).filter((f) => !f.known).length);
  });

  it('gives the Word renderer the same values, and is marked not for publication', () => {
    expect(form.fields).toMatchObject({ localReference: 'SSCP-DHR-2017-01', victimAge: '34', dateCompleted: 'Not known', childrenInHousehold: '1' });
    expect(form.marking).toEqual({ classification: 'OFFICIAL', draft: 3, note: 'Not for publication' });
  });

  it('holds no name of the case', () => {
    const values = form.groups.flatMap((g) => g.fields.map((f) => f.value));
    for (const name of realNames) expect(occurrences(values, name)).toEqual([]);
  });

  it('leaves the number of children "Not known" unless every child says whether they lived in the household', () => {
    const c = caseSchema.parse(caseInput({ people: caseInput().people.map((p) => (p.role === 'child' ? { ...p, household: undefined } : p)) }));
    expect(buildDataForm(c, { draft: 1 }).fields.childrenInHousehold).toBe('Not known');
  });
});

function allTextOf(s: import('../../pipeline/assemble/types.ts').ReportSection): string[] {
  return allText({ kind: 'overview-report', titlePage: {} as never, marking: { classification: null }, sections: [s], figures: [], prompts: [] });
}

function allImages(s: import('../../pipeline/assemble/types.ts').ReportSection): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    const n = node as { type?: string; url?: string; children?: unknown[] };
    if (n.type === 'image' && n.url) out.push(n.url);
    for (const c of n.children ?? []) walk(c);
  };
  s.content.forEach(walk);
  for (const sub of s.subsections ?? []) out.push(...allImages(sub));
  return out;
}

describe("children's sex", () => {
  it('is not given in the tables of people: a daughter is a child, a sister a sibling', () => {
    const texts = [...allTextOf(section(overview, 'confidentiality')), ...allTextOf(section(overview, 'background'))];
    expect(texts.some((t) => /\bdaughter\b/i.test(t))).toBe(false);
    expect(texts).toContain('Child');
    expect(withoutSex('step-daughter')).toBe('step-child');
    expect(withoutSex('stepson')).toBe('stepchild');
    expect(withoutSex('Mother')).toBe('Mother');
    expect(withoutSex('granddaughter')).toBe('grandchild');
    expect(withoutSex('younger sister')).toBe('younger sibling');
  });
});

describe('the action plan', () => {
  const plan = actionPlanSchema.parse({
    recommendations: [
      { id: '1', origin: 'overview', agency: 'South Yorkshire Police', recommendation: 'Share risk assessments with GPs.', lead: 'Head of Public Protection', milestones: ['Process agreed'], targetDate: '2018-06-30', status: 'AMBER' },
      { id: 'GP 1', origin: 'imr', agency: 'GP practice', recommendation: 'Audit MARAC letters.', status: 'COMPLETE', completed: '2018-01-15', outcome: 'Twenty letters audited' },
    ],
  });
  const report = buildOverviewReport(folder, { draft: 1, actionPlan: plan });

  it('is an appendix table with a row per recommendation', () => {
    const appendix = section(report, 'action-plan');
    expect(report.prompts.some((p) => p.sectionId === 'action-plan')).toBe(false);
    const table = appendix.content.find((n) => n.type === 'table');
    if (table?.type !== 'table') throw new Error('no table');
    const rows = table.children.map((r) => r.children.map((cell) => toString(cell)));
    expect(rows).toEqual([
      ['No.', 'Recommendation', 'Lead', 'Key milestones and actions', 'Target date', 'Status'],
      ['1', 'Share risk assessments with GPs.', 'South Yorkshire Police (Head of Public Protection)', 'Process agreed', '30/06/2018', 'Preparation underway (amber)'],
      ['GP 1', 'Audit MARAC letters.', 'GP practice', 'Outcome: Twenty letters audited', '', 'Action completed on 15 January 2018'],
    ]);
  });

  it("gives the review's own recommendations when the chair has not written them", () => {
    const own = section(report, 'recommendations-review');
    expect(textOf(own)).toContain('Share risk assessments with GPs. (South Yorkshire Police)');
    expect(textOf(own)).not.toContain('Audit MARAC letters.');
    const without = buildOverviewReport(folder, { draft: 1 });
    expect(section(without, 'action-plan').content.map((n) => toString(n))).toEqual([
      '[To be completed: the action plan (Template 25): each recommendation with its SMARTER actions, lead, target date and status]',
    ]);
  });
});
