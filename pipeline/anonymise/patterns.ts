/**
 * Pattern recognisers, always applied whatever the key says: UK postcodes, UK telephone numbers,
 * email addresses, NHS numbers (with a valid check digit), National Insurance numbers (with a
 * prefix HMRC allocates) and dates of birth. Each is replaced by a label.
 *
 * The expressions are compiled once; emails are found from their "@", telephone numbers from
 * runs of digits, so a text without those characters costs almost nothing.
 */
import { isUkPhoneDigits, isValidNhsNumber, isValidNiPrefix } from './checks.ts';
import { findDates, isSameDate, type DateMatch } from './dates.ts';
import type { Span, SpanKind } from './types.ts';
import { matches } from './matches.ts';

export const labels = {
  postcode: '[postcode removed]',
  phone: '[phone number removed]',
  email: '[email removed]',
  'nhs-number': '[NHS number removed]',
  'ni-number': '[NI number removed]',
  'date-of-birth': '[date of birth removed]',
} as const satisfies Partial<Record<SpanKind, string>>;

export type PatternKind = keyof typeof labels;

function span(text: string, start: number, end: number, kind: PatternKind): Span {
  return { start, end, text: text.slice(start, end), kind, source: 'pattern', replacement: labels[kind] };
}

// Postcodes: A9 9AA, A99 9AA, A9A 9AA, AA9 9AA, AA99 9AA, AA9A 9AA and GIR 0AA, the letters each
// position allows, the space optional, any case. Found from the inward code (digit and two
// letters), which is rare in text, then checked backwards for the outward code.
const inwardCode = /\d[ABD-HJLNP-UW-Z]{2}(?![\p{L}\p{N}])/giu;
const outwardCode = /(?<![\p{L}\p{N}])(?:GIR|[A-PR-UWYZ](?:\d\d?|[A-HK-Y]\d\d?|\d[A-HJKPSTUW]|[A-HK-Y]\d[ABEHMNPRVWXY]))[ \u00A0]{0,2}$/iu;

export function findPostcodes(text: string): Span[] {
  const out: Span[] = [];
  for (const m of matches(inwardCode, text)) {
    const from = Math.max(0, m.index - 9);
    const outward = outwardCode.exec(text.slice(from, m.index));
    if (!outward) continue;
    const start = from + outward.index;
    // GIR goes only with 0AA.
    if (/^gir/i.test(outward[0]) && m[0].toUpperCase() !== '0AA') continue;
    out.push(span(text, start, m.index + m[0].length, 'postcode'));
  }
  return out;
}

// A run of digits with the separators telephone numbers are written with. It must start with
// "+", "(" or a digit not glued to a word, a hyphen or a slash (a case reference SSCP-DHR-2017-01).
const digitRun = /(?<![\p{L}\p{N}+\-\/_])(?:\+[ \u00A0]?|\([ \u00A0]?)?\d(?:[ \u00A0\-.()]{1,3}\d|\d)*/gu;
const phoneGroups = /\d+/g;

export function findPhoneNumbers(text: string): Span[] {
  const out: Span[] = [];
  for (const m of matches(digitRun, text)) {
    const run = m[0];
    if (run.length < 10) continue;
    const base = m.index;
    const groups: { start: number; end: number }[] = [];
    for (const g of matches(phoneGroups, run)) groups.push({ start: g.index, end: g.index + g[0].length });
    // Try each group that can begin a number; take the longest valid number from it.
    for (let first = 0; first < groups.length; ) {
      const before = first === 0 ? run.slice(0, groups[0].start) : run.slice(groups[first - 1].end, groups[first].start);
      const canStart = first === 0 || /[ \u00A0]/.test(before) || before.endsWith('(');
      const international = (first === 0 && before.startsWith('+')) || run.startsWith('0044', groups[first].start);
      let best = -1;
      if (canStart && (international || run[groups[first].start] === '0')) {
        let digits = '';
        for (let last = first; last < groups.length && digits.length <= 14; last++) {
          digits += run.slice(groups[last].start, groups[last].end);
          if (isUkPhoneDigits(digits, international)) best = last;
        }
      }
      if (best < 0) {
        first++;
        continue;
      }
      const start = first === 0 ? 0 : before.endsWith('(') ? groups[first].start - 1 : groups[first].start;
      out.push(span(text, base + start, base + groups[best].end, 'phone'));
      first = best + 1;
    }
  }
  return out;
}

const nhsPattern = /(?<![\p{L}\p{N}\-\/.])(\d{3})([ \u00A0\-]?)(\d{3})\2(\d{4})(?![\p{L}\p{N}]|[\-\/.]\p{N})/gu;

export function findNhsNumbers(text: string): Span[] {
  const out: Span[] = [];
  for (const m of matches(nhsPattern, text)) {
    if (isValidNhsNumber(m[1] + m[3] + m[4])) out.push(span(text, m.index, m.index + m[0].length, 'nhs-number'));
  }
  return out;
}

const niPattern = /(?<![\p{L}\p{N}])([A-Z]{2})[ \u00A0]?(\d{2})[ \u00A0]?(\d{2})[ \u00A0]?(\d{2})(?:[ \u00A0]?([A-D]))?(?![\p{L}\p{N}])/giu;
const niContext = /(?:national\s+insurance|\bNI\b|\bNINO\b|\bN\.I\.)[^.\n]{0,30}$/i;

export function findNiNumbers(text: string): Span[] {
  const out: Span[] = [];
  for (const m of matches(niPattern, text)) {
    if (!isValidNiPrefix(m[1])) continue;
    // Without its suffix letter it could be any reference: only when the text says it is an NI number.
    if (!m[5] && !niContext.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    out.push(span(text, m.index, m.index + m[0].length, 'ni-number'));
  }
  return out;
}

export function findEmails(text: string): Span[] {
  const out: Span[] = [];
  let at = text.indexOf('@');
  while (at >= 0) {
    let start = at;
    while (start > 0 && isLocalCharacter(text.charCodeAt(start - 1))) start--;
    while (start < at && text.charCodeAt(start) === 0x2e) start++;
    let end = at + 1;
    while (end < text.length && isDomainCharacter(text.charCodeAt(end))) end++;
    while (end > at + 1 && (text.charCodeAt(end - 1) === 0x2e || text.charCodeAt(end - 1) === 0x2d)) end--;
    const domain = text.slice(at + 1, end);
    if (start < at && /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*\.\p{L}{2,}$/u.test(domain)) {
      out.push(span(text, start, end, 'email'));
      at = text.indexOf('@', end);
    } else {
      at = text.indexOf('@', at + 1);
    }
  }
  return out;
}

function isLocalCharacter(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ||
    c === 0x2e || c === 0x5f || c === 0x25 || c === 0x2b || c === 0x2d || c === 0x27 || c === 0x26 || c === 0x3d ||
    (c > 0x7f && /[\p{L}\p{N}]/u.test(String.fromCharCode(c)))
  );
}

function isDomainCharacter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d || (c > 0x7f && /[\p{L}\p{N}]/u.test(String.fromCharCode(c)));
}

