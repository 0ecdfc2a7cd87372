/**
 * The anonymisation engine: one object per case that every container (Markdown, text, CSV,
 * Word, Excel) asks for the spans to replace in a piece of text and the findings to report.
 *
 * spans: key names, patterns (postcode, telephone, email, NHS and NI numbers, dates of birth),
 * and with `publish` precise dates and protective markings; sorted, not overlapping.
 * findings: what the NLP recogniser suspects and nothing above covers; never applied.
 * leaks: what a clean text must not contain (the scanner's test).
 */
import type { Case } from '../../schemas/case.ts';
import { dateSpans, findDates } from './dates.ts';
import { buildKey, type Key } from './key.ts';
import { findMarkings } from './markings.ts';
import { createNlpRecogniser, type NlpRecogniser } from './nlp.ts';
import { applySpans, resolveOverlaps, shiftOffset } from './overlaps.ts';
import { findPatterns, mayHoldDateOfBirth } from './patterns.ts';
import type { AnonymiseOptions, Finding, Replacement, Span, TextAnonymiser } from './types.ts';

export interface AnonymisedText {
  text: string;
  replacements: Replacement[];
  findings: Finding[];
}

export interface Anonymiser extends TextAnonymiser {
  readonly key: Key;
  readonly options: Readonly<Required<AnonymiseOptions>>;
  /** Spans to apply: key, patterns, and with publish dates and markings; sorted, not overlapping. */
  spans(text: string): Span[];
  /** Possible identifiers (NLP) that no span covers; empty when options.nlp is false. */
  findings(text: string): Span[];
  /** Spans and findings of a text in one pass (the findings exclude what the spans cover). */
  analyse(text: string): { spans: Span[]; findings: Span[] };
  /** The text with every span applied, what was replaced, and the findings (with context from the anonymised text). */
  apply(text: string): AnonymisedText;
  /**
   * Key identifiers and pattern hits still present (and with publish precise dates and markings).
   * Codes, pseudonyms, place phrases and labels are not leaks: the case is refused if any of them
   * reads as a keyed name.
   */
  leaks(text: string): Span[];
}

/** Characters of context either side of a finding. */
const contextCharacters = 40;
/** The findings of texts up to this length are cached, up to this many texts. */
const cachedTextLimit = 4096;
const cacheEntries = 10_000;
/** Spans are kept for more texts: a large review has tens of thousands of paragraphs, each looked at two or three times. */
const spanCacheEntries = 200_000;

export function createAnonymiser(caseModel: Case, options: AnonymiseOptions = {}): Anonymiser {
  const key = buildKey(caseModel);
  const settings: Required<AnonymiseOptions> = { publish: options.publish ?? false, nlp: options.nlp ?? true, remember: options.remember ?? false };
  const keyDates = key.datesOfBirth.map((d) => d.date);
  let recogniser: NlpRecogniser | undefined;

  // With `remember` (a build looks at each paragraph more than once: the checks, then the
  // reports), the spans are kept by text, and handed out as copies, since callers may change them.
  const remember = settings.remember;
  const spansCache = new Map<string, Span[]>();

  function spans(text: string): Span[] {
    if (text.length === 0) return [];
    if (!remember) return findSpans(text);
    const cached = spansCache.get(text);
    if (cached) return cached.map((s) => ({ ...s }));
    const found = findSpans(text);
    if (text.length <= cachedTextLimit) {
      if (spansCache.size >= spanCacheEntries) spansCache.clear();
      spansCache.set(text, found.map((s) => ({ ...s })));
    }
    return found;
  }

  function findSpans(text: string): Span[] {
    const dates = settings.publish || mayHoldDateOfBirth(text, keyDates) ? findDates(text) : [];
    // Fresh spans every call: resolveOverlaps may hand them back as they are.
    const found = key.find(text);
    const patterns = findPatterns(text, keyDates, dates);
    for (let i = 0; i < patterns.length; i++) found.push(patterns[i]);
    if (settings.publish) found.push(...dateSpans(text, dates), ...findMarkings(text));
    return resolveOverlaps(found);
  }

  // Documents repeat paragraphs (headers, footers, table headings): findings are kept by text.
  const findingsCache = new Map<string, Span[]>();

  /** The findings of a text; `covered` gives its spans (computed only when needed). */
  function findingsFor(text: string, covered: readonly Span[] | (() => readonly Span[])): Span[] {
    if (!settings.nlp || text.length === 0) return [];
    const cached = findingsCache.get(text);
    if (cached) return cached.map((f) => ({ ...f }));
    recogniser ??= createNlpRecogniser(caseModel, key);
    const applied = typeof covered === 'function' ? covered() : covered;
    const found = recogniser.find(text, applied).filter((f) => !applied.some((s) => s.start < f.end && f.start < s.end));
    if (text.length <= cachedTextLimit) {
      if (findingsCache.size >= cacheEntries) findingsCache.clear();
      findingsCache.set(text, found.map((f) => ({ ...f })));
    }
    return found;
  }

  return {
    key,
    options: settings,
    spans,
    findings(text: string): Span[] {
      return findingsFor(text, () => spans(text));
    },
    analyse(text: string) {
      const found = spans(text);
      return { spans: found, findings: findingsFor(text, found) };
    },
    apply(text: string): AnonymisedText {
      const applied = spans(text);
      const result = applySpans(text, applied);
      const findings = findingsFor(text, applied).map((f) => {
        const start = shiftOffset(applied, f.start);
        const end = start + (f.end - f.start);
        return { text: f.text, kind: f.kind, context: contextOf(result.text, start, end) };
      });
      return { text: result.text, replacements: result.replacements, findings };
    },
    leaks(text: string): Span[] {
      return spans(text).filter((s) => !(s.source === 'key' && key.replacements.has(s.text)));
    },
  };
}

/** Some words either side of a stretch of text, on one line. */
export function contextOf(text: string, start: number, end: number): string {
  let from = Math.max(0, start - contextCharacters);
  let to = Math.min(text.length, end + contextCharacters);
  // Do not cut words in half.
  while (from > 0 && from < start && /\S/.test(text[from - 1])) from++;
  while (to < text.length && to > end && /\S/.test(text[to])) to--;
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`.replace(/\s+/g, ' ').trim();
}
