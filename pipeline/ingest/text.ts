/**
 * Text files as people save them: UTF-8 with or without a byte-order mark, UTF-16 from Excel's
 * "Unicode text", or Windows-1252 from Excel's plain "CSV (Comma delimited)" (where £ and curly
 * quotes are single bytes that are not valid UTF-8).
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
  } catch {
    return decodeWindows1252(bytes.subarray(start));
  }
}

/** Windows-1252's characters for bytes 0x80–0x9F (the rest are the same as Unicode). */
const windows1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Decode Windows-1252 (Node 20's TextDecoder reads bytes 0x80–0x9F as Latin-1 control codes). */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte >= 0x80 && byte <= 0x9f ? windows1252High[byte - 0x80] : String.fromCharCode(byte);
  return out;
}

/** Whether bytes look like a binary file rather than text (NUL bytes, or a zip/OLE signature). */
export function binaryKind(bytes: Uint8Array): 'zip' | 'ole' | 'binary' | undefined {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05)) return 'zip';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'ole';
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && bytes.subarray(0, 4096).includes(0)) return 'binary';
  return undefined;
}
