/**
 * One pass over a SpreadsheetML part (shared strings, worksheets, the workbook, comments,
 * threaded comments and their persons, tables, pivot caches): rich-text strings redacted
 * across their runs, cached string results and formulas' literals redacted, sheet references
 * renamed, headers and footers, validation messages, comment text and authors handled.
 * Numbers, dates and codes are left as they are, except a long number the engine recognises
 * (an NHS number typed as a number), which becomes its label.
 */
import type { RedactionContext } from './context.ts';
import { redactFormula, type SheetNames } from './formula.ts';
import { HEADER_FOOTER_ELEMENTS, maskHeaderFooterCodes } from './header-footer.ts';
import { redactSlots, type Slot } from './slots.ts';
import { CDATA, END, OTHER, START, TEXT, XmlScanner, decodeXml, editTag, escapeText, parseAttributes, prefixOf } from './xml.ts';

/** Removed with their content. */
const REMOVE = new Set([
  'x:rPh', // phonetic readings of a string
  'x15ac:absPath', // the folder the workbook was saved in (names the user)
  'tc:mentions', // @mentions point into the text by offset, and name people
]);

const PARAGRAPHS = new Set(['x:si', 'x:is', 'x:text']);
const TEXT_PARENTS = new Set(['x:si', 'x:r', 'x:is', 'x:text']);
const FORMULAS = new Set(['x:f', 'x:definedName', 'x:formula', 'x:formula1', 'x:formula2', 'x:calculatedColumnFormula', 'x:totalsRowFormula']);

interface AttributeRule {
  prose?: string[];
  plain?: string[];
  sheet?: string[];
  formula?: string[];
  remove?: string[];
  /** Replaced by a neutral value. */
  neutral?: Record<string, string>;
  /** Removed when publishing (precise dates). */
  publishRemove?: string[];
}

const ATTRIBUTE_RULES: Record<string, AttributeRule> = {
  'x:dataValidation': { prose: ['prompt', 'promptTitle', 'error', 'errorTitle'] },
  'x:hyperlink': { prose: ['display', 'tooltip'], formula: ['location'] },
  'x:tableColumn': { plain: ['name'] },
  'x:s': { plain: ['v'] },
  'x:cacheField': { plain: ['name', 'caption'] },
  'x:pivotField': { plain: ['name'] },
  'x:item': { plain: ['n'] },
  'x:dataField': { plain: ['name'] },
  'x:worksheetSource': { sheet: ['sheet'] },
  'x:fileSharing': { remove: ['userName'] },
  'x:scenario': { prose: ['comment'], plain: ['name'], remove: ['user'] },
  'x:connection': { prose: ['description'], plain: ['name', 'sourceFile', 'odcFile'] },
  'x:dbPr': { plain: ['connection', 'command'] },
  'x:webPr': { plain: ['url'] },
  'x:protectedRange': { plain: ['name'] },
  'tc:person': { neutral: { displayName: 'Author', providerId: 'None' }, remove: ['userId'] },
  'x:sheet': { sheet: ['name'] },
  'x:definedName': { prose: ['comment', 'description'] },
  'tc:threadedComment': { publishRemove: ['dT'] },
};

const NEUTRAL_AUTHOR = 'Author';

// Frame codes.
const F_NORMAL = 0;
const F_SKIP_ROOT = 1;
const F_SKIPPED = 2;
const F_PARAGRAPH = 3;
const F_CAPTURE = 4;
const F_CELL = 5;
const F_ALTERNATE = 6;

/** An mc:AlternateContent left holding only empty choices (its absPath removed). */
const emptyAlternate = /^<[^>]*AlternateContent\b[^>]*>(?:<[^>]*(?:Choice|Fallback)\b[^>]*\/>|<[^>]*(?:Choice|Fallback)\b[^>]*>\s*<\/[^>]*(?:Choice|Fallback)>|\s)*<\/[^>]*AlternateContent>$/;

type CaptureKind = 'text' | 'value' | 'formula' | 'header' | 'author' | 'threaded';

interface Capture {
  kind: CaptureKind;
  tag: number;
  chunks: number[];
  text: string;
}

interface Cell {
  tag: number;
  type: string;
  hasFormula: boolean;
}

