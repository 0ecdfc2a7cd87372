import { describe, expect, it } from 'vitest';
import { isUkPhoneDigits, isValidNhsNumber, isValidNiPrefix } from '../../pipeline/anonymise/checks.ts';
import { findDates } from '../../pipeline/anonymise/dates.ts';
import {
  findDatesOfBirth,
  findEmails,
  findNhsNumbers,
  findNiNumbers,
  findPatterns,
  findPhoneNumbers,
  findPostcodes,
} from '../../pipeline/anonymise/patterns.ts';
import type { Span } from '../../pipeline/anonymise/types.ts';

const texts = (spans: Span[]) => spans.map((s) => s.text);

describe('postcodes', () => {
  it.each(['S10 2TN', 's10 2tn', 'S102TN', 'SW1A 1AA', 'EC1A 1BB', 'W1A 0AX', 'M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'GIR 0AA', 'gir0aa'])(
    'finds %s in a sentence',
    (postcode) => {
      const text = `She moved to ${postcode}, near the park.`;
      const found = findPostcodes(text);
      expect(texts(found)).toEqual([postcode]);
      expect(found[0].replacement).toBe('[postcode removed]');
      expect(text.slice(found[0].start, found[0].end)).toBe(postcode);
    },
  );

  it.each([
    ['a letter no postcode begins with', 'Q1 1AA'],
    ['letters the inward code never uses', 'S10 2CI'],
    ['inside a longer word', 'XS10 2TNX'],
    ['GIR with another inward code', 'GIR 1AA'],
    ['an ordinal', 'the 1st and the 22nd'],
    ['a professional code', 'HV1 and GP2 met'],
  ])('does not take %s for one', (_why, text) => {
    expect(findPostcodes(text)).toEqual([]);
  });
});

describe('telephone numbers', () => {
  it.each([
    '0114 496 0123',
    '0114-496-0123',
    '(0114) 496 0123',
    '01144960123',
    '+44 114 496 0123',
    '+44 (0)114 496 0123',
    '+44(0)1144960123',
    '0044 114 496 0123',
    '07700 900123',
    '07700900123',
    '+44 7700 900123',
    '020 7946 0123',
    '(020) 7946 0123',
    '0161 496 0000',
    '0113 496 0999',
    '08081 570123',
    '03069 990123',
    '01632 960123',
    '0800 123 456',
  ])('finds %s (Ofcom drama ranges included)', (phone) => {
    const text = `Tel: ${phone}. Call after 14:30.`;
    const found = findPhoneNumbers(text);
    expect(texts(found)).toEqual([phone]);
    expect(found[0].replacement).toBe('[phone number removed]');
  });

  it.each([
    ['a case reference', 'SSCP-DHR-2017-01'],
    ['a time', 'at 14:30 and 09:15'],
    ['years', 'between 2016 and 2017'],
    ['too few digits', '0114 496 01'],
    ['too many digits for an 07 number', '07700 9001234'],
    ['not starting with 0 or +44', '1144 960 1234'],
    ['a date', '14/03/2017 and 01.02.2016'],
    ['a number glued to a reference', 'REF-0114-496-0123'],
  ])('does not flag %s', (_why, text) => {
    expect(findPhoneNumbers(text)).toEqual([]);
  });

  it('ends a number where its digits run out, not at the next number', () => {
    expect(texts(findPhoneNumbers('rang 0114 496 0123 3 times'))).toEqual(['0114 496 0123']);
    expect(texts(findPhoneNumbers('on 2017 0114 496 0123'))).toEqual(['0114 496 0123']);
  });

  it('checks lengths by the numbering plan', () => {
    expect(isUkPhoneDigits('01144960123', false)).toBe(true);
    expect(isUkPhoneDigits('0169772345', false)).toBe(true);
    expect(isUkPhoneDigits('0207946012', false)).toBe(false);
    expect(isUkPhoneDigits('447700900123', true)).toBe(true);
    expect(isUkPhoneDigits('33123456789', true)).toBe(false);
  });
});

describe('email addresses', () => {
  it.each(['jane.smith@example.org.uk', 'j_smith+dhr@nhs.net', "o'brien@example.com", 'ANNA@EXAMPLE.CO.UK'])('finds %s', (email) => {
    const found = findEmails(`Write to ${email}.`);
    expect(texts(found)).toEqual([email]);
    expect(found[0].replacement).toBe('[email removed]');
  });

  it('finds the address in a mailto: link without the scheme', () => {
    expect(texts(findEmails('<mailto:anna@example.org>'))).toEqual(['anna@example.org']);
  });

  it.each(['@handle on social media', 'user@localhost', 'a@b.c', 'email me @ home'])('does not flag %s', (text) => {
    expect(findEmails(text)).toEqual([]);
  });
});

describe('NHS numbers', () => {
  // Check digits computed independently of the code under test (modulus 11, weights 10 to 2).
  it.each(['943 476 5919', '9434765919', '943-476-5919', '450 557 7104', '401 023 2137', '485 777 3457'])('finds %s (valid check digit)', (number) => {
    const found = findNhsNumbers(`NHS number ${number} recorded.`);
    expect(texts(found)).toEqual([number]);
    expect(found[0].replacement).toBe('[NHS number removed]');
  });

  it.each([
    ['a wrong check digit', '943 476 5918'],
    ['another wrong check digit', '485 777 3456'],
    ['a check digit of 10 (never issued)', '400 000 0080'],
    ['a different grouping', '94 347 65919'],
    ['eleven digits', '94347659190'],
  ])('does not flag %s', (_why, number) => {
    expect(findNhsNumbers(`NHS number ${number} recorded.`)).toEqual([]);
  });

  it('validates the check digit', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('9434765918')).toBe(false);
    expect(isValidNhsNumber('4000000080')).toBe(false);
  });
});

