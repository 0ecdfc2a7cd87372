import { describe, expect, it } from 'vitest';
import { checkDataForm } from '../../pipeline/validate/data-form.ts';
import { matchValue } from '../../pipeline/validate/values.ts';
import { dataFormLists, ethnicity } from '../../schemas/data-form-values.ts';
import { caseYaml, testCase } from './fixtures.ts';
import { fieldLineFinder } from '../../pipeline/validate/yaml-lines.ts';

describe('allowed values', () => {
  it('has the 18 ONS ethnic groups of the 2011 Census and "Not known"', () => {
    expect(ethnicity.values).toHaveLength(19);
    expect(ethnicity.values.filter((v) => v.group === 'White')).toHaveLength(4);
  });

  it('accepts a value as written, with or without its group, whatever the punctuation', () => {
    expect(matchValue('White: English / Welsh / Scottish / Northern Irish / British', ethnicity).kind).toBe('exact');
    expect(matchValue('English, Welsh, Scottish, Northern Irish or British', ethnicity).kind).toBe('exact');
    expect(matchValue('Pakistani', ethnicity).kind).toBe('exact');
  });

  it('recognises the usual other wordings and says which category they are', () => {
    const m = matchValue('White British', ethnicity);
    expect(m.kind).toBe('synonym');
    expect(m.kind === 'synonym' && m.value.value).toBe('English, Welsh, Scottish, Northern Irish or British');
  });

  it('suggests the nearest value for a typing mistake', () => {
    const m = matchValue('Bangladeshy', ethnicity);
    expect(m.kind).toBe('none');
    expect(m.kind === 'none' && m.suggestion?.value).toBe('Bangladeshi');
  });

  it('accepts detail after a value where the list allows it, and not where it does not', () => {
    expect(matchValue('Yes: learning disability', dataFormLists.disability)).toMatchObject({ kind: 'exact', detail: 'learning disability' });
    expect(matchValue('Christian (Methodist)', dataFormLists.religion)).toMatchObject({ kind: 'exact' });
    expect(matchValue('Sharp instrument: kitchen knife', dataFormLists.methodOfKilling).kind).toBe('none');
  });
});

describe('the Home Office data form (Template 29)', () => {
  it('asks only for what is not known yet on a complete case', () => {
    const problems = checkDataForm(testCase());
    expect(problems.map((p) => [p.severity, p.message])).toEqual([
      ['warning', '"Date report completed" (Review) is not recorded yet.'],
      ['warning', '"Date submitted to Home Office" (Review) is not recorded yet.'],
    ]);
  });

  it('finds a value that is not a category, with the nearest one and the list, and the line of case.yaml', () => {
    const yaml = caseYaml.replace("ethnicity: Irish", "ethnicity: Iirsh");
    const c = testCase(() => yaml);
    const p = checkDataForm(c, { lineOf: fieldLineFinder(yaml) }).find((x) => x.check === 'data-form.value');
    expect(p?.severity).toBe('error');
    expect(p?.message).toBe('"Ethnicity (ONS)" (Perpetrator) is "Iirsh", which is not one of the ONS ethnic groups. Did you mean "White: Irish"?');
    expect(p?.fix).toMatch(/^Use one of: "White: English, Welsh, Scottish, Northern Irish or British", "White: Irish"/);
    expect(p?.place).toMatchObject({ file: 'case.yaml', field: 'people[1].dataForm.ethnicity', line: yaml.split('\n').findIndex((l) => l.includes('Iirsh')) + 1 });
  });

  it('asks for the Home Office wording of a value written another way', () => {
    const c = testCase((y) => y.replace('methodOfKilling: Sharp instrument', 'methodOfKilling: Stabbing'));
    const p = checkDataForm(c).find((x) => x.check === 'data-form.wording');
    expect(p).toMatchObject({ severity: 'warning', message: '"Method of killing" (General) is written "Stabbing"; the Home Office category is "Sharp instrument".' });
  });

  it('finds a missing field and says where to record it', () => {
    const c = testCase((y) => y.replace("      religion: No religion\n", ''));
    const p = checkDataForm(c).find((x) => x.check === 'data-form.missing' && x.severity === 'error');
    expect(p?.message).toBe('"Religion" (Victim) is not recorded.');
    expect(p?.fix).toMatch(/^Record it in case.yaml as people\[0\]\.dataForm\.religion, using one of: "No religion", "Christian"/);
  });

  it('checks the police force against the forces of England and Wales', () => {
    expect(checkDataForm(testCase((y) => y.replace('policeForce: South Yorkshire Police', 'policeForce: South Yorkshire'))).find((x) => x.check === 'data-form.wording')?.message).toMatch(/"Police Force" \(Review\) is written "South Yorkshire"; the Home Office category is "South Yorkshire Police"/);
    const p = checkDataForm(testCase((y) => y.replace('policeForce: South Yorkshire Police', 'policeForce: Gotham City Police'))).find((x) => x.check === 'data-form.value');
    expect(p?.message).toMatch(/"Police Force" \(Review\) is "Gotham City Police", which is not one of the Home Office categories/);
  });

  it('warns of a victim younger than sixteen', () => {
    const c = testCase((y) => y.replace('      age: 36\n', '      age: 12\n'));
    const p = checkDataForm(c).find((x) => x.message.includes('aged 16 or over'));
    expect(p?.severity).toBe('warning');
  });

  it('has no data form for a Serious Incident Review', () => {
    expect(checkDataForm(testCase((y) => y.replace('review: DHR', 'review: SIR').replace("      religion: No religion\n", '')))).toEqual([]);
  });
});
