/**
 * A streaming XML tokenizer for OOXML parts: one linear pass, tokens are slices of the source,
 * so whatever a transform does not touch is written back byte for byte (namespaces, attribute
 * order, whitespace). Elements are matched by namespace and local name, never by prefix.
 *
 * It refuses a DOCTYPE (OOXML never has one; entity expansion is how "billion laughs" works)
 * and names the part and offset of anything malformed.
 */
import { DhrError } from '../../pipeline/errors.ts';
import { limits } from './limits.ts';
import { canonicalNamespace } from './namespaces.ts';

export const START = 1;
export const END = 2;
/** A self-closing element: `<w:tab/>`. */
export const EMPTY = 3;
export const TEXT = 4;
export const CDATA = 5;
/** A comment, a processing instruction or the XML declaration: copied, never read. */
export const OTHER = 6;

export type TokenType = typeof START | typeof END | typeof EMPTY | typeof TEXT | typeof CDATA | typeof OTHER;

/** prefix → canonical namespace id, and a cache of resolved element names. */
class Scope {
  readonly prefixes: Map<string, string>;
  readonly keys = new Map<string, string>();
  /** Names met in this scope by a hash of their letters, so a tag's name is looked up without copying it out. */
  readonly byHash = new Map<number, { name: string; key: string }>();
  constructor(prefixes: Map<string, string>) {
    this.prefixes = prefixes;
  }
  /** "w:p" in any namespace spelling → "w:p"; an unknown namespace keeps its URI: "{uri}p". */
  key(qname: string): string {
    let k = this.keys.get(qname);
    if (k !== undefined) return k;
    const colon = qname.indexOf(':');
    const prefix = colon < 0 ? '' : qname.slice(0, colon);
    const local = colon < 0 ? qname : qname.slice(colon + 1);
    const ns = prefix === 'xml' ? 'xml' : this.prefixes.get(prefix);
    k = ns === undefined ? (prefix ? `${prefix}?:${local}` : local) : ns === '' ? local : `${ns}:${local}`;
    this.keys.set(qname, k);
    return k;
  }
  /** An attribute's key: unprefixed attributes have no namespace. */
  attributeKey(qname: string): string {
    return qname.indexOf(':') < 0 ? qname : this.key(qname);
  }
}

const rootScope = new Scope(new Map([['', '']]));

export interface Attribute {
  /** The name as written, e.g. "w:val". */
  name: string;
  /** The value as written (entities not decoded). */
  raw: string;
  /** Offsets in the tag of the whole attribute, leading whitespace included. */
  start: number;
  end: number;
  quote: '"' | "'";
}

/**
 * Tokenizes one part. Use: `while (s.next()) { switch (s.type) … }`. For START and EMPTY,
 * `key` is the canonical element name ("w:p", "x:si", "a:t"); for END, the key of the element
 * it closes (taken from the stack, so a mismatch is reported).
 */
export class XmlScanner {
  readonly src: string;
  private readonly part: string;
  private readonly file?: string;
  private pos = 0;
  type: TokenType = OTHER;
  /** Raw token bounds in src. */
  start = 0;
  end = 0;
  /** Qualified name as written (START, EMPTY, END). */
  name = '';
  /** Canonical key (START, EMPTY, END). */
  key = '';
  /** Element depth of the current token's parent (0 at the root level). */
  depth = 0;
  private readonly names: string[] = [];
  private readonly keyStack: string[] = [];
  private readonly scopes: Scope[] = [];
  private scope: Scope = rootScope;

  constructor(src: string, part: string, file?: string) {
    this.src = src;
    this.part = part;
    this.file = file;
  }

  /** The raw text of the current token. */
  raw(): string {
    return this.src.slice(this.start, this.end);
  }

  /** Keys of the open elements, outermost first (do not modify). */
  get stack(): readonly string[] {
    return this.keyStack;
  }

  /**
   * The key of the element containing the current token (levelsUp = 1), its parent (2) and so
   * on, or '' above the root. For START and END the current element itself is not counted.
   */
  parentKey(levelsUp = 1): string {
    const own = this.type === START || this.type === END ? 1 : 0;
    const i = this.keyStack.length - own - levelsUp;
    return i >= 0 ? this.keyStack[i] : '';
  }

