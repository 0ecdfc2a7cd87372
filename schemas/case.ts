/**
 * case.yaml — the single source of truth for a review's facts and its anonymisation key.
 * Only the minimum in the README is required; everything the templates need (Templates 8a,
 * 25, 27, 28, 29 of the guide) has an optional place here. Unknown fields are refused so a
 * typing mistake is caught rather than silently ignored.
 */
import { z } from 'zod';

/** A calendar date written as YYYY-MM-DD that really exists (no 31 February). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'write the date as YYYY-MM-DD, for example 2017-03-14')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'this date does not exist');

const text = z.string().trim().min(1, 'must not be empty');
const names = z.array(text).min(1, 'list at least one name');

export const personRoles = [
  'victim',
  'alleged perpetrator',
  'perpetrator',
  'child',
  'family member',
  'friend',
  'partner',
  'ex-partner',
  'neighbour',
  'colleague',
  'other',
] as const;

/** The Home Office data form's facts about a victim or perpetrator (Template 29). */
export const dataFormPerson = z.strictObject({
  sex: z.string().optional(),
  gender: z.string().optional(),
  age: z.number().int().min(0).max(130).optional(),
  relationship: z.string().optional(),
  ethnicity: z.string().optional(),
  nationality: z.string().optional(),
  religion: z.string().optional(),
  sexualOrientation: z.string().optional(),
  disability: z.string().optional(),
});

export const person = z.strictObject({
  /** The code used in reports: Adult X, Adult XAP, Child XD. */
  code: text,
  role: z.enum(personRoles),
  /** Every real name this person is known by; the engine derives the variants. */
  names,
  /** The family's chosen pseudonym, used in reports instead of the code. */
  pseudonym: text.optional(),
  /** Relationship to the victim, for the genogram: partner, son, mother … */
  relationship: z.string().optional(),
  /** Whether the person lived in the victim's household. */
  household: z.boolean().optional(),
  sex: z.enum(['female', 'male', 'other', 'unknown']).optional(),
  /** Age at the time of the death (the date of birth itself is never published). */
  age: z.number().int().min(0).max(130).optional(),
  dateOfBirth: isoDate.optional(),
  /** Codes of this person's parents, for the genogram. */
  parents: z.array(text).optional(),
  dataForm: dataFormPerson.optional(),
});

export const professional = z.strictObject({
  /** Job-title code: HV1, GP 2, PC1. */
  code: text,
  title: text,
  names,
  agency: z.string().optional(),
});

export const place = z.strictObject({
  names,
  /** A neutral phrase: "the family home", "a local park". */
  replacement: text,
});

const contact = z.strictObject({
  name: z.string().optional(),
  role: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
});

/** An agency taking part (Template 8a: the contact list for agencies completing an IMR). */
export const agency = z.strictObject({
  name: text,
  /** A short name used in tables: "Police", "GP". */
  short: z.string().optional(),
  /** What the agency does, for the overview report's contributors section. */
  role: z.string().optional(),
  imrRequired: z.boolean().default(true),
  /** How the agency knew the victim or perpetrator (when no IMR was required). */
  involvement: z.string().optional(),
  imrAuthor: z
    .strictObject({
      name: z.string().optional(),
      role: z.string().optional(),
      independent: z.boolean().optional(),
      independence: z.string().optional(),
    })
    .optional(),
  seniorManager: contact.optional(),
  contact: contact.optional(),
  panelMember: contact.optional(),
  imrDeadline: isoDate.optional(),
  imrReceived: isoDate.optional(),
  chronologyReceived: isoDate.optional(),
});

export const panelMember = z.strictObject({
  name: text,
  role: z.string().optional(),
  agency: z.string().optional(),
});

const independentPerson = z.strictObject({
  name: text,
  /** Statement of independence from the agencies involved. */
  independence: z.string().optional(),
  /** Career summary / background, for the reports. */
  career: z.string().optional(),
});

const termOfReference = z.union([
  text,
  z.strictObject({ id: z.string().optional(), text, keywords: z.array(z.string()).optional() }),
]);

