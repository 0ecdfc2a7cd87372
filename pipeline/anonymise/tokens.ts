/**
 * Splits text into words (maximal runs of letters, digits and combining marks) and says what
 * separates each word from the one before it. A name matches only whole words, so "Mark" is
 * never found inside "Marked"; what stands between the words of a name decides whether they
 * still make one name ("Jane Smith", "Jane\u00A0Smith", "Jane\nSmith", "O'Brien", "O&apos;Brien",
 * "Smith-Jones", "Mrs. Smith", "Smith, Jane").
 *
 * Written as a single pass over character codes: it runs over every text the engine sees.
 */

/** Nothing before the first word. */
export const gapStart = 0;
/** Spaces, tabs, non-breaking spaces, at most one line break. */
export const gapSpace = 1;
/** A full stop, then optional spaces ("Mrs. Smith", "J. Smith"). */
export const gapDot = 2;
/** One apostrophe of any kind, or its XML entity ("O'Brien", "O’Brien", "O&apos;Brien"). */
export const gapApostrophe = 3;
/** One hyphen ("Smith-Jones"). */
export const gapHyphen = 4;
/** A comma, then spaces ("Smith, Jane"). */
export const gapComma = 5;
/** Anything else: the words do not belong together. */
export const gapOther = 6;

export type GapKind = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface Tokens {
  readonly text: string;
  readonly count: number;
  /** Offset of each word's first character. */
  readonly starts: Int32Array;
  /** Offset after each word's last character. */
  readonly ends: Int32Array;
  /** 1 where a word is written in ASCII only (its normalised form is then its lower case, of the same length). */
  readonly ascii: Uint8Array;
  /** What separates word i from word i − 1 (gapStart for the first word). */
  gap(i: number): GapKind;
}

const wordClass = new Uint8Array(65536);
// 1: letter, digit or mark; 2: not; 3: invisible (soft hyphen, zero-width space), part of a word.
const wordCharacter = /[\p{L}\p{N}\p{M}]/u;
for (let c = 0; c < 128; c++) {
  const isWord = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  wordClass[c] = isWord ? 1 : 2;
}
for (const c of [0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]) wordClass[c] = 3;
// Surrogates: treated as separators (scripts outside the Basic Multilingual Plane are not names we key).
for (let c = 0xd800; c <= 0xdfff; c++) wordClass[c] = 2;

function classOf(code: number): number {
  let k = wordClass[code];
  if (k === 0) {
    k = wordCharacter.test(String.fromCharCode(code)) ? 1 : 2;
    wordClass[code] = k;
  }
  return k;
}

/** Whether a UTF-16 code unit belongs to a word. */
export function isWordCode(code: number): boolean {
  return classOf(code) !== 2;
}

/** XML character references that stand for an apostrophe or a space, and a few others to skip. */
const entity = /&(?:apos|rsquo|lsquo|#0*39|#x0*27|#0*8217|#x0*2019|#0*8216|#x0*2018|nbsp|#0*160|#x0*a0|amp|quot|lt|gt|#0*38|#x0*26);/iy;
const apostropheEntity = /^&(?:apos|rsquo|lsquo|#0*39|#x0*27|#0*8217|#x0*2019|#0*8216|#x0*2018);$/i;
const spaceEntity = /&(?:nbsp|#0*160|#x0*a0);/gi;

const apostrophes = new Set([0x27, 0x2019, 0x2018, 0x60, 0xb4, 0x2bc, 0x2032]);
const hyphens = new Set([0x2d, 0x2010, 0x2011]);

function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x2007 || c === 0x202f || c === 0x0b || c === 0x0c || (c >= 0x2000 && c <= 0x200a) || c === 0x3000;
}

/** What a run of separators between two words means. */
export function classifyGap(text: string, from: number, to: number): GapKind {
  const length = to - from;
  if (length === 1) {
    const c = text.charCodeAt(from);
    if (isSpaceCode(c) || c === 0x0a || c === 0x0d) return gapSpace;
    if (apostrophes.has(c)) return gapApostrophe;
    if (hyphens.has(c)) return gapHyphen;
    if (c === 0x2e) return gapDot;
    return gapOther;
  }
  let i = from;
  const first = text.charCodeAt(i);
  let kind: GapKind = gapSpace;
  if (first === 0x2e) {
    kind = gapDot;
    i++;
  } else if (first === 0x2c) {
    kind = gapComma;
    i++;
  } else if (first === 0x26) {
    const gap = text.slice(from, to);
    if (apostropheEntity.test(gap)) return gapApostrophe;
    return onlySpaces(gap.replace(spaceEntity, ' '), 0) ? gapSpace : gapOther;
  }
  if (kind === gapComma && i === to) return gapOther;
  let lineBreaks = 0;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      lineBreaks++;
      if (lineBreaks > 1) return gapOther;
    } else if (c === 0x0d) {
      if (text.charCodeAt(i + 1) !== 0x0a) lineBreaks++;
      if (lineBreaks > 1) return gapOther;
    } else if (c === 0x26) {
      // &nbsp; between words
      entity.lastIndex = i;
      const m = entity.exec(text);
      if (!m || !/^&(?:nbsp|#0*160|#x0*a0);$/i.test(m[0])) return gapOther;
      i += m[0].length - 1;
    } else if (!isSpaceCode(c)) {
      return gapOther;
    }
  }
  return kind;
}

function onlySpaces(s: string, lineBreaksAllowed: number): boolean {
  let lineBreaks = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x0a) {
      if (++lineBreaks > lineBreaksAllowed + 1) return false;
    } else if (c !== 0x0d && !isSpaceCode(c)) return false;
  }
  return true;
}

