/**
 * An OOXML package opened safely from bytes: what it really is is checked first (sniff.ts),
 * every declared size against the zip-bomb limits before anything is inflated (zip.ts), and
 * then parts are inflated one at a time when asked for.
 *
 * Parts can be replaced or removed; `toBytes()` then writes a package that stays valid: the
 * content types and relationships of removed parts go with them, parts that nothing refers to
 * any more are dropped, and unchanged parts are copied exactly as they came.
 */
import path from 'node:path';
import { DhrError, type Place } from '../../pipeline/errors.ts';
import { limits as defaultLimits, type Limits } from './limits.ts';
import { relationshipKind } from './namespaces.ts';
import { fixFor, kindNames, refuseNotZip, wantedFor, type PackageKind, type Wanted } from './sniff.ts';
import { EMPTY, START, XmlScanner, attribute, escapeAttribute } from './xml.ts';
import { checkEntry, inflateEntry, isZip, readZipDirectory, writeZip, type ZipEntry, type ZipOutput } from './zip.ts';

export type { PackageKind } from './sniff.ts';

export interface Relationship {
  id: string;
  type: string;
  /** The last segment of the type: "comments", "hyperlink", "officeDocument". */
  kind: string;
  /** The target as written (decoded). */
  target: string;
  external: boolean;
  /** For an internal target, the part name it resolves to (no leading slash). */
  part?: string;
}

const CONTENT_TYPES = '[Content_Types].xml';

const mainContentTypes: Record<string, PackageKind> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml': 'docx',
  'application/vnd.ms-word.document.macroEnabled.main+xml': 'docx',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml': 'docx',
  'application/vnd.ms-word.template.macroEnabledTemplate.main+xml': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml': 'xlsx',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml': 'xlsx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml': 'xlsx',
  'application/vnd.ms-excel.template.macroEnabled.main+xml': 'xlsx',
  'application/vnd.ms-excel.sheet.binary.macroEnabled.main': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml': 'pptx',
};

/** The main part each kind of package usually has, for messages. */
const usualMainPart: Record<PackageKind, { part: string; name: string }> = {
  docx: { part: 'word/document.xml', name: 'document' },
  xlsx: { part: 'xl/workbook.xml', name: 'workbook' },
  pptx: { part: 'ppt/presentation.xml', name: 'presentation' },
};

/** Which kind of package it looks like, from its content types as written and its part names (for messages only). */
function lookalikeKind(contentTypes: string, names: string[]): PackageKind | undefined {
  if (/wordprocessingml\.(document|template)\.main|ms-word\.(document|template)\.macroEnabled/i.test(contentTypes)) return 'docx';
  if (/spreadsheetml\.(sheet|template)\.main|ms-excel\.(sheet|template)\.macroEnabled|ms-excel\.sheet\.binary/i.test(contentTypes)) return 'xlsx';
  if (/presentationml\.(presentation|slideshow|template)\.main/i.test(contentTypes)) return 'pptx';
  if (names.some((n) => n.toLowerCase().startsWith('word/'))) return 'docx';
  if (names.some((n) => n.toLowerCase().startsWith('xl/'))) return 'xlsx';
  if (names.some((n) => n.toLowerCase().startsWith('ppt/'))) return 'pptx';
  return undefined;
}

/** A part's bytes as text, by its byte-order mark (UTF-8 without one). */
function decodePart(b: Uint8Array): { text: string; bom?: 'utf-8' | 'utf-16le' | 'utf-16be' } {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(b.subarray(3)), bom: 'utf-8' };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(b.subarray(2)), bom: 'utf-16le' };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(b.subarray(2)), bom: 'utf-16be' };
  return { text: new TextDecoder('utf-8').decode(b) };
}

/** Resolve a relationship target against the folder of its source part. */
export function resolvePartName(source: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    // Keep it as written.
  }
  t = t.split('#')[0];
  const base = t.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') base.pop();
    else base.push(seg);
  }
  return base.join('/');
}

/** The relationships part of a part: word/document.xml → word/_rels/document.xml.rels. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return slash < 0 ? `_rels/${part}.rels` : `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

/** The part a relationships part describes ('' for the package's own _rels/.rels). */
export function sourceOfRels(rels: string): string | undefined {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(rels);
  return m ? m[1] + m[2] : undefined;
}

export class OoxmlPackage {
  readonly file?: string;
  readonly kind: PackageKind;
  /** The main part: word/document.xml, xl/workbook.xml. */
  readonly main: string;
  private readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  private readonly inflated = new Map<string, Uint8Array>();
  private readonly replaced = new Map<string, Uint8Array>();
  private readonly removed = new Set<string>();
  private readonly boms = new Map<string, 'utf-8' | 'utf-16le' | 'utf-16be'>();
  private defaults = new Map<string, string>();
  private overrides = new Map<string, string>();
  private readonly place: Place;

