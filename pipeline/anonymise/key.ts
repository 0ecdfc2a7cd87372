/**
 * The key recogniser: every person, professional and place of case.yaml with its real names and
 * its replacement, found in text by one pass over its words against a tree of name variants
 * (longest match first, whole words only).
 *
 * Replacement: the family's pseudonym where chosen, else the person's code; a professional's
 * code; a place's neutral phrase. A title before a name goes with it ("PC Jones" → "PC1").
 * A name that is also an ordinary word (Mark, Rose, Will) is replaced only where it is written
 * with a capital and is not plainly the ordinary word ("May 2017", "Will you…").
 */
import type { Case } from '../../schemas/case.ts';
import { DhrError } from '../errors.ts';
import { afterModal, beforeMonth, commonWords, modalWords, monthNames } from './common-words.ts';
import { isCapitalised, normaliseWord } from './normalise.ts';
import { isSentenceStart } from './sentences.ts';
import { titleBefore, type TitleMatch } from './titles.ts';
import { gapApostrophe, gapComma, gapDot, gapHyphen, gapOther, gapSpace, gapStart, tokenise, type Tokens } from './tokens.ts';
import type { Span } from './types.ts';
import { personVariants, placeVariants, type Variant } from './variants.ts';

export interface KeyTarget {
  kind: 'person' | 'professional' | 'place';
  /** The person's or professional's code; absent for places. */
  code?: string;
  /** What replaces any of its names. */
  replacement: string;
  /** The names as listed in case.yaml. */
  names: readonly string[];
  /** Where it is listed in case.yaml, e.g. people[0]. */
  field: string;
  sex?: string;
  /** Job title words that may stand before a professional's name ("Health Visitor Price"). */
  titles: string[][];
}

/** Two targets share a way of writing a name ("Smith" for mother and daughter). */
export interface Ambiguity {
  /** The variant, normalised. */
  variant: string;
  /** Field of the target that gets it. */
  chosen: string;
  /** Fields of the others it could mean. */
  others: string[];
}

interface Candidate {
  target: KeyTarget;
  order: number;
  strength: number;
  /** An ordinary word: must be written with a capital. */
  needsCapital: boolean;
  single: boolean;
}

interface TrieNode {
  /** The next word's node, by the joint before it (see variants.ts), then by the word. */
  next?: Map<string, Map<string, TrieNode>>;
  candidates?: Candidate[];
}

/** Where a name that starts at a word can end, and its node (longest first). */
interface Terminal {
  end: number;
  node: TrieNode;
}

/** Joint letters a text separator may stand for (see variants.ts). */
const jointsForGap: string[][] = [];
jointsForGap[gapStart] = [];
jointsForGap[gapSpace] = ['s', 't'];
jointsForGap[gapDot] = ['t'];
jointsForGap[gapApostrophe] = ['a'];
jointsForGap[gapHyphen] = ['h'];
jointsForGap[gapComma] = ['c'];
jointsForGap[gapOther] = ['o'];

export interface KeyDateOfBirth {
  code: string;
  /** YYYY-MM-DD */
  date: string;
}

export class Key {
  readonly targets: readonly KeyTarget[];
  readonly ambiguities: readonly Ambiguity[];
  readonly datesOfBirth: readonly KeyDateOfBirth[];
  /** Every replacement: codes, pseudonyms, place phrases. */
  readonly replacements: ReadonlySet<string>;
  private readonly root: Map<string, TrieNode>;
  /**
   * For each pair of ASCII characters (lower case), the lengths (bit length mod 32) of the names'
   * first words that begin with them. A word written in ASCII can begin a name only if its bit is set.
   */
  private readonly prefixes = new Uint32Array(128 * 128);

  constructor(targets: KeyTarget[], datesOfBirth: KeyDateOfBirth[]) {
    this.targets = targets;
    this.datesOfBirth = datesOfBirth;
    this.replacements = new Set(targets.map((t) => t.replacement));
    this.root = new Map();
    for (let order = 0; order < targets.length; order++) {
      const target = targets[order];
      const variantsOf = target.kind === 'place' ? placeVariants : personVariants;
      for (const name of target.names) for (const v of variantsOf(name)) this.insert(v, target, order);
    }
    for (const word of this.root.keys()) {
      // An ASCII word normalises to its lower case: same letters, same length.
      const c0 = word.charCodeAt(0);
      const c1 = word.length > 1 ? word.charCodeAt(1) : 0;
      if (c0 < 128 && c1 < 128) this.prefixes[(c0 << 7) | c1] |= 1 << (word.length & 31);
    }
    const ambiguities: Ambiguity[] = [];
    // The words on the way to a node (joined into the variant only where it is ambiguous).
    const path: string[] = [];
    const visit = (node: TrieNode) => {
      const candidates = node.candidates;
      if (candidates && candidates.length > 1) {
        candidates.sort(strongestFirst);
        const fields = [...new Set(candidates.map((c) => c.target.field))];
        if (fields.length > 1) ambiguities.push({ variant: path.join(' '), chosen: fields[0], others: fields.slice(1) });
      }
      if (!node.next) return;
      for (const byWord of node.next.values()) {
        for (const [word, child] of byWord) {
          path.push(word);
          visit(child);
          path.pop();
        }
      }
    };
    for (const [word, node] of this.root) {
      path[0] = word;
      visit(node);
    }
    this.ambiguities = ambiguities;
  }