export function redactSheetXml(xml: string, ctx: RedactionContext, sheets: SheetNames): string {
  const s = new XmlScanner(xml, ctx.part, ctx.file);
  const out: string[] = [];
  const frames: number[] = [];
  const paragraphs: Slot[][] = [];
  const cells: Cell[] = [];
  const alternates: number[] = [];
  let capture: Capture | undefined;
  let skipping = false;

  while (s.next()) {
    const type = s.type;
    if (type === TEXT || type === CDATA) {
      if (skipping) continue;
      const raw = s.raw();
      out.push(raw);
      if (capture) {
        capture.chunks.push(out.length - 1);
        capture.text += type === CDATA ? raw.slice(9, -3) : decodeXml(raw);
      }
      continue;
    }
    if (type === OTHER) {
      if (!skipping) out.push(s.raw());
      continue;
    }
    if (type === END) {
      const frame = frames.pop();
      if (frame === F_SKIPPED) continue;
      if (frame === F_SKIP_ROOT) {
        skipping = false;
        continue;
      }
      out.push(s.raw());
      if (frame === F_CAPTURE && capture) {
        finishCapture(capture, out, paragraphs.length > 0 ? paragraphs[paragraphs.length - 1] : undefined, cells.length > 0 ? cells[cells.length - 1] : undefined, ctx, sheets);
        capture = undefined;
      } else if (frame === F_PARAGRAPH) {
        redactSlots(out, paragraphs.pop()!, ctx, { findings: true });
      } else if (frame === F_CELL) {
        cells.pop();
      } else if (frame === F_ALTERNATE) {
        const start = alternates.pop()!;
        if (emptyAlternate.test(out.slice(start).join(''))) out.length = start;
      }
      continue;
    }

    // START or EMPTY
    const key = s.key;
    const isStart = type === START;
    if (skipping) {
      if (isStart) frames.push(F_SKIPPED);
      continue;
    }
    if (REMOVE.has(key)) {
      if (isStart) {
        frames.push(F_SKIP_ROOT);
        skipping = true;
      }
      continue;
    }
    const parent = s.parentKey();
    let tag = s.raw();
    const rule = ATTRIBUTE_RULES[key];
    if (rule) tag = editAttributes(tag, rule, s, ctx, sheets);
    out.push(tag);
    if (!isStart) continue;

    const at = out.length - 1;
    if (PARAGRAPHS.has(key)) {
      paragraphs.push([]);
      frames.push(F_PARAGRAPH);
    } else if (key === 'x:t' && TEXT_PARENTS.has(parent)) {
      capture = { kind: 'text', tag: at, chunks: [], text: '' };
      frames.push(F_CAPTURE);
    } else if (key === 'x:c') {
      const attrs = parseAttributes(tag);
      const t = attrs.find((a) => a.name === 't');
      cells.push({ tag: at, type: t ? decodeXml(t.raw) : 'n', hasFormula: false });
      frames.push(F_CELL);
    } else if (key === 'x:v' && parent === 'x:c') {
      capture = { kind: 'value', tag: at, chunks: [], text: '' };
      frames.push(F_CAPTURE);
    } else if (FORMULAS.has(key)) {
      if (key === 'x:f' && cells.length > 0) cells[cells.length - 1].hasFormula = true;
      capture = { kind: 'formula', tag: at, chunks: [], text: '' };
      frames.push(F_CAPTURE);
    } else if (HEADER_FOOTER_ELEMENTS.has(key)) {
      capture = { kind: 'header', tag: at, chunks: [], text: '' };
      frames.push(F_CAPTURE);
    } else if (key === 'x:author' && parent === 'x:authors') {
      capture = { kind: 'author', tag: at, chunks: [], text: '' };
      frames.push(F_CAPTURE);
    } else if (key === 'mc:AlternateContent') {
      alternates.push(at);
      frames.push(F_ALTERNATE);
    } else if (key === 'tc:text') {
      capture = { kind: 'threaded', tag: at, chunks: [], text: '' };
      frames.push(F_CAPTURE);
    } else {
      frames.push(F_NORMAL);
    }
  }
  return out.join('');
}

function setText(out: string[], c: Capture, text: string): void {
  if (c.chunks.length === 0) {
    // <x:author></x:author>: put the text before the end tag.
    out[out.length - 1] = escapeText(text) + out[out.length - 1];
    return;
  }
  out[c.chunks[0]] = escapeText(text);
  for (let i = 1; i < c.chunks.length; i++) out[c.chunks[i]] = '';
}

