/**
 * Errors a user can act on. Library code throws DhrError; only pipeline/cli.ts prints it.
 * The place says where the problem is: file, line, sheet and cell, or a field of case.yaml.
 */
export interface Place {
  file?: string;
  line?: number;
  column?: number;
  sheet?: string;
  cell?: string;
  /** A part inside a package, e.g. word/document.xml. */
  part?: string;
  /** A dotted field path in case.yaml, e.g. people[0].names. */
  field?: string;
}

export interface Problem {
  place?: Place;
  message: string;
}

export type DhrErrorCode =
  | 'usage'
  | 'not-found'
  | 'unreadable'
  | 'corrupt'
  | 'encrypted'
  | 'too-large'
  | 'unsupported-format'
  | 'invalid-case'
  | 'invalid-chronology'
  | 'invalid-action-plan'
  | 'unsafe-output'
  | 'leak'
  | 'browser';

export class DhrError extends Error {
  readonly code: DhrErrorCode;
  readonly place?: Place;
  /** Further problems of the same input, reported together (one line each). */
  readonly problems: Problem[];

  constructor(code: DhrErrorCode, message: string, place?: Place, problems: Problem[] = []) {
    super(message);
    this.name = 'DhrError';
    this.code = code;
    this.place = place;
    this.problems = problems;
  }

  /** Every line the user should see, the place first. */
  lines(): string[] {
    if (this.problems.length === 0) return [withPlace(this.place, this.message)];
    return this.problems.map((p) => withPlace(p.place ?? this.place, p.message));
  }
}

/** "imrs/police.docx, sheet Chronology, cell C7" — the place in plain words. */
export function formatPlace(place: Place | undefined): string {
  if (!place) return '';
  const parts: string[] = [];
  if (place.file) parts.push(place.file);
  if (place.part) parts.push(`part ${place.part}`);
  if (place.sheet) parts.push(`sheet "${place.sheet}"`);
  if (place.cell) parts.push(`cell ${place.cell}`);
  if (place.line !== undefined) parts.push(place.column !== undefined ? `line ${place.line}, column ${place.column}` : `line ${place.line}`);
  if (place.field) parts.push(`field ${place.field}`);
  return parts.join(', ');
}

function withPlace(place: Place | undefined, message: string): string {
  const where = formatPlace(place);
  return where ? `${where}: ${message}` : message;
}
