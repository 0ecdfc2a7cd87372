/**
 * The ways people write a name, derived from the names in case.yaml: full name, first name,
 * surname, first and last name without the middle ones, initial and surname ("J. Smith"),
 * surname first ("Smith, Jane"), the parts of a hyphenated surname, a name with an apostrophe
 * written without it (OBrien), and street names with their usual abbreviations (Road/Rd).
 *
 * A variant is a list of normalised words and what may stand between them; capitals, accents,
 * apostrophe style and spacing are left to the matcher.
 */
import { commonWords } from './common-words.ts';
import { normaliseWord } from './normalise.ts';
import { isTitleWord } from './titles.ts';
import { gapApostrophe, gapComma, gapDot, gapHyphen, gapSpace, tokenise, type GapKind } from './tokens.ts';

/** What may separate two words of a variant: a letter keyed into the matcher's tree. */
export type Joint = 's' | 't' | 'a' | 'h' | 'c' | 'o';

export interface Variant {
  /** Normalised words. */
  words: string[];
  /** joints[i] stands before words[i]; joints[0] is unused. */
  joints: Joint[];
  /** Lower is stronger: 0 a name exactly as listed, 1 full-name forms, 2 first name, 3 surname, 4 parts. */
  strength: number;
}

/** Letters that join words in the key, by the separator written in case.yaml. */
export function jointOf(gap: GapKind): Joint {
  switch (gap) {
    case gapSpace:
      return 's';
    case gapDot:
      return 't';
    case gapApostrophe:
      return 'a';
    case gapHyphen:
      return 'h';
    case gapComma:
      return 'c';
    default:
      return 'o';
  }
}

interface Word {
  text: string;
  normalised: string;
  joint: Joint;
}

function wordsOf(name: string): Word[] {
  const tokens = tokenise(name);
  const out: Word[] = [];
  for (let i = 0; i < tokens.count; i++) {
    const text = name.slice(tokens.starts[i], tokens.ends[i]);
    out.push({ text, normalised: normaliseWord(text), joint: i === 0 ? 's' : jointOf(tokens.gap(i)) });
  }
  return out;
}

function variant(words: Word[], strength: number): Variant {
  return { words: words.map((w) => w.normalised), joints: words.map((w, i) => (i === 0 ? 's' : w.joint)), strength };
}

const particles = new Set(['van', 'von', 'de', 'der', 'den', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'ben', 'ter', 'ten', 'dos', 'das']);

/** Groups of words joined by hyphens or apostrophes count as one name word ("Smith-Jones", "O'Brien"). */
function nameWords(words: Word[]): Word[][] {
  const groups: Word[][] = [];
  for (const w of words) {
    if (groups.length > 0 && (w.joint === 'h' || w.joint === 'a')) groups[groups.length - 1].push(w);
    else groups.push([{ ...w, joint: 's' }]);
  }
  return groups;
}

/** Name words one after another, separated by spaces. */
function join(groups: Word[][]): Word[] {
  const out: Word[] = [];
  for (const g of groups) for (let j = 0; j < g.length; j++) out.push(j === 0 && g[j].joint !== 's' ? { ...g[j], joint: 's' } : g[j]);
  return out;
}

function letters(group: Word[]): number {
  return group.reduce((n, w) => n + w.normalised.length, 0);
}

/** Every variant of a person's or professional's name. */
export function personVariants(name: string): Variant[] {
  let words = wordsOf(name);
  const out: Variant[] = [variant(words, 0)];
  // A name listed with its title ("Dr Raj Patel"): derive from the rest; titles are matched separately.
  while (words.length > 1 && isTitleWord(words[0].normalised)) words = words.slice(1);
  if (words.length === 0) return out;
  out.push(variant(words, 0));
  const groups = nameWords(words);

  for (const group of groups) {
    if (group.length > 1) {
      // Hyphenated or apostrophe names: the whole with a space or nothing between the parts,
      // and each part of a hyphenated name on its own unless it is short or an ordinary word.
      const hyphenated = group.some((w, i) => i > 0 && w.joint === 'h');
      if (hyphenated) {
        for (const part of splitOnHyphens(group)) {
          const partLetters = letters(part);
          if (partLetters >= 3 && !(part.length === 1 && commonWords.has(part[0].normalised))) out.push(variant(part, 4));
        }
      }
    }
  }

  if (groups.length >= 2) {
    const first = groups[0];
    let surnameStart = groups.length - 1;
    while (surnameStart > 1 && groups[surnameStart - 1].length === 1 && particles.has(groups[surnameStart - 1][0].normalised)) surnameStart--;
    const surname = groups.slice(surnameStart);
    const bareSurname = groups[groups.length - 1];
    const firstIsInitial = first.length === 1 && first[0].normalised.length === 1;
    if (!firstIsInitial) out.push(variant(first, 2));
    out.push(variant(join(surname), 3));
    if (surnameStart < groups.length - 1) out.push(variant(bareSurname, 3));
    // Middle names on their own, and first + last without them.
    for (let g = 1; g < surnameStart; g++) {
      if (!(groups[g].length === 1 && particles.has(groups[g][0].normalised)) && letters(groups[g]) >= 2) out.push(variant(groups[g], 3));
    }
    if (surnameStart > 1) out.push(variant(join([first, ...surname]), 1));
    // "J Smith", "J. Smith"
    const initial: Word = { text: first[0].text[0], normalised: first[0].normalised[0], joint: 's' };
    const withInitial = join(surname);
    out.push(variant([initial, ...withInitial.map((w, i) => (i === 0 ? { ...w, joint: 't' as Joint } : w))], 1));
    // "Smith, Jane"
    const surnameFirst = join(surname);
    out.push(variant([...surnameFirst, ...first.map((w, i) => (i === 0 ? { ...w, joint: 'c' as Joint } : w))], 1));
  }

  return dedupe(out);
}

