/**
 * Repeated problems said once. When one check finds the same kind of problem in many places of
 * a document (a chronology's entries that may duplicate another agency's, the prompts still to
 * complete in a report), a list of hundreds of near-identical warnings hides the ones that
 * matter. They become one problem that says how many there are and what to do, with every
 * place and its own message kept in `occurrences`: nothing is dropped, only said once.
 */
import { plural } from './text.ts';
import type { Occurrence, ValidationProblem } from './types.ts';

/** From how many problems of one check in one document they are grouped. */
export const groupFrom = 4;

/**
 * How many places of a group the report lists. A check whose every problem is flagged on its
 * row of the merged chronology (see chronology.ts) keeps only these in the group, with the
 * count of all; any other group keeps and lists them all.
 */
export const listedOccurrences = 50;

interface Summary {
  message: (count: number) => string;
  /** What to do about all of them, when their own advice differs from one to the next. */
  fix: string;
  /** Whether each keeps its own advice too (it says more than `fix`: a section's guidance, a field's value). */
  ownFix?: boolean;
}

/** What a group of each check says; any other check gets a plain count. */
const summaries: Record<string, Summary> = {
  'chronology.same-event': {
    message: (n) => `${plural(n, 'entry', 'entries')} may record the same event as another agency's entry on a different date.`,
    fix: "For each entry, check its date against the other agency's records. If it is the same event, agree the right date; if not, nothing needs doing.",
  },
  'chronology.outside-period': {
    message: (n) => `${plural(n, 'entry is', 'entries are')} outside the review period.`,
    fix: 'Keep an entry before the period only if it is significant background the terms of reference ask for; check the date of an entry after it.',
  },
  'chronology.client-code': {
    message: (n) => `${plural(n, 'client code is', 'client codes are')} not a code in case.yaml.`,
    fix: 'Write the code from case.yaml instead of each name or unknown code, or add the person to case.yaml.',
  },
  'chronology.staff-named': {
    message: (n) => `${plural(n, 'entry names', 'entries name')} a member of staff instead of giving their job-title code.`,
    fix: "Replace each name with the professional's code from case.yaml (add the professional to case.yaml if they are not there).",
  },
  'chronology.staff-code': {
    message: (n) => `${plural(n, 'staff code is', 'staff codes are')} not among the professionals in case.yaml.`,
    fix: 'Add each to case.yaml professionals (code, title, real name), so that the name can be kept out of the reports, or correct the code.',
  },
  'chronology.end-before-start': {
    message: (n) => `${plural(n, 'entry ends', 'entries end')} before they start.`,
    fix: 'Correct "Date from" or "Date to" of each (dates are day/month/year).',
  },
  'chronology.after-death': {
    message: (n) => `${plural(n, 'entry is', 'entries are')} attributed to the victim but dated after the death.`,
    fix: 'Check the date and the client code of each: it may be about another person, or the date may be wrong.',
  },
  'chronology.gap': {
    message: (n) => `${plural(n, 'period', 'periods')} of more than six months with no agency contact.`,
    fix: 'Check with the agencies whether anything is missing from their chronologies for these periods; if there truly was no contact, the overview report should say so.',
  },
  'report.missing-section': {
    message: (n) => `${plural(n, 'section', 'sections')} the template asks for ${n === 1 ? 'is' : 'are'} missing.`,
    fix: 'Add each, where and as the guide says (below).',
    ownFix: true,
  },
  'report.empty-section': {
    message: (n) => `${plural(n, 'section has', 'sections have')} not been written yet.`,
    fix: 'Write each, as the guide says (below), or remove its heading if it is not needed.',
    ownFix: true,
  },
  'report.order': {
    message: (n) => `${plural(n, 'section is', 'sections are')} out of the template's order.`,
    fix: "Move each so the sections follow the template's order.",
  },
  'data-form.missing': {
    message: (n) => `${plural(n, 'field', 'fields')} of the Home Office data form ${n === 1 ? 'is' : 'are'} not recorded.`,
    fix: 'Record each in case.yaml, as said below.',
    ownFix: true,
  },
  'data-form.value': {
    message: (n) => `${plural(n, 'field', 'fields')} of the Home Office data form ${n === 1 ? 'has a value' : 'have values'} the form does not take.`,
    fix: 'Correct each in case.yaml, as said below.',
    ownFix: true,
  },
  'data-form.wording': {
    message: (n) => `${plural(n, 'field', 'fields')} of the Home Office data form ${n === 1 ? 'is' : 'are'} not written in the Home Office's words.`,
    fix: "Write each as the Home Office's category, as said below.",
    ownFix: true,
  },
  'report.prompt': {
    message: (n) => `${plural(n, 'part', 'parts')} of the report ${n === 1 ? 'is' : 'are'} still to be completed ("[To be completed: …]").`,
    fix: "Write each part in the chair's text for its section (report/ folder) and build the report again.",
  },
  'anonymise.finding': {
    message: (n) => `${plural(n, 'word or phrase', 'words and phrases')} may be names, places or organisations that the anonymisation key does not list.`,
    fix: 'If one identifies someone, add it to case.yaml (people, professionals or places) so it is replaced everywhere; if it is safe, add it to anonymisation.allow.',
  },
};

