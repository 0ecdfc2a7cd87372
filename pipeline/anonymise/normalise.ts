/**
 * Word normalisation shared by the key and the scanner: lower case, no diacritics
 * (Zoë → zoe, Siobhán → siobhan), letters NFD does not decompose folded by hand (ø → o,
 * ß → ss), and invisible characters (soft hyphen, zero-width space) removed. Both the key's
 * names and the text's words go through the same function, so a name written with or without
 * its accents matches either way.
 */

const combiningMarks = /\p{M}/gu;
const invisible = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const nonAscii = /[^\x00-\x7F]/;

/** Letters that Unicode NFD leaves whole but English writers replace. */
const folded: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ß: 'ss',
  ı: 'i',
  ħ: 'h',
};
const foldable = new RegExp(`[${Object.keys(folded).join('')}]`, 'g');

/** The comparable form of a word: lower case, ASCII where the script allows it. */
export function normaliseWord(word: string): string {
  if (!nonAscii.test(word)) return word.toLowerCase();
  return word
    .replace(invisible, '')
    .normalize('NFD')
    .replace(combiningMarks, '')
    .toLowerCase()
    .replace(foldable, (c) => folded[c]);
}

/** Whether a word is written with a capital first letter (Title Case or ALL CAPITALS). */
export function isCapitalised(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

/** Whether every letter of a word is a capital (and it has at least two letters). */
export function isAllCapitals(word: string): boolean {
  return word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase();
}
