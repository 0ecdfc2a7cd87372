/**
 * The Home Office data collection form (the guide's Template 29): every field filled, and each
 * categorised field written in the Home Office's categories (schemas/data-form-values.ts).
 *
 * The form is checked as the assemble stage fills it (pipeline/assemble/data-form.ts), so the
 * check and the form can never disagree about where a value comes from.
 */
import { buildDataForm, type DataFormField } from '../assemble/data-form.ts';
import type { Case } from '../../schemas/case.ts';
import { dataFormLists, type AllowedList } from '../../schemas/data-form-values.ts';
import { allowedWords, matchValue, written } from './values.ts';
import type { ValidationProblem, Where } from './types.ts';

/** Template 29's labels → the list their values come from. */
const listOf: Record<string, AllowedList> = {
  'Police Force': dataFormLists.policeForce,
  'Victim Gender': dataFormLists.sex,
  Gender: dataFormLists.sex,
  'Relationship to perpetrator': dataFormLists.relationship,
  'Relationship to victim': dataFormLists.relationship,
  'Ethnicity (ONS)': dataFormLists.ethnicity,
  Religion: dataFormLists.religion,
  'Sexual Orientation': dataFormLists.sexualOrientation,
  Disability: dataFormLists.disability,
  'Details of verdict': dataFormLists.verdict,
  'Method of killing': dataFormLists.methodOfKilling,
};

/** Fields that are only known late in a review: missing is a reminder, not an error. */
const later = new Set(['Date report completed', 'Date submitted to Home Office', 'Details of verdict']);

export interface DataFormCheckOptions {
  /** The case file's name, for places. */
  caseFile?: string;
  /** Finds the line of a case.yaml field, when the source is at hand. */
  lineOf?: (field: string) => number | undefined;
}

/** Problems with the data form; none for a Serious Incident Review, which has no form. */
export function checkDataForm(c: Case, options: DataFormCheckOptions = {}): ValidationProblem[] {
  if (c.review === 'SIR') return [];
  const file = options.caseFile ?? 'case.yaml';
  const form = buildDataForm(c, { draft: 1 });
  const problems: ValidationProblem[] = [];
  const place = (f: DataFormField, group: string): Where => ({ file, field: f.field, line: options.lineOf?.(f.field), section: `${group}: ${f.label}` });

  for (const group of form.groups) {
    for (const f of group.fields) {
      if (!f.known) {
        const isLater = later.has(f.label);
        problems.push({
          severity: isLater ? 'warning' : 'error',
          check: 'data-form.missing',
          message: `"${f.label}" (${group.title}) is not recorded${isLater ? ' yet' : ''}.`,
          place: place(f, group.title),
          fix: `Record it in case.yaml as ${f.field}${listOf[f.label] ? `, using one of: ${allowedWords(listOf[f.label])}` : ''}${isLater ? ', when it is known' : ''}.`,
        });
        continue;
      }
      if (f.label === 'Age at time of incident') {
        const n = Number(f.value);
        if (!Number.isInteger(n) || n < 0 || n > 130) {
          problems.push({ severity: 'error', check: 'data-form.value', message: `"${f.label}" (${group.title}) is "${f.value}", which is not an age in years.`, place: place(f, group.title), fix: 'Write the age in whole years at the time of the homicide.' });
        } else if (group.title.startsWith('Victim') && n < 16) {
          problems.push({ severity: 'warning', check: 'data-form.value', message: `The victim's age is ${n}: a Domestic Homicide Review is for a person aged 16 or over.`, place: place(f, group.title), fix: 'Check the age; a younger child is reviewed under child safeguarding procedures.' });
        }
        continue;
      }
      const list = listOf[f.label];
      if (!list) continue;
      const m = matchValue(f.value, list);
      if (m.kind === 'exact') continue;
      if (m.kind === 'synonym') {
        problems.push({
          severity: 'warning',
          check: 'data-form.wording',
          message: `"${f.label}" (${group.title}) is written "${f.value}"; the Home Office category is "${written(m.value)}".`,
          place: place(f, group.title),
          fix: `Write "${written(m.value)}"${m.detail ? ` (the detail "${m.detail}" may follow it)` : ''} in case.yaml at ${f.field}.`,
        });
        continue;
      }
      problems.push({
        severity: 'error',
        check: 'data-form.value',
        message: `"${f.label}" (${group.title}) is "${f.value}", which is not one of the ${list.label === 'Ethnicity (ONS)' ? 'ONS ethnic groups' : 'Home Office categories'}.${m.suggestion ? ` Did you mean "${written(m.suggestion)}"?` : ''}`,
        place: place(f, group.title),
        fix: `Use one of: ${allowedWords(list)}${list.detail ? ' (detail may follow after a colon)' : ''}. Source: ${list.source}.`,
      });
    }
  }
  return problems;
}