  fail(message: string, at = this.pos): never {
    throw new DhrError('corrupt', `the XML is damaged (${message} at character ${at})`, { file: this.file, part: this.part });
  }

  next(): boolean {
    const src = this.src;
    const pos = this.pos;
    if (this.type === END) {
      this.keyStack.pop();
      this.names.pop();
      this.scope = this.scopes.pop() ?? rootScope;
    }
    if (pos >= src.length) {
      if (this.names.length > 0) this.fail(`<${this.names[this.names.length - 1]}> is never closed`, src.length);
      return false;
    }
    this.start = pos;
    this.depth = this.keyStack.length;
    if (src.charCodeAt(pos) !== 60 /* < */) {
      const lt = src.indexOf('<', pos);
      this.end = lt < 0 ? src.length : lt;
      this.type = TEXT;
      this.pos = this.end;
      return true;
    }
    const c1 = src.charCodeAt(pos + 1);
    if (c1 === 47 /* / */) {
      const gt = src.indexOf('>', pos + 2);
      if (gt < 0) this.fail('unfinished closing tag', pos);
      const open = this.names[this.names.length - 1];
      // The name is compared where it stands (no copy is made of it): the open element's name,
      // then only whitespace up to the ">".
      let matches = open !== undefined && src.startsWith(open, pos + 2);
      for (let j = pos + 2 + (open?.length ?? 0); matches && j < gt; j++) {
        const c = src.charCodeAt(j);
        if (c !== 32 && c !== 9 && c !== 10 && c !== 13) matches = false;
      }
      if (!matches) {
        const name = src.slice(pos + 2, gt).trimEnd();
        this.fail(open === undefined ? `</${name}> closes nothing` : `</${name}> found where </${open}> was expected`, pos);
      }
      this.name = open;
      this.key = this.keyStack[this.keyStack.length - 1];
      this.type = END;
      this.end = gt + 1;
      this.pos = this.end;
      this.depth = this.keyStack.length - 1;
      return true;
    }
    if (c1 === 63 /* ? */) {
      const close = src.indexOf('?>', pos + 2);
      if (close < 0) this.fail('unfinished processing instruction', pos);
      this.type = OTHER;
      this.end = close + 2;
      this.pos = this.end;
      return true;
    }
    if (c1 === 33 /* ! */) {
      if (src.startsWith('<!--', pos)) {
        const close = src.indexOf('-->', pos + 4);
        if (close < 0) this.fail('unfinished comment', pos);
        this.type = OTHER;
        this.end = close + 3;
      } else if (src.startsWith('<![CDATA[', pos)) {
        const close = src.indexOf(']]>', pos + 9);
        if (close < 0) this.fail('unfinished CDATA section', pos);
        this.type = CDATA;
        this.end = close + 3;
      } else if (src.startsWith('<!DOCTYPE', pos) || src.startsWith('<!doctype', pos)) {
        throw new DhrError('corrupt', 'the XML declares a DOCTYPE, which Office files never do; it is refused for safety', { file: this.file, part: this.part });
      } else {
        this.fail('unknown markup', pos);
      }
      this.pos = this.end;
      return true;
    }
    // A start tag: find its end, stepping over quoted attribute values (which may hold ">").
    let i = pos + 1;
    const n = src.length;
    let nameEnd = -1;
    // A hash of the name's characters, made on the way (see Scope.byHash).
    let hash = 0;
    for (;;) {
      if (i >= n) this.fail('unfinished tag', pos);
      const c = src.charCodeAt(i);
      if (c === 62 /* > */) break;
      if (c === 34 || c === 39) {
        const q = src.indexOf(c === 34 ? '"' : "'", i + 1);
        if (q < 0) this.fail('unfinished attribute value', pos);
        i = q + 1;
        continue;
      }
      if (nameEnd < 0) {
        if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47) nameEnd = i;
        else hash = (Math.imul(hash, 31) + c) | 0;
      }
      i++;
    }
    const selfClosing = src.charCodeAt(i - 1) === 47;
    if (nameEnd < 0) nameEnd = selfClosing ? i - 1 : i;
    if (nameEnd === pos + 1) this.fail('a tag without a name', pos);
    this.end = i + 1;
    this.pos = this.end;
    // New namespace declarations open a new scope.
    let scope = this.scope;
    // Where the next "xmlns" is, found once and reused until the scanner passes it (a search
    // per tag would read ahead to the end of the part each time a part has no more of them).
    if (this.nextXmlns >= 0 && this.nextXmlns < nameEnd) this.nextXmlns = src.indexOf('xmlns', nameEnd);
    if (nameEnd < i && this.nextXmlns >= 0 && this.nextXmlns < i) {
      const attrs = parseAttributes(src.slice(pos, this.end));
      let map: Map<string, string> | undefined;
      for (const a of attrs) {
        if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) {
          map ??= new Map(scope.prefixes);
          map.set(a.name === 'xmlns' ? '' : a.name.slice(6), canonicalNamespace(decodeXml(a.raw)));
        }
      }
      if (map) scope = new Scope(map);
    }
    // The name and its key: found by the hash and checked letter by letter where the name
    // stands; only a name not met before in this scope is copied out.
    const known = scope.byHash.get(hash);
    let name: string;
    if (known !== undefined && known.name.length === nameEnd - pos - 1 && src.startsWith(known.name, pos + 1)) {
      name = known.name;
      this.key = known.key;
    } else {
      name = src.slice(pos + 1, nameEnd);
      this.key = scope.key(name);
      if (known === undefined) scope.byHash.set(hash, { name, key: this.key });
    }
    this.name = name;
    if (selfClosing) {
      this.type = EMPTY;
      // The attribute keys of an empty element resolve in its own scope.
      this.pendingScope = scope;
    } else {
      if (this.keyStack.length >= limits.maxXmlDepth) {
        throw new DhrError(
          'too-large',
          `the XML nests elements more than ${limits.maxXmlDepth} deep, which no Office file needs (it may be built to stall the reader): ask for the file to be saved again from Office`,
          { file: this.file, part: this.part },
        );
      }
      this.type = START;
      this.scopes.push(this.scope);
      this.scope = scope;
      this.names.push(name);
      this.keyStack.push(this.key);
    }
    return true;
  }

  private pendingScope: Scope = rootScope;
  /** The offset of the next "xmlns" at or after the last tag's name (-1: there is none). */
  private nextXmlns = 0;

  /** Attribute key resolution for the current START or EMPTY token. */
  keyOfAttribute(qname: string): string {
    return (this.type === EMPTY ? this.pendingScope : this.scope).attributeKey(qname);
  }
}

