import { describe, expect, it } from 'vitest';
import { createAnonymiser } from '../../pipeline/anonymise/engine.ts';
import { checkHomeOffice } from '../../pipeline/validate/home-office.ts';
import { changed, goodImr, imrFrom, testCase } from './fixtures.ts';
import { goodOverview, goodSummary, section } from './reports.ts';
import type { ReportSection } from '../../pipeline/assemble/types.ts';

const c = testCase();
const run = (over: Partial<Parameters<typeof checkHomeOffice>[0]> = {}) =>
  checkHomeOffice({ case: c, imrs: [imrFrom(goodImr, c)], reports: [goodOverview(), goodSummary()], anonymiser: createAnonymiser(c), ...over });
const replace = (id: string, markdown: string) => (s: ReportSection[]) => s.map((x) => (x.id === id ? section(id, x.title, markdown) : x));

describe("the Home Office Quality Assurance Panel's reasons for sending reports back", () => {
  it('finds none in a clean case', () => {
    expect(run().problems).toEqual([]);
  });

  it('finds a real name and a date of birth in a report, without printing them', () => {
    const r = run({ reports: [goodOverview(replace('background', 'Jane Smith, born 02/05/1980, lived at the family home.'))] });
    expect(r.problems).toEqual([
      expect.objectContaining({ severity: 'error', check: 'home-office.identifiers', place: { file: 'overview report', section: 'Background information (the facts)' } }),
    ]);
    expect(r.problems[0].message).toMatch(/^The overview report contains real names and dates of birth \(1 place/);
    expect(JSON.stringify(r)).not.toMatch(/Jane|Smith|1980/);
  });

  it('finds a date of birth given in words, and a name in an IMR', () => {
    const r = run({ imrs: [imrFrom(changed(['PC1 attended the family home', 'PC1 attended Mark Davies (DOB 3 June 1977) at the family home']), c)] });
    expect(r.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^The IMR from Testshire Police contains real names and dates of birth/)]);
  });

  it('finds the terms of reference missing, or incomplete', () => {
    expect(run({ reports: [goodOverview((s) => s.filter((x) => x.id !== 'terms-of-reference'))] }).problems.map((p) => p.message)).toEqual(['The overview report does not include the terms of reference.']);
    const partial = run({ reports: [goodOverview(replace('terms-of-reference', '1. Establish whether risk was identified and assessed using the DASH risk checklist.'))] });
    expect(partial.problems.map((p) => p.message)).toEqual(["The overview report's terms of reference leave out items 2 and 3 of case.yaml's termsOfReference."]);
  });

  it('finds coercive control used without a definition', () => {
    const r = run({ reports: [goodOverview(replace('analysis', 'Officers did not recognise the coercive control Adult X described.'))] });
    expect(r.problems.map((p) => p.message)).toEqual(['The overview report speaks of coercive control (2 times) but never defines it.']);
    expect(r.problems[0].place.section).toBe('Terms of reference');
  });

  it('lists the protected characteristics the equality section skips', () => {
    const r = run({ reports: [goodOverview(replace('equality-and-diversity', 'Adult X was a 36-year-old White British woman; her religion and any disability were considered.'))] });
    expect(r.problems.map((p) => p.message)).toEqual(['The equality and diversity section does not address gender reassignment, marriage and civil partnership, pregnancy and maternity and sexual orientation.']);
  });

  it('finds no record that the family were involved, or offered a pseudonym and an advocate', () => {
    const bare = testCase((y) => y.replace(/family:\n[\s\S]*?(?=anonymisation:)/, ''));
    const r = run({ case: bare });
    expect(r.problems.map((p) => p.check)).toEqual(['home-office.family', 'home-office.pseudonym', 'home-office.advocate']);
    expect(r.problems[1].place).toMatchObject({ file: 'case.yaml', field: 'family.pseudonymOffered' });
    const refused = testCase((y) => y.replace('pseudonymOffered: true', 'pseudonymOffered: false'));
    expect(run({ case: refused }).problems.map((p) => p.message)).toEqual(['case.yaml records that the family was not offered the choice of a pseudonym.']);
  });

  it("finds a report that does not say whether the family had an advocate", () => {
    const r = run({ reports: [goodOverview(replace('involvement-of-family', "Adult X's mother met the chair twice and chose the pseudonym used in this report."))] });
    expect(r.problems.map((p) => p.message)).toEqual(['The overview report does not say whether the family were offered an advocate.']);
  });

  it('says what it could not check without the overview report', () => {
    const r = run({ reports: [] });
    expect(r.problems).toEqual([]);
    expect(r.notes.join(' ')).toMatch(/The overview report was not checked/);
  });
});