describe('National Insurance numbers', () => {
  it.each(['AB 12 34 56 C', 'AB123456C', 'JG103759A', 'ab 12 34 56 c', 'NE 12 34 56 D'])('finds %s', (number) => {
    const found = findNiNumbers(`His NI is ${number} on file.`);
    expect(texts(found)).toEqual([number]);
    expect(found[0].replacement).toBe('[NI number removed]');
  });

  it.each([
    ['Q first (HMRC example only)', 'QQ123456C'],
    ['D first', 'DA123456A'],
    ['O second', 'AO123456A'],
    ['prefix GB', 'GB123456A'],
    ['prefix BG', 'BG123456A'],
    ['prefix NK', 'NK123456A'],
    ['prefix TN', 'TN123456A'],
    ['prefix ZZ', 'ZZ123456A'],
    ['suffix E', 'AB123456E'],
  ])('does not flag %s', (_why, number) => {
    expect(findNiNumbers(`Reference ${number} on file.`)).toEqual([]);
  });

  it('needs the suffix letter unless the text says it is an NI number', () => {
    expect(findNiNumbers('Reference AB123456 on file.')).toEqual([]);
    expect(texts(findNiNumbers('National Insurance number: AB 12 34 56'))).toEqual(['AB 12 34 56']);
  });

  it('checks prefixes as HMRC allocates them', () => {
    expect(isValidNiPrefix('AB')).toBe(true);
    expect(isValidNiPrefix('OA')).toBe(true);
    expect(isValidNiPrefix('AO')).toBe(false);
    expect(isValidNiPrefix('FA')).toBe(false);
  });
});

describe('dates of birth', () => {
  it.each([
    ['DOB 03/02/1985', '03/02/1985'],
    ['(D.O.B.: 03/02/1985)', '03/02/1985'],
    ['DoB - 3.2.85', '3.2.85'],
    ['date of birth: 3 February 1985', '3 February 1985'],
    ['born on 3rd February 1985', '3rd February 1985'],
    ['d.o.b. 1985-02-03', '1985-02-03'],
    ['Adult X (born 12 June 1990) lived', '12 June 1990'],
  ])('finds the date in "%s"', (text, date) => {
    const found = findDatesOfBirth(text, findDates(text));
    expect(texts(found)).toEqual([date]);
    expect(found[0].replacement).toBe('[date of birth removed]');
  });

  it('finds a date of birth in the key however it is written', () => {
    const key = ['1985-02-03'];
    for (const text of ['on 3 Feb ’85 she', 'on 3 February 1985 she', 'on 03/02/1985 she', 'on 3.2.85 she', 'on February 3rd, 1985 she', 'on 1985-02-03 she', 'on 02/03/1985 she']) {
      expect(texts(findDatesOfBirth(text, findDates(text), key)), text).toHaveLength(1);
    }
    expect(findDatesOfBirth('on 14 March 2017 she', findDates('on 14 March 2017 she'), key)).toEqual([]);
  });

  it('does not take other dates for one', () => {
    const text = 'The incident on 14 March 2017 was reported.';
    expect(findDatesOfBirth(text, findDates(text))).toEqual([]);
  });
});

describe('all patterns together', () => {
  it('leaves ordinary numbers, years, times and references alone', () => {
    const text = 'In 2017 (case SSCP-DHR-2017-01) at 14:30 there were 47 contacts, 3 referrals and 1,250 pages; paragraph 4.2.1.';
    expect(findPatterns(text)).toEqual([]);
  });
});
