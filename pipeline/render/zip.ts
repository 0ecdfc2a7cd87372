/**
 * The zip of a Word or Excel file: the parts in the order given, every entry with the same
 * date and time, XML deflated at level 6 by Node's own zlib (several times faster than a
 * deflate written in JavaScript, which mattered for the MBs of XML of a large review), and
 * pictures stored as they are. The same parts give the same bytes (for a given Node). The zip
 * itself is written by transforms/ooxml/zip.ts, as every Word and Excel file dhr-kit writes.
 */
import { promisify } from 'node:util';
import { deflateRaw, deflateRawSync } from 'node:zlib';
import { writeZip } from '../../transforms/ooxml/zip.ts';

export interface ZipPart {
  name: string;
  data: Uint8Array;
  /** Store without compressing (pictures, already compressed). */
  store?: boolean;
}

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
  return writeZip(
    parts.map((part, index) => ({ ...part, deflated: deflated[index] })),
    { ...dosDateTime(mtime), deflate: (data) => deflateRawSync(data, { level: 6 }) },
  );
}
