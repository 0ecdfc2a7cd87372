/**
 * Every piece of text in a file where an identifier could hide, for the scanner: each
 * paragraph of every part (body, headers, footers, notes, comments, text boxes, shared
 * strings), deleted text and field instructions on their own, every attribute value (alt
 * text, bookmark names, authors, sheet names, relationship targets), document properties, and
 * the readable strings of binary parts (pictures' metadata, embedded objects). Nothing is
 * left out because it is hidden, deleted or "only metadata".
 *
 *   const units = await extractParts(bytes, 'report.docx');
 */
import { DhrError, type Place } from '../../pipeline/errors.ts';
import { readableName } from './context.ts';
import { limits } from './limits.ts';
import { OoxmlPackage } from './package.ts';
import { isXmlContentType } from './parts.ts';
import { HEADER_FOOTER_ELEMENTS, maskHeaderFooterCodes } from './header-footer.ts';
import { extractPdfText } from './pdf.ts';
import { isPdf } from './sniff.ts';
import { CDATA, EMPTY, END, START, TEXT, XmlScanner, decodeXml, parseAttributes } from './xml.ts';

export interface TextUnit {
  /** The part it stands in ("word/document.xml", "page 3"). */
  part: string;
  text: string;
  place?: Place;
  /** Prose a person wrote (paragraphs, alt text, properties): read for findings too. Other units (attribute values, formulas, binary strings) are checked for key identifiers and patterns only. */
  prose: boolean;
}

/** Text of a Word, Excel or PDF file, by part. */
export async function extractParts(bytes: Uint8Array, file?: string): Promise<TextUnit[]> {
  if (isPdf(bytes)) return extractPdfText(bytes, file);
  return extractPackageParts(bytes, file);
}

/** Text of an OOXML package (and of the packages embedded in it). */
export function extractPackageParts(bytes: Uint8Array, file?: string, prefix = '', depth = 0): TextUnit[] {
  const pkg = new OoxmlPackage(bytes, { file });
  const units: TextUnit[] = [];
  const sheetsByPart = pkg.kind === 'xlsx' ? sheetNamesByPart(pkg) : new Map<string, string>();
  for (const part of pkg.parts()) {
    const name = prefix + part;
    const lower = part.toLowerCase();
    if (!/\.(xml|rels|vml)$/.test(lower) && isXmlContentType(pkg.contentType(part) ?? '')) {
      // XML by content type only, such as an SVG picture: one with a DOCTYPE (Inkscape and
      // Illustrator write one) is not Office XML, so its whole text, markup and all, is checked.
      const before = units.length;
      const text = pkg.text(part);
      try {
        extractXml(text, name, file, units, undefined);
      } catch (error) {
        if (!(error instanceof DhrError)) throw error;
        units.length = before;
        units.push({ part: name, text, place: { file, part: name }, prose: false });
      }
    } else if (/\.(xml|rels|vml)$/.test(lower)) {
      extractXml(pkg.text(part), name, file, units, sheetsByPart.get(part.toLowerCase()));
      if (lower.endsWith('.rels')) {
        for (const u of units.filter((x) => x.part === name && /%[0-9a-f]{2}/i.test(x.text))) {
          try {
            units.push({ ...u, text: decodeURIComponent(u.text) });
          } catch {
            // not percent-encoded after all
          }
        }
      }
    } else if (/\.(docx|docm|dotx|dotm|xlsx|xlsm|xltx|xltm)$/.test(lower) && depth < limits.maxNesting) {
      try {
        units.push(...extractPackageParts(pkg.bytes(part), file, `${name}!`, depth + 1));
      } catch (error) {
        if (!(error instanceof DhrError)) throw error;
        units.push(...binaryStrings(pkg.bytes(part), name, file));
      }
    } else {
      units.push(...binaryStrings(pkg.bytes(part), name, file));
    }
  }
  return units;
}