function finishCapture(c: Capture, out: string[], paragraph: Slot[] | undefined, cell: Cell | undefined, ctx: RedactionContext, sheets: SheetNames): void {
  switch (c.kind) {
    case 'text': {
      if (c.text.length === 0) return;
      const slot: Slot = { kind: 'text', text: c.text, tag: c.tag, chunks: c.chunks, preserve: true };
      if (paragraph) paragraph.push(slot);
      else redactSlots(out, [slot], ctx, { findings: true });
      return;
    }
    case 'threaded': {
      const slot: Slot = { kind: 'text', text: c.text, tag: c.tag, chunks: c.chunks, preserve: false };
      redactSlots(out, [slot], ctx, { findings: true });
      return;
    }
    case 'value': {
      if (!cell || c.text.length === 0) return;
      if (cell.type === 'str') {
        redactSlots(out, [{ kind: 'text', text: c.text, tag: c.tag, chunks: c.chunks, preserve: false }], ctx, { findings: true });
      } else if (cell.type === 'n' && !cell.hasFormula && /^\d{9,15}$/.test(c.text)) {
        // A number that is really an identifier (an NHS number typed as a number).
        const next = ctx.redactString(c.text);
        if (next !== c.text) {
          const p = prefixOf(s_name(out[c.tag]));
          const pre = p ? `${p}:` : '';
          out[c.tag] = `<${pre}is><${pre}t>`;
          setText(out, c, next);
          out[out.length - 1] = `</${pre}t></${pre}is>`;
          out[cell.tag] = editTag(out[cell.tag], new Map([['t', 'inlineStr']]));
        }
      }
      return;
    }
    case 'formula': {
      const next = redactFormula(c.text, ctx, sheets);
      if (next !== c.text) setText(out, c, next);
      return;
    }
    case 'header': {
      const next = redactHeaderFooter(c.text, ctx);
      if (next !== c.text) setText(out, c, next);
      return;
    }
    case 'author': {
      // "tc={…}" links a note to its threaded comment: kept; a person's name is not.
      if (c.text.startsWith('tc=') || c.text === NEUTRAL_AUTHOR) return;
      if (c.text.length > 0) ctx.replacements.push({ original: c.text, replacement: NEUTRAL_AUTHOR, kind: 'person', part: ctx.part, place: ctx.place() });
      setText(out, c, NEUTRAL_AUTHOR);
      return;
    }
  }
}

/** The element name of a raw start tag. */
function s_name(tag: string): string {
  return /^<([^\s/>]+)/.exec(tag)?.[1] ?? '';
}

/**
 * A header or footer: the engine reads it with the codes blanked out (so "&LJane" reads as
 * "Jane"), and replacements are made at the same places in the original.
 */
export function redactHeaderFooter(text: string, ctx: RedactionContext): string {
  const masked = maskHeaderFooterCodes(text);
  const spans = ctx.spans(masked);
  ctx.find(masked, {}, spans);
  if (spans.length === 0) return text;
  let out = '';
  let last = 0;
  for (const sp of spans) {
    out += text.slice(last, sp.start) + (sp.replacement ?? '[removed]').replace(/&/g, '&&');
    last = sp.end;
    ctx.logReplacement({ ...sp, text: text.slice(sp.start, sp.end) });
  }
  return out + text.slice(last);
}

function editAttributes(tag: string, rule: AttributeRule, s: XmlScanner, ctx: RedactionContext, sheets: SheetNames): string {
  let edits: Map<string, string | null> | undefined;
  const edit = (name: string, value: string | null) => (edits ??= new Map()).set(name, value);
  for (const a of parseAttributes(tag)) {
    const k = s.keyOfAttribute(a.name);
    const value = decodeXml(a.raw);
    if (ctx.publish && rule.publishRemove?.includes(k)) {
      edit(a.name, null);
    } else if (rule.remove?.includes(k)) {
      if (value) ctx.replacements.push({ original: value, replacement: '', kind: 'person', part: ctx.part, place: ctx.place() });
      edit(a.name, null);
    } else if (rule.neutral && k in rule.neutral) {
      const v = rule.neutral[k];
      if (value !== v) {
        ctx.replacements.push({ original: value, replacement: v, kind: 'person', part: ctx.part, place: ctx.place() });
        edit(a.name, v);
      }
    } else if (rule.prose?.includes(k) || rule.plain?.includes(k)) {
      const next = ctx.redactString(value, { findings: rule.prose?.includes(k) });
      if (next !== value) edit(a.name, next);
    } else if (rule.sheet?.includes(k)) {
      const next = sheets.get(value);
      if (next !== undefined && next !== value) edit(a.name, next);
    } else if (rule.formula?.includes(k)) {
      const next = redactFormula(value, ctx, sheets);
      if (next !== value) edit(a.name, next);
    }
  }
  return edits ? editTag(tag, edits) : tag;
}

