/**
 * A Word package (OOXML zip) as a map of part names to bytes, with the few operations the
 * renderer needs: read and write parts as text, find a part's relationships, and write the zip
 * back deterministically (fixed order, fixed timestamps) so the same input gives the same bytes.
 */
import { unzipSync, zipSync, type ZipOptions } from 'fflate';
import { DhrError } from '../../pipeline/errors.ts';
import { zipParts, zipPartsAsync } from '../../pipeline/render/zip.ts';

export const relationshipTypes = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  hyperlink: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink',
  image: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image',
  footnotes: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes',
  numbering: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  settings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings',
  fontTable: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable',
  header: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/header',
  footer: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer',
  coreProperties: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  extendedProperties: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties',
} as const;

export const contentTypes = {
  relationships: 'application/vnd.openxmlformats-package.relationships+xml',
  xml: 'application/xml',
  document: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  styles: 'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml',
  settings: 'application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml',
  numbering: 'application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml',
  footnotes: 'application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml',
  fontTable: 'application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml',
  header: 'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml',
  footer: 'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml',
  coreProperties: 'application/vnd.openxmlformats-package.core-properties+xml',
  extendedProperties: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
  png: 'image/png',
  jpeg: 'image/jpeg',
} as const;

/** The fixed timestamp of every zip entry: 1 January 1980, the first date a zip can hold. */
const fixedTime = new Date(1980, 0, 1, 0, 0, 0);

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/** `word/document.xml` → `word/_rels/document.xml.rels`. */
export function relationshipsPartName(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolve a relationship target against the folder of its source part. */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const base = sourcePart.includes('/') ? sourcePart.slice(0, sourcePart.lastIndexOf('/')).split('/') : [];
  for (const piece of target.split('/')) {
    if (piece === '..') base.pop();
    else if (piece !== '.' && piece !== '') base.push(piece);
  }
  return base.join('/');
}

export class WordPackage {
  readonly files: Map<string, Uint8Array>;

  constructor(files: Map<string, Uint8Array>) {
    this.files = files;
  }

  /** Open a zip; `file` names it in the error if it is not one. */
  static fromZip(bytes: Uint8Array, file?: string): WordPackage {
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(bytes);
    } catch (error) {
      throw new DhrError('corrupt', `not a Word file: the zip cannot be read (${String(error)})`, { file });
    }
    const files = new Map<string, Uint8Array>();
    for (const [name, data] of Object.entries(entries)) if (!name.endsWith('/')) files.set(name, data);
    if (!files.has('[Content_Types].xml') || !files.has('word/document.xml')) {
      throw new DhrError('corrupt', 'not a Word document: it has no word/document.xml', { file });
    }
    return new WordPackage(files);
  }

  names(): string[] {
    return [...this.files.keys()];
  }

  has(name: string): boolean {
    return this.files.has(name);
  }

  bytes(name: string): Uint8Array | undefined {
    return this.files.get(name);
  }

  text(name: string): string | undefined {
    const data = this.files.get(name);
    return data === undefined ? undefined : decoder.decode(data);
  }

  setText(name: string, text: string): void {
    this.files.set(name, encoder.encode(text));
  }

  setBytes(name: string, data: Uint8Array): void {
    this.files.set(name, data);
  }

  /**
   * The zip: [Content_Types].xml first, then the package relationships, then every other part
   * in name order; each entry dated 1 January 1980. Pictures are stored, XML is deflated:
   * `portable` (the default) with fflate, the same bytes on any machine (the committed
   * templates are compared byte for byte); `native` with Node's zlib, several times faster and
   * the same bytes for the same Node (the reports a build writes, MBs of XML in a large review).
   */
  toZip(deflate: 'portable' | 'native' = 'portable'): Uint8Array {
    const names = this.zipOrder();
    if (deflate === 'native') return zipParts(this.zipEntries(names), fixedTime);
    const entries: Record<string, [Uint8Array, ZipOptions]> = {};
    for (const part of this.zipEntries(names)) entries[part.name] = [part.data, { level: part.store ? 0 : 6, mtime: fixedTime }];
    return zipSync(entries);
  }

  /** The `native` zip, its large parts deflated on other threads while the caller goes on. */
  toZipAsync(): Promise<Uint8Array> {
    return zipPartsAsync(this.zipEntries(this.zipOrder()), fixedTime);
  }

  private zipOrder(): string[] {
    const first = ['[Content_Types].xml', '_rels/.rels'];
    return [...first.filter((name) => this.files.has(name)), ...this.names().filter((n) => !first.includes(n)).sort(compareNames)];
  }

  private zipEntries(names: string[]): { name: string; data: Uint8Array; store: boolean }[] {
    return names.map((name) => ({ name, data: this.files.get(name) as Uint8Array, store: /\.(png|jpe?g|gif)$/i.test(name) }));
  }
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
