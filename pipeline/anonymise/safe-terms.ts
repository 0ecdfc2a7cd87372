/**
 * The safe terms of one case: the general vocabulary (vocabulary.ts) with the case's agencies
 * and their short names, the CSP and its area, the codes, pseudonyms and replacements, the
 * chair, author and panel (named in published reports), and `anonymisation.allow`.
 *
 * Replacements (codes, pseudonyms, place phrases, labels) are marked as such: the recogniser
 * judges a word written next to one on its own ("Email Adult X" is "Email"), as it judges a
 * word next to a name the key replaces.
 *
 * Terms are compared as normalised words, so "Children's Social Care" and "CHILDREN’S SOCIAL
 * CARE" are the same term.
 */
import type { Case } from '../../schemas/case.ts';
import type { Key } from './key.ts';
import { normaliseWord } from './normalise.ts';
import { labels } from './patterns.ts';
import { tokenise } from './tokens.ts';
import { safePhrases, safeWords } from './vocabulary.ts';

interface PhraseNode {
  next?: Map<string, PhraseNode>;
  end?: boolean;
  /** A term that stands in for a name (a code, pseudonym, place phrase or label). */
  replacement?: boolean;
}

/** What a safe term starting at a word covers. */
export interface SafeMatch {
  /** How many words (0 when no term starts there). */
  length: number;
  /** Whether the term is a replacement the engine writes (a code, pseudonym, place phrase or label). */
  replacement: boolean;
}

/** A word that is a code or a number: HV1, GP2, 2017, 14th. */
const codeLike = /^(?:\d+(?:st|nd|rd|th)?|[a-z]{1,5}\d+[a-z]?)$/;

export class SafeTerms {
  private readonly root = new Map<string, PhraseNode>();

  constructor(terms: Iterable<string>, replacements: Iterable<string> = []) {
    for (const term of terms) this.add(term);
    for (const term of replacements) this.add(term, true);
  }

  add(term: string, replacement = false): void {
    const words = wordsOf(term);
    if (words.length === 0) return;
    let node = this.root.get(words[0]);
    if (!node) this.root.set(words[0], (node = {}));
    for (const w of words.slice(1)) {
      node.next ??= new Map();
      let child = node.next.get(w);
      if (!child) node.next.set(w, (child = {}));
      node = child;
    }
    node.end = true;
    if (replacement) node.replacement = true;
  }

  /** How many of `words` from `at` a safe term covers (0 when none starts there). */
  matchAt(words: readonly string[], at: number): number {
    return this.match(words, at).length;
  }

  /** The longest safe term starting at `words[at]`, and whether it is a replacement. */
  match(words: readonly string[], at: number): SafeMatch {
    let best = codeLike.test(words[at]) || words[at] === 's' ? 1 : 0;
    let replacement = false;
    let node = this.root.get(words[at]);
    let i = at;
    while (node) {
      if (node.end && i - at + 1 >= best) {
        best = i - at + 1;
        replacement = node.replacement === true;
      }
      i++;
      if (i >= words.length || !node.next) break;
      node = node.next.get(words[i]);
    }
    return { length: best, replacement };
  }

  /** Whether a sequence of normalised words is made entirely of safe terms. */
  covers(words: readonly string[]): boolean {
    let at = 0;
    while (at < words.length) {
      const length = this.matchAt(words, at);
      if (length === 0) return false;
      at += length;
    }
    return words.length > 0;
  }

  /** Whether a single normalised word is safe on its own. */
  isSafeWord(word: string): boolean {
    return this.matchAt([word], 0) === 1;
  }
}

/** The normalised words of a term, as the tokeniser splits them ("Children's" → children, s). */
export function wordsOf(text: string): string[] {
  const tokens = tokenise(text);
  const out: string[] = [];
  for (let i = 0; i < tokens.count; i++) out.push(normaliseWord(text.slice(tokens.starts[i], tokens.ends[i])));
  return out;
}

/** The safe terms of a case. */
export function caseSafeTerms(caseModel: Case, key: Key): SafeTerms {
  const terms: string[] = [...safePhrases, ...safeWords];
  const replacements: string[] = [...key.replacements, ...Object.values(labels)];
  terms.push(caseModel.csp);
  if (caseModel.area) terms.push(caseModel.area);
  for (const agency of caseModel.agencies) {
    terms.push(agency.name);
    if (agency.short) terms.push(agency.short);
  }
  for (const person of caseModel.people) {
    replacements.push(person.code);
    if (person.pseudonym) replacements.push(person.pseudonym);
  }
  for (const professional of caseModel.professionals) {
    replacements.push(professional.code);
    terms.push(professional.title);
  }
  // The chair, the author and the panel are named in the published reports (guide: "They should
  // include the name of the Independent Chair and Review Panel members"), also by surname alone.
  const named = [...caseModel.panel.map((m) => m.name), caseModel.chair?.name, caseModel.author?.name].filter((n): n is string => Boolean(n));
  for (const name of named) {
    terms.push(name);
    for (const word of wordsOf(name)) if (word.length >= 3) terms.push(word);
  }
  terms.push(...caseModel.anonymisation.allow);
  // Codes built on the case letter: Adult X, Adult XAP, Child XD, Person XF.
  terms.push(caseModel.caseLetter);
  return new SafeTerms(terms, replacements);
}
