/**
 * The Home Office data collection form (the guide's Template 29), filled from case.yaml: its
 * `dataForm`, the victims' and perpetrators' `dataForm`, age and sex, and the dates. What the
 * case does not say is written "Not known" and listed as a prompt. Not for publication: the
 * form carries the precise date of the homicide, as the Home Office asks, and is marked so.
 * A Serious Incident Review has no data form.
 */
import type { Case, Person } from '../../schemas/case.ts';
import { DhrError } from '../errors.ts';
import { ageOf, capitalise, longDate, monthYear, perpetrators, reportAuthor, subjectName, victims } from './common.ts';
import type { DataFormFields } from '../render/docx.ts';
import type { Marking, TitlePage } from './types.ts';

export const notKnown = 'Not known';

export interface DataFormField {
  /** The label exactly as Template 29 prints it. */
  label: string;
  value: string;
  /** False when the case does not say, and the value is "Not known". */
  known: boolean;
  /** Where to record it in case.yaml. */
  field: string;
}

export interface DataFormGroup {
  /** "Review", "Victim", "Perpetrator", "General"; "Victim 2" when there are several. */
  title: string;
  fields: DataFormField[];
}

export interface DataFormModel {
  kind: 'home-office-data-form';
  titlePage: TitlePage;
  marking: Marking;
  /** "This form is not for publication – for Home Office data collection only." */
  notice: string;
  groups: DataFormGroup[];
  /** The same values as the Word renderer takes them (the first victim and perpetrator). */
  fields: DataFormFields;
  prompts: { section: string; sectionId: string; text: string }[];
}

export const dataFormNotice = 'This form is not for publication – for Home Office data collection only.';

/** Fill Template 29 from the case. */
export function buildDataForm(c: Case, options: { draft: number }): DataFormModel {
  if (c.review === 'SIR') {
    throw new DhrError('usage', 'a Serious Incident Review has no Home Office data form');
  }
  const d = c.dates;
  const writer = reportAuthor(c);
  const groups: DataFormGroup[] = [
    {
      title: 'Review',
      fields: [
        field('Community Safety Partnership', c.csp, 'csp'),
        field('Local DHR Reference', c.reference, 'reference'),
        field('Police Force', c.dataForm?.policeForce, 'dataForm.policeForce'),
        field('Date first notified to Home Office', date(d.homeOfficeNotified), 'dates.homeOfficeNotified'),
        field('Name of Review Panel Chair', c.chair?.name, 'chair.name'),
        field('Name of Report Author', writer?.name, 'author.name'),
        field('Date report completed', date(d.reportCompleted), 'dates.reportCompleted'),
        field('Date submitted to Home Office', date(d.submittedToHomeOffice), 'dates.submittedToHomeOffice'),
      ],
    },
  ];
  const vs = victims(c);
  const ps = perpetrators(c);
  vs.forEach((v, i) => {
    const at = `people[${c.people.indexOf(v)}]`;
    groups.push({
      title: vs.length > 1 ? `Victim ${i + 1}` : 'Victim',
      fields: [
        field('Victim Gender', genderOf(v), `${at}.dataForm.gender`),
        field('Age at time of incident', ageOf(v)?.toString(), `${at}.dataForm.age`),
        field('Relationship to perpetrator', v.dataForm?.relationship, `${at}.dataForm.relationship`),
        ...characteristics(v, at),
      ],
    });
  });
  if (vs.length === 0) groups.push({ title: 'Victim', fields: [field('Victim Gender', undefined, 'people (a person with role: victim)')] });
  const verdict = c.dataForm?.verdict ?? c.dates.criminalProceedings?.outcome;
  (ps.length > 0 ? ps : [undefined]).forEach((p, i) => {
    const at = p ? `people[${c.people.indexOf(p)}]` : 'people (a person with role: perpetrator)';
    groups.push({
      title: ps.length > 1 ? `Perpetrator ${i + 1}` : 'Perpetrator',
      fields: [
        field('Gender', p && genderOf(p), `${at}.dataForm.gender`),
        field('Age at time of incident', p && ageOf(p)?.toString(), `${at}.dataForm.age`),
        field('Relationship to victim', p?.dataForm?.relationship, `${at}.dataForm.relationship`),
        ...(p ? characteristics(p, at) : characteristics(undefined, at)),
        field('Details of verdict', verdict, 'dataForm.verdict'),
      ],
    });
  });
  groups.push({
    title: 'General',
    fields: [
      field('Date of homicide', longDate(c.death.date), 'death.date'),
      field('Place of murder', c.dataForm?.placeOfDeath ?? c.death.place, 'dataForm.placeOfDeath'),
      field('Method of killing', c.dataForm?.methodOfKilling, 'dataForm.methodOfKilling'),
      field('Number of Children in Household', childrenInHousehold(c), 'dataForm.childrenInHousehold'),
    ],
  });

  const prompts = groups.flatMap((g) =>
    g.fields.filter((f) => !f.known).map((f) => ({ section: g.title, sectionId: `data-form-${g.title.toLowerCase().replace(/\s+/g, '-')}`, text: `${f.label}: record it in case.yaml as ${f.field}` })),
  );
  return {
    kind: 'home-office-data-form',
    titlePage: {
      csp: c.csp,
      reviewType: 'Domestic Homicide Review',
      documentTitle: 'Home Office data collection form',
      subject: subjectName(c),
      deathMonth: monthYear(c.death.date),
      author: writer?.name,
      completed: d.reportCompleted ? longDate(d.reportCompleted) : undefined,
    },
    marking: { classification: 'OFFICIAL', draft: options.draft, note: 'Not for publication' },
    notice: dataFormNotice,
    groups,
    fields: fieldsOf(groups),
    prompts,
  };
}