  /**
   * Open a package. `kind` is what the caller expects (it words the messages; `expect()` or
   * `openPackage` enforce it); without it, the file's extension says what was expected.
   */
  constructor(bytes: Uint8Array, options: { file?: string; limits?: Limits; kind?: PackageKind } = {}) {
    this.file = options.file;
    this.place = { file: options.file };
    const wanted: Wanted = wantedFor(options.kind, options.file);
    if (!isZip(bytes)) refuseNotZip(bytes, this.place, wanted);
    this.entries = readZipDirectory(bytes, this.place, options.limits ?? defaultLimits);
    for (const e of this.entries) this.byName.set(e.name.toLowerCase(), e);

    const mimetype = this.byName.get('mimetype');
    if (mimetype && mimetype.size < 200) {
      const type = new TextDecoder().decode(inflateEntry(mimetype, this.place)).trim();
      if (type.startsWith('application/vnd.oasis.opendocument.')) {
        const sort = type.slice('application/vnd.oasis.opendocument.'.length);
        const what = sort === 'text' ? 'an OpenDocument text file (.odt)' : sort === 'spreadsheet' ? 'an OpenDocument spreadsheet (.ods)' : `an OpenDocument file (${sort})`;
        const extension = options.file ? path.extname(options.file) : '';
        const renamed = extension ? ` renamed ${extension}` : '';
        throw new DhrError('unsupported-format', `this is ${what}${renamed}, not ${wanted.what}: open it in ${wanted.app} or LibreOffice and save as ${wanted.extension}`, this.place);
      }
    }
    if (!this.byName.has(CONTENT_TYPES.toLowerCase())) {
      throw new DhrError('unsupported-format', `this is a zip archive, not ${wanted.what} (it has no [Content_Types].xml): ${fixFor(wanted)}`, this.place);
    }
    this.readContentTypes();
    const main = this.relationships('').find((r) => r.kind === 'officeDocument' && !r.external)?.part;
    if (!main || !this.has(main)) {
      const lookalike = lookalikeKind(this.text(CONTENT_TYPES), this.entries.map((e) => e.name));
      if (options.kind && lookalike && lookalike !== options.kind) {
        throw new DhrError('unsupported-format', `this is ${kindNames[lookalike]}, not ${wanted.what}: ${fixFor(wanted)}`, this.place);
      }
      const expected = options.kind ?? lookalike ?? (wanted.app === 'Word' ? 'docx' : wanted.app === 'Excel' ? 'xlsx' : undefined);
      const missing = expected ? `main ${usualMainPart[expected].name} part (${usualMainPart[expected].part})` : 'main part (word/document.xml or xl/workbook.xml)';
      throw new DhrError('corrupt', `this package has no ${missing}: the file is damaged or is not ${wanted.what}; ask for it to be saved and sent again`, {
        ...this.place,
        ...(expected ? { part: usualMainPart[expected].part } : {}),
      });
    }
    const kind = mainContentTypes[this.contentType(main) ?? ''];
    if (!kind) {
      throw new DhrError('unsupported-format', `this package's main part has the content type "${this.contentType(main) ?? 'none'}", which dhr-kit does not read: ${fixFor(wanted)}`, { ...this.place, part: main });
    }
    this.main = main;
    this.kind = kind;
  }

  /** Refuse a package of another kind than the one wanted. */
  expect(kind: PackageKind): this {
    if (this.kind !== kind) {
      const wanted = wantedFor(kind);
      throw new DhrError('unsupported-format', `this is ${kindNames[this.kind]}, not ${wanted.what}: check this is the right file, or give it the right file extension`, this.place);
    }
    return this;
  }

  /**
   * Check every part (each inflated as a stream, never past its declared size, its checksum
   * compared) and return the package as a fresh zip holding exactly the entries checked,
   * copied compressed. Hand this, not the original bytes, to a library that unzips on its own
   * (mammoth, exceljs): it then reads only what passed the limits, whatever tricks the original
   * zip played (entries its directory hides, overlapping data, sizes that lie).
   */
  checkedBytes(): Uint8Array {
    for (const e of this.entries) {
      if (this.isXmlPart(e.name)) this.checkXml(e);
      else checkEntry(e, this.place);
    }
    return writeZip(this.entries.map((entry) => ({ name: entry.name, entry })));
  }

  private isXmlPart(name: string): boolean {
    // By name: the parts Office's XML readers parse. (Pictures such as SVG are left alone.)
    return /\.(xml|rels|vml)$/i.test(name);
  }

