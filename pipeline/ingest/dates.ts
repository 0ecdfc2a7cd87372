/**
 * Dates as agencies write them, read into ISO YYYY-MM-DD.
 *
 * UK dates are day first: 03/02/2016 is 3 February 2016. Accepted forms:
 * - Excel date cells (exceljs gives a Date in UTC) and Excel serial numbers (1900 or 1904 system);
 * - 03/02/2016, 3/2/16, 03-02-2016, 03.02.2016 (two-digit years 00–29 are 2000–2029 and 30–99 are
 *   1930–1999, as Excel reads them);
 * - ISO 2016-02-03 (a time after it is ignored);
 * - 3 Feb 2016, 3rd February 2016, 03-Feb-2016, February 3, 2016, Feb 3rd 2016, with or without a
 *   weekday in front ("Wednesday 3 February 2016");
 * - any of these followed by a time (14:30, 2.30pm), which is ignored.
 *
 * Everything is built with Date.UTC so the computer's time zone never shifts a day.
 */

export type DateResult = { ok: true; iso: string } | { ok: false; reason: string };

const monthNames = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const weekdayPattern = '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\\.?,?\\s+';
const monthPattern = '([a-z]{3,9})\\.?';
const timePattern = '(?:[\\sT,]+\\d{1,2}(?:[:.]\\d{2}){1,2}(?:\\.\\d+)?\\s*(?:am|pm)?(?:z|[+-]\\d{2}:?\\d{2})?|\\s+\\d{1,2}\\s*(?:am|pm))?';

const numericForm = new RegExp(`^(\\d{1,2})\\s*([/.-])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{4}|\\d{2})${timePattern}$`, 'i');
const isoForm = new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})${timePattern}$`, 'i');
const dayMonthYear = new RegExp(`^(?:${weekdayPattern})?(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?[\\s\\-/]+${monthPattern}[\\s\\-/,]+(\\d{4}|\\d{2})${timePattern}$`, 'i');
const monthDayYear = new RegExp(`^(?:${weekdayPattern})?${monthPattern}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${timePattern}$`, 'i');

/** The month number (1–12) of an English month name or abbreviation ("Feb", "Sept", "February"). */
export function monthFromName(name: string): number | undefined {
  const word = name.toLowerCase().replace(/\.$/, '');
  if (word.length < 3) return undefined;
  if (word === 'sept') return 9;
  const index = monthNames.findIndex((m) => m === word || (word.length === 3 && m.startsWith(word)));
  return index === -1 ? undefined : index + 1;
}

/** YYYY-MM-DD from numbers, or why those numbers are not a date. */
export function isoFromParts(year: number, month: number, day: number): DateResult {
  if (month < 1 || month > 12) {
    return { ok: false, reason: `there is no month ${month}: write dates day first, for example 03/02/2016 for 3 February 2016` };
  }
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) {
    const monthName = capitalise(monthNames[month - 1]);
    return { ok: false, reason: `this date does not exist: ${monthName} ${year} has ${daysInMonth} days` };
  }
  return { ok: true, iso: `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}` };
}

/** The calendar date of a Date, read in UTC (how exceljs gives Excel dates). */
export function isoFromUtcDate(date: Date): string {
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/**
 * An Excel serial day number as a date. In the 1900 system day 1 is 1 January 1900 and Excel
 * counts a 29 February 1900 that never was, so serials from 61 on are one day ahead.
 */
export function isoFromExcelSerial(serial: number, date1904 = false): DateResult {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) {
    return { ok: false, reason: `the number ${serial} is not a date` };
  }
  const whole = Math.floor(serial);
  if (!date1904 && whole === 60) return { ok: false, reason: 'Excel day 60 is 29 February 1900, which did not exist' };
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, whole < 60 ? 31 : 30);
  return { ok: true, iso: isoFromUtcDate(new Date(epoch + whole * 86_400_000)) };
}

/** Read a date written as text, day first. */
export function parseDateText(input: string): DateResult {
  const text = input.replace(/[\u00a0\u2007\u202f]/g, ' ').replace(/[\u2010-\u2015]/g, '-').trim().replace(/\s+/g, ' ');
  if (text === '') return { ok: false, reason: 'there is no date' };

  let match = isoForm.exec(text);
  if (match) return isoFromParts(Number(match[1]), Number(match[2]), Number(match[3]));

  match = numericForm.exec(text);
  if (match) return isoFromParts(fullYear(match[4]), Number(match[3]), Number(match[1]));

  match = dayMonthYear.exec(text);
  if (match) {
    const month = monthFromName(match[2]);
    if (month !== undefined) return isoFromParts(fullYear(match[3]), month, Number(match[1]));
  }

  match = monthDayYear.exec(text);
  if (match) {
    const month = monthFromName(match[1]);
    if (month !== undefined) return isoFromParts(Number(match[3]), month, Number(match[2]));
  }

  return {
    ok: false,
    reason: 'this is not a date dhr-kit can read: write it as day/month/year, for example 03/02/2016 or 3 February 2016',
  };
}

/**
 * Read a date from a spreadsheet value or text: a Date (taken in UTC), an Excel serial number,
 * or text in any of the forms above.
 */
export function parseDate(value: unknown, options: { date1904?: boolean } = {}): DateResult {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { ok: false, reason: 'this cell holds a date Excel could not store' };
    const year = value.getUTCFullYear();
    if (year < 1900 || year > 9999) return { ok: false, reason: `this cell holds a date in the year ${year}, which Excel cannot show: type the date as day/month/year` };
    return { ok: true, iso: isoFromUtcDate(value) };
  }
  if (typeof value === 'number') return isoFromExcelSerial(value, options.date1904);
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed) && !/^\d{8}$/.test(trimmed)) return isoFromExcelSerial(Number(trimmed), options.date1904);
    return parseDateText(trimmed);
  }
  return { ok: false, reason: 'there is no date' };
}

/** Whether a string is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match !== null && isoFromParts(Number(match[1]), Number(match[2]), Number(match[3])).ok;
}

/** "3 February 2016" from "2016-02-03", for people to read. */
export function formatUkDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${capitalise(monthNames[month - 1])} ${year}`;
}

/** Milliseconds since 1970 of an ISO date at midnight UTC. */
export function utcTime(iso: string): number {
  const [year, month, day] = iso.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}

function fullYear(text: string): number {
  const year = Number(text);
  if (text.length === 4) return year;
  return year < 30 ? 2000 + year : 1900 + year;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