function field(label: string, value: string | undefined, where: string): DataFormField {
  const v = value?.trim();
  return v ? { label, value: v, known: true, field: where } : { label, value: notKnown, known: false, field: where };
}

function date(iso: string | undefined): string | undefined {
  return iso ? longDate(iso) : undefined;
}

function genderOf(p: Person): string | undefined {
  const sex = p.sex && p.sex !== 'unknown' ? capitalise(p.sex) : undefined;
  return p.dataForm?.gender ?? p.dataForm?.sex ?? sex;
}

function characteristics(p: Person | undefined, at: string): DataFormField[] {
  const f = p?.dataForm;
  return [
    field('Ethnicity (ONS)', f?.ethnicity, `${at}.dataForm.ethnicity`),
    field('Nationality', f?.nationality, `${at}.dataForm.nationality`),
    field('Religion', f?.religion, `${at}.dataForm.religion`),
    field('Sexual Orientation', f?.sexualOrientation, `${at}.dataForm.sexualOrientation`),
    field('Disability', f?.disability, `${at}.dataForm.disability`),
  ];
}

/** The form's count, else the children the case lists as living in the household (when it says for every child). */
function childrenInHousehold(c: Case): string | undefined {
  if (c.dataForm?.childrenInHousehold !== undefined) return String(c.dataForm.childrenInHousehold);
  const children = c.people.filter((p) => p.role === 'child');
  if (children.length === 0 || children.some((p) => p.household === undefined)) return undefined;
  return String(children.filter((p) => p.household).length);
}

/** Template 29's groups as the Word renderer's fields (the first victim's and perpetrator's groups). */
function fieldsOf(groups: DataFormGroup[]): DataFormFields {
  const value = (group: string, label: string): string | undefined => groups.find((g) => g.title === group || g.title === `${group} 1`)?.fields.find((f) => f.label === label)?.value;
  return {
    communitySafetyPartnership: value('Review', 'Community Safety Partnership'),
    localReference: value('Review', 'Local DHR Reference'),
    policeForce: value('Review', 'Police Force'),
    dateNotified: value('Review', 'Date first notified to Home Office'),
    panelChair: value('Review', 'Name of Review Panel Chair'),
    reportAuthor: value('Review', 'Name of Report Author'),
    dateCompleted: value('Review', 'Date report completed'),
    dateSubmitted: value('Review', 'Date submitted to Home Office'),
    victimGender: value('Victim', 'Victim Gender'),
    victimAge: value('Victim', 'Age at time of incident'),
    victimRelationship: value('Victim', 'Relationship to perpetrator'),
    victimEthnicity: value('Victim', 'Ethnicity (ONS)'),
    victimNationality: value('Victim', 'Nationality'),
    victimReligion: value('Victim', 'Religion'),
    victimSexualOrientation: value('Victim', 'Sexual Orientation'),
    victimDisability: value('Victim', 'Disability'),
    perpetratorGender: value('Perpetrator', 'Gender'),
    perpetratorAge: value('Perpetrator', 'Age at time of incident'),
    perpetratorRelationship: value('Perpetrator', 'Relationship to victim'),
    perpetratorEthnicity: value('Perpetrator', 'Ethnicity (ONS)'),
    perpetratorNationality: value('Perpetrator', 'Nationality'),
    perpetratorReligion: value('Perpetrator', 'Religion'),
    perpetratorSexualOrientation: value('Perpetrator', 'Sexual Orientation'),
    perpetratorDisability: value('Perpetrator', 'Disability'),
    verdict: value('Perpetrator', 'Details of verdict'),
    dateOfHomicide: value('General', 'Date of homicide'),
    placeOfHomicide: value('General', 'Place of murder'),
    methodOfKilling: value('General', 'Method of killing'),
    childrenInHousehold: value('General', 'Number of Children in Household'),
  };
}
