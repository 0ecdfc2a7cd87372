/**
 * Zip reading and writing for OOXML packages, with the zip-bomb guards of limits.ts.
 *
 * Reading parses the central directory itself (so every declared size is checked before a
 * byte is inflated), then inflates each entry on demand in small slices, counting the output
 * and stopping as soon as it passes the declared size; the CRC is checked at the end.
 * Writing is deterministic: fixed timestamps, the given entry order, and entries that did not
 * change are copied compressed, exactly as they came.
 */
import { Inflate, deflateSync, inflateSync } from 'fflate';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { DhrError, type Place } from '../../pipeline/errors.ts';
import { formatBytes, limits as defaultLimits, type Limits } from './limits.ts';

/** What to do about a damaged file. */
const RESEND = 'ask for the file to be saved and sent again';
/** What to do about a file over the limits. */
const SMALLER = 'ask for a copy without very large embedded files (pictures, videos, other documents)';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** The compressed bytes (a view into the zip). */
  compressed: Uint8Array;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

function u16(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}
function u32(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
}
function u64(b: Uint8Array, i: number): number {
  return u32(b, i) + u32(b, i + 4) * 0x100000000;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && u32(bytes, 0) === SIG_LOCAL;
}

/**
 * The entries of a zip, checked against the limits from their declared sizes. Nothing is
 * inflated here.
 */
export function readZipDirectory(bytes: Uint8Array, place: Place, limits: Limits = defaultLimits): ZipEntry[] {
  const damaged = (why: string): never => {
    throw new DhrError('corrupt', `the file is damaged or truncated: ${why}; ask for the file to be saved and sent again`, place);
  };
  if (bytes.length > limits.maxInputBytes) {
    throw new DhrError('too-large', `the file is ${formatBytes(bytes.length)}, more than the ${formatBytes(limits.maxInputBytes)} dhr-kit reads; ${SMALLER}`, place);
  }
  let eocd = -1;
  const lowest = Math.max(0, bytes.length - 22 - 65535);
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (u32(bytes, i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) damaged('the zip has no central directory (it was probably cut short while copying)');
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  if (eocd >= 20 && u32(bytes, eocd - 20) === SIG_EOCD64_LOCATOR) {
    const at = u64(bytes, eocd - 12);
    if (at + 56 > bytes.length || u32(bytes, at) !== SIG_EOCD64) damaged('the Zip64 directory is missing');
    count = u64(bytes, at + 32);
    cdSize = u64(bytes, at + 40);
    cdOffset = u64(bytes, at + 48);
  }
  if (count > limits.maxEntries) {
    throw new DhrError('too-large', `the zip holds ${count} entries, more than the ${limits.maxEntries} allowed; it may be a zip bomb: ${SMALLER}`, place);
  }
  if (cdOffset + cdSize > bytes.length) damaged('the central directory lies beyond the end of the file');

  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== SIG_CENTRAL) damaged('an entry of the central directory is missing');
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const crc = u32(bytes, p + 16);
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    let localOffset = u32(bytes, p + 42);
    if (p + 46 + nameLength + extraLength + commentLength > bytes.length) damaged('an entry name runs past the end of the file');
    const name = decodeName(bytes.subarray(p + 46, p + 46 + nameLength), (flags & 0x800) !== 0);
    // Zip64 sizes live in the extra field when the 32-bit ones are saturated.
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) {
      let e = p + 46 + nameLength;
      const extraEnd = e + extraLength;
      while (e + 4 <= extraEnd) {
        const id = u16(bytes, e);
        const len = u16(bytes, e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          if (size === 0xffffffff) (size = u64(bytes, q)), (q += 8);
          if (compressedSize === 0xffffffff) (compressedSize = u64(bytes, q)), (q += 8);
          if (localOffset === 0xffffffff) localOffset = u64(bytes, q);
          break;
        }
        e += 4 + len;
      }
    }
    p += 46 + nameLength + extraLength + commentLength;

    const entryPlace = { ...place, part: name };
    if (name.endsWith('/')) continue; // a folder entry
    const folded = name.toLowerCase();
    if (seen.has(folded)) throw new DhrError('corrupt', 'the zip holds two entries with the same name, which Office never writes: ask for the file to be saved and sent again', entryPlace);
    seen.add(folded);
    if (flags & 1) throw new DhrError('encrypted', 'a part of this zip is encrypted with a zip password; remove the password and try again', entryPlace);
    if (method !== 0 && method !== 8) throw new DhrError('unsupported-format', `the part is compressed with method ${method}, which Office never uses: open the file in Office and save it again`, entryPlace);
    if (size > limits.maxPartBytes) {
      throw new DhrError('too-large', `the part would inflate to ${formatBytes(size)}, more than the ${formatBytes(limits.maxPartBytes)} allowed for one part; it may be a zip bomb: ${SMALLER}`, entryPlace);
    }
    if (size > limits.ratioAppliesAbove && size > compressedSize * limits.maxRatio) {
      throw new DhrError('too-large', `the part is compressed ${Math.round(size / Math.max(1, compressedSize))} to 1, more than the ${limits.maxRatio} to 1 allowed; it may be a zip bomb: ${SMALLER}`, entryPlace);
    }
    total += size;
    if (total > limits.maxTotalBytes) {
      throw new DhrError('too-large', `the parts would inflate to more than the ${formatBytes(limits.maxTotalBytes)} allowed in all; it may be a zip bomb: ${SMALLER}`, place);
    }
    if (localOffset + 30 > bytes.length || u32(bytes, localOffset) !== SIG_LOCAL) damaged(`the part ${name} is missing`);
    const dataStart = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    if (dataStart + compressedSize > bytes.length) damaged(`the part ${name} is cut short`);
    if (method === 0 && compressedSize !== size) damaged(`the stored part ${name} has inconsistent sizes`);
    entries.push({ name, method, crc, compressedSize, size, compressed: bytes.subarray(dataStart, dataStart + compressedSize) });
  }
  return entries;
}

