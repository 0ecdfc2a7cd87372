/**
 * Validity checks for identifying numbers, so that an ordinary number is not taken for one.
 */

/** An NHS number: ten digits whose last is the modulus 11 check digit of the first nine. */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

const notFirst = new Set('DFIQUV');
const notSecond = new Set('DFIQUVO');
const notPrefixes = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

/**
 * A National Insurance number's prefix as HMRC allocates them (NIM39110): neither letter D, F,
 * I, Q, U or V; the second not O; not BG, GB, KN, NK, NT, TN or ZZ.
 */
export function isValidNiPrefix(prefix: string): boolean {
  const p = prefix.toUpperCase();
  return /^[A-Z]{2}$/.test(p) && !notFirst.has(p[0]) && !notSecond.has(p[1]) && !notPrefixes.has(p);
}

/**
 * A UK telephone number, from its digits as written: national (0…) or international (44… after
 * "+" or "0044", with or without the "(0)"). Lengths follow the national numbering plan: 02,
 * 03, 05, 07 and 09 numbers have 11 digits, 01 and 08 numbers 10 or 11. Allocation is not
 * checked, so Ofcom's drama numbers (0114 496 0xxx, 07700 900xxx) count.
 */
export function isUkPhoneDigits(digits: string, international: boolean): boolean {
  let national = digits;
  if (international) {
    if (national.startsWith('0044')) national = national.slice(4);
    else if (national.startsWith('44')) national = national.slice(2);
    else return false;
    if (!national.startsWith('0')) national = '0' + national;
  }
  if (!national.startsWith('0')) return false;
  switch (national[1]) {
    case '2':
    case '3':
    case '5':
    case '7':
    case '9':
      return national.length === 11;
    case '1':
    case '8':
      return national.length === 10 || national.length === 11;
    default:
      return false;
  }
}
