/**
 * Whether a position starts a sentence, a line or a list item: where a capital letter says
 * nothing about a word being a name.
 */

const skippable = new Set([0x20, 0x09, 0xa0, 0x22, 0x27, 0x28, 0x5b, 0x201c, 0x2018, 0x2a, 0x2d, 0x2013, 0x2014, 0x2022, 0xb7, 0x3e, 0x23, 0x5f]);
const sentenceEnd = new Set([0x2e, 0x21, 0x3f, 0x3a, 0x0a, 0x0d, 0x2026]);

export function isSentenceStart(text: string, position: number): boolean {
  let i = position - 1;
  while (i >= 0 && skippable.has(text.charCodeAt(i))) i--;
  if (i < 0) return true;
  const c = text.charCodeAt(i);
  if (sentenceEnd.has(c)) return true;
  // A dash after a date or a time opens an entry of a chronology ("12/05/2016 – Telephone call").
  return c >= 0x30 && c <= 0x39 && chronologyEntry.test(text.slice(i, position));
}

/** From the last digit of a date or time to the word: a dash between spaces. */
const chronologyEntry = /^\d[ \u00A0]*[-–—][ \u00A0]*$/;

/** What ends a unit of text whose next word may be capitalised for that reason alone. */
const unitEnd = new Set([0x2e, 0x21, 0x3f, 0x3a, 0x3b, 0x0a, 0x0d, 0x09, 0x7c, 0x2026, 0x0b, 0x0c, 0x2028, 0x2029]);
/** Closing quotation marks and brackets, which may stand between the end of a sentence and the next. */
const closers = new Set([0x22, 0x27, 0x2019, 0x201d, 0x29, 0x5d, 0xbb]);

/**
 * Whether a position starts a unit of text: the text, a paragraph or a line; a sentence,
 * including after its closing quotation mark or bracket ('…how he was.” Her mother'); a clause
 * after a colon or a semicolon, as table cells are joined ("…by April 2018; Posters and cards");
 * a bullet; a table cell (after a tab or a bar). For the recogniser only: a replacement is not
 * capitalised after a semicolon (isSentenceStart decides that).
 */
export function startsUnit(text: string, position: number): boolean {
  let i = position - 1;
  // A tab is skipped by isSentenceStart but separates cells here.
  while (i >= 0 && skippable.has(text.charCodeAt(i)) && text.charCodeAt(i) !== 0x09) i--;
  if (i < 0) return true;
  const c = text.charCodeAt(i);
  if (unitEnd.has(c)) return true;
  if (closers.has(c)) {
    let j = i - 1;
    while (j >= 0 && closers.has(text.charCodeAt(j))) j--;
    if (j < 0 || sentenceEnd.has(text.charCodeAt(j)) || text.charCodeAt(j) === 0x3b) return true;
  }
  return c >= 0x30 && c <= 0x39 && chronologyEntry.test(text.slice(i, position));
}

/**
 * Whether a position opens a sentence or a clause set off the way labels and notes are written
 * (besides startsUnit): after a spaced dash ("Email – All correspondence"), a slash ("Yes / No"),
 * a closing bracket of a list marker or a field code ("a) There was", "[bookmark]What is"), or
 * an opening quotation mark. There a capital says no more than at the start of a sentence.
 */
export function opensClause(text: string, position: number): boolean {
  if (startsUnit(text, position)) return true;
  let i = position - 1;
  while (i >= 0 && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0xa0 || text.charCodeAt(i) === 0x09)) i--;
  if (i < 0) return true;
  const c = text.charCodeAt(i);
  if (c === 0x2f || c === 0x7c || c === 0x5d || c === 0x2018 || c === 0x201c || c === 0x22) return true;
  if ((c === 0x2d || c === 0x2013 || c === 0x2014) && i < position - 1 && i > 0 && text.charCodeAt(i - 1) === 0x20) return true;
  if (c === 0x29) return /(?:^|\n)[ \t]*\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)$/i.test(text.slice(Math.max(0, i - 8), i + 1));
  return false;
}
