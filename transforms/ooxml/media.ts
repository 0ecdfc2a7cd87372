/**
 * Metadata inside pictures: a photograph pasted into a report carries the camera owner's
 * name, the place it was taken (GPS) and the date in its EXIF, XMP and IPTC blocks. They are
 * removed from JPEG and PNG images; the picture itself is copied unchanged.
 */

/** JPEG: drop APP1 (EXIF, XMP), APP3–APP13 (IPTC and makers' notes), APP15 and comments; keep JFIF (APP0), ICC colour (APP2) and Adobe (APP14). */
export function stripJpegMetadata(data: Uint8Array): Uint8Array {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8) return data;
  const keep: [number, number][] = [[0, 2]];
  let p = 2;
  let changed = false;
  while (p + 4 <= data.length) {
    if (data[p] !== 0xff) return data; // not what we expected: leave the picture alone
    const marker = data[p + 1];
    if (marker === 0xff) {
      p++;
      continue;
    }
    if (marker === 0xda /* start of scan: picture data follows */ || marker === 0xd9) {
      keep.push([p, data.length]);
      break;
    }
    const length = (data[p + 2] << 8) | data[p + 3];
    if (length < 2 || p + 2 + length > data.length) return data;
    const isApp = marker >= 0xe0 && marker <= 0xef;
    const drop = marker === 0xfe || (isApp && marker !== 0xe0 && marker !== 0xe2 && marker !== 0xee);
    if (drop) changed = true;
    else keep.push([p, p + 2 + length]);
    p += 2 + length;
  }
  if (!changed) return data;
  const size = keep.reduce((n, [a, b]) => n + (b - a), 0);
  const out = new Uint8Array(size);
  let o = 0;
  for (const [a, b] of keep) {
    out.set(data.subarray(a, b), o);
    o += b - a;
  }
  return out;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Text, EXIF and timestamp chunks. */
const PNG_DROP = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

export function stripPngMetadata(data: Uint8Array): Uint8Array {
  if (data.length < 8 || !PNG_SIGNATURE.every((b, i) => data[i] === b)) return data;
  const keep: [number, number][] = [[0, 8]];
  let p = 8;
  let changed = false;
  while (p + 12 <= data.length) {
    const length = ((data[p] << 24) | (data[p + 1] << 16) | (data[p + 2] << 8) | data[p + 3]) >>> 0;
    const type = String.fromCharCode(data[p + 4], data[p + 5], data[p + 6], data[p + 7]);
    const end = p + 12 + length;
    if (end > data.length) return data;
    if (PNG_DROP.has(type)) changed = true;
    else keep.push([p, end]);
    p = end;
    if (type === 'IEND') break;
  }
  if (!changed) return data;
  const size = keep.reduce((n, [a, b]) => n + (b - a), 0);
  const out = new Uint8Array(size);
  let o = 0;
  for (const [a, b] of keep) {
    out.set(data.subarray(a, b), o);
    o += b - a;
  }
  return out;
}

/** Strip a picture's metadata by its file name; other files come back as they were. */
export function stripImageMetadata(part: string, data: Uint8Array): Uint8Array {
  const lower = part.toLowerCase();
  if (lower.endsWith('.jpg') || lower.endsWith('.jpeg') || lower.endsWith('.jpe')) return stripJpegMetadata(data);
  if (lower.endsWith('.png')) return stripPngMetadata(data);
  return data;
}
