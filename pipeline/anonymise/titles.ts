/**
 * Titles written before a name ("Mrs Smith", "PC Jones", "Detective Sergeant Khan"). A title in
 * front of a keyed name is replaced with it: "PC Jones" becomes "PC1", not "PC PC1".
 */
import { isCapitalised } from './normalise.ts';
import { gapDot, gapSpace, type Tokens } from './tokens.ts';

export type TitleSex = 'female' | 'male' | undefined;

const singleTitles: Record<string, TitleSex> = {
  mr: 'male', mrs: 'female', ms: 'female', miss: 'female', mx: undefined, master: 'male', dr: undefined, doctor: undefined,
  prof: undefined, professor: undefined, pc: undefined, dc: undefined, ds: undefined, di: undefined, dci: undefined,
  dsi: undefined, sgt: undefined, sergeant: undefined, insp: undefined, inspector: undefined, constable: undefined,
  nurse: undefined, sister: undefined, matron: undefined, midwife: undefined, rev: undefined, revd: undefined,
  reverend: undefined, fr: undefined, father: undefined, sir: 'male', dame: 'female', lord: 'male', lady: 'female',
  cllr: undefined, councillor: undefined, officer: undefined, judge: undefined,
};

/** Titles of more than one word, as normalised words. */
const multiWordTitles: string[][] = [
  ['police', 'constable'],
  ['police', 'sergeant'],
  ['police', 'officer'],
  ['detective', 'constable'],
  ['detective', 'sergeant'],
  ['detective', 'inspector'],
  ['detective', 'chief', 'inspector'],
  ['chief', 'inspector'],
  ['social', 'worker'],
  ['health', 'visitor'],
  ['support', 'worker'],
  ['key', 'worker'],
];

/** Whether word i is written with a capital first letter. */
function startsWithCapital(tokens: Tokens, i: number): boolean {
  const c = tokens.text.charCodeAt(tokens.starts[i]);
  if (c >= 0x41 && c <= 0x5a) return true;
  if (c < 0x80) return false;
  return isCapitalised(tokens.text.charAt(tokens.starts[i]));
}

export function isTitleWord(normalised: string): boolean {
  return normalised in singleTitles;
}

export interface TitleMatch {
  /** Index of the title's first word. */
  firstToken: number;
  sex: TitleSex;
}

/** The last words of titles of more than one word, for a quick first test. */
const multiWordTitleEnds = new Set(multiWordTitles.map((t) => t[t.length - 1]));

/**
 * The title written just before word `index`, if any, not reaching back before word `floor`.
 * `extra` holds titles of one target (a professional's job title, normalised words); `word`
 * gives a word's normalised form.
 */
export function titleBefore(
  tokens: Tokens,
  index: number,
  floor: number,
  extra: readonly string[][],
  word: (i: number) => string,
): TitleMatch | undefined {
  const t = index - 1;
  if (t < floor) return undefined;
  const gap = tokens.gap(index);
  if (gap !== gapSpace && gap !== gapDot) return undefined;
  if (!startsWithCapital(tokens, t)) return undefined;
  const last = word(t);
  let best: TitleMatch | undefined;
  let endsTitle = multiWordTitleEnds.has(last);
  for (let e = 0; e < extra.length && !endsTitle; e++) endsTitle = extra[e][extra[e].length - 1] === last;
  if (endsTitle) {
    for (const words of extra.length > 0 ? [...extra, ...multiWordTitles] : multiWordTitles) {
      const first = index - words.length;
      if (first < floor || words[words.length - 1] !== last) continue;
      let ok = true;
      for (let w = 0; w < words.length - 1 && ok; w++) {
        const k = first + w;
        ok = (w === 0 || tokens.gap(k) === gapSpace) && word(k) === words[w] && startsWithCapital(tokens, k);
      }
      if (ok && words.length > 1 && tokens.gap(index - 1) !== gapSpace) ok = false;
      if (ok && (!best || first < best.firstToken)) best = { firstToken: first, sex: undefined };
    }
  }
  if (best) return best;
  if (!(last in singleTitles)) return undefined;
  return { firstToken: t, sex: singleTitles[last] };
}
