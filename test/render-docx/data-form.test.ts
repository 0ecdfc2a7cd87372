import { describe, expect, it } from 'vitest';
import { dataFormRows, renderDataFormDocx, type DataFormFields } from '../../pipeline/render/docx.ts';
import type { Marking, TitlePage } from '../../pipeline/assemble/types.ts';
import { titlePage } from './fixtures.ts';
import { openDocx, packageProblems, partText, toHtml } from './package-checks.ts';

const formTitle: TitlePage = { ...titlePage, documentTitle: 'Home Office data collection form' };
const marking: Marking = { classification: 'OFFICIAL', draft: 2, note: 'Not for publication' };

/** Every field, each with a value no other field has. */
const fields: Required<DataFormFields> = {
  communitySafetyPartnership: 'Sheffield Safer and Sustainable Communities Partnership',
  localReference: 'DHR 2017/03',
  policeForce: 'South Yorkshire Police',
  dateNotified: '4 April 2017',
  panelChair: 'J. Example',
  reportAuthor: 'K. Author',
  dateCompleted: '20 November 2017',
  dateSubmitted: '1 December 2017',
  victimGender: 'Female',
  victimAge: 34,
  victimRelationship: 'Partner',
  victimEthnicity: 'English, Welsh, Scottish, Northern Irish or British',
  victimNationality: 'British',
  victimReligion: 'No religion',
  victimSexualOrientation: 'Heterosexual or straight',
  victimDisability: 'No',
  perpetratorGender: 'Male',
  perpetratorAge: 37,
  perpetratorRelationship: 'Ex-partner',
  perpetratorEthnicity: 'Any other White background',
  perpetratorNationality: 'Polish',
  perpetratorReligion: 'Christian',
  perpetratorSexualOrientation: 'Bisexual',
  perpetratorDisability: 'Yes: learning disability',
  verdict: 'Convicted of murder: life, minimum term 18 years',
  dateOfHomicide: 'March 2017',
  placeOfHomicide: "The victim's home",
  methodOfKilling: 'Sharp instrument',
  childrenInHousehold: 2,
};

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

describe('the Home Office data form as Word', () => {
  it('fills every field into the cell beside its label in Template 29, and says it is not for publication', async () => {
    const bytes = await renderDataFormDocx(fields, marking, formTitle);
    const parts = openDocx(bytes);
    expect(packageProblems(parts)).toEqual([]);
    const html = await toHtml(bytes);
    for (const group of dataFormRows) {
      for (const row of group.rows) {
        const cells = `<td><p><strong>${escapeHtml(row.label)}</strong></p></td><td><p>${escapeHtml(String(fields[row.field]))}</p></td>`;
        expect(html, row.field).toContain(cells);
      }
    }
    expect(html).not.toContain('[To be completed');
    expect(html).toContain('This form is not for publication – for Home Office data collection only.');
    expect(html).toContain('Home Office data collection form');
    const header = partText(parts, 'word/header1.xml');
    expect(header).toContain('>OFFICIAL<');
    expect(header).toContain('>Draft v2<');
    expect(header).toContain('>Not for publication<');
  });

  it('has one row for each of the guide’s fields, in the guide’s order', () => {
    const labels = dataFormRows.flatMap((group) => group.rows.map((row) => row.label));
    expect(labels).toEqual([
      'Community Safety Partnership',
      'Local DHR Reference',
      'Police Force',
      'Date first notified to Home Office',
      'Name of Review Panel Chair',
      'Name of Report Author',
      'Date report completed',
      'Date submitted to Home Office',
      'Gender',
      'Age at time of incident',
      'Relationship to perpetrator',
      'Ethnicity (ONS)',
      'Nationality',
      'Religion',
      'Sexual Orientation',
      'Disability',
      'Gender',
      'Age at time of incident',
      'Relationship to victim',
      'Ethnicity (ONS)',
      'Nationality',
      'Religion',
      'Sexual Orientation',
      'Disability',
      'Details of verdict',
      'Date of homicide',
      'Place of murder',
      'Method of killing',
      'Number of Children in Household',
    ]);
    expect(new Set(dataFormRows.flatMap((g) => g.rows.map((r) => r.field))).size).toBe(Object.keys(fields).length);
  });

  it('shows a highlighted prompt in every cell it has no value for', async () => {
    const bytes = await renderDataFormDocx({ policeForce: 'South Yorkshire Police', victimAge: 0 }, marking, formTitle);
    const html = await toHtml(bytes);
    expect(html).toContain('<td><p><strong>Police Force</strong></p></td><td><p>South Yorkshire Police</p></td>');
    expect(html).toContain('<td><p><strong>Age at time of incident</strong></p></td><td><p>0</p></td>');
    expect(html).toContain('<td><p><strong>Local DHR Reference</strong></p></td><td><p>[To be completed]</p></td>');
    const document = partText(openDocx(bytes), 'word/document.xml');
    const prompts = document.match(/<w:rStyle w:val="ToBeCompleted"\/><\/w:rPr><w:t xml:space="preserve">\[To be completed\]<\/w:t>/g) ?? [];
    expect(prompts).toHaveLength(dataFormRows.flatMap((g) => g.rows).length - 2);
  });

  it('gives the same bytes for the same fields', async () => {
    const first = await renderDataFormDocx(fields, marking, formTitle);
    const second = await renderDataFormDocx(fields, marking, formTitle);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });
});