/** The attributes of a raw start tag, in order, with their offsets in it. */
export function parseAttributes(tag: string): Attribute[] {
  const out: Attribute[] = [];
  let i = 1;
  const n = tag.length;
  // Skip the element name.
  while (i < n) {
    const c = tag.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62) break;
    i++;
  }
  for (;;) {
    const attrStart = i;
    while (i < n) {
      const c = tag.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
      i++;
    }
    if (i >= n) break;
    const c = tag.charCodeAt(i);
    if (c === 47 || c === 62) break;
    const nameStart = i;
    while (i < n) {
      const d = tag.charCodeAt(i);
      if (d === 61 || d === 32 || d === 9 || d === 10 || d === 13 || d === 47 || d === 62) break;
      i++;
    }
    const name = tag.slice(nameStart, i);
    while (i < n && tag.charCodeAt(i) !== 61) {
      const d = tag.charCodeAt(i);
      if (d !== 32 && d !== 9 && d !== 10 && d !== 13) break;
      i++;
    }
    if (tag.charCodeAt(i) !== 61) {
      // A name without a value is not XML; skip it rather than loop.
      if (i === nameStart) i++;
      continue;
    }
    i++;
    while (i < n) {
      const d = tag.charCodeAt(i);
      if (d !== 32 && d !== 9 && d !== 10 && d !== 13) break;
      i++;
    }
    const q = tag[i];
    if (q !== '"' && q !== "'") break;
    const close = tag.indexOf(q, i + 1);
    if (close < 0) break;
    out.push({ name, raw: tag.slice(i + 1, close), start: attrStart, end: close + 1, quote: q });
    i = close + 1;
  }
  return out;
}

