/**
 * The zip of a Word or Excel file: the parts in the order given, every entry with the same
 * date and time, XML deflated at level 6 by Node's own zlib (several times faster than a
 * deflate written in JavaScript, which mattered for the MBs of XML of a large review), and
 * pictures stored as they are. The same parts give the same bytes (for a given Node).
 */
import { promisify } from 'node:util';
import { crc32, deflateRaw, deflateRawSync } from 'node:zlib';
import { DhrError } from '../errors.ts';

export interface ZipPart {
  name: string;
  data: Uint8Array;
  /** Store without compressing (pictures, already compressed). */
  store?: boolean;
}

const encoder = new TextEncoder();

/** DOS date and time of the local date and time fields of `when` (a zip keeps local time). */
function dosDateTime(when: Date): { date: number; time: number } {
  const year = Math.max(1980, when.getFullYear());
  return {
    date: ((year - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate(),
    time: (when.getHours() << 11) | (when.getMinutes() << 5) | (when.getSeconds() >> 1),
  };
}

const deflateRawAsync = promisify(deflateRaw);

/**
 * The same zip, its large parts deflated on libuv's threads (the same bytes as zipParts): the
 * caller's other work goes on meanwhile.
 */
export async function zipPartsAsync(parts: readonly ZipPart[], mtime: Date): Promise<Uint8Array> {
  const deflated = await Promise.all(parts.map((p) => (!p.store && p.data.length > 65536 ? deflateRawAsync(p.data, { level: 6 }) : undefined)));
  return zipParts(parts, mtime, deflated);
}

/** Write the zip of some parts, each dated `mtime` (`deflated`: parts already deflated, by index). */
export function zipParts(parts: readonly ZipPart[], mtime: Date, deflated: readonly (Uint8Array | undefined)[] = []): Uint8Array {
  const { date, time } = dosDateTime(mtime);
  const chunks: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [index, part] of parts.entries()) {
    const name = encoder.encode(part.name);
    const size = part.data.length;
    const crc = crc32(part.data) >>> 0;
    let method = 0;
    let body = part.data;
    if (!part.store && size > 0) {
      const packed = deflated[index] ?? deflateRawSync(part.data, { level: 6 });
      if (packed.length < size) {
        method = 8;
        body = packed;
      }
    }
    if (offset > 0xfffffffe || body.length > 0xfffffffe) throw new DhrError('too-large', 'the file would need Zip64, which dhr-kit does not write');
    const flags = name.some((b) => b >= 0x80) ? 0x800 : 0;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, flags, true);
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
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, method, true);
    cv.setUint16(12, time, true);
    cv.setUint16(14, date, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, body.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    chunks.push(local, body);
    centrals.push(central);
    offset += local.length + body.length;
  }
  const directorySize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, parts.length, true);
  ev.setUint16(10, parts.length, true);
  ev.setUint32(12, directorySize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + directorySize + end.length);
  let at = 0;
  for (const chunk of [...chunks, ...centrals, end]) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
