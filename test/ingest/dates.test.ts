import { describe, expect, it } from 'vitest';
import { parseDate, parseDateText, isoFromExcelSerial, formatUkDate, isIsoDate } from '../../pipeline/ingest/dates.ts';

const ok = (iso: string) => ({ ok: true, iso });

describe('reading dates as agencies write them', () => {
  it.each([
    ['03/02/2016', '2016-02-03'],
    ['3/2/16', '2016-02-03'],
    ['03-02-2016', '2016-02-03'],
    ['03.02.2016', '2016-02-03'],
    ['2016-02-03', '2016-02-03'],
    ['3 Feb 2016', '2016-02-03'],
    ['3 Feb. 2016', '2016-02-03'],
    ['3rd February 2016', '2016-02-03'],
    ['21st September 2015', '2015-09-21'],
    ['22nd Sept 2015', '2015-09-22'],
    ['03-Feb-2016', '2016-02-03'],
    ['3-Feb-16', '2016-02-03'],
    ['February 3, 2016', '2016-02-03'],
    ['Feb 3rd 2016', '2016-02-03'],
    ['Wednesday 3 February 2016', '2016-02-03'],
    ['Wed, 3 Feb 2016', '2016-02-03'],
    ['03/02/2016 14:30', '2016-02-03'],
    ['3 February 2016 2.30pm', '2016-02-03'],
    ['2016-02-03T10:00:00Z', '2016-02-03'],
    ['  3 / 2 / 2016 ', '2016-02-03'],
    ['29/02/2016', '2016-02-29'],
    ['1/1/85', '1985-01-01'],
    ['1/1/29', '2029-01-01'],
    ['1/1/30', '1930-01-01'],
  ])('reads %s as %s (day first)', (text, iso) => {
    expect(parseDateText(text)).toEqual(ok(iso));
  });

  it('refuses dates that do not exist, saying why', () => {
    const feb = parseDateText('31/02/2017');
    expect(feb.ok).toBe(false);
    if (!feb.ok) expect(feb.reason).toMatch(/February 2017 has 28 days/);
    expect(parseDateText('29/02/2017').ok).toBe(false);
    expect(parseDateText('31 April 2016').ok).toBe(false);
    const month = parseDateText('02/13/2016');
    expect(month.ok).toBe(false);
    if (!month.ok) expect(month.reason).toMatch(/no month 13.*day first/);
  });

  it('refuses text that is not a date', () => {
    for (const text of ['sometime in spring', 'Feb 2016', '2016', '', '3 Febtember 2016', '32/01/2016']) {
      expect(parseDateText(text).ok, text).toBe(false);
    }
  });

  it('reads Excel dates in UTC and serial numbers in both date systems', () => {
    expect(parseDate(new Date(Date.UTC(2016, 1, 3)))).toEqual(ok('2016-02-03'));
    expect(parseDate(new Date(Date.UTC(2016, 1, 3, 23, 30)))).toEqual(ok('2016-02-03'));
    expect(parseDate(42403)).toEqual(ok('2016-02-03'));
    expect(parseDate(42403.75)).toEqual(ok('2016-02-03'));
    expect(parseDate('42403')).toEqual(ok('2016-02-03'));
    expect(isoFromExcelSerial(1)).toEqual(ok('1900-01-01'));
    expect(isoFromExcelSerial(59)).toEqual(ok('1900-02-28'));
    expect(isoFromExcelSerial(61)).toEqual(ok('1900-03-01'));
    expect(isoFromExcelSerial(60).ok).toBe(false);
    expect(parseDate(40941, { date1904: true })).toEqual(ok('2016-02-03'));
    expect(parseDate(null).ok).toBe(false);
    expect(parseDate(new Date(Number.NaN)).ok).toBe(false);
  });

  it('formats and checks ISO dates', () => {
    expect(formatUkDate('2016-02-03')).toBe('3 February 2016');
    expect(isIsoDate('2017-02-28')).toBe(true);
    expect(isIsoDate('2017-02-29')).toBe(false);
    expect(isIsoDate('03/02/2016')).toBe(false);
  });
});
