/**
 * The reasons the Home Office Quality Assurance Panel is known to send reports back, checked
 * before the reports are sent:
 * - real names or dates of birth anywhere (any report or IMR);
 * - the terms of reference not included in the overview report;
 * - coercive control used without being defined;
 * - an equality section that skips protected characteristics (Equality Act 2010, section 4);
 * - no record of how the family was involved, or that they were offered a pseudonym and an
 *   advocate.
 * What needs the overview report is said to be unchecked when the report was not given.
 */
import type { Case } from '../../schemas/case.ts';
import { protectedCharacteristics } from '../../schemas/checklists.ts';
import type { ReportDocument } from '../assemble/types.ts';
import type { ImrDocument } from '../model.ts';
import { ImrView } from './imr-view.ts';
import { keyLeaks, keyTerms } from './key.ts';
import { findSection, promptPattern, sectionText } from './report-sections.ts';
import { listWords, phraseRegex, plural, sentences, tokens, wordCount } from './text.ts';
import type { CheckAnonymiser, ValidationProblem, Where } from './types.ts';

export interface HomeOfficeInput {
  case: Case;
  imrs: readonly ImrDocument[];
  reports: readonly ReportDocument[];
  anonymiser?: CheckAnonymiser;
  caseFile?: string;
  lineOf?: (field: string) => number | undefined;
  /** What to call each report in places ("overview-report.docx"). */
  reportFile?: (report: ReportDocument) => string;
}

const dobWords = /\b(?:d\.?o\.?b\.?|date\s+of\s+birth|born\s+on)\b\s*:?\s*(?:\d|the\s+\d|\p{L}+\s+\d{1,2})/iu;
const coerciveControl = /\bcoercive\s+(?:and\s+)?control(?:ling)?\b/i;
const definition = /\b(?:defin(?:ition|ed|es)|is\s+defined|means|pattern\s+of|an\s+act\s+or\s+a\s+pattern|section\s+76|serious\s+crime\s+act)\b/i;