/** The last text read and its words: the key and the NLP recogniser read the same text in turn. */
let lastText: string | undefined;
let lastTokens: Tokens | undefined;

/** The words of a text, with what separates them. */
export function tokenise(text: string): Tokens {
  if (text === lastText && lastTokens) return lastTokens;
  const tokens = read(text);
  lastText = text;
  lastTokens = tokens;
  return tokens;
}

/** Three views of one buffer (one allocation, not three: allocating is most of the cost on a short text). */
function lists(capacity: number): { starts: Int32Array; ends: Int32Array; ascii: Uint8Array } {
  const buffer = new ArrayBuffer(capacity * 9);
  return { starts: new Int32Array(buffer, 0, capacity), ends: new Int32Array(buffer, capacity * 4, capacity), ascii: new Uint8Array(buffer, capacity * 8, capacity) };
}

function read(text: string): Tokens {
  const n = text.length;
  let { starts, ends, ascii } = lists(Math.max(16, (n >> 2) + 8));
  let count = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = c < 128 ? wordClass[c] : classOf(c);
    if (k !== 1) {
      if (c === 0x26) {
        entity.lastIndex = i;
        const m = entity.exec(text);
        if (m) {
          i += m[0].length;
          continue;
        }
      }
      i++;
      continue;
    }
    const start = i;
    let plain = c < 128;
    i++;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d < 128) {
        if (wordClass[d] !== 1) break;
        i++;
        continue;
      }
      plain = false;
      const kd = classOf(d);
      if (kd === 1) i++;
      else if (kd === 3 && i + 1 < n && classOf(text.charCodeAt(i + 1)) === 1) i++;
      else break;
    }
    if (count === starts.length) {
      const grown = lists(count * 2);
      grown.starts.set(starts);
      grown.ends.set(ends);
      grown.ascii.set(ascii);
      ({ starts, ends, ascii } = grown);
    }
    starts[count] = start;
    ends[count] = i;
    ascii[count] = plain ? 1 : 0;
    count++;
  }
  return new TokenList(text, count, starts, ends, ascii);
}

class TokenList implements Tokens {
  readonly text: string;
  readonly count: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly ascii: Uint8Array;
  private gapCache: Int8Array | undefined;

  constructor(text: string, count: number, starts: Int32Array, ends: Int32Array, ascii: Uint8Array) {
    this.text = text;
    this.count = count;
    this.starts = starts;
    this.ends = ends;
    this.ascii = ascii;
  }

  gap(i: number): GapKind {
    if (i <= 0) return gapStart;
    const from = this.ends[i - 1];
    const to = this.starts[i];
    if (to - from === 1 && this.text.charCodeAt(from) === 0x20) return gapSpace;
    const cache = (this.gapCache ??= new Int8Array(this.count).fill(-1));
    let g = cache[i];
    if (g < 0) cache[i] = g = classifyGap(this.text, from, to);
    return g as GapKind;
  }
}