  /**
   * Read an XML part through the tokenizer (without keeping it): a DOCTYPE (entity expansion)
   * or nesting past limits.maxXmlDepth is refused here, before a library's XML parser, which
   * could take minutes over it, ever sees it. Other damage is left for the reader to judge.
   */
  private checkXml(entry: ZipEntry): void {
    const scanner = new XmlScanner(decodePart(inflateEntry(entry, this.place)).text, entry.name, this.file);
    try {
      while (scanner.next());
    } catch (error) {
      if (error instanceof DhrError && (error.code === 'too-large' || /DOCTYPE/.test(error.message))) throw error;
    }
  }

  /** Part names in the order of the zip (removed parts left out). */
  parts(): string[] {
    return this.entries.map((e) => e.name).filter((n) => !this.removed.has(n.toLowerCase()));
  }

  has(part: string): boolean {
    const k = part.toLowerCase();
    return this.byName.has(k) && !this.removed.has(k);
  }

  /** The entry's real name (zip names are compared without case, as OPC says). */
  private entry(part: string): ZipEntry {
    const e = this.byName.get(part.toLowerCase());
    if (!e || this.removed.has(part.toLowerCase())) throw new DhrError('corrupt', 'a part the package refers to is missing', { ...this.place, part });
    return e;
  }

  bytes(part: string): Uint8Array {
    const k = part.toLowerCase();
    const r = this.replaced.get(k);
    if (r) return r;
    let d = this.inflated.get(k);
    if (!d) {
      d = inflateEntry(this.entry(part), this.place);
      this.inflated.set(k, d);
    }
    return d;
  }

  /** A part's text, its byte-order mark (if any) remembered for writing back. */
  text(part: string): string {
    const { text, bom } = decodePart(this.bytes(part));
    if (bom) this.boms.set(part.toLowerCase(), bom);
    return text;
  }

  setBytes(part: string, data: Uint8Array): void {
    this.replaced.set(part.toLowerCase(), data);
  }