function decodeName(raw: Uint8Array, utf8: boolean): string {
  if (utf8 || raw.every((b) => b < 0x80)) return new TextDecoder('utf-8').decode(raw);
  return new TextDecoder('latin1').decode(raw);
}

/** Slices of compressed input given to the inflater at a time: bounds one step's output. */
const SLICE = 16 * 1024;

/**
 * Inflate a deflated entry slice by slice, handing each piece of output to `take`, and stop as
 * soon as the output passes the entry's declared size (a zip bomb, or a header that lies); the
 * output must also reach that size. The one inflating loop of both inflateEntry and checkEntry.
 */
function inflateSlices(entry: ZipEntry, entryPlace: Place, take: (chunk: Uint8Array, at: number) => void): void {
  const src = entry.compressed;
  if (src.length > 0 && src.length <= SLICE) {
    // One slice: inflated at once, as the streaming inflater would take it, but into a buffer
    // one byte longer than declared, which no output can pass (the streaming inflater costs
    // more than the inflating on the small parts most packages are made of). A part that does
    // not come out at exactly its declared size, or cannot be read, goes through the loop
    // below, which says what is wrong with it.
    let out: Uint8Array | undefined;
    try {
      out = inflateSync(src, { out: new Uint8Array(entry.size + 1) });
    } catch {
      out = undefined;
    }
    if (out && out.length === entry.size) {
      take(out, 0);
      return;
    }
  }
  let length = 0;
  let overrun = false;
  const inflater = new Inflate((chunk) => {
    if (overrun) return;
    if (length + chunk.length > entry.size) {
      overrun = true;
      return;
    }
    take(chunk, length);
    length += chunk.length;
  });
  try {
    if (src.length === 0) inflater.push(new Uint8Array(0), true);
    for (let i = 0; i < src.length && !overrun; i += SLICE) {
      inflater.push(src.subarray(i, Math.min(src.length, i + SLICE)), i + SLICE >= src.length);
    }
  } catch {
    throw new DhrError('corrupt', `the part is damaged: its compressed data cannot be read; ${RESEND}`, entryPlace);
  }
  if (overrun) {
    throw new DhrError('too-large', `the part inflates to more than the ${formatBytes(entry.size)} its zip header declares; it may be a zip bomb: ${SMALLER}`, entryPlace);
  }
  if (length !== entry.size) throw new DhrError('corrupt', `the part is damaged: it is shorter than its zip header declares; ${RESEND}`, entryPlace);
}

function checksumMismatch(entryPlace: Place): DhrError {
  return new DhrError('corrupt', `the part is damaged: its checksum does not match; ${RESEND}`, entryPlace);
}

/**
 * Inflate one entry, never producing more than its declared size (a zip that lies about its
 * sizes is refused as soon as the output passes what it declared), and check its CRC.
 */