/**
 * One problem standing for several of the same check: the count in its message, the advice
 * once, and each problem's own message and place (and its own advice where that differs).
 */
export function groupedProblem(first: Pick<ValidationProblem, 'severity' | 'check' | 'place'>, occurrences: Occurrence[], fixes?: string[], count = occurrences.length): ValidationProblem {
  const summary = summaries[first.check ?? ''];
  const sameFix = fixes && fixes.length > 0 && fixes.every((f) => f === fixes[0]) ? fixes[0] : undefined;
  const fix = sameFix ?? summary?.fix ?? 'Each says what to do.';
  const ownFix = !sameFix && (summary ? summary.ownFix === true : true);
  return {
    severity: first.severity,
    check: first.check,
    message: summary ? summary.message(count) : `${plural(count, first.severity === 'error' ? 'problem' : 'warning')} of the same kind:`,
    place: first.place.file !== undefined ? { file: first.place.file } : {},
    fix,
    occurrences: ownFix ? occurrences.map((o, i) => (fixes?.[i] ? { ...o, fix: fixes[i] } : o)) : occurrences,
    ...(count > occurrences.length ? { count } : {}),
  };
}

/**
 * A document's problems with each check that occurs `groupFrom` times or more said once (at the
 * place of its first), the others as they are. Problems already grouped are left alone.
 */
export function groupRepeated(problems: readonly ValidationProblem[], from = groupFrom): ValidationProblem[] {
  const byCheck = new Map<string, ValidationProblem[]>();
  const keyOf = (p: ValidationProblem) => `${p.severity}\u0000${p.check ?? ''}`;
  for (const p of problems) {
    if (p.occurrences || !p.check) continue;
    const list = byCheck.get(keyOf(p));
    if (list) list.push(p);
    else byCheck.set(keyOf(p), [p]);
  }
  const out: ValidationProblem[] = [];
  for (const p of problems) {
    const group = !p.occurrences && p.check ? byCheck.get(keyOf(p)) : undefined;
    if (!group || group.length < from) {
      out.push(p);
      continue;
    }
    if (group[0] !== p) continue;
    out.push(groupedProblem(p, group.map((g) => ({ message: g.message, place: g.place })), group.map((g) => g.fix)));
  }
  return out;
}

/** How many problems one problem stands for: all of a group's, listed or not. */
export function problemCount(p: ValidationProblem): number {
  return p.count ?? p.occurrences?.length ?? 1;
}

/** How many problems a report's problems stand for, counting each occurrence of a group. */
export function occurrenceCount(problems: readonly ValidationProblem[]): number {
  let n = 0;
  for (const p of problems) n += problemCount(p);
  return n;
}