  /** Replace a part's text (UTF-8; a UTF-8 BOM is kept, UTF-16 parts are rewritten as UTF-8). */
  setText(part: string, text: string): void {
    const bom = this.boms.get(part.toLowerCase());
    let t = text;
    if (bom === 'utf-16le' || bom === 'utf-16be') t = t.replace(/^(<\?xml[^>]*encoding=["'])utf-16(["'])/i, '$1UTF-8$2');
    const body = new TextEncoder().encode(t);
    if (bom === 'utf-8') {
      const out = new Uint8Array(body.length + 3);
      out.set([0xef, 0xbb, 0xbf]);
      out.set(body, 3);
      this.setBytes(part, out);
    } else {
      this.setBytes(part, body);
    }
  }

  remove(part: string): void {
    if (this.byName.has(part.toLowerCase())) this.removed.add(part.toLowerCase());
  }

  isRemoved(part: string): boolean {
    return this.removed.has(part.toLowerCase());
  }

  contentType(part: string): string | undefined {
    const o = this.overrides.get(part.toLowerCase());
    if (o) return o;
    const dot = part.lastIndexOf('.');
    return dot < 0 ? undefined : this.defaults.get(part.slice(dot + 1).toLowerCase());
  }

  /** Parts whose content type is one of those given. */
  partsOfType(...types: string[]): string[] {
    return this.parts().filter((p) => types.includes(this.contentType(p) ?? ''));
  }

  private readContentTypes(): void {
    const s = new XmlScanner(this.text(CONTENT_TYPES), CONTENT_TYPES, this.file);
    while (s.next()) {
      if (s.type !== START && s.type !== EMPTY) continue;
      const tag = s.raw();
      if (s.key === 'ct:Default') {
        const ext = attribute(tag, 'Extension');
        const type = attribute(tag, 'ContentType');
        if (ext && type) this.defaults.set(ext.toLowerCase(), type);
      } else if (s.key === 'ct:Override') {
        const name = attribute(tag, 'PartName');
        const type = attribute(tag, 'ContentType');
        if (name && type) this.overrides.set(resolvePartName('', name).toLowerCase(), type);
      }
    }
  }

  /** The relationships of a part ('' for the package itself). */
  relationships(source: string): Relationship[] {
    const rels = relsPartOf(source);
    if (!this.has(rels)) return [];
    const out: Relationship[] = [];
    const s = new XmlScanner(this.text(rels), rels, this.file);
    while (s.next()) {
      if ((s.type !== START && s.type !== EMPTY) || s.key !== 'pr:Relationship') continue;
      const tag = s.raw();
      const id = attribute(tag, 'Id') ?? '';
      const type = attribute(tag, 'Type') ?? '';
      const target = attribute(tag, 'Target') ?? '';
      const external = attribute(tag, 'TargetMode') === 'External';
      out.push({ id, type, kind: relationshipKind(type), target, external, part: external ? undefined : resolvePartName(source, target) });
    }
    return out;
  }

  /**
   * Write the package. Removed parts take their content-type overrides and the relationships
   * pointing at them along; then any part no relationship reaches any more is dropped too (the
   * images of a removed comment, the properties of removed custom XML).
   */
  toBytes(): Uint8Array {
    this.dropUnreachable();
    // Content types: overrides of removed parts go.
    const ct = this.text(CONTENT_TYPES);
    const newCt = ct.replace(/<(?:[\w.-]+:)?Override\b[^>]*>/g, (tag) => {
      const name = attribute(tag, 'PartName');
      return name && !this.has(resolvePartName('', name)) ? '' : tag;
    });
    if (newCt !== ct) this.setText(CONTENT_TYPES, newCt);

    const names = this.parts();
    const ordered = [
      ...names.filter((n) => n.toLowerCase() === CONTENT_TYPES.toLowerCase()),
      ...names.filter((n) => n.toLowerCase() !== CONTENT_TYPES.toLowerCase()),
    ];
    const files: ZipOutput[] = ordered.map((name) => {
      const r = this.replaced.get(name.toLowerCase());
      return r ? { name, data: r } : { name, entry: this.entry(name) };
    });
    return writeZip(files);
  }

  /** Remove relationships to removed parts, then every part nothing reaches. */
  private dropUnreachable(): void {
    for (let round = 0; round < 8; round++) {
      // Relationships to removed parts go from every surviving rels part.
      for (const rels of this.parts().filter((p) => p.toLowerCase().endsWith('.rels'))) {
        const source = sourceOfRels(rels);
        if (source === undefined) continue;
        if (source !== '' && !this.has(source)) {
          this.remove(rels);
          continue;
        }
        this.removeRelationships(source, (r) => !r.external && r.part !== undefined && !this.has(r.part) && this.byName.has(r.part.toLowerCase()));
      }
      // Reachability from the package relationships.
      const reached = new Set<string>([CONTENT_TYPES.toLowerCase()]);
      const queue = [''];
      while (queue.length > 0) {
        const source = queue.pop()!;
        const rels = relsPartOf(source);
        if (this.has(rels)) reached.add(rels.toLowerCase());
        for (const r of this.relationships(source)) {
          if (r.external || !r.part) continue;
          const k = r.part.toLowerCase();
          if (reached.has(k) || !this.has(r.part)) continue;
          reached.add(k);
          queue.push(r.part);
        }
      }
      let dropped = false;
      for (const p of this.parts()) {
        if (!reached.has(p.toLowerCase())) {
          this.remove(p);
          dropped = true;
        }
      }
      if (!dropped) return;
    }
  }

  /** Remove the relationships of a part that match. Returns the removed ones. */
  removeRelationships(source: string, remove: (r: Relationship) => boolean): Relationship[] {
    const rels = relsPartOf(source);
    if (!this.has(rels)) return [];
    const gone: Relationship[] = [];
    const text = this.text(rels);
    const out = text.replace(/<(?:[\w.-]+:)?Relationship\b[^>]*>(?:\s*<\/(?:[\w.-]+:)?Relationship>)?/g, (tag) => {
      const type = attribute(tag, 'Type') ?? '';
      const target = attribute(tag, 'Target') ?? '';
      const external = attribute(tag, 'TargetMode') === 'External';
      const r: Relationship = { id: attribute(tag, 'Id') ?? '', type, kind: relationshipKind(type), target, external, part: external ? undefined : resolvePartName(source, target) };
      if (!remove(r)) return tag;
      gone.push(r);
      return '';
    });
    if (gone.length > 0) this.setText(rels, out);
    return gone;
  }

  /** Change the targets of external relationships of a part: `edit` returns a new target or undefined. */
  editExternalTargets(source: string, edit: (r: Relationship) => string | undefined): void {
    const rels = relsPartOf(source);
    if (!this.has(rels)) return;
    const text = this.text(rels);
    let changed = false;
    const out = text.replace(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g, (tag) => {
      if (attribute(tag, 'TargetMode') !== 'External') return tag;
      const type = attribute(tag, 'Type') ?? '';
      const target = attribute(tag, 'Target') ?? '';
      const next = edit({ id: attribute(tag, 'Id') ?? '', type, kind: relationshipKind(type), target, external: true });
      if (next === undefined || next === target) return tag;
      changed = true;
      return tag.replace(/\bTarget\s*=\s*("[^"]*"|'[^']*')/, `Target="${escapeAttribute(next)}"`);
    });
    if (changed) this.setText(rels, out);
  }
}

/** Open a package, checking it is the kind wanted. */
export function openPackage(bytes: Uint8Array, options: { file?: string; kind?: PackageKind; limits?: Limits } = {}): OoxmlPackage {
  const pkg = new OoxmlPackage(bytes, options);
  if (options.kind) pkg.expect(options.kind);
  return pkg;
}

