/**
 * Bank holidays in England and Wales, computed rather than listed, so any year works:
 *
 * - New Year's Day (1 January; a Monday substitute when it falls at a weekend), since 1974;
 * - Good Friday and Easter Monday, from the Gregorian Easter computus;
 * - the early May bank holiday (first Monday in May), since 1978;
 * - the spring bank holiday (last Monday in May), since 1971;
 * - the summer bank holiday (last Monday in August), since 1971;
 * - Christmas Day and Boxing Day, with substitute weekdays when they fall at a weekend;
 * - the one-off changes: 1995 VE Day (early May moved to 8 May), 1999 millennium (31 December),
 *   2002 Golden Jubilee (spring moved to 4 June, extra 3 June), 2011 royal wedding (29 April),
 *   2012 Diamond Jubilee (spring moved to 4 June, extra 5 June), 2020 VE Day 75 (early May moved
 *   to Friday 8 May), 2022 Platinum Jubilee (spring moved to Thursday 2 June, extra Friday 3 June)
 *   and the State Funeral of Queen Elizabeth II (19 September), 2023 coronation (8 May).
 *
 * Dates are ISO strings YYYY-MM-DD; arithmetic uses Date.UTC so no time zone moves a day.
 */

const dayMs = 86_400_000;

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(Date.UTC(year, month - 1, day));
}

/** Moved or extra holidays by year: `moved` replaces a regular holiday, `extra` adds one. */
const oneOffs: Record<number, { moved?: Partial<Record<'earlyMay' | 'spring', string>>; extra?: string[] }> = {
  1995: { moved: { earlyMay: '1995-05-08' } },
  1999: { extra: ['1999-12-31'] },
  2002: { moved: { spring: '2002-06-04' }, extra: ['2002-06-03'] },
  2011: { extra: ['2011-04-29'] },
  2012: { moved: { spring: '2012-06-04' }, extra: ['2012-06-05'] },
  2020: { moved: { earlyMay: '2020-05-08' } },
  2022: { moved: { spring: '2022-06-02' }, extra: ['2022-06-03', '2022-09-19'] },
  2023: { extra: ['2023-05-08'] },
};

/** Every bank holiday of a year in England and Wales, in date order. */
export function bankHolidays(year: number): string[] {
  const days: string[] = [];
  const special = oneOffs[year] ?? {};

  if (year >= 1974) days.push(weekdayOnOrAfter(Date.UTC(year, 0, 1)));
  const easter = Date.parse(`${easterSunday(year)}T00:00:00Z`);
  days.push(iso(easter - 2 * dayMs), iso(easter + dayMs));
  if (year >= 1978) days.push(special.moved?.earlyMay ?? nthMonday(year, 4, 1));
  if (year >= 1971) days.push(special.moved?.spring ?? lastMonday(year, 4));
  if (year >= 1971) days.push(lastMonday(year, 7));
  days.push(...christmas(year));
  days.push(...(special.extra ?? []));
  return [...new Set(days)].sort();
}

/** Christmas Day and Boxing Day, each moved to the next free weekday when at a weekend. */
function christmas(year: number): string[] {
  const taken = new Set<string>();
  const out: string[] = [];
  for (const day of [25, 26]) {
    let time = Date.UTC(year, 11, day);
    while (isWeekend(time) || taken.has(iso(time))) time += dayMs;
    taken.add(iso(time));
    out.push(iso(time));
  }
  return out;
}

const cache = new Map<number, Set<string>>();

/** Whether a date is a bank holiday in England and Wales. */
export function isBankHoliday(date: string): boolean {
  const year = Number(date.slice(0, 4));
  let set = cache.get(year);
  if (!set) {
    set = new Set(bankHolidays(year));
    cache.set(year, set);
  }
  return set.has(date);
}

/** Whether a date is a working day: Monday to Friday and not a bank holiday. */
export function isWorkingDay(date: string): boolean {
  return !isWeekend(Date.parse(`${date}T00:00:00Z`)) && !isBankHoliday(date);
}

/** The date `count` working days after `date` (the day itself not counted). */
export function addWorkingDays(date: string, count: number): string {
  let time = Date.parse(`${date}T00:00:00Z`);
  let left = count;
  while (left > 0) {
    time += dayMs;
    if (isWorkingDay(iso(time))) left--;
  }
  return iso(time);
}

/** The first working day on or after a date. */
export function nextWorkingDay(date: string): string {
  let time = Date.parse(`${date}T00:00:00Z`);
  while (!isWorkingDay(iso(time))) time += dayMs;
  return iso(time);
}

/** The same day `months` calendar months later; the month's last day when it is shorter (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = Date.UTC(year, month - 1 + months, 1);
  const targetYear = new Date(target).getUTCFullYear();
  const targetMonth = new Date(target).getUTCMonth();
  const last = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return iso(Date.UTC(targetYear, targetMonth, Math.min(day, last)));
}

/** The date `days` calendar days later. */
export function addDays(date: string, days: number): string {
  return iso(Date.parse(`${date}T00:00:00Z`) + days * dayMs);
}

function isWeekend(time: number): boolean {
  const weekday = new Date(time).getUTCDay();
  return weekday === 0 || weekday === 6;
}

function weekdayOnOrAfter(time: number): string {
  let t = time;
  while (isWeekend(t)) t += dayMs;
  return iso(t);
}

/** The nth Monday of a month (month 0-based). */
function nthMonday(year: number, month: number, n: number): string {
  let time = Date.UTC(year, month, 1);
  while (new Date(time).getUTCDay() !== 1) time += dayMs;
  return iso(time + (n - 1) * 7 * dayMs);
}

function lastMonday(year: number, month: number): string {
  let time = Date.UTC(year, month + 1, 0);
  while (new Date(time).getUTCDay() !== 1) time -= dayMs;
  return iso(time);
}

function iso(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
