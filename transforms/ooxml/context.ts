/**
 * What every OOXML transform carries while it works through a package: the engine, where it
 * is (file and part), and the log of what it replaced and what it found.
 */
import type { Place } from '../../pipeline/errors.ts';
import type { Finding, Replacement, Span, TextAnonymiser } from '../../pipeline/anonymise/types.ts';

export interface RedactOptions {
  /** Publication: the engine also generalises dates and removes markings; date values in content controls go. */
  publish?: boolean;
  /** The file's name, for messages and the log. */
  file?: string;
  /** Ask the engine for findings (NLP). Default true. */
  nlp?: boolean;
}

export interface RedactResult {
  bytes: Uint8Array;
  replacements: Replacement[];
  findings: Finding[];
  /** What could not be checked or changed (an embedded binary object), in plain words. */
  warnings: string[];
}

export class RedactionContext {
  readonly anonymiser: TextAnonymiser;
  readonly file?: string;
  readonly publish: boolean;
  readonly nlp: boolean;
  readonly replacements: Replacement[] = [];
  readonly findings: Finding[] = [];
  readonly warnings: string[] = [];
  /** The part being worked on (inside an embedded package: "word/embeddings/x.xlsx!xl/sharedStrings.xml"). */
  part = '';
  /** Prefix of part names while an embedded package is worked on. */
  prefix = '';
  /** Bookmark names renamed because they held an identifier, shared by every part. */
  private readonly bookmarks = new Map<string, string>();

  /** Set the part being worked on. */
  enter(part: string): void {
    this.part = this.prefix + part;
  }

  constructor(anonymiser: TextAnonymiser, options: RedactOptions = {}) {
    this.anonymiser = anonymiser;
    this.file = options.file;
    this.publish = options.publish ?? false;
    this.nlp = options.nlp ?? true;
  }

  place(extra: Partial<Place> = {}): Place {
    return { file: this.file, part: this.part, ...extra };
  }

  /** The engine's spans, sorted and without overlaps whatever the engine returned. */
  spans(text: string): Span[] {
    if (!hasWord(text)) return [];
    const raw = this.anonymiser.spans(text);
    if (raw.length === 0) return raw;
    const sorted = [...raw].sort((a, b) => a.start - b.start || b.end - a.end);
    const out: Span[] = [];
    let end = -1;
    for (const s of sorted) {
      if (s.start < end || s.end <= s.start) continue;
      out.push(s);
      end = s.end;
    }
    return out;
  }

  /**
   * Record the engine's findings for a piece of text (never applied). Their context is taken
   * from the text with `applied` spans replaced, so a finding never shows a keyed name beside it.
   */
  find(text: string, extra: Partial<Place> = {}, applied?: Span[]): void {
    if (!this.nlp || !hasWord(text)) return;
    const found = this.anonymiser.findings(text);
    if (found.length === 0) return;
    const spans = applied ?? this.spans(text);
    const redacted = applyAll(text, spans);
    for (const f of found) {
      const start = shift(spans, f.start);
      this.findings.push({ text: f.text, kind: f.kind, part: this.part, place: this.place(extra), context: contextOf(redacted, start, start + (f.end - f.start)) });
    }
  }

  logReplacement(span: Span, extra: Partial<Place> = {}): void {
    this.replacements.push({ original: span.text, replacement: replacementOf(span), kind: span.kind, part: this.part, place: this.place(extra) });
  }

  /**
   * Redact a piece of text on its own (an attribute, a property, a cell): apply the spans, log
   * them, and report findings when `findings` is set.
   */
  redactString(text: string, options: { findings?: boolean; place?: Partial<Place> } = {}): string {
    const spans = this.spans(text);
    if (options.findings) this.find(text, options.place, spans);
    if (spans.length === 0) return text;
    let out = '';
    let last = 0;
    for (const s of spans) {
      out += text.slice(last, s.start) + replacementOf(s);
      last = s.end;
      this.logReplacement(s, options.place);
    }
    return out + text.slice(last);
  }

  /** Whether a text holds anything the engine would replace. */
  identifies(text: string): boolean {
    return this.spans(text).length > 0;
  }

  /**
   * A bookmark name, renamed to a neutral `_dhrN` when it holds an identifier (read with its
   * underscores and joined words apart: "Jane_Smith", "JaneSmith"). The same name gets the same
   * new name in every part, so links and REF fields to it still work.
   */
  bookmark(name: string): string {
    const known = this.bookmarks.get(name);
    if (known !== undefined) return known;
    const readable = readableName(name);
    let next = name;
    if (this.identifies(name) || this.identifies(readable)) {
      next = `_dhr${this.bookmarks.size + 1}`;
      while ([...this.bookmarks.values()].includes(next)) next = `${next}_`;
      this.replacements.push({ original: name, replacement: next, kind: 'person', part: this.part, place: this.place() });
    } else if (!name.startsWith('_')) {
      this.find(readable);
    }
    this.bookmarks.set(name, next);
    return next;
  }
}

/** The text with the spans replaced. */
export function applyAll(text: string, spans: Span[]): string {
  if (spans.length === 0) return text;
  let out = '';
  let last = 0;
  for (const s of spans) {
    out += text.slice(last, s.start) + replacementOf(s);
    last = s.end;
  }
  return out + text.slice(last);
}

/** Where an offset of the original text lands once the spans are replaced. */
export function shift(spans: Span[], offset: number): number {
  let delta = 0;
  for (const s of spans) {
    if (s.end > offset) break;
    delta += replacementOf(s).length - (s.end - s.start);
  }
  return offset + delta;
}

/** "Jane_Smith" / "JaneSmith" / "jane-smith" → "Jane Smith" / "Jane Smith" / "jane smith". */
export function readableName(name: string): string {
  return name
    .replace(/[_\-.]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .trim();
}

export function replacementOf(span: Span): string {
  return span.replacement ?? '[removed]';
}

const wordPattern = /[\p{L}\p{N}]/u;

export function hasWord(text: string): boolean {
  return text.length > 0 && wordPattern.test(text);
}

/** Some words either side of a match, on one line. */
export function contextOf(text: string, start: number, end: number, width = 40): string {
  const a = Math.max(0, start - width);
  const b = Math.min(text.length, end + width);
  return `${a > 0 ? '…' : ''}${text.slice(a, b)}${b < text.length ? '…' : ''}`.replace(/\s+/g, ' ').trim();
}

/** Findings without repeats (the same name in a text box's two copies, say). */
export function uniqueFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.kind}\u0000${f.text}\u0000${f.part ?? ''}\u0000${f.context ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