// "DOB", "D.O.B.", "DoB:", "date of birth:", "born on", "born", "b." just before a date.
const birthContext = /(?:(?<![\p{L}])d\.?[ \u00A0]?o\.?[ \u00A0]?b\.?|date[ \u00A0]+of[ \u00A0]+birth|(?<![\p{L}])born|(?<![\p{L}])b\.)[ \u00A0]*[:\-–=]?[ \u00A0]*\(?[ \u00A0]*(?:on[ \u00A0]+)?(?:the[ \u00A0]+)?$/iu;

/**
 * Dates of birth: a precise date introduced as one ("DOB 03/02/1985", "born on 3rd February
 * 1985"), or any date equal to a date of birth in the key, however written.
 */
export function findDatesOfBirth(text: string, dates: DateMatch[], keyDates: readonly string[] = []): Span[] {
  const out: Span[] = [];
  for (const date of dates) {
    if (date.year === undefined) continue;
    const introduced = birthContext.test(text.slice(Math.max(0, date.dateStart - 24), date.dateStart));
    if (introduced || keyDates.some((iso) => isSameDate(date, iso))) out.push(span(text, date.dateStart, date.end, 'date-of-birth'));
  }
  return out;
}

const birthWords = /(?<![\p{L}])(?:d\.?[ \u00A0]?o\.?[ \u00A0]?b(?![\p{L}])|birth|born|b\.)/iu;

/** For the dates of birth of a key, where their years can stand written: see keyYearPattern. */
const keyYearPatterns = new Map<string, RegExp>();

/**
 * Where the year of one of the dates of birth can stand in a date that findDates reads: in full
 * ("1985", also in "1985-02-03"), or in two digits after the separator of a numeric date or an
 * apostrophe ("03/02/85", "3rd Feb '85").
 */
function keyYearPattern(keyDates: readonly string[]): RegExp {
  const id = keyDates.join(',');
  let pattern = keyYearPatterns.get(id);
  if (!pattern) {
    const full = [...new Set(keyDates.map((iso) => iso.slice(0, 4)))];
    const short = [...new Set(keyDates.map((iso) => iso.slice(2, 4)))];
    pattern = new RegExp(`${full.join('|')}|[/.\\-'’](?:${short.join('|')})(?!\\d)`);
    if (keyYearPatterns.size > 100) keyYearPatterns.clear();
    keyYearPatterns.set(id, pattern);
  }
  return pattern;
}

/**
 * Whether a text can hold a date of birth at all: it says "DOB", "birth" or "born", or holds the
 * year of a date of birth in the key as a date writes it. Saves reading dates in most texts.
 */
export function mayHoldDateOfBirth(text: string, keyDates: readonly string[] = []): boolean {
  if (!/\d/.test(text)) return false;
  if (birthWords.test(text)) return true;
  return keyDates.length > 0 && keyYearPattern(keyDates).test(text);
}

/** Every pattern hit in a text (overlaps are resolved by the engine). */
export function findPatterns(
  text: string,
  keyDates: readonly string[] = [],
  dates: DateMatch[] = mayHoldDateOfBirth(text, keyDates) ? findDates(text) : [],
): Span[] {
  const found = findEmails(text);
  // Every other pattern holds a digit.
  if (!/\d/.test(text)) return found;
  return [...found, ...findPhoneNumbers(text), ...findNhsNumbers(text), ...findNiNumbers(text), ...findPostcodes(text), ...findDatesOfBirth(text, dates, keyDates)];
}