/** Worksheet part → sheet name, from the workbook and its relationships. */
function sheetNamesByPart(pkg: OoxmlPackage): Map<string, string> {
  const map = new Map<string, string>();
  const rels = new Map(pkg.relationships(pkg.main).map((r) => [r.id, r.part]));
  const s = new XmlScanner(pkg.text(pkg.main), pkg.main, pkg.file);
  while (s.next()) {
    if ((s.type !== START && s.type !== EMPTY) || s.key !== 'x:sheet') continue;
    let name: string | undefined;
    let id: string | undefined;
    for (const a of parseAttributes(s.raw())) {
      if (a.name === 'name') name = decodeXml(a.raw);
      else if (s.keyOfAttribute(a.name) === 'r:id') id = decodeXml(a.raw);
    }
    const part = id ? rels.get(id) : undefined;
    if (name && part) map.set(part.toLowerCase(), name);
  }
  return map;
}

const PARAGRAPHS = new Set(['w:p', 'a:p', 'x:si', 'x:is', 'x:text', 'x:comment']);
/** Text that is not part of the paragraph as it reads. */
const SIDE_CHANNELS: Record<string, string> = { 'w:instrText': 'field instruction', 'w:delText': 'deleted text', 'w:delInstrText': 'deleted text', 'x:rPh': 'phonetic reading' };
const SEPARATORS: Record<string, string> = { 'w:tab': '\t', 'w:ptab': '\t', 'w:br': '\n', 'w:cr': '\n', 'w:noBreakHyphen': '-', 'a:br': '\n' };
/** Text elements that are not prose. */
const CODE = new Set(['x:f', 'x:definedName', 'x:formula', 'x:formula1', 'x:formula2', 'c:f', 'x:calculatedColumnFormula', 'w:fldData', 'x:v', 'ep:Application', 'ep:AppVersion', 'ep:HyperlinkBase']);
/** Attributes a person writes in words (alt text, tooltips, messages, authors): read for findings too. Names of styles, fonts and themes are not. */
const PROSE_ATTRIBUTES = new Set(['descr', 'title', 'alt', 'o:title', 'w:tooltip', 'tooltip', 'prompt', 'promptTitle', 'error', 'errorTitle', 'display', 'comment', 'w:author', 'w15:author', 'displayName', 'string', 'userName', 'user']);
/** Elements whose name attribute a person chose: sheets, pictures and shapes. */
const NAMED_BY_PEOPLE = new Set(['x:sheet', 'wp:docPr']);
/** Attributes that never hold words: skipped to keep the scan quick. */
const SKIPPED_ATTRIBUTES = /^(xmlns(:.*)?|w14:paraId|w14:textId|w:rsid.*|mc:Ignorable|o:gfxdata|r:id|r:embed|Id|id|w:id|s|r|spans|ref|sqref|x14ac:dyDescent)$/;

interface Group {
  text: string;
  side: Map<string, string>;
  cell?: string;
}

