/**
 * The sample case's case.yaml: it validates against the schema, fills every optional field the
 * schema has, and its key has the variety the anonymiser must cope with.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCaseFile } from '../../pipeline/ingest/case.ts';
import { agency, caseSchema, dataFormPerson, keyDates, person, professional } from '../../schemas/case.ts';
import { sampleDir } from './helpers.ts';

const caseFile = path.join(sampleDir, 'case.yaml');

/** The field names of a zod object schema. */
function fields(schema: { shape: Record<string, unknown> }): string[] {
  return Object.keys(schema.shape);
}

describe('samples/adult-x/case.yaml', () => {
  it('loads and validates with loadCaseFile', async () => {
    const c = await loadCaseFile(caseFile);
    expect(c.reference).toBe('SSCP-DHR-2017-03');
    expect(c.csp).toBe('Sheffield Safer and Sustainable Communities Partnership');
    expect(c.area).toBe('Sheffield');
    expect(c.caseLetter).toBe('X');
    expect(c.review).toBe('DHR');
    expect(c.draft).toBe(2);
    expect(c.death).toEqual({ date: '2017-04-22', place: 'the family home' });
  });

  it('fills every top-level field of the schema (written in the file, not filled in by a default)', async () => {
    const written = parse(readFileSync(caseFile, 'utf8')) as Record<string, unknown>;
    for (const key of fields(caseSchema)) expect(written, key).toHaveProperty(key);
    const c = await loadCaseFile(caseFile);
    expect(c.termsOfReference.length).toBeGreaterThanOrEqual(6);
    expect(c.termsOfReference.length).toBeLessThanOrEqual(9);
    expect(c.anonymisation.allow.length).toBeGreaterThan(0);
    expect(c.parallelReviews.length).toBeGreaterThan(0);
    expect(c.dissemination.length).toBeGreaterThan(0);
    expect(Object.keys(c.family ?? {}).sort()).toEqual(['advocate', 'advocateOffered', 'contributed', 'involvement', 'pseudonymOffered', 'sawDraft']);
    expect(Object.keys(c.dataForm ?? {}).sort()).toEqual(['childrenInHousehold', 'methodOfKilling', 'placeOfDeath', 'policeForce', 'verdict']);
    expect(Object.keys(c.reviewPeriod ?? {}).sort()).toEqual(['end', 'reason', 'start']);
    expect(Object.keys(c.chair ?? {}).sort()).toEqual(['career', 'independence', 'name']);
    expect(Object.keys(c.author ?? {}).sort()).toEqual(['career', 'independence', 'name']);
  });

  it('fills every field of a person, a professional and an agency somewhere', async () => {
    const c = await loadCaseFile(caseFile);
    const victim = c.people.find((p) => p.role === 'victim')!;
    for (const key of fields(person)) expect(victim, `victim.${key}`).toHaveProperty(key);
    for (const key of fields(dataFormPerson)) expect(victim.dataForm, `victim.dataForm.${key}`).toHaveProperty(key);
    const perpetrator = c.people.find((p) => p.role === 'alleged perpetrator')!;
    for (const key of fields(dataFormPerson)) expect(perpetrator.dataForm, `perpetrator.dataForm.${key}`).toHaveProperty(key);
    for (const pro of c.professionals) for (const key of fields(professional)) expect(pro, `${pro.code}.${key}`).toHaveProperty(key);
    const written = parse(readFileSync(caseFile, 'utf8')) as { agencies: Record<string, unknown>[] };
    const police = written.agencies.find((a) => a.name === 'South Yorkshire Police')!;
    for (const key of fields(agency).filter((k) => k !== 'involvement')) expect(police, `police.${key}`).toHaveProperty(key);
    expect(c.agencies.some((a) => a.imrRequired === false && a.involvement)).toBe(true);
  });

  it('records the key dates the issue names', async () => {
    const c = await loadCaseFile(caseFile);
    for (const key of ['notification', 'decision', 'homeOfficeNotified', 'torFinalised', 'imrDeadline', 'panelMeetings', 'criminalProceedings'] as const) {
      expect(c.dates, key).toHaveProperty(key);
    }
    expect(c.dates.panelMeetings).toHaveLength(4);
    expect(c.dates.criminalProceedings?.outcome).toMatch(/convicted of murder/);
    // Every date field the schema has is either filled or explained as not yet reached.
    const notYet = ['finalDraft', 'cspSignOff', 'reportCompleted', 'submittedToHomeOffice', 'homeOfficeApproved', 'published', 'actionPlanAudits'];
    for (const key of fields(keyDates)) if (!notYet.includes(key)) expect(c.dates, key).toHaveProperty(key);
  });

  it('has the people, professionals, places and agencies the anonymiser is tested against', async () => {
    const c = await loadCaseFile(caseFile);
    expect(c.people.map((p) => p.code)).toEqual(['Adult X', 'Adult XAP', 'Child XD', 'Child XS', 'Adult XM', 'Adult XF']);
    const victim = c.people[0];
    expect(victim.pseudonym).toBe('Ellie');
    const allNames = c.people.flatMap((p) => p.names);
    expect(allNames.some((n) => /[\u00C0-\u017F]/.test(n))).toBe(true); // a diacritic: Zoë, Siobhán
    expect(allNames.some((n) => /\p{L}-\p{L}/u.test(n.split(' ').at(-1)!))).toBe(true); // a hyphenated surname
    for (const p of c.people) expect(p.names.length, p.code).toBeGreaterThanOrEqual(2);
    // Genogram: every parent code is a person in the key.
    const codes = new Set(c.people.map((p) => p.code));
    for (const p of c.people) for (const parent of p.parents ?? []) expect(codes.has(parent), `${p.code} → ${parent}`).toBe(true);

    expect(c.professionals.length).toBeGreaterThanOrEqual(10);
    for (const code of ['HV1', 'GP1', 'GP2', 'PC1', 'PC2', 'DC1', 'IDVA1', 'SW1', 'HO1', 'MW1']) {
      expect(c.professionals.map((p) => p.code)).toContain(code);
    }
    expect(c.places.length).toBeGreaterThanOrEqual(5);
    expect(c.places[0].names[0]).toBe('14 Hollybank Croft');
    expect(c.agencies.filter((a) => a.imrRequired).map((a) => a.short)).toEqual(['Police', 'GP', 'Housing', 'IDVAS']);
  });
});
