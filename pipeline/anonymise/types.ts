/**
 * The anonymisation model (see DESIGN.md): recognisers find spans in text with offsets;
 * operators decide what replaces them. Key and pattern spans are applied; NLP spans are
 * findings, shown to a person and never applied silently.
 */
import type { Place } from '../errors.ts';

export type SpanKind =
  | 'person'
  | 'professional'
  | 'place'
  | 'postcode'
  | 'phone'
  | 'email'
  | 'nhs-number'
  | 'ni-number'
  | 'date-of-birth'
  | 'date'
  | 'marking'
  | 'organisation';

export type SpanSource = 'key' | 'pattern' | 'nlp' | 'date' | 'marking';

export interface Span {
  /** Offsets into the text given to the recogniser (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
  /** The text matched. */
  text: string;
  kind: SpanKind;
  source: SpanSource;
  /** What replaces it; absent for findings, which are never applied. */
  replacement?: string;
}

/** A possible identifier the key does not cover, for a person to decide on. */
export interface Finding {
  text: string;
  kind: SpanKind;
  /** Where it stands: a package part ("word/footnotes.xml"), sheet and cell, or line. */
  part?: string;
  place?: Place;
  /** Some words either side, to judge it by. */
  context?: string;
}

/** A key identifier still present in a file (the scanner's verdict). */
export interface Leak {
  text: string;
  kind: SpanKind;
  part?: string;
  place?: Place;
  context?: string;
}

/** One replacement made, for the restricted redaction log. */
export interface Replacement {
  original: string;
  replacement: string;
  kind: SpanKind;
  part?: string;
  place?: Place;
}

export interface AnonymiseOptions {
  /** Publication: also generalise precise dates and remove OFFICIAL markings and draft numbers. */
  publish?: boolean;
  /** Look for unlisted names and places with NLP (findings). Default true. */
  nlp?: boolean;
  /**
   * Keep the spans of each text (up to 4,096 characters) for the next time the same text comes:
   * for a build, which looks at each paragraph more than once (the checks, then the reports).
   * Default false: keeping costs a tenth more on text seen once (redact, scan).
   */
  remember?: boolean;
}

/**
 * What a container transform (Word, Excel, Markdown) needs from the engine: the spans to
 * replace in a piece of text, and the findings to report. Offsets are into `text`.
 */
export interface TextAnonymiser {
  /** Spans to apply (key, pattern, and with publish: dates and markings), sorted, non-overlapping. */
  spans(text: string): Span[];
  /** Possible identifiers not in the key (NLP), never applied. */
  findings(text: string): Span[];
}
