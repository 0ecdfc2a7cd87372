import { describe, expect, it } from 'vitest';
import { dateSpans, findDates, generaliseDate, isSameDate } from '../../pipeline/anonymise/dates.ts';

/** The text with its precise dates generalised. */
function generalise(text: string): string {
  let out = '';
  let at = 0;
  for (const span of dateSpans(text)) {
    out += text.slice(at, span.start) + span.replacement;
    at = span.end;
  }
  return out + text.slice(at);
}

describe('date operator', () => {
  it.each([
    ['14 March 2017', 'March 2017'],
    ['14th March 2017', 'March 2017'],
    ['14/03/2017', 'March 2017'],
    ['14.03.17', 'March 2017'],
    ['14-03-2017', 'March 2017'],
    ['2017-03-14', 'March 2017'],
    ['2017/03/14', 'March 2017'],
    ['the 21st of June 2016', 'June 2016'],
    ['Tuesday 14 March 2017', 'March 2017'],
    ['Tuesday, 14th March 2017', 'March 2017'],
    ['March 14, 2017', 'March 2017'],
    ['Tuesday, March 14th 2017', 'March 2017'],
    ['14 Mar 2017', 'March 2017'],
    ['14 Mar. 2017', 'March 2017'],
    ['3 Sept 2015', 'September 2015'],
    ['14-16 March 2017', 'March 2017'],
    ['14th to 16th March 2017', 'March 2017'],
    ['14 MARCH 2017', 'March 2017'],
    ["14 March '17", 'March 2017'],
  ])('generalises "%s" to "%s"', (date, general) => {
    expect(generalise(`The incident of ${date} was reported.`)).toBe(`The incident of ${general} was reported.`);
  });

  it('turns "on" before a precise date into "in"', () => {
    expect(generalise('Police attended on Tuesday 14 March 2017.')).toBe('Police attended in March 2017.');
    expect(generalise('On 14 March 2017 the police attended.')).toBe('In March 2017 the police attended.');
    expect(generalise('ON 14/03/2017')).toBe('IN March 2017');
    expect(generalise('She was seen on the 21st of June 2016.')).toBe('She was seen in June 2016.');
  });

  it('generalises a date without a year to its month', () => {
    expect(generalise('She called on 14 March and again on the 20th of April.')).toBe('She called in March and again in April.');
  });

  it('reads a numeric date month first only when it cannot be day first', () => {
    expect(generalise('dated 03/14/2017')).toBe('dated March 2017');
    expect(generalise('dated 03/04/2017')).toBe('dated April 2017');
  });

  it.each([
    ['a year alone', 'In 2017 the review began.'],
    ['a month and year', 'In March 2017 the review began.'],
    ['a month alone', 'The panel met in June.'],
    ['a time', 'at 14:30 on the ward'],
    ['a case reference', 'SSCP-DHR-2017-01'],
    ['an impossible date', '31/02/2017'],
    ['a section number', 'see paragraph 1.2.17'],
    ['a version number', 'version 2.1.3'],
    ['"may" as a verb', 'there were 14 may be more'],
    ['a count after a month name', 'In May 5 officers attended.'],
  ])('leaves %s alone', (_why, text) => {
    expect(findDates(text)).toEqual([]);
    expect(generalise(text)).toBe(text);
  });

  it('reads day, month and year, with two-digit years', () => {
    const [date] = findDates('14.03.17');
    expect(date).toMatchObject({ day: 14, month: 3, year: 2017, yearDigits: 2 });
    expect(findDates('3.2.85')[0]).toMatchObject({ day: 3, month: 2, year: 1985 });
    expect(generaliseDate(date)).toBe('March 2017');
  });

  it('compares a written date with a calendar date, either numeric reading', () => {
    expect(isSameDate(findDates('03/02/1985')[0], '1985-02-03')).toBe(true);
    expect(isSameDate(findDates('02/03/1985')[0], '1985-02-03')).toBe(true);
    expect(isSameDate(findDates('3.2.85')[0], '1985-02-03')).toBe(true);
    expect(isSameDate(findDates('3 February')[0], '1985-02-03')).toBe(false);
    expect(isSameDate(findDates('4 February 1985')[0], '1985-02-03')).toBe(false);
  });
});
