/**
 * Excel headers and footers hold formatting codes run into the text: "&LJane Smith&RPage &P",
 * "&\"Arial,Bold\"&12Notes". Read as they are, "&LJane" is one word and the name is missed, so
 * the codes are blanked out first, keeping every other character where it was (offsets into the
 * masked text are offsets into the original).
 */

/** &L &C &R, &P &N &D &T &Z &F &A, &"font,style", &12 (size), &K00FF00 (colour), && (an ampersand) … */
const headerCodes = /&(?:"[^"]*"|\d+|K[0-9A-Fa-f]{6}|K\d\d[+-]\d{3}|.)/g;

export function maskHeaderFooterCodes(text: string): string {
  return text.replace(headerCodes, (m) => (m === '&&' ? '& ' : ' '.repeat(m.length)));
}

/** Elements that hold a header or footer. */
export const HEADER_FOOTER_ELEMENTS = new Set(['x:oddHeader', 'x:oddFooter', 'x:evenHeader', 'x:evenFooter', 'x:firstHeader', 'x:firstFooter']);
