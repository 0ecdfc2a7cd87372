/**
 * What a file really is, whatever its name says: an Office Open XML package, an encrypted
 * Office file, an old binary .doc/.xls, an OpenDocument file, a PDF, or none of these. Each
 * wrong kind is named in a message that says what to do.
 *
 * Nothing here parses the file: the first bytes and, for an OLE compound file, the names of
 * its streams (stored as UTF-16 in its directory) are enough, and cannot hang on a damaged file.
 */
import path from 'node:path';
import { DhrError, type Place } from '../../pipeline/errors.ts';

/** The kinds of package dhr-kit reads or recognises. */
export type PackageKind = 'docx' | 'xlsx' | 'pptx';

/** What a user expects a file to be, for messages: "a Word document (.docx)", and how to fix it. */
export interface Wanted {
  /** "a Word document (.docx)" */
  what: string;
  /** "Word" */
  app: string;
  /** ".docx" (the extension the file should have) */
  extension: string;
}

export const kindNames: Record<PackageKind, string> = {
  docx: 'a Word document (.docx)',
  xlsx: 'an Excel workbook (.xlsx)',
  pptx: 'a PowerPoint presentation (.pptx)',
};

const wantedByKind: Record<PackageKind, Wanted> = {
  docx: { what: kindNames.docx, app: 'Word', extension: '.docx' },
  xlsx: { what: kindNames.xlsx, app: 'Excel', extension: '.xlsx' },
  pptx: { what: kindNames.pptx, app: 'PowerPoint', extension: '.pptx' },
};

const wordExtensions = new Set(['.docx', '.docm', '.dotx', '.dotm']);
const excelExtensions = new Set(['.xlsx', '.xlsm', '.xltx', '.xltm']);

/** What the file should be: the kind asked for, else what its extension says, else any Office document. */
export function wantedFor(kind?: PackageKind, file?: string): Wanted {
  if (kind) return wantedByKind[kind];
  const ext = file ? path.extname(file).toLowerCase() : '';
  if (wordExtensions.has(ext)) return { ...wantedByKind.docx, extension: ext };
  if (excelExtensions.has(ext)) return { ...wantedByKind.xlsx, extension: ext };
  return { what: 'an Office document (.docx or .xlsx)', app: 'Word or Excel', extension: '.docx or .xlsx' };
}

/** "check this is the right file, or open it in Word and save it as .docx" */
export function fixFor(wanted: Wanted): string {
  return `check this is the right file, or open it in ${wanted.app} and save it as ${wanted.extension}`;
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOle(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && OLE_SIGNATURE.every((b, i) => bytes[i] === b);
}

export function isPdf(bytes: Uint8Array): boolean {
  return startsWithAscii(bytes, '%PDF-');
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function startsWithAscii(bytes: Uint8Array, text: string): boolean {
  if (bytes.length < text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[i] !== text.charCodeAt(i)) return false;
  return true;
}

/** Whether a UTF-16LE stream name (as OLE directories store them) occurs in the file. */
function hasStreamName(bytes: Uint8Array, name: string): boolean {
  const needle = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) needle[i * 2] = name.charCodeAt(i);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) >= 0;
}

/**
 * An Office file encrypted with an open password: ECMA-376 encryption wraps the whole package
 * in an OLE compound file holding the streams EncryptionInfo and EncryptedPackage.
 */
export function isEncryptedPackage(bytes: Uint8Array): boolean {
  return isOle(bytes) && hasStreamName(bytes, 'EncryptionInfo') && hasStreamName(bytes, 'EncryptedPackage');
}

/** The refusal of an encrypted file given without a password: what it is and how to proceed. */
export function encryptedError(place: Place, wanted: Wanted): DhrError {
  const app = wanted.app.includes(' or ') ? 'Word or Excel' : wanted.app;
  return new DhrError(
    'encrypted',
    `this file is encrypted (password-protected): run again with --password and the file's password, or open it in ${app}, remove the password (File > Info > Protect > Encrypt with Password) and save it`,
    place,
  );
}

/**
 * Refuse an OLE compound file with the reason: password-protected without a password given, or
 * an old binary format (Word 97–2003 .doc, Excel .xls, PowerPoint .ppt).
 */
export function refuseOle(bytes: Uint8Array, place: Place, wanted: Wanted = wantedFor(undefined, place.file)): never {
  if (isEncryptedPackage(bytes)) throw encryptedError(place, wanted);
  if (hasStreamName(bytes, 'WordDocument')) {
    throw new DhrError('unsupported-format', `this is an old Word 97–2003 document (.doc), not ${wanted.what}: open it in Word and use File > Save As > Word Document (.docx)`, place);
  }
  if (hasStreamName(bytes, 'Workbook') || hasStreamName(bytes, 'Book')) {
    throw new DhrError('unsupported-format', `this is an old Excel 97–2003 workbook (.xls), not ${wanted.what}: open it in Excel and use File > Save As > Excel Workbook (.xlsx)`, place);
  }
  if (hasStreamName(bytes, 'PowerPoint Document')) {
    throw new DhrError('unsupported-format', `this is an old PowerPoint 97–2003 presentation (.ppt), not ${wanted.what}: ${fixFor(wanted)}`, place);
  }
  throw new DhrError('unsupported-format', `this is an old-format Office file (OLE compound file), not ${wanted.what}: ${fixFor(wanted)}`, place);
}

/** Refuse bytes that are not a zip, naming what they look like instead. */
export function refuseNotZip(bytes: Uint8Array, place: Place, wanted: Wanted = wantedFor(undefined, place.file)): never {
  if (bytes.length === 0) throw new DhrError('corrupt', `the file is empty (0 bytes): it should be ${wanted.what}; ask for the file to be sent again`, place);
  if (isOle(bytes)) refuseOle(bytes, place, wanted);
  if (startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    throw new DhrError('corrupt', `this is an empty zip archive, not ${wanted.what}: ask for the file to be saved and sent again`, place);
  }
  const what = whatIsIt(bytes);
  if (what === undefined) {
    throw new DhrError('unsupported-format', `this file does not start the way an Office file does, so it is not ${wanted.what} (it may be damaged, or another kind of file renamed): ${fixFor(wanted)}`, place);
  }
  throw new DhrError('unsupported-format', `${what}, not ${wanted.what}: ${fixFor(wanted)}`, place);
}

/** Name a file that is not a zip by its first bytes (undefined when it looks like nothing known). */
function whatIsIt(bytes: Uint8Array): string | undefined {
  if (isPdf(bytes)) return 'this is a PDF file';
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{\\rtf')) return 'this is a Rich Text Format (.rtf) file';
  if (/^<\?xml[^>]*>\s*<\?mso-application progid="Word/i.test(head)) return 'this is a Word XML document (Word 2003 XML)';
  if (/^<\?xml[^>]*>\s*<\?mso-application progid="Excel/i.test(head)) return 'this is an Excel XML spreadsheet (Excel 2003 XML)';
  if (/^(<!doctype html|<html)/i.test(head)) return 'this is a web page (HTML)';
  if (head.startsWith('<')) return 'this is an XML or HTML text file';
  if (startsWith(bytes, [0x1f, 0x8b])) return 'this is a gzip archive';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'this is a PNG image';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'this is a JPEG image';
  if (isMostlyText(bytes)) return 'this is a plain text file';
  return undefined;
}

function isMostlyText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 1024);
  for (const b of sample) if (b < 9 || (b > 13 && b < 32)) return false;
  return true;
}