  private insert(v: Variant, target: KeyTarget, order: number): void {
    let node = this.root.get(v.words[0]);
    if (!node) this.root.set(v.words[0], (node = {}));
    for (let i = 1; i < v.words.length; i++) {
      node.next ??= new Map();
      let byWord = node.next.get(v.joints[i]);
      if (!byWord) node.next.set(v.joints[i], (byWord = new Map()));
      let child = byWord.get(v.words[i]);
      if (!child) byWord.set(v.words[i], (child = {}));
      node = child;
    }
    const candidates = (node.candidates ??= []);
    const existing = candidates.find((c) => c.target === target);
    if (existing) {
      existing.strength = Math.min(existing.strength, v.strength);
      return;
    }
    candidates.push({
      target,
      order,
      strength: v.strength,
      needsCapital: v.words.every((w) => commonWords.has(w) || /^\d+$/.test(w)) && v.words.some((w) => commonWords.has(w)),
      single: v.words.length === 1,
    });
  }

  /** Every keyed name in a text, leftmost and longest first, not overlapping. */
  find(text: string): Span[] {
    const tokens = tokenise(text);
    const spans: Span[] = [];
    if (tokens.count === 0) return spans;
    const norm = normaliser(tokens);
    let floor = 0;
    let previousTarget: KeyTarget | undefined;
    let lastEnd = -2;
    const starts = tokens.starts;
    const ends = tokens.ends;
    const prefixes = this.prefixes;
    const ascii = tokens.ascii;
    for (let i = 0; i < tokens.count; i++) {
      // Most words cannot begin a name: rule out an ASCII word by its first two letters and its
      // length before normalising it (other words are normalised and looked up).
      if (ascii[i] === 1) {
        const s = starts[i];
        const length = ends[i] - s;
        const c1 = length > 1 ? lowerAscii(text.charCodeAt(s + 1)) : 0;
        if ((prefixes[(lowerAscii(text.charCodeAt(s)) << 7) | c1] & (1 << (length & 31))) === 0) continue;
      }
      const node = this.root.get(norm(i));
      if (!node) continue;
      const terminals: Terminal[] = [];
      this.collect(tokens, norm, node, i, terminals);
      if (terminals.length === 0) continue;
      // Longest first (one path through the tree, the usual case, is already shortest first).
      if (terminals.length > 1) {
        if (terminals.length === 2 && terminals[0].end < terminals[1].end) terminals.reverse();
        else terminals.sort(longestFirst);
      }
      for (let t = 0; t < terminals.length; t++) {
        const { end, node: terminal } = terminals[t];
        const chosen = this.choose(tokens, norm, terminal.candidates!, i, end, floor);
        if (!chosen) continue;
        const { candidate, title } = chosen;
        const first = title ? title.firstToken : i;
        const start = tokens.starts[first];
        const stop = tokens.ends[end];
        const previous = spans.length > 0 ? spans[spans.length - 1] : undefined;
        if (previous && previousTarget === candidate.target && lastEnd === first - 1 && tokens.gap(first) === gapSpace) {
          // "Zoe OBrien": a first name and a part of the surname of one person get one replacement.
          previous.end = stop;
          previous.text = text.slice(previous.start, stop);
        } else {
          spans.push({
            start,
            end: stop,
            text: text.slice(start, stop),
            kind: candidate.target.kind,
            source: 'key',
            replacement: fitReplacement(candidate.target.replacement, text, start),
          });
        }
        previousTarget = candidate.target;
        lastEnd = end;
        floor = end + 1;
        i = end;
        break;
      }
    }
    return spans;
  }

  private collect(tokens: Tokens, norm: (i: number) => string, node: TrieNode, at: number, out: Terminal[]): void {
    if (node.candidates) out.push({ end: at, node });
    if (!node.next) return;
    const k = at + 1;
    if (k >= tokens.count) return;
    const joints = jointsForGap[tokens.gap(k)];
    let word: string | undefined;
    for (let j = 0; j < joints.length; j++) {
      const byWord = node.next.get(joints[j]);
      if (!byWord) continue;
      const child = byWord.get((word ??= norm(k)));
      if (child) this.collect(tokens, norm, child, k, out);
    }
  }