function splitOnHyphens(group: Word[]): Word[][] {
  const parts: Word[][] = [];
  for (const w of group) {
    if (parts.length === 0 || w.joint === 'h') parts.push([{ ...w, joint: 's' }]);
    else parts[parts.length - 1].push(w);
  }
  return parts;
}

/** Street types and their abbreviations, each list equivalent. */
const streetTypes: string[][] = [
  ['road', 'rd'],
  ['street', 'st'],
  ['avenue', 'ave', 'av'],
  ['lane', 'ln'],
  ['close', 'cl'],
  ['drive', 'dr'],
  ['crescent', 'cres'],
  ['place', 'pl'],
  ['terrace', 'terr', 'ter'],
  ['grove', 'gr'],
  ['gardens', 'gdns'],
  ['court', 'ct'],
  ['square', 'sq'],
  ['mount', 'mt'],
  ['park', 'pk'],
  ['walk', 'wlk'],
];
const streetTypeOf = new Map<string, string[]>();
for (const list of streetTypes) for (const w of list) streetTypeOf.set(w, list);

export function isStreetType(normalised: string): boolean {
  return streetTypeOf.has(normalised);
}

/** Every variant of a place's name: as listed, street abbreviations, and address lines with a street. */
export function placeVariants(name: string): Variant[] {
  const words = wordsOf(name);
  const out: Variant[] = [];
  addWithAbbreviations(out, words, 0);
  // Address lines: "Flat 2, 12 Crookes Road, Sheffield S10 2TN" → "12 Crookes Road", "Crookes Road".
  const lines: Word[][] = [[]];
  for (const w of words) {
    if (w.joint === 'c' && lines[lines.length - 1].length > 0) lines.push([]);
    lines[lines.length - 1].push(lines[lines.length - 1].length === 0 ? { ...w, joint: 's' } : w);
  }
  for (const line of lines) {
    if (!line.some((w, i) => i > 0 && streetTypeOf.has(w.normalised))) continue;
    if (lines.length > 1) addWithAbbreviations(out, line, 1);
    const firstWord = line.findIndex((w) => !/^\d+[a-z]?$/.test(w.normalised));
    if (firstWord > 0 && firstWord < line.length - 1) {
      addWithAbbreviations(out, line.slice(firstWord).map((w, i) => (i === 0 ? { ...w, joint: 's' as Joint } : w)), 2);
    }
  }
  return dedupe(out);
}

function addWithAbbreviations(out: Variant[], words: Word[], strength: number): void {
  out.push(variant(words, strength));
  const positions = words.map((w, i) => (i > 0 && streetTypeOf.has(w.normalised) ? i : -1)).filter((i) => i >= 0);
  if (positions.length === 0 || positions.length > 3) return;
  let forms: Word[][] = [words];
  for (const p of positions) {
    const next: Word[][] = [];
    for (const form of forms) {
      for (const alternative of streetTypeOf.get(form[p].normalised)!) {
        next.push(form.map((w, i) => (i === p ? { ...w, normalised: alternative } : w)));
      }
    }
    forms = next;
  }
  for (const form of forms) out.push(variant(form, strength));
}

/**
 * The same variant as people also write it: an apostrophe left out (OBrien) and a hyphen
 * written as a space (Smith Jones).
 */
function spellings(v: Variant): Variant[] {
  const out = [v];
  if (v.joints.some((j, i) => i > 0 && j === 'a')) {
    const words: string[] = [];
    const joints: Joint[] = [];
    v.words.forEach((w, i) => {
      if (i > 0 && v.joints[i] === 'a') words[words.length - 1] += w;
      else {
        words.push(w);
        joints.push(v.joints[i]);
      }
    });
    out.push({ ...v, words, joints });
  }
  for (const form of [...out]) {
    if (form.joints.some((j, i) => i > 0 && j === 'h')) out.push({ ...form, joints: form.joints.map((j) => (j === 'h' ? 's' : j)) });
  }
  return out;
}

/** Each variant once (the strongest), in the order first seen. A name has a few dozen at most: compared one by one. */
function dedupe(variants: Variant[]): Variant[] {
  const out: Variant[] = [];
  for (const original of variants) {
    for (const v of spellings(original)) {
      if (v.words.length === 0 || v.words.some((w) => w.length === 0)) continue;
      const i = out.findIndex((o) => sameForm(o, v));
      if (i < 0) out.push(v);
      else if (v.strength < out[i].strength) out[i] = v;
    }
  }
  return out;
}

/** The same words with the same joints between them (the first joint is unused). */
function sameForm(a: Variant, b: Variant): boolean {
  if (a.words.length !== b.words.length) return false;
  for (let i = 0; i < a.words.length; i++) {
    if (a.words[i] !== b.words[i] || (i > 0 && a.joints[i] !== b.joints[i])) return false;
  }
  return true;
}
