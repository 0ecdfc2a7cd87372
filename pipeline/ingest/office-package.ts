/**
 * Check that a file really is the Word document or Excel workbook its name says, before any
 * library reads it, and say in plain words what it is when it is not: an encrypted Office file,
 * an old .doc or .xls, an OpenDocument file renamed, a PDF, random bytes, a damaged zip.
 *
 * Zip bombs: a .docx or .xlsx is a zip archive. Before anything is inflated, the sizes the archive
 * declares are checked against `zipLimits` (200 MB for one part, 500 MB in all); then every part is
 * inflated as a stream, counting bytes and stopping at the limit, so an archive that lies about its
 * sizes is caught too without ever holding the inflated data in memory.
 */
import CFB from 'cfb';
import officeCrypto from 'officecrypto-tool';
import { Unzip, UnzipInflate, unzipSync, strFromU8, type UnzipFileInfo } from 'fflate';
import { DhrError } from '../errors.ts';

/** The largest a part may inflate to, and all parts together. */
export const zipLimits = {
  partBytes: 200 * 1024 * 1024,
  totalBytes: 500 * 1024 * 1024,
};

export type OfficeKind = 'docx' | 'xlsx';

export interface OfficePackage {
  /** The zip bytes (decrypted if a password was given). */
  bytes: Uint8Array;
  /** Every part name in the archive. */
  partNames: string[];
  /** The main part, e.g. word/document.xml or xl/workbook.xml. */
  mainPart: string;
  /** Read a small XML part as text (byte-order mark removed); undefined if absent. */
  readText(name: string): string | undefined;
}

export interface OpenOptions {
  /** Password of an encrypted (password-protected) file. */
  password?: string;
  /** Override the limits (tests use small ones). */
  limits?: { partBytes: number; totalBytes: number };
}

const describe: Record<OfficeKind, { what: string; app: string; extension: string }> = {
  docx: { what: 'a Word document (.docx)', app: 'Word', extension: '.docx' },
  xlsx: { what: 'an Excel workbook (.xlsx)', app: 'Excel', extension: '.xlsx' },
};

/** Small parts worth reading ourselves (the rest is left to mammoth or exceljs). */
const smallPartLimit = 20 * 1024 * 1024;

/**
 * Check an Office file and return its package. Throws DhrError with code 'encrypted',
 * 'unsupported-format', 'corrupt' or 'too-large', naming the file and what to do.
 */
export async function openOfficePackage(bytes: Uint8Array, file: string, kind: OfficeKind, options: OpenOptions = {}): Promise<OfficePackage> {
  const expected = describe[kind];
  if (bytes.length === 0) {
    throw new DhrError('corrupt', `the file is empty (0 bytes): it should be ${expected.what}; ask for the file to be sent again`, { file });
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    const decrypted = await openCompoundFile(bytes, file, kind, options.password);
    return openZip(decrypted, file, kind, options.limits ?? zipLimits);
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return openZip(bytes, file, kind, options.limits ?? zipLimits);
  }
  throw new DhrError('unsupported-format', `${whatIsIt(bytes)}, not ${expected.what}: ${fixFor(kind)}`, { file });
}

function fixFor(kind: OfficeKind): string {
  const { app, extension } = describe[kind];
  return `check this is the right file, or open it in ${app} and save it as ${extension}`;
}

/** Name a file that is not a zip by its first bytes. */
function whatIsIt(bytes: Uint8Array): string {
  const head = strFromU8(bytes.subarray(0, 512), true).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('%PDF')) return 'this is a PDF file';
  if (head.startsWith('{\\rtf')) return 'this is a Rich Text Format (.rtf) file';
  if (/^<\?xml[^>]*>\s*<\?mso-application progid="Word/i.test(head)) return 'this is a Word XML document (Word 2003 XML)';
  if (/^<\?xml[^>]*>\s*<\?mso-application progid="Excel/i.test(head)) return 'this is an Excel XML spreadsheet (Excel 2003 XML)';
  if (/^(<!doctype html|<html)/i.test(head)) return 'this is a web page (HTML)';
  if (head.startsWith('<')) return 'this is an XML or HTML text file';
  if (startsWith(bytes, [0x1f, 0x8b])) return 'this is a gzip archive';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'this is a PNG image';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'this is a JPEG image';
  if (isMostlyText(bytes)) return 'this is a plain text file';
  return 'this file does not start the way an Office file does (it may be damaged or something else renamed)';
}

/** An OLE compound file: an encrypted Office file, or the old binary .doc/.xls/.ppt formats. */
async function openCompoundFile(bytes: Uint8Array, file: string, kind: OfficeKind, password: string | undefined): Promise<Uint8Array> {
  const expected = describe[kind];
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(bytes, { type: 'array' });
  } catch {
    throw new DhrError('corrupt', `this looks like an old-format Office file but it is damaged and cannot be read: ${fixFor(kind)}`, { file });
  }
  if (CFB.find(container, '/EncryptionInfo') && CFB.find(container, '/EncryptedPackage')) {
    if (password === undefined) {
      throw new DhrError(
        'encrypted',
        `this is an encrypted (password-protected) Office file: open it in ${expected.app}, remove the password (File > Info > Protect > Encrypt with Password) and save it, or run with --password`,
        { file },
      );
    }
    let decrypted: Buffer;
    try {
      decrypted = await officeCrypto.decrypt(Buffer.from(bytes), { password });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/password/i.test(message)) {
        throw new DhrError('encrypted', 'the password given with --password does not open this file: check it with the DHR co-ordinator', { file });
      }
      throw new DhrError('encrypted', `this encrypted file cannot be decrypted (${message}): open it in ${expected.app}, remove the password and save it`, { file });
    }
    return new Uint8Array(decrypted.buffer, decrypted.byteOffset, decrypted.byteLength);
  }
  if (CFB.find(container, 'WordDocument')) {
    throw new DhrError('unsupported-format', `this is an old Word 97–2003 document (.doc), not ${expected.what}: open it in Word and use File > Save As > Word Document (.docx)`, { file });
  }
  if (CFB.find(container, 'Workbook') || CFB.find(container, 'Book')) {
    throw new DhrError('unsupported-format', `this is an old Excel 97–2003 workbook (.xls), not ${expected.what}: open it in Excel and use File > Save As > Excel Workbook (.xlsx)`, { file });
  }
  if (CFB.find(container, 'PowerPoint Document')) {
    throw new DhrError('unsupported-format', `this is an old PowerPoint 97–2003 presentation (.ppt), not ${expected.what}: ${fixFor(kind)}`, { file });
  }
  throw new DhrError('unsupported-format', `this is an old-format Office file (OLE compound file), not ${expected.what}: ${fixFor(kind)}`, { file });
}