export function checkHomeOffice(input: HomeOfficeInput): { problems: ValidationProblem[]; notes: string[] } {
  const c = input.case;
  const problems: ValidationProblem[] = [];
  const notes: string[] = [];
  const caseFile = input.caseFile ?? 'case.yaml';
  const terms = keyTerms(c);
  const leaksIn = (text: string): { text: string; kind?: string }[] => {
    const found = input.anonymiser ? input.anonymiser.leaks(text) : keyLeaks(text, terms);
    if (dobWords.test(text) && !found.some((f) => f.kind === 'date-of-birth')) found.push({ text: '', kind: 'date-of-birth' });
    return found;
  };
  const reportFile = input.reportFile ?? ((r: ReportDocument) => (r.kind === 'executive-summary' ? 'executive summary' : 'overview report'));

  // 1. Real names or dates of birth anywhere.
  const identifierProblem = (what: string, places: { where: Where; kinds: Set<string> }[], isReport: boolean): void => {
    if (places.length === 0) return;
    const kinds = new Set(places.flatMap((p) => [...p.kinds]));
    const words: Record<string, string> = {
      'date-of-birth': 'dates of birth',
      person: 'real names',
      professional: "professionals' real names",
      place: 'real addresses or places',
      postcode: 'postcodes',
      phone: 'phone numbers',
      email: 'email addresses',
      'nhs-number': 'NHS numbers',
      'ni-number': 'National Insurance numbers',
      date: 'precise dates',
      marking: 'protective markings',
    };
    const described = [...kinds].map((k) => words[k] ?? 'other identifiers');
    problems.push({
      severity: 'error',
      check: 'home-office.identifiers',
      message: `${what} contains ${listWords(described)} (${plural(places.length, 'place')}, the first at ${describeWhere(places[0].where)}). The Home Office sends back reports that identify anyone.`,
      place: places[0].where,
      fix: isReport ? 'Add every name to case.yaml so the engine replaces it, and build the report again; then run "dhr scan" on the output.' : 'Run "dhr redact" on the IMR, or replace each name with its code, before its text is used in the reports.',
    });
  };
  for (const report of input.reports) {
    const file = reportFile(report);
    const places: { where: Where; kinds: Set<string> }[] = [];
    const tp = report.titlePage;
    const titleLeaks = leaksIn([tp.subject, tp.deathMonth, tp.completed].filter(Boolean).join('\n'));
    if (titleLeaks.length) places.push({ where: { file, section: 'Title page' }, kinds: new Set(titleLeaks.map((l) => l.kind ?? 'identifier')) });
    for (const section of report.sections) {
      const found = leaksIn(sectionText(section));
      if (found.length) places.push({ where: { file, section: section.title }, kinds: new Set(found.map((l) => l.kind ?? 'identifier')) });
    }
    identifierProblem(`The ${report.kind === 'executive-summary' ? 'executive summary' : 'overview report'}`, places, true);
  }
  for (const imr of input.imrs) {
    const view = ImrView.of(imr);
    const places: { where: Where; kinds: Set<string> }[] = [];
    for (const block of view.blocks()) {
      const found = leaksIn(block.text);
      if (found.length) places.push({ where: view.where(block), kinds: new Set(found.map((l) => l.kind ?? 'identifier')) });
    }
    identifierProblem(`The IMR from ${imr.agency}`, places, false);
  }

  // 5 (case part). The family's involvement, pseudonym and advocate.
  const family = c.family;
  const familyPlace = (field: string): Where => ({ file: caseFile, field, line: input.lineOf?.(field) ?? input.lineOf?.('family') });
  if (!family?.involvement?.trim()) {
    problems.push({ severity: 'error', check: 'home-office.family', message: 'case.yaml has no record of how the family was involved in the review.', place: familyPlace('family.involvement'), fix: 'Record who in the family was contacted, by whom and when, and how they took part (or why they did not), as family.involvement.' });
  }
  if (family?.pseudonymOffered !== true) {
    problems.push({
      severity: 'error',
      check: 'home-office.pseudonym',
      message: family?.pseudonymOffered === false ? 'case.yaml records that the family was not offered the choice of a pseudonym.' : 'case.yaml does not record that the family was offered the choice of a pseudonym.',
      place: familyPlace('family.pseudonymOffered'),
      fix: 'Offer the family the choice of a pseudonym for the victim (guidance 2016, section 6) and record it as family.pseudonymOffered: true; if they chose not to, the report must say so.',
    });
  }
  if (family?.advocateOffered !== true) {
    problems.push({
      severity: 'error',
      check: 'home-office.advocate',
      message: family?.advocateOffered === false ? 'case.yaml records that the family was not offered a specialist advocate.' : 'case.yaml does not record that the family was offered a specialist advocate.',
      place: familyPlace('family.advocateOffered'),
      fix: 'Signpost the family to a specialist advocate (for example AAFDA or the Victim Support Homicide Service) and record it as family.advocateOffered: true.',
    });
  }

  const overview = input.reports.find((r) => r.kind === 'overview-report');
  if (!overview) {
    notes.push('The overview report was not checked for its terms of reference, a definition of coercive control, its equality section and its account of the family\'s involvement: build it ("dhr build") and check the case again.');
    return { problems, notes };
  }
  const file = reportFile(overview);
  const fullText = overview.sections.map((s) => `${s.title}\n${sectionText(s)}`).join('\n').replace(promptPattern, ' ');

  // 2. The terms of reference included.
  const tor = findSection(overview, 'terms-of-reference');
  const torText = tor ? sectionText(tor).replace(promptPattern, ' ') : '';
  if (!tor || wordCount(torText) < 10) {
    problems.push({
      severity: 'error',
      check: 'home-office.terms-of-reference',
      message: tor ? 'The overview report\'s "Terms of reference" section does not set them out.' : 'The overview report does not include the terms of reference.',
      place: { file, section: tor?.title ?? 'Terms of reference' },
      fix: 'Include the terms of reference in full, as agreed by the panel (they are in case.yaml as termsOfReference).',
    });
  } else {
    const have = new Set(tokens(torText));
    const missing = c.termsOfReference
      .map((t, i) => ({ id: typeof t === 'string' ? String(i + 1) : (t.id ?? String(i + 1)), words: [...new Set(tokens(typeof t === 'string' ? t : t.text))] }))
      .filter((t) => t.words.length > 0 && t.words.filter((w) => have.has(w)).length / t.words.length < 0.6);
    if (missing.length > 0) {
      problems.push({
        severity: 'error',
        check: 'home-office.terms-of-reference',
        message: `The overview report's terms of reference leave out ${missing.length === 1 ? 'item' : 'items'} ${listWords(missing.map((m) => m.id))} of case.yaml's termsOfReference.`,
        place: { file, section: tor.title },
        fix: 'Set out every term of reference the panel agreed.',
      });
    }
  }

  // 3. Coercive control defined.
  const uses = sentences(fullText).filter((s) => coerciveControl.test(s));
  if (uses.length > 0 && !uses.some((s) => definition.test(s))) {
    problems.push({
      severity: 'error',
      check: 'home-office.coercive-control',
      message: `The overview report speaks of coercive control (${plural(uses.length, 'time')}) but never defines it.`,
      place: { file, section: overview.sections.find((s) => coerciveControl.test(sectionText(s)))?.title },
      fix: 'Define coercive control where it is first used, for example with the Home Office definition of domestic abuse ("an act or a pattern of acts of assault, threats, humiliation and intimidation or other abuse that is used to harm, punish, or frighten their victim") and the offence in section 76 of the Serious Crime Act 2015.',
    });
  } else if (uses.length === 0) {
    notes.push('The overview report does not mention coercive control; if it was present in the relationship, the report should name and define it.');
  }

  // 4. Equality and diversity: the nine protected characteristics.
  const equality = findSection(overview, 'equality-and-diversity');
  const equalityText = equality ? sectionText(equality).replace(promptPattern, ' ') : '';
  if (!equality || wordCount(equalityText) === 0) {
    problems.push({
      severity: 'error',
      check: 'home-office.equality',
      message: 'The overview report has no equality and diversity section of its own.',
      place: { file, section: equality?.title ?? 'Equality and diversity' },
      fix: 'Address the nine protected characteristics of the Equality Act 2010 (age, disability, gender reassignment, marriage and civil partnership, pregnancy and maternity, race, religion or belief, sex, sexual orientation), and any barriers to services.',
    });
  } else {
    const skipped = protectedCharacteristics.filter((p) => !phraseRegex(p.phrases).test(equalityText)).map((p) => p.title);
    if (skipped.length > 0) {
      problems.push({
        severity: 'error',
        check: 'home-office.equality',
        message: `The equality and diversity section does not address ${listWords(skipped)}.`,
        place: { file, section: equality.title },
        fix: `Say for each of ${listWords(skipped)} whether it was relevant and how it was considered, even if only that it was not.`,
      });
    }
  }

  // 5 (report part). The family's involvement in the report.
  const involvement = findSection(overview, 'involvement-of-family');
  const involvementText = involvement ? sectionText(involvement).replace(promptPattern, ' ') : '';
  if (!involvement || wordCount(involvementText) === 0) {
    problems.push({
      severity: 'error',
      check: 'home-office.family',
      message: 'The overview report does not say how the family, friends and community were involved.',
      place: { file, section: involvement?.title ?? 'Involvement of family, friends, work colleagues, neighbours and wider community' },
      fix: 'Say who was contacted, when and by whom, whether they had an advocate, saw the terms of reference and the draft, and met the panel.',
    });
  } else {
    const lacking: string[] = [];
    if (!/\bpseudonym/i.test(fullText)) lacking.push('whether the family were offered a pseudonym');
    if (!/\badvoca(?:te|cy)\b/i.test(involvementText)) lacking.push('whether the family were offered an advocate');
    if (lacking.length > 0) {
      problems.push({
        severity: 'error',
        check: 'home-office.family',
        message: `The overview report does not say ${listWords(lacking)}.`,
        place: { file, section: involvement.title },
        fix: 'Record the offer and the family\'s answer in the report (the involvement section, and the pseudonyms under "Confidentiality").',
      });
    }
  }
  return { problems, notes };
}

function describeWhere(w: Where): string {
  return [w.section, w.line !== undefined ? `line ${w.line}` : undefined].filter(Boolean).join(', ') || (w.file ?? '');
}