export const keyDates = z.strictObject({
  /** When the CSP was told of the death. */
  notification: isoDate.optional(),
  /** When the DHR Consideration Panel decided to hold a review. */
  decision: isoDate.optional(),
  decisionReport: isoDate.optional(),
  /** When the Home Office was told of the decision. */
  homeOfficeNotified: isoDate.optional(),
  chairAppointed: isoDate.optional(),
  familyContacted: isoDate.optional(),
  torFinalised: isoDate.optional(),
  panelMeetings: z.array(isoDate).optional(),
  imrDeadline: isoDate.optional(),
  imrsReceived: isoDate.optional(),
  firstDraft: isoDate.optional(),
  finalDraft: isoDate.optional(),
  cspSignOff: isoDate.optional(),
  reportCompleted: isoDate.optional(),
  submittedToHomeOffice: isoDate.optional(),
  homeOfficeApproved: isoDate.optional(),
  published: isoDate.optional(),
  /** Permission from the Home Office to extend the timetable. */
  homeOfficeExtension: isoDate.optional(),
  actionPlanAudits: z.array(isoDate).optional(),
  criminalProceedings: z
    .strictObject({
      charged: isoDate.optional(),
      trial: isoDate.optional(),
      verdict: isoDate.optional(),
      sentence: isoDate.optional(),
      inquest: isoDate.optional(),
      outcome: z.string().optional(),
    })
    .optional(),
});

export const dataForm = z.strictObject({
  policeForce: z.string().optional(),
  placeOfDeath: z.string().optional(),
  methodOfKilling: z.string().optional(),
  verdict: z.string().optional(),
  childrenInHousehold: z.number().int().min(0).optional(),
});

export const caseSchema = z.strictObject({
  reference: text,
  /** The Community Safety Partnership. */
  csp: text,
  /** The letter of this case's codes: X in Adult X. */
  caseLetter: z.string().trim().regex(/^[A-Z]{1,3}$/, 'use one to three capital letters, for example X'),
  review: z.enum(['DHR', 'SIR']),
  /** Draft number of the reports; counted from the output folder when absent. */
  draft: z.number().int().min(1).optional(),
  /** The area the CSP covers: its name is not an identifier (e.g. Sheffield). */
  area: z.string().optional(),
  death: z.strictObject({
    date: isoDate,
    /** A neutral description for the reports ("the family home"); never an address. */
    place: z.string().optional(),
  }),
  reviewPeriod: z
    .strictObject({
      start: isoDate,
      end: isoDate,
      reason: z.string().optional(),
    })
    .optional(),
  people: z.array(person).min(1, 'list at least the victim'),
  professionals: z.array(professional).default([]),
  places: z.array(place).default([]),
  agencies: z.array(agency).default([]),
  panel: z.array(panelMember).default([]),
  chair: independentPerson.optional(),
  author: independentPerson.optional(),
  termsOfReference: z.array(termOfReference).default([]),
  dates: keyDates.default({}),
  family: z
    .strictObject({
      involvement: z.string().optional(),
      pseudonymOffered: z.boolean().optional(),
      advocateOffered: z.boolean().optional(),
      advocate: z.string().optional(),
      contributed: z.boolean().optional(),
      sawDraft: z.boolean().optional(),
    })
    .optional(),
  parallelReviews: z.array(z.string()).default([]),
  dissemination: z.array(z.string()).default([]),
  dataForm: dataForm.optional(),
  report: z
    .strictObject({
      /**
       * The overview report prints the merged chronology in full as an appendix when it has at
       * most this many entries (2,000 unless given); a longer one is summarised there by agency,
       * and is the workbook merged-chronology.xlsx.
       */
      chronologyAppendixLimit: z.number().int().min(0).optional(),
    })
    .optional(),
  anonymisation: z
    .strictObject({
      /** Terms confirmed safe: not identifiers, never flagged. */
      allow: z.array(z.string()).default([]),
    })
    .default({ allow: [] }),
});

export type CaseInput = z.input<typeof caseSchema>;
export type Case = z.output<typeof caseSchema>;
export type Person = z.output<typeof person>;
export type Professional = z.output<typeof professional>;
export type CasePlace = z.output<typeof place>;
export type Agency = z.output<typeof agency>;