function openZip(bytes: Uint8Array, file: string, kind: OfficeKind, limits: { partBytes: number; totalBytes: number }): OfficePackage {
  const expected = describe[kind];
  const entries: UnzipFileInfo[] = [];
  const wanted = new Set(['[Content_Types].xml', '_rels/.rels', 'mimetype', 'word/styles.xml']);
  let small: Record<string, Uint8Array>;
  try {
    small = unzipSync(bytes, {
      filter: (entry) => {
        entries.push(entry);
        return wanted.has(entry.name) && entry.originalSize <= smallPartLimit && entry.originalSize <= limits.partBytes;
      },
    });
  } catch (error) {
    if (entries.length > 0 && entries.some((e) => e.originalSize > limits.partBytes)) throw tooLarge(entries, file, limits);
    throw new DhrError('corrupt', `this zip archive is damaged and cannot be opened (${error instanceof Error ? error.message : String(error)}): ask for the file to be saved and sent again`, { file });
  }
  checkDeclaredSizes(entries, file, limits);

  const names = entries.map((e) => e.name);
  const readText = (name: string): string | undefined => {
    const data = small[name];
    return data === undefined ? undefined : decodeXml(data);
  };

  const mimetype = readText('mimetype')?.trim();
  if (mimetype?.startsWith('application/vnd.oasis.opendocument.')) {
    const sort = mimetype.slice('application/vnd.oasis.opendocument.'.length);
    const label =
      sort === 'text' ? 'an OpenDocument text file (.odt)' : sort === 'spreadsheet' ? 'an OpenDocument spreadsheet (.ods)' : `an OpenDocument file (${sort})`;
    throw new DhrError('unsupported-format', `this is ${label} renamed ${expected.extension}, not ${expected.what}: open it in ${expected.app} or LibreOffice and save it as ${expected.extension}`, { file });
  }

  const contentTypes = readText('[Content_Types].xml');
  if (contentTypes === undefined) {
    throw new DhrError('unsupported-format', `this is a zip archive, not ${expected.what} (it has no [Content_Types].xml): ${fixFor(kind)}`, { file });
  }
  const mainPart = findMainPart(readText('_rels/.rels'), names, kind);
  const family = packageFamily(names, contentTypes);
  if (family !== kind) {
    const actual = family === 'docx' ? 'a Word document' : family === 'xlsx' ? 'an Excel workbook' : family === 'pptx' ? 'a PowerPoint presentation' : undefined;
    if (actual) throw new DhrError('unsupported-format', `this is ${actual}, not ${expected.what}: ${fixFor(kind)}`, { file });
  }
  if (mainPart === undefined) {
    const part = kind === 'docx' ? 'word/document.xml' : 'xl/workbook.xml';
    throw new DhrError('corrupt', `this package has no main ${kind === 'docx' ? 'document' : 'workbook'} part (${part}): the file is damaged or not ${expected.what}; ask for it to be saved and sent again`, { file, part });
  }
  measureInflatedSizes(bytes, file, limits);
  return { bytes, partNames: names, mainPart, readText };
}

function checkDeclaredSizes(entries: UnzipFileInfo[], file: string, limits: { partBytes: number; totalBytes: number }): void {
  let total = 0;
  for (const entry of entries) total += entry.originalSize;
  if (total > limits.totalBytes || entries.some((e) => e.originalSize > limits.partBytes)) throw tooLarge(entries, file, limits);
}

