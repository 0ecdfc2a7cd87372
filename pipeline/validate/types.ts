/**
 * What the validate stage produces: checklist verdicts with their evidence, and problems with
 * their place and what to do about them. Plain objects, printed as JSON by `dhr check --json`
 * and rendered to Markdown and HTML by render.ts.
 */
import type { Place } from '../errors.ts';

/** Where a piece of evidence or a problem stands: a file and, inside it, a section, line, sheet and cell or field. */
export interface Where extends Place {
  /** The section or heading as written in the document. */
  section?: string;
  /** A row of a table or chronology (1-based, as a spreadsheet shows it). */
  row?: number;
  /** A column of a spreadsheet by its heading: "Date from", "Staff code". */
  columnName?: string;
}

export type ItemStatus = 'pass' | 'fail' | 'review';

export interface Evidence {
  /** The words found, anonymised and shortened. */
  quote?: string;
  where?: Where;
  /** What this evidence shows, or what is missing, in plain English. */
  note: string;
}

export interface ChecklistItemResult {
  id: number;
  title: string;
  status: ItemStatus;
  evidence: Evidence[];
}

export interface ChecklistResult {
  file: string;
  agency: string;
  items: ChecklistItemResult[];
}

export type Severity = 'error' | 'warning';

export interface ValidationProblem {
  severity: Severity;
  /** What is wrong, in plain English. */
  message: string;
  place: Where;
  /** What to do about it. */
  fix: string;
  /** A short machine-readable name of the check, e.g. "chronology.after-death". */
  check?: string;
  /**
   * When the check found this many times in one document, the problem stands for all of them
   * (its message says how many; see group.ts): each one's own message and place, and its own
   * advice when that says more than `fix` (a section's guidance, a field's value).
   */
  occurrences?: Occurrence[];
  /**
   * How many places the group stands for, when it lists only the first of them: a check that
   * flags each on its row of the merged chronology (`chronologyFlags`) keeps the rest there.
   */
  count?: number;
}

/** One of the places a grouped problem stands for. */
export interface Occurrence {
  message: string;
  place: Where;
  fix?: string;
}

export type DocumentKind =
  | 'imr'
  | 'overview-report'
  | 'executive-summary'
  | 'data-form'
  | 'action-plan'
  | 'chronology'
  | 'timetable'
  | 'home-office';

export interface ValidatedDocument {
  /** The file checked, or what stands for it ("case.yaml" for the data form and timetable). */
  file: string;
  kind: DocumentKind;
  /** A heading for people: "IMR from South Yorkshire Police", "Chronology from Housing". */
  title: string;
  /** Checklist verdicts (IMRs only). */
  items?: ChecklistItemResult[];
  problems: ValidationProblem[];
  /** Things checked that passed, or could not be checked, said once in plain words. */
  notes?: string[];
}

export interface ValidationReport {
  /** The case reference from case.yaml. */
  case: string;
  /** The date the checks were run for (YYYY-MM-DD). */
  today: string;
  documents: ValidatedDocument[];
  /** Per-row flags for the merged chronology: row key (see chronology.ts rowKey) → messages. */
  chronologyFlags: Record<string, string[]>;
  summary: { pass: number; fail: number; review: number; errors: number; warnings: number };
}

/**
 * What the checks need from the anonymisation engine (pipeline/anonymise/engine.ts):
 * key identifiers and pattern hits still present, possible names the key does not list, and
 * optionally the anonymised text itself for quoting evidence.
 */
export interface CheckAnonymiser {
  leaks(text: string): { text: string; kind?: string }[];
  findings(text: string): { text: string; kind?: string }[];
  /** The text anonymised: a string, or the engine's result with the text in `text`. */
  apply?(text: string): string | { text: string };
}