  private choose(
    tokens: Tokens,
    norm: (i: number) => string,
    candidates: Candidate[],
    first: number,
    last: number,
    floor: number,
  ): { candidate: Candidate; title?: TitleMatch } | undefined {
    let fallback: { candidate: Candidate; title?: TitleMatch } | undefined;
    for (const candidate of candidates) {
      const title = candidate.target.kind === 'place' ? undefined : titleBefore(tokens, first, floor, candidate.target.titles, norm);
      if (!title && !this.plausible(tokens, norm, candidate, first, last)) continue;
      if (title?.sex && candidate.target.sex && candidate.target.sex !== title.sex && candidate.target.sex !== 'unknown' && candidate.target.sex !== 'other') {
        fallback ??= { candidate, title };
        continue;
      }
      return { candidate, title };
    }
    return fallback;
  }

  /** Whether a match of an ordinary-word name is really the name. */
  private plausible(tokens: Tokens, norm: (i: number) => string, candidate: Candidate, first: number, last: number): boolean {
    if (!candidate.needsCapital) return true;
    const text = tokens.text;
    if (!isCapitalised(text.slice(tokens.starts[first], tokens.ends[first]))) return false;
    if (!candidate.single) return true;
    const word = norm(first);
    const previous = first > 0 && tokens.gap(first) === gapSpace ? norm(first - 1) : undefined;
    const next = last + 1 < tokens.count && (tokens.gap(last + 1) === gapSpace || tokens.gap(last + 1) === gapComma) ? norm(last + 1) : undefined;
    if (monthNames.has(word)) {
      if (previous !== undefined && (/^\d{1,2}(?:st|nd|rd|th)?$/.test(previous) || beforeMonth.has(previous))) return false;
      if (next !== undefined && /^\d{1,4}(?:st|nd|rd|th)?$/.test(next)) return false;
    }
    if (modalWords.has(word) && next !== undefined && afterModal.has(next) && isSentenceStart(text, tokens.starts[first])) return false;
    return true;
  }
}

function strongestFirst(a: Candidate, b: Candidate): number {
  return a.strength - b.strength || a.order - b.order;
}

function longestFirst(a: Terminal, b: Terminal): number {
  return b.end - a.end;
}

/** The normalised words of a text, each worked out once, when first asked for. */
function normaliser(tokens: Tokens): (i: number) => string {
  const norms: (string | undefined)[] = new Array(tokens.count);
  const text = tokens.text;
  return (i: number): string => {
    let w = norms[i];
    if (w === undefined) {
      const raw = text.slice(tokens.starts[i], tokens.ends[i]);
      w = norms[i] = tokens.ascii[i] === 1 ? raw.toLowerCase() : normaliseWord(raw);
    }
    return w;
  };
}

function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c | 0x20 : c;
}

/** A replacement starting a sentence starts with a capital ("The family home was…"). */
function fitReplacement(replacement: string, text: string, start: number): string {
  const c = replacement.charCodeAt(0);
  // Codes and pseudonyms ("Adult X", "Anna") already start with one.
  if (c >= 0x41 && c <= 0x5a) return replacement;
  const first = replacement.charAt(0);
  if (first === first.toUpperCase() || !isSentenceStart(text, start)) return replacement;
  return first.toUpperCase() + replacement.slice(1);
}

/** The key of a case: its people, professionals and places with their replacements. */
export function buildKey(caseModel: Case): Key {
  const targets: KeyTarget[] = [];
  caseModel.people.forEach((person, index) => {
    targets.push({
      kind: 'person',
      code: person.code,
      replacement: person.pseudonym ?? person.code,
      names: person.names,
      field: `people[${index}]`,
      sex: person.sex,
      titles: [],
    });
  });
  caseModel.professionals.forEach((professional, index) => {
    const title = professional.title.split(/\s+/).map(normaliseWord).filter(Boolean);
    targets.push({
      kind: 'professional',
      code: professional.code,
      replacement: professional.code,
      names: professional.names,
      field: `professionals[${index}]`,
      titles: title.length > 0 ? [title] : [],
    });
  });
  caseModel.places.forEach((place, index) => {
    targets.push({ kind: 'place', replacement: place.replacement, names: place.names, field: `places[${index}]`, titles: [] });
  });
  const datesOfBirth = caseModel.people.filter((p) => p.dateOfBirth).map((p) => ({ code: p.code, date: p.dateOfBirth! }));
  const key = new Key(targets, datesOfBirth);
  checkReplacements(key);
  return key;
}

/** A replacement that is itself a keyed name would undo the anonymisation: refuse the case. */
function checkReplacements(key: Key): void {
  for (const target of key.targets) {
    const found = key.find(target.replacement);
    if (found.length === 0) continue;
    const field = target.kind === 'person' && target.replacement !== target.code ? `${target.field}.pseudonym` : `${target.field}.${target.kind === 'place' ? 'replacement' : 'code'}`;
    throw new DhrError(
      'invalid-case',
      `the replacement "${target.replacement}" contains "${found[0].text}", which is a name in the key; choose another so that anonymised text cannot be mistaken for a real name`,
      { field },
    );
  }
}