function extractXml(xml: string, part: string, file: string | undefined, units: TextUnit[], sheet?: string): void {
  const s = new XmlScanner(xml, part, file);
  const groups: Group[] = [];
  let side: string | undefined;
  let sideDepth = 0;
  let code = 0;
  let cell: string | undefined;
  const place = (extra: Partial<Place> = {}): Place => ({ file, part, ...(sheet ? { sheet } : {}), ...(cell ? { cell } : {}), ...extra });
  const push = (text: string, prose: boolean, extra: Partial<Place> = {}) => {
    if (text.trim().length > 0) units.push({ part, text, place: place(extra), prose });
  };
  while (s.next()) {
    switch (s.type) {
      case START:
      case EMPTY: {
        const key = s.key;
        const raw = s.raw();
        if (raw.indexOf('=') > 0) {
          for (const a of parseAttributes(raw)) {
            if (SKIPPED_ATTRIBUTES.test(a.name)) continue;
            const value = decodeXml(a.raw);
            if (value.length < 2 || !/\p{L}|\d{4}/u.test(value)) continue;
            const k = s.keyOfAttribute(a.name);
            const prose = PROSE_ATTRIBUTES.has(k) || PROSE_ATTRIBUTES.has(a.name) || (k === 'name' && NAMED_BY_PEOPLE.has(key));
            push(value, prose);
            if (key === 'w:bookmarkStart' && k === 'w:name') push(readableName(value), !value.startsWith('_'));
          }
        }
        if (key === 'x:c') cell = parseAttributes(raw).find((a) => a.name === 'r')?.raw;
        if (s.type === EMPTY) {
          const sep = SEPARATORS[key];
          if (sep && groups.length > 0) groups[groups.length - 1].text += sep;
          break;
        }
        if (PARAGRAPHS.has(key)) groups.push({ text: '', side: new Map(), cell });
        else if (SIDE_CHANNELS[key] && side === undefined) {
          side = SIDE_CHANNELS[key];
          sideDepth = s.stack.length;
        } else if (CODE.has(key)) code++;
        break;
      }
      case TEXT:
      case CDATA: {
        const text = s.type === CDATA ? s.raw().slice(9, -3) : decodeXml(s.raw());
        const group = groups.length > 0 ? groups[groups.length - 1] : undefined;
        if (side !== undefined) {
          if (group) group.side.set(side, (group.side.get(side) ?? '') + text);
          else push(text, false, {});
        } else if (group) {
          group.text += text;
        } else if (HEADER_FOOTER_ELEMENTS.has(s.parentKey())) {
          // Read as it shows, codes blanked out ("&LJane" is "Jane").
          push(maskHeaderFooterCodes(text), true);
        } else {
          push(text, code === 0);
        }
        break;
      }
      case END: {
        const key = s.key;
        if (side !== undefined && s.stack.length === sideDepth && SIDE_CHANNELS[key]) side = undefined;
        else if (CODE.has(key)) code = Math.max(0, code - 1);
        else if (key === 'x:c') cell = undefined;
        else if (PARAGRAPHS.has(key)) {
          const g = groups.pop()!;
          const extra = g.cell ? { cell: g.cell } : {};
          push(g.text, true, extra);
          for (const [what, text] of g.side) push(text, what !== 'field instruction', extra);
        }
        break;
      }
      default:
        break;
    }
  }
}

/** Readable strings of a binary part: runs of at least 4 printable characters, in ASCII or UTF-16. */
export function binaryStrings(data: Uint8Array, part: string, file?: string): TextUnit[] {
  const units: TextUnit[] = [];
  const place = { file, part };
  let run = '';
  const flush = () => {
    if (run.length >= 4 && /\p{L}{2}|\d{4}/u.test(run)) units.push({ part, text: run, place, prose: false });
    run = '';
  };
  for (let i = 0; i < data.length; i++) {
    const b = data[i];
    if (b >= 0x20 && b < 0x7f) run += String.fromCharCode(b);
    else flush();
    if (run.length > 4096) flush();
  }
  flush();
  // UTF-16LE (Office's binary formats, EMF text), Latin letters only so random bytes stay quiet.
  for (let i = 0; i + 1 < data.length; i += 2) {
    const c = data[i] | (data[i + 1] << 8);
    if (c >= 0x20 && c < 0x250 && !(c >= 0x7f && c < 0xa0)) run += String.fromCharCode(c);
    else flush();
    if (run.length > 4096) flush();
  }
  flush();
  for (let i = 1; i + 1 < data.length; i += 2) {
    const c = data[i] | (data[i + 1] << 8);
    if (c >= 0x20 && c < 0x250 && !(c >= 0x7f && c < 0xa0)) run += String.fromCharCode(c);
    else flush();
    if (run.length > 4096) flush();
  }
  flush();
  return units;
}