export function inflateEntry(entry: ZipEntry, place: Place): Uint8Array {
  const entryPlace = { ...place, part: entry.name };
  let data: Uint8Array;
  if (entry.method === 0) {
    data = entry.compressed;
  } else {
    // A part inflated in one piece is kept as it came; otherwise the pieces are gathered.
    let out: Uint8Array | undefined;
    inflateSlices(entry, entryPlace, (chunk, at) => {
      if (at === 0 && chunk.length === entry.size) out = chunk;
      else (out ??= new Uint8Array(entry.size)).set(chunk, at);
    });
    data = out ?? new Uint8Array(0);
  }
  if (crc32(data) !== entry.crc) throw checksumMismatch(entryPlace);
  return data;
}

/**
 * Check one entry without keeping it: inflate it slice by slice, counting the bytes (stopping
 * as soon as they pass the declared size) and computing the checksum as they come. Memory use
 * is one slice's output, whatever the entry holds.
 */
export function checkEntry(entry: ZipEntry, place: Place): void {
  const entryPlace = { ...place, part: entry.name };
  if (entry.method === 0) {
    if (crc32(entry.compressed) !== entry.crc) throw checksumMismatch(entryPlace);
    return;
  }
  let crc = 0;
  inflateSlices(entry, entryPlace, (chunk) => {
    crc = crc32(chunk, crc);
  });
  if (crc !== entry.crc) throw checksumMismatch(entryPlace);
}

/** CRC-32 of `data` (zlib's); pass the CRC of what came before to continue it. */
export function crc32(data: Uint8Array, previous = 0): number {
  return zlibCrc32(data, previous) >>> 0;
}

/**
 * An entry to write: new data (deflated here unless `store`, or already deflated), or an
 * unchanged entry copied compressed.
 */
export type ZipOutput =
  | { name: string; data: Uint8Array; store?: boolean; deflated?: Uint8Array }
  | { name: string; entry: ZipEntry };

export interface ZipWriteOptions {
  /** DOS date and time of every entry; 1980-01-01 00:00 by default, the same bytes whatever the clock says. */
  date?: number;
  time?: number;
  /** Raw DEFLATE at level 6; fflate's by default (the same bytes on every Node). */
  deflate?: (data: Uint8Array) => Uint8Array;
}

/** DOS date 1980-01-01, time 00:00. */
const FIXED_DATE = (0 << 9) | (1 << 5) | 1;
const FIXED_TIME = 0;

const deflateLevel6 = (data: Uint8Array): Uint8Array => deflateSync(data, { level: 6 });

/**
 * Write a zip: the entries in the order given, each with the same date and time. New data is
 * deflated when that makes it smaller, and stored otherwise. Every Word and Excel file dhr-kit
 * writes goes through here (redacted copies, and the reports and workbooks it makes).
 */
export function writeZip(files: readonly ZipOutput[], options: ZipWriteOptions = {}): Uint8Array {
  const date = options.date ?? FIXED_DATE;
  const time = options.time ?? FIXED_TIME;
  const deflate = options.deflate ?? deflateLevel6;
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const f of files) {
    const name = encoder.encode(f.name);
    let method = 0;
    let crc: number;
    let size: number;
    let body: Uint8Array;
    if ('entry' in f) {
      ({ method, crc, size } = f.entry);
      body = f.entry.compressed;
    } else {
      size = f.data.length;
      crc = crc32(f.data);
      body = f.data;
      if (!f.store && size > 0) {
        const packed = f.deflated ?? deflate(f.data);
        if (packed.length < size) {
          method = 8;
          body = packed;
        }
      }
    }
    if (offset > 0xfffffffe || body.length > 0xfffffffe) throw new DhrError('too-large', 'the file would need Zip64, which dhr-kit does not write');
    const utf8 = name.some((b) => b >= 0x80) ? 0x800 : 0;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, SIG_LOCAL, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, utf8, true);
    lv.setUint16(8, method, true);
    lv.setUint16(10, time, true);
    lv.setUint16(12, date, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, SIG_CENTRAL, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, utf8, true);
    cv.setUint16(10, method, true);
    cv.setUint16(12, time, true);
    cv.setUint16(14, date, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, body.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, body);
    centrals.push(central);
    offset += local.length + body.length;
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, SIG_EOCD, true);
  ev.setUint16(8, files.length, true);
  ev.setUint16(10, files.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + 22);
  let p = 0;
  for (const b of locals) (out.set(b, p), (p += b.length));
  for (const b of centrals) (out.set(b, p), (p += b.length));
  out.set(eocd, p);
  return out;
}
