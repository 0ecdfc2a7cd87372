/**
 * Text helpers for the checks: phrase matching on word boundaries, sentences, short quotes,
 * content-word tokens and a token-overlap similarity. No knowledge of DHRs here.
 */

/** A phrase list as one case-insensitive regular expression; "interview*" matches any word starting "interview". */
export function phraseRegex(phrases: readonly string[], flags = 'i'): RegExp {
  const parts = phrases
    .slice()
    .sort((a, b) => b.length - a.length)
    .map((p) => {
      const star = p.endsWith('*');
      const body = escapeRegex(star ? p.slice(0, -1) : p)
        .replace(/'/g, "['’]")
        .replace(/\s+/g, '\\s+')
        .replace(/-/g, '[-‐‑–\\s]?');
      return star ? `${body}[\\p{L}\\p{N}'’-]*` : body;
    });
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join('|')})(?![\\p{L}\\p{N}])`, `${flags}u`);
}

/** Every distinct phrase of a list that a text contains (as the text writes it). */
export function phrasesIn(text: string, phrases: readonly string[]): string[] {
  const re = phraseRegex(phrases, 'gi');
  const found = new Set<string>();
  for (const m of text.matchAll(re)) found.add(m[0].toLowerCase().replace(/\s+/g, ' '));
  return [...found];
}

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const sentenceEnd = /[.!?][”"’)\]]*(\s+)(?=["“‘(\p{Lu}\p{N}])/gu;

/** Split prose into sentences (full stop, question or exclamation mark followed by a space and a capital, a digit or a quote). */
export function sentences(text: string): string[] {
  const out: string[] = [];
  // A sentence ends at . ! or ? (and any closing quotation mark or bracket after it) followed by
  // a space and a capital, a digit, an opening quotation mark or bracket.
  // (Found forwards, from the mark: a look-behind of any length costs several times more.)
  const pieces: string[] = [];
  let from = 0;
  for (const m of text.matchAll(sentenceEnd)) {
    const space = m.index + m[0].length - m[1].length;
    pieces.push(text.slice(from, space));
    from = m.index + m[0].length;
  }
  pieces.push(text.slice(from));
  let buffer = '';
  for (const piece of pieces) {
    buffer = buffer ? `${buffer} ${piece}` : piece;
    // Do not split after common abbreviations: "Dr. Patel", "e.g. Files", "No. 3".
    if (/\b(?:Dr|Mr|Mrs|Ms|Miss|St|No|e\.g|i\.e|etc|approx|Sgt|Insp|PC|DC|DS|[A-Z])\.$/i.test(buffer)) continue;
    const s = buffer.trim();
    if (s) out.push(s);
    buffer = '';
  }
  if (buffer.trim()) out.push(buffer.trim());
  return out;
}

/** The sentence of a text that contains a match, or the whole text when it is short. */
export function sentenceAround(text: string, index: number): string {
  let start = 0;
  for (const s of sentences(text)) {
    const at = text.indexOf(s, start);
    if (at < 0) continue;
    if (index >= at && index < at + s.length) return s;
    start = at + s.length;
  }
  return text;
}

/** Shorten a quote to about `max` characters on word boundaries, with an ellipsis where cut. */
export function shorten(text: string, max = 220): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max * 0.6 ? space : max).trimEnd()} …`;
}

/** Words that carry no meaning for matching. */
const stopwords = new Set(
  (
    'a an and are as at be been being but by can could did do does done for from had has have he her hers him his how i if in into ' +
    'is it its itself may me might more most must my no nor not of on or our out over own she should so some such than that the ' +
    'their them then there these they this those through to too under until up upon very was we were what when where whether which ' +
    'while who whom whose why will with within would you your any all each other also about against between during before after ' +
    'above below again further once here both few only same just any agency agencies consider considered including include whether ' +
    'was were how what way ways'
  ).split(/\s+/),
);

/**
 * A crude English stem, enough to match "assessed", "assessment" and "assess", "shared" and
 * "sharing", "controlling" and "control".
 */
export function stem(word: string): string {
  let w = word.toLowerCase();
  for (const suffix of ['ments', 'ment', 'ings', 'ing', 'ations', 'ation', 'ness', 'edly', 'ies', 'ied', 'ed', 'es', 's']) {
    if (w.length - suffix.length >= 3 && w.endsWith(suffix) && !(suffix === 's' && /(?:ss|us|is)$/.test(w))) {
      w = w.slice(0, -suffix.length);
      if (suffix === 'ies' || suffix === 'ied') w += 'y';
      break;
    }
  }
  // "controll" → "control", "referr" → "refer"; but "assess", "staff" and "skill" keep theirs.
  if (/([bdgmnprt])\1$/.test(w) || (/ll$/.test(w) && w.length > 5)) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** Content words of a text, stemmed, stopwords and very short words removed. */
export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)) {
    const w = m[0].replace(/['’]s$/, '');
    if (w.length < 3 || stopwords.has(w)) continue;
    out.push(stem(w));
  }
  return out;
}

/** Dice coefficient of the two texts' content-word sets: 1 for the same words, 0 for none shared. */
export function similarity(a: string, b: string): { score: number; shared: number } {
  const x = new Set(tokens(a));
  const y = new Set(tokens(b));
  if (x.size === 0 || y.size === 0) return { score: 0, shared: 0 };
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  return { score: (2 * shared) / (x.size + y.size), shared };
}

/** Lower case, punctuation to spaces, single spaces: for comparing values people type. */
export function normaliseValue(value: string): string {
  return value
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[‘’']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}


/** Count words. */
export function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/** A list in plain English: "a, b and c". */
export function listWords(items: string[], conjunction = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** "1 recommendation", "2 recommendations". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

export { editDistance } from '../ingest/yaml-fields.ts';
