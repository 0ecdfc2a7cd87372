/**
 * Check that a file really is the Word document or Excel workbook its name says, before
 * mammoth or exceljs reads it. The checks are transforms/ooxml's (open.ts): what the file really
 * is (an encrypted Office file, an old .doc or .xls, an OpenDocument file renamed, a PDF, random
 * bytes, a damaged zip), with a message that says what to do; and the zip-bomb limits of
 * transforms/ooxml/limits.ts, the one set dhr-kit uses everywhere.
 *
 * Every part is inflated once here as a stream — never past the size it declares, never held
 * whole — and the libraries are then given a fresh zip of exactly the parts that were checked,
 * so they cannot be made to inflate anything the limits did not see.
 */
import { limits as defaultLimits, type Limits } from '../../transforms/ooxml/limits.ts';
import { openOfficeFile } from '../../transforms/ooxml/open.ts';

export type OfficeKind = 'docx' | 'xlsx';

export interface OfficePackage {
  /** The checked zip bytes (decrypted if a password was given): give these to mammoth or exceljs. */
  bytes: Uint8Array;
  /** Every part name in the archive. */
  partNames: string[];
  /** The main part, e.g. word/document.xml or xl/workbook.xml. */
  mainPart: string;
  /** Read an XML part as text (byte-order mark removed); undefined if absent. */
  readText(name: string): string | undefined;
}

export interface OpenOptions {
  /** Password of an encrypted (password-protected) file. */
  password?: string;
  /** Override the limits (tests use small ones); the defaults are transforms/ooxml/limits.ts. */
  limits?: Limits;
}

/**
 * Check an Office file and return its package. Throws DhrError with code 'encrypted',
 * 'unsupported-format', 'corrupt' or 'too-large', naming the file and what to do.
 */
export async function openOfficePackage(bytes: Uint8Array, file: string, kind: OfficeKind, options: OpenOptions = {}): Promise<OfficePackage> {
  const pkg = await openOfficeFile(bytes, { file, kind, password: options.password, limits: options.limits ?? defaultLimits });
  const checked = pkg.checkedBytes();
  return {
    bytes: checked,
    partNames: pkg.parts(),
    mainPart: pkg.main,
    readText: (name) => (pkg.has(name) ? pkg.text(name) : undefined),
  };
}

/**
 * Why a library (mammoth, exceljs) could not read a file, fit to show a user, in brackets — or
 * nothing. JavaScript's own errors (a TypeError where the library met a damaged part it did not
 * expect) mean nothing to a user and are left out; an XML parser's complaint becomes "its XML is
 * malformed".
 */
export function libraryReason(error: unknown): string {
  if (error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError) return '';
  const first = (error instanceof Error ? error.message : String(error)).split('\n')[0].trim();
  if (first === '') return '';
  if (/xmldom|^\d+:\d+:|\bxml\b|entity|unclosed|unexpected close tag|attribute/i.test(first)) return ' (its XML is malformed)';
  if (/zip|end of data|corrupted|signature|crc/i.test(first)) return ' (its zip structure is damaged)';
  return ` (${first.length > 120 ? `${first.slice(0, 120)}…` : first})`;
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
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, entity: string) => {
    const lower = entity.toLowerCase();
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : lower.startsWith('#') ? parseInt(lower.slice(1), 10) : undefined;
    if (code !== undefined) return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower] ?? '';
  });
}
