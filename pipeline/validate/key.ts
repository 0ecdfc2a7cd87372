/**
 * The case key as the checks need it: the real names, places and dates of birth of case.yaml,
 * to make sure no evidence quote ever prints one, and — when the anonymisation engine is not
 * given — to find key identifiers still present in a text.
 *
 * This is deliberately simpler than the engine (pipeline/anonymise): full names, and name
 * parts written with a capital; places; dates of birth in the usual written forms. The engine,
 * when passed in, is used first; this masking runs after it as a second safety net.
 */
import type { Case } from '../../schemas/case.ts';
import type { CheckAnonymiser } from './types.ts';
import { escapeRegex, shorten } from './text.ts';

export interface KeyTerm {
  text: string;
  replacement: string;
  kind: 'person' | 'professional' | 'place' | 'date-of-birth';
  /** Match capitalisation exactly (name parts, so "mark" the word is not Mark the name). */
  caseSensitive: boolean;
}

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function withoutDiacritics(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Every key term of a case, longest first. */
export function keyTerms(c: Case): KeyTerm[] {
  const allow = new Set((c.anonymisation?.allow ?? []).map((a) => a.toLowerCase()));
  const safeWords = new Set<string>();
  for (const p of c.people) {
    for (const w of `${p.code} ${p.pseudonym ?? ''}`.split(/\s+/)) if (w) safeWords.add(w.toLowerCase());
  }
  for (const p of c.professionals) for (const w of p.code.split(/\s+/)) safeWords.add(w.toLowerCase());

  const terms: KeyTerm[] = [];
  const add = (text: string, replacement: string, kind: KeyTerm['kind'], caseSensitive: boolean): void => {
    const t = text.trim();
    if (!t || allow.has(t.toLowerCase())) return;
    for (const v of new Set([t, withoutDiacritics(t)])) terms.push({ text: v, replacement, kind, caseSensitive });
  };
  const addName = (name: string, replacement: string, kind: 'person' | 'professional'): void => {
    add(name, replacement, kind, false);
    const parts = name.split(/[\s-]+/).filter((w) => w.length >= 3 && /^\p{Lu}/u.test(w));
    if (parts.length > 1 || name.includes('-')) {
      for (const part of parts) if (!safeWords.has(part.toLowerCase())) add(part, replacement, kind, true);
    }
  };

  for (const p of c.people) {
    const replacement = p.pseudonym ?? p.code;
    for (const n of p.names) addName(n, replacement, 'person');
    if (p.dateOfBirth) for (const form of dateForms(p.dateOfBirth)) add(form, '[date of birth removed]', 'date-of-birth', false);
  }
  for (const p of c.professionals) for (const n of p.names) addName(n, p.code, 'professional');
  for (const pl of c.places) for (const n of pl.names) add(n, pl.replacement, 'place', false);

  const seen = new Set<string>();
  return terms
    .filter((t) => {
      const k = `${t.caseSensitive ? t.text : t.text.toLowerCase()}|${t.kind}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => b.text.length - a.text.length);
}

/** The written forms of an ISO date: 14/03/1980, 14.3.1980, 14 March 1980, 14th March 1980, March 14, 1980, 1980-03-14. */
export function dateForms(iso: string): string[] {
  const [y, m, d] = iso.split('-').map(Number);
  const mm = String(m).padStart(2, '0');
  const dd = String(d).padStart(2, '0');
  const month = months[m - 1];
  const short = month.slice(0, 3);
  const ord = `${d}${ordinal(d)}`;
  return [
    iso,
    `${dd}/${mm}/${y}`,
    `${d}/${m}/${y}`,
    `${dd}.${mm}.${y}`,
    `${d}.${m}.${y}`,
    `${dd}-${mm}-${y}`,
    `${d} ${month} ${y}`,
    `${ord} ${month} ${y}`,
    `${ord} of ${month} ${y}`,
    `${d} ${short} ${y}`,
    `${month} ${d}, ${y}`,
    `${dd}/${mm}/${String(y).slice(2)}`,
  ];
}

function ordinal(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

const termBoundaryBefore = '(?<![\\p{L}\\p{N}/.-])';
const termBoundaryAfter = '(?![\\p{L}\\p{N}]|[/.-]\\d)';

function termBody(t: KeyTerm): string {
  return escapeRegex(t.text).replace(/'/g, "['’]").replace(/\s+/g, '\\s+');
}

/** Compiled term patterns, by case sensitivity and text: made once, not per text checked. */
const termRegexes = new Map<string, RegExp>();

function termRegex(t: KeyTerm): RegExp {
  const key = `${t.caseSensitive ? 's' : 'i'}|${t.text}`;
  let re = termRegexes.get(key);
  if (!re) {
    if (termRegexes.size >= 20_000) termRegexes.clear();
    re = new RegExp(`${termBoundaryBefore}${termBody(t)}${termBoundaryAfter}`, t.caseSensitive ? 'gu' : 'giu');
    termRegexes.set(key, re);
  }
  return re;
}

/**
 * One pattern per term list and case sensitivity, every term an alternative: it matches a text
 * exactly when some term's own pattern does (the boundaries are the same for all), so a text
 * with no term in it — most texts, once the engine has anonymised them — is dismissed in one
 * scan instead of one per term.
 */
interface AnyTerm {
  size: number;
  patterns: RegExp[];
}
const anyTermPatterns = new WeakMap<readonly KeyTerm[], AnyTerm>();

function mayContainTerm(text: string, terms: readonly KeyTerm[]): boolean {
  let any = anyTermPatterns.get(terms);
  if (!any || any.size !== terms.length) {
    const patterns: RegExp[] = [];
    for (const sensitive of [true, false]) {
      const bodies = terms.filter((t) => t.caseSensitive === sensitive).map(termBody);
      if (bodies.length > 0) patterns.push(new RegExp(`${termBoundaryBefore}(?:${bodies.join('|')})${termBoundaryAfter}`, sensitive ? 'u' : 'iu'));
    }
    any = { size: terms.length, patterns };
    anyTermPatterns.set(terms, any);
  }
  return any.patterns.some((re) => re.test(text));
}

/** Key identifiers present in a text: each distinct term once, longest first. */
export function keyLeaks(text: string, terms: readonly KeyTerm[]): { text: string; kind: string }[] {
  if (!mayContainTerm(text, terms)) return [];
  const found: { text: string; kind: string }[] = [];
  const taken: [number, number][] = [];
  for (const t of terms) {
    for (const m of text.matchAll(termRegex(t))) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      taken.push([start, end]);
      if (!found.some((f) => f.text === m[0])) found.push({ text: m[0], kind: t.kind });
    }
  }
  return found;
}

/** Replace every key term of a text by its code, pseudonym or neutral phrase. */
export function maskKey(text: string, terms: readonly KeyTerm[]): string {
  if (!mayContainTerm(text, terms)) return text;
  let out = text;
  for (const t of terms) out = out.replace(termRegex(t), t.replacement);
  return out;
}

/** A person named by title and surname ("PC Jones", "Dr Patel"), the surname not being a code. */
export const titledName =
  /\b(PC|DC|DS|DI|DCI|DSU|Sgt|Sergeant|Inspector|Constable|Dr|Doctor|Mr|Mrs|Ms|Miss|Mx|Nurse|Sister)\.?\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)/gu;

/** Words of the case's codes and pseudonyms, and terms confirmed safe: never taken for names. */
export function safeWords(c: Case): Set<string> {
  const safe = new Set<string>();
  for (const p of c.people) for (const w of `${p.code} ${p.pseudonym ?? ''}`.split(/\s+/)) if (w) safe.add(w.toLowerCase());
  for (const p of c.professionals) for (const w of p.code.split(/\s+/)) safe.add(w.toLowerCase());
  for (const a of c.anonymisation?.allow ?? []) safe.add(a.toLowerCase());
  return safe;
}

/** True when the words after a title are a code, a pseudonym or not a name at all. */
export function isCodeAfterTitle(name: string, safe: Set<string>): boolean {
  const first = name.split(/\s+/)[0];
  return safe.has(first.toLowerCase()) || /^\p{Lu}{1,4}$/u.test(first) || /\d/.test(name) || /^(?:Adult|Child|Victim|Perpetrator|Practitioner|Surgery|Practice|Hospital|Unit|Team)$/i.test(first);
}

/** "Jane Smith" → "J… S…": enough to find it again, not enough to read a name. */
export function initials(text: string): string {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${[...w][0]}…`)
    .join(' ');
}

/**
 * A function that turns any text into a quote safe to print: the engine's own anonymisation
 * when available, then the key masking above; then any possible name the key does not list
 * (the engine's findings, and titles followed by a surname) cut to its initials; then shortened.
 */
export function makeQuoter(c: Case, anonymiser?: CheckAnonymiser): (text: string, max?: number) => string {
  const terms = keyTerms(c);
  const safe = safeWords(c);
  const cache = new Map<string, string>();
  return (text: string, max = 220) => {
    const cached = cache.get(text);
    if (cached !== undefined) return shorten(cached, max);
    let out = text;
    if (anonymiser?.apply) {
      const applied = anonymiser.apply(out);
      out = typeof applied === 'string' ? applied : applied.text;
    } else if (anonymiser) {
      for (const leak of anonymiser.leaks(out)) out = out.split(leak.text).join('[removed]');
    }
    out = maskKey(out, terms);
    if (anonymiser) for (const f of anonymiser.findings(out)) if (f.text.trim()) out = out.split(f.text).join(initials(f.text));
    out = out.replace(titledName, (whole, title: string, name: string) => (isCodeAfterTitle(name, safe) ? whole : `${title} ${initials(name)}`));
    if (cache.size < 5000) cache.set(text, out);
    return shorten(out, max);
  };
}