/** The decoded value of an attribute of a raw tag, or undefined. */
export function attribute(tag: string, name: string): string | undefined {
  for (const a of parseAttributes(tag)) if (a.name === name) return decodeXml(a.raw);
  return undefined;
}

/**
 * Rewrite a raw start (or empty) tag: `edits` maps an attribute name as written to its new
 * decoded value, or null to remove it. Attributes not named are kept as written; names not
 * present are appended.
 */
export function editTag(tag: string, edits: Map<string, string | null>): string {
  const attrs = parseAttributes(tag);
  let out = '';
  let last = 0;
  const done = new Set<string>();
  for (const a of attrs) {
    if (!edits.has(a.name)) continue;
    const v = edits.get(a.name);
    done.add(a.name);
    out += tag.slice(last, a.start);
    if (v !== null && v !== undefined) out += ` ${a.name}="${escapeAttribute(v)}"`;
    last = a.end;
  }
  let rest = tag.slice(last);
  for (const [name, v] of edits) {
    if (done.has(name) || v === null) continue;
    const at = rest.endsWith('/>') ? rest.length - 2 : rest.length - 1;
    rest = `${rest.slice(0, at).replace(/\s+$/, '')} ${name}="${escapeAttribute(v)}"${rest.slice(at)}`;
  }
  return out + rest;
}

const entityPattern = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decode the five XML entities and character references. */
export function decodeXml(raw: string): string {
  if (raw.indexOf('&') < 0) return raw;
  return raw.replace(entityPattern, (_, e: string) => {
    if (e.charCodeAt(0) !== 35) return named[e];
    const code = e.charCodeAt(1) === 120 || e.charCodeAt(1) === 88 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** Escape text content. */
export function escapeText(text: string): string {
  if (!/[&<>]/.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escape an attribute value for double quotes (tabs and newlines kept as references). */
export function escapeAttribute(text: string): string {
  if (!/[&<>"\t\n\r]/.test(text)) return text;
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;');
}

/** The local part of a key: "w:p" → "p". */
export function localName(key: string): string {
  const i = key.lastIndexOf(':');
  return i < 0 ? key : key.slice(i + 1);
}

/** The prefix of a qualified name as written ("w" of "w:t"), or ''. */
export function prefixOf(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? '' : qname.slice(0, i);
}

/** A place in an XmlOutput to go back to: the pieces then written and the range then being copied. */
export interface OutputMark {
  readonly index: number;
  readonly from: number;
  readonly to: number;
}

/**
 * The output of a transform that copies most of a part unchanged. Tokens copied as they came
 * are not kept one by one: consecutive ones are held as one range of the source and written
 * as a single piece when something else must be written. A piece that must be found again (a
 * slot's text) is pushed on its own and keeps its index in `pieces` until `join()`; a place the
 * output may be cut back to (the start of a run that may be removed) is a mark.
 */
export class XmlOutput {
  readonly pieces: string[] = [];
  private readonly src: string;
  private from = 0;
  private to = 0;

  constructor(src: string) {
    this.src = src;
  }

  /** Copy src[start, end), joined to the copy before it when the two touch. */
  copy(start: number, end: number): void {
    if (start === this.to && this.to > this.from) {
      this.to = end;
      return;
    }
    this.flush();
    this.from = start;
    this.to = end;
  }

  /** Write a piece of its own; returns its index. */
  push(text: string): number {
    this.flush();
    this.pieces.push(text);
    return this.pieces.length - 1;
  }

  /**
   * Where the output stands, to come back to with rewind(). Every piece pushed after it has an
   * index of at least `mark.index`.
   */
  mark(): OutputMark {
    return { index: this.pieces.length, from: this.from, to: this.to };
  }

  /** Drop everything written since the mark (a removed run, row or table). */
  rewind(mark: OutputMark): void {
    this.pieces.length = mark.index;
    this.from = mark.from;
    this.to = mark.to;
  }

  join(): string {
    this.flush();
    return this.pieces.join('');
  }

  private flush(): void {
    if (this.to > this.from) this.pieces.push(this.src.slice(this.from, this.to));
    this.from = 0;
    this.to = 0;
  }
}