function tooLarge(entries: UnzipFileInfo[], file: string, limits: { partBytes: number; totalBytes: number }, actual?: { name: string; bytes: number }): DhrError {
  let biggest = actual;
  if (biggest === undefined) {
    const entry = entries.reduce((a, b) => (b.originalSize > a.originalSize ? b : a));
    biggest = { name: entry.name, bytes: entry.originalSize };
  }
  return new DhrError(
    'too-large',
    `this file would unpack to more than dhr-kit allows (${megabytes(limits.partBytes)} for one part, ${megabytes(limits.totalBytes)} in all; part ${biggest.name} alone is at least ${megabytes(biggest.bytes)}): it may be a "zip bomb" or hold very large embedded files — ask for a copy without them`,
    { file, part: biggest.name },
  );
}

function megabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/**
 * Inflate every part as a stream and count the bytes, stopping as soon as a limit is passed.
 * Catches an archive whose central directory understates the sizes.
 */
function measureInflatedSizes(bytes: Uint8Array, file: string, limits: { partBytes: number; totalBytes: number }): void {
  let total = 0;
  let over: { name: string; bytes: number } | undefined;
  let failure: string | undefined;
  const unzipper = new Unzip((stream) => {
    let partBytes = 0;
    stream.ondata = (error, chunk) => {
      if (error) {
        failure ??= `${stream.name}: ${error.message}`;
        return;
      }
      partBytes += chunk.length;
      total += chunk.length;
      if (over === undefined && (partBytes > limits.partBytes || total > limits.totalBytes)) {
        over = { name: stream.name, bytes: partBytes };
        stream.terminate();
      }
    };
    if (over !== undefined) return;
    try {
      stream.start();
    } catch (error) {
      failure ??= `${stream.name}: ${error instanceof Error ? error.message : String(error)}`;
    }
  });
  unzipper.register(UnzipInflate);
  try {
    // Deflate expands at most about 1,032 times: 16 KB pushed yields at most about 17 MB at once.
    const chunkSize = 16 * 1024;
    for (let offset = 0; offset < bytes.length && over === undefined; offset += chunkSize) {
      const end = Math.min(offset + chunkSize, bytes.length);
      unzipper.push(bytes.subarray(offset, end), end === bytes.length);
    }
  } catch (error) {
    failure ??= error instanceof Error ? error.message : String(error);
  }
  if (over !== undefined) throw tooLarge([], file, limits, over);
  if (failure !== undefined) {
    throw new DhrError('corrupt', `this zip archive is damaged and cannot be read (${failure}): ask for the file to be saved and sent again`, { file });
  }
}

/** The main part named by the package relationships, if it exists in the archive. */
function findMainPart(rels: string | undefined, names: string[], kind: OfficeKind): string | undefined {
  const present = new Set(names);
  if (rels !== undefined) {
    for (const attributes of elements(rels, 'Relationship')) {
      if (/\/officeDocument$/.test(attributes.Type ?? '') && attributes.Target) {
        const target = decodeURIComponent(attributes.Target.replace(/^\.?\//, ''));
        if (present.has(target)) return target;
      }
    }
  }
  const fallback = kind === 'docx' ? 'word/document.xml' : 'xl/workbook.xml';
  return present.has(fallback) ? fallback : undefined;
}

function packageFamily(names: string[], contentTypes: string): OfficeKind | 'pptx' | undefined {
  if (/wordprocessingml\.document\.main|ms-word\.(document|template)\.macroEnabled\.main/i.test(contentTypes)) return 'docx';
  if (/spreadsheetml\.(sheet|template)\.main|ms-excel\.(sheet|template)\.macroEnabled\.main/i.test(contentTypes)) return 'xlsx';
  if (/presentationml\.(presentation|slideshow|template)\.main/i.test(contentTypes)) return 'pptx';
  if (names.some((n) => n.startsWith('word/'))) return 'docx';
  if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  if (names.some((n) => n.startsWith('ppt/'))) return 'pptx';
  return undefined;
}

/** Attributes of each element with this local name (any namespace prefix). */
export function elements(xml: string, localName: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const pattern = new RegExp(`<(?:[\\w.-]+:)?${localName}\\b([^>]*?)/?>`, 'g');
  for (const match of xml.matchAll(pattern)) out.push(attributesOf(match[1]));
  return out;
}

/** Attributes of a start tag's attribute text, keyed by local name (prefix removed). */
export function attributesOf(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of text.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const name = match[1].includes(':') ? match[1].slice(match[1].indexOf(':') + 1) : match[1];
    attributes[name] = decodeEntities(match[2] ?? match[3] ?? '');
  }
  return attributes;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower] ?? '';
  });
}

/** XML part bytes as text: UTF-8 or UTF-16 by byte-order mark, the mark removed. */
export function decodeXml(data: Uint8Array): string {
  if (startsWith(data, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (startsWith(data, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(data.subarray(2));
  return new TextDecoder('utf-8').decode(data).replace(/^\uFEFF/, '');
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

function isMostlyText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 1024);
  let control = 0;
  for (const b of sample) if (b < 9 || (b > 13 && b < 32)) control++;
  return control === 0;
}
