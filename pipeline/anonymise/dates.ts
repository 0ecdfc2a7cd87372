/**
 * Precise dates, and the publication operator that generalises them to month and year
 * ("14 March 2017", "14/03/2017", "2017-03-14", "the 21st of June 2016" → "March 2017",
 * "June 2016"), as the 2016 guidance asks (identifying features include precise dates).
 * A year alone or a month and year are not precise and are left alone.
 *
 * Numeric dates are read day first (British order); a date that only makes sense month first
 * (03/14/2017) is read that way. Two-digit years 00–49 are 2000–2049, 50–99 are 1950–1999.
 */
import type { Span } from './types.ts';
import { matches } from './matches.ts';

export interface DateMatch {
  start: number;
  end: number;
  text: string;
  day: number;
  /** 1–12 */
  month: number;
  /** Four-digit year; absent when the date has none ("14 March"). */
  year?: number;
  /** How many digits the year was written with. */
  yearDigits?: 2 | 4;
  /** For a numeric date that reads as a date both ways (03/02/1985), the other reading. */
  otherReading?: { day: number; month: number };
  /** A preceding "on" taken into the match, as written ("on", "On", "ON"). */
  on?: string;
  /** Where the date itself starts (after any "on"). */
  dateStart: number;
}

export const monthNamesInFull = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A month, in full or abbreviated; an abbreviation's full stop goes with it only before a number ("14 Mar. 2017"). */
const month = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![\p{L}\p{N}])(?:\.(?=[ \t\u00A0]+\d))?`;
const weekday = String.raw`(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?[ \t\u00A0\r\n]+)`;
const ordinal = String.raw`(?:st|nd|rd|th)?`;
const before = String.raw`(?<![\p{L}\p{N}])`;
const after = String.raw`(?![\p{L}\p{N}])`;

/** "14th of March 2017", "14-16 Mar. 2017", "14 March" (a weekday and "the" before it are taken separately). */
const dayFirst = new RegExp(
  String.raw`${before}(\d{1,2})${ordinal}(?:[ \t\u00A0]*(?:-|–|to|and|&)[ \t\u00A0]*(?:the[ \t\u00A0]+)?\d{1,2}${ordinal})?(?:[ \t\u00A0]+of)?[ \t\u00A0\r\n]+${month}(?:,?[ \t\u00A0\r\n]+(\d{4}|['’]\d{2})${after})?`,
  'giu',
);
/** "March 14, 2017", "March 14th 2017", "March 14th". */
const monthFirst = new RegExp(String.raw`${before}${month}[ \t\u00A0\r\n]+(?:the[ \t\u00A0]+)?(\d{1,2})(st|nd|rd|th)?(?!\d)(?:,?[ \t\u00A0\r\n]+(\d{4}|['’]\d{2})${after})?`, 'giu');
/** What may stand before a written date and goes with it: "Tuesday", "Tue.,", "the". */
const leadingWords = new RegExp(String.raw`(?:${before}${weekday})?(?:${before}the[ \t\u00A0\r\n]+)?$`, 'iu');
/** "14/03/2017", "14.03.17", "14-3-2017". */
const numeric = /(?<![\p{L}\p{N}/.\-:])(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})(?![\p{L}\p{N}]|[/.\-:]\p{N})/gu;
/** "2017-03-14", "2017/03/14". */
const isoLike = /(?<![\p{L}\p{N}/.\-:])(\d{4})([\-/.])(\d{1,2})\2(\d{1,2})(?![\p{L}\p{N}]|[/.\-:]\p{N})/gu;
const precedingOn = /(?<![\p{L}\p{N}])(on|On|ON)[ \u00A0]+$/u;

/** The start of a written date with the weekday and "the" before it. */
function withLeadingWords(text: string, start: number): number {
  const window = text.slice(Math.max(0, start - 24), start);
  const m = leadingWords.exec(window);
  return m && m[0].length > 0 ? start - m[0].length : start;
}

function monthNumber(name: string): number {
  return ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** "may" and "march" in lower case are more often the verb ("14 may be…"). */
function plainMonth(name: string): boolean {
  const lower = name.toLowerCase();
  return !((lower === 'may' || lower === 'march' || lower === 'mar') && name === lower);
}

function daysIn(month: number, year: number | undefined): number {
  if (month === 2) return year === undefined || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function valid(day: number, month: number, year: number | undefined): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(month, year);
}

/** A written year: "2017", or "'17" / "’85" with an apostrophe. */
function writtenYear(written: string): number {
  return fullYear(written.replace(/^['’]/, ''));
}

function yearDigitsOf(written: string | undefined): 2 | 4 | undefined {
  if (written === undefined) return undefined;
  return written.length === 4 ? 4 : 2;
}

function fullYear(digits: string): number {
  const y = Number(digits);
  if (digits.length === 4) return y;
  return y < 50 ? 2000 + y : 1900 + y;
}

/** Every precise date (day and month known) in a text, not overlapping, in order. */
export function findDates(text: string): DateMatch[] {
  const found: DateMatch[] = [];
  // Every precise date holds a digit: a text without one has none.
  if (!/\d/.test(text)) return found;
  for (const m of matches(dayFirst, text)) {
    if (!plainMonth(m[2])) continue;
    const day = Number(m[1]);
    const mon = monthNumber(m[2]);
    const year = m[3] ? writtenYear(m[3]) : undefined;
    if (!valid(day, mon, year)) continue;
    const start = withLeadingWords(text, m.index);
    found.push({ start, dateStart: start, end: m.index + m[0].length, text: text.slice(start, m.index + m[0].length), day, month: mon, year, yearDigits: yearDigitsOf(m[3]) });
  }
  for (const m of matches(monthFirst, text)) {
    if (!plainMonth(m[1])) continue;
    const day = Number(m[2]);
    const mon = monthNumber(m[1]);
    const year = m[4] ? writtenYear(m[4]) : undefined;
    // "May 5" alone may be a count ("May 5 officers…"): without a year it needs an ordinal.
    if (year === undefined && !m[3]) continue;
    if (!valid(day, mon, year)) continue;
    const start = withLeadingWords(text, m.index);
    found.push({ start, dateStart: start, end: m.index + m[0].length, text: text.slice(start, m.index + m[0].length), day, month: mon, year, yearDigits: yearDigitsOf(m[4]) });
  }
  for (const m of matches(numeric, text)) {
    const first = Number(m[1]);
    const second = Number(m[3]);
    const year = fullYear(m[4]);
    const yearDigits = m[4].length as 2 | 4;
    // Dots or hyphens, a single digit and a two-digit year that could be a section ("1.2.17") are
    // more likely a section or version number; "3.2.85" (no section 85) is a date.
    if (yearDigits === 2 && m[2] !== '/' && (m[1].length === 1 || m[3].length === 1) && Number(m[4]) <= 31) continue;
    let day = first;
    let mon = second;
    let otherReading: DateMatch['otherReading'];
    if (!valid(day, mon, year)) {
      if (!valid(second, first, year)) continue;
      day = second;
      mon = first;
    } else if (first !== second && valid(second, first, year)) {
      otherReading = { day: second, month: first };
    }
    found.push({ start: m.index, dateStart: m.index, end: m.index + m[0].length, text: m[0], day, month: mon, year, yearDigits, otherReading });
  }
  for (const m of matches(isoLike, text)) {
    const year = Number(m[1]);
    const mon = Number(m[3]);
    const day = Number(m[4]);
    if (!valid(day, mon, year)) continue;
    found.push({ start: m.index, dateStart: m.index, end: m.index + m[0].length, text: m[0], day, month: mon, year, yearDigits: 4 });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: DateMatch[] = [];
  for (const d of found) {
    const last = out.length > 0 ? out[out.length - 1] : undefined;
    if (last && d.start < last.end) continue;
    const on = precedingOn.exec(text.slice(Math.max(0, d.start - 8), d.start));
    if (on) {
      const start = d.start - on[0].length;
      if (!last || start >= last.end) {
        out.push({ ...d, start, text: text.slice(start, d.end), on: on[1] });
        continue;
      }
    }
    out.push(d);
  }
  return out;
}

/** What a precise date becomes in a publication: "March 2017", "in March 2017", "March". */
export function generaliseDate(date: DateMatch): string {
  const general = date.year === undefined ? monthNamesInFull[date.month - 1] : `${monthNamesInFull[date.month - 1]} ${date.year}`;
  if (!date.on) return general;
  const preposition = date.on === 'ON' ? 'IN' : date.on === 'On' ? 'In' : 'in';
  return `${preposition} ${general}`;
}

/** Whether a date written in a text is a given calendar date (YYYY-MM-DD), in either numeric reading. */
export function isSameDate(date: DateMatch, iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number);
  if (date.year === undefined) return false;
  const yearMatches = date.yearDigits === 2 ? date.year % 100 === y % 100 : date.year === y;
  if (!yearMatches) return false;
  if (date.day === d && date.month === m) return true;
  return date.otherReading !== undefined && date.otherReading.day === d && date.otherReading.month === m;
}

/** The publication spans for the precise dates of a text. */
export function dateSpans(text: string, dates: DateMatch[] = findDates(text)): Span[] {
  return dates.map((date) => ({
    start: date.start,
    end: date.end,
    text: date.text,
    kind: 'date',
    source: 'date',
    replacement: generaliseDate(date),
  }));
}
