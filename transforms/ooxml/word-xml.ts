/**
 * One pass over a WordprocessingML part (document, header, footer, footnotes, endnotes,
 * glossary, settings, charts and diagrams): identifiers replaced paragraph by paragraph across
 * runs, alt text, bookmark names and field instructions redacted, tracked changes accepted,
 * comment marks, hidden runs and revision metadata removed. Everything else is copied as it
 * came.
 *
 * The output (XmlOutput) is the source copied in ranges, with the text of each run a piece of
 * its own; a paragraph's text slots point at those pieces, so when the paragraph ends its text
 * can be rewritten in place without a second pass.
 */
import type { Span } from '../../pipeline/anonymise/types.ts';
import type { RedactionContext } from './context.ts';
import { redactSlots, type Slot } from './slots.ts';
import { CDATA, END, OTHER, START, TEXT, XmlOutput, XmlScanner, type OutputMark, decodeXml, editTag, escapeText, parseAttributes } from './xml.ts';

/** Removed with everything inside them: revision records (they carry the author), comment marks, permissions, bindings to removed custom XML, settings that hold paths or personal data. */
const REMOVE = new Set([
  'w:rPrChange',
  'w:pPrChange',
  'w:sectPrChange',
  'w:tblPrChange',
  'w:tblGridChange',
  'w:tcPrChange',
  'w:trPrChange',
  'w:tblPrExChange',
  'w:numberingChange',
  'w:cellIns',
  'w:cellDel',
  'w:cellMerge',
  'w:moveFromRangeStart',
  'w:moveFromRangeEnd',
  'w:moveToRangeStart',
  'w:moveToRangeEnd',
  'w:customXmlInsRangeStart',
  'w:customXmlInsRangeEnd',
  'w:customXmlDelRangeStart',
  'w:customXmlDelRangeEnd',
  'w:customXmlMoveFromRangeStart',
  'w:customXmlMoveFromRangeEnd',
  'w:customXmlMoveToRangeStart',
  'w:customXmlMoveToRangeEnd',
  'w:commentRangeStart',
  'w:commentRangeEnd',
  'w:commentReference',
  'w:permStart',
  'w:permEnd',
  'w:dataBinding',
  'w15:dataBinding',
  'w:delText',
  'w:delInstrText',
  // settings.xml
  'w:rsids',
  'w:attachedTemplate',
  'w:docVars',
  'w:mailMerge',
]);

/** Revision marks: deleted content goes, inserted content stays (unwrapped). */
const DELETION = ['w:del', 'w:moveFrom'];
const INSERTION = ['w:ins', 'w:moveTo'];
/** Where w:ins / w:del are property markers (a paragraph mark, a row, a numbering change), not content. */
const MARKER_PARENTS = new Set(['w:rPr', 'w:trPr', 'w:tcPr', 'w:numPr', 'w:pPr', 'w:tblPrEx', 'w:sectPr']);

const PARAGRAPHS = ['w:p', 'a:p'];

// What an element is to the loop, found with one lookup per tag.
const R_REMOVE = 1;
const R_DELETION = 2;
const R_INSERTION = 3;
const R_PARAGRAPH = 4;
const ROLES = new Map<string, number>([
  ...[...REMOVE].map((k) => [k, R_REMOVE] as const),
  ...DELETION.map((k) => [k, R_DELETION] as const),
  ...INSERTION.map((k) => [k, R_INSERTION] as const),
  ...PARAGRAPHS.map((k) => [k, R_PARAGRAPH] as const),
]);

/** Separators in a run (a:br, a line break in DrawingML, sits in the paragraph instead). */
const SEPARATORS = new Map([
  ['w:tab', '\t'],
  ['w:ptab', '\t'],
  ['w:br', '\n'],
  ['w:cr', '\n'],
  ['w:noBreakHyphen', '-'],
]);
const VML_SHAPES = new Set(['v:shape', 'v:rect', 'v:roundrect', 'v:oval', 'v:line', 'v:polyline', 'v:arc', 'v:curve', 'v:group', 'v:image', 'v:shapetype']);

interface AttributeRule {
  /** Prose a person wrote (alt text, tooltips): redacted and read for findings. */
  prose?: string[];
  /** Names and values: redacted. */
  plain?: string[];
  /** Bookmark names: renamed when they hold an identifier. */
  bookmark?: string[];
  /** Field instructions. */
  instruction?: string[];
  /** Removed when publishing (precise dates behind a date picker). */
  publishRemove?: string[];
}

const ALT_TEXT: AttributeRule = { prose: ['descr', 'title'], plain: ['name'] };
const VML_ALT: AttributeRule = { prose: ['alt', 'title', 'o:title'] };
const VALUE: AttributeRule = { plain: ['w:val'] };

const ATTRIBUTE_RULES = new Map<string, AttributeRule>(Object.entries({
  'wp:docPr': ALT_TEXT,
  'v:imagedata': { prose: ['o:title', 'alt'] },
  'v:textpath': { plain: ['string'] },
  'w:hyperlink': { prose: ['w:tooltip'], plain: ['w:docLocation'], bookmark: ['w:anchor'] },
  'a:hlinkClick': { prose: ['tooltip'] },
  'a:hlinkHover': { prose: ['tooltip'] },
  'w:fldSimple': { instruction: ['w:instr'] },
  'w:bookmarkStart': { bookmark: ['w:name'] },
  'w:alias': VALUE,
  'w:tag': VALUE,
  'w:name': VALUE,
  'w:helpText': VALUE,
  'w:statusText': VALUE,
  'w:default': VALUE,
  'w:listEntry': VALUE,
  'w:description': VALUE,
  'w:category': VALUE,
  'w:listItem': { plain: ['w:displayText', 'w:value'] },
  // Smart tags and custom XML elements carry data: Word's PersonName tag keeps the name here.
  'w:attr': { plain: ['w:name', 'w:val'] },
  'w:date': { publishRemove: ['w:fullDate'] },
  'o:OLEObject': { plain: ['ObjectID'] },
} satisfies Record<string, AttributeRule>));

for (const k of VML_SHAPES) ATTRIBUTE_RULES.set(k, VML_ALT);

/** Attributes removed wherever they appear: revision ids and authors, VML's embedded copies of shapes. */
function isRemovedAttribute(key: string): boolean {
  return key.startsWith('w:rsid') || key === 'w:author' || key === 'w:initials' || key === 'o:gfxdata';
}

// Frame codes: what to do when an element ends.
const F_NORMAL = 0;
const F_SKIP_ROOT = 1;
const F_SKIPPED = 2;
const F_UNWRAP = 3;
const F_PARAGRAPH = 4;
const F_RUN = 5;
const F_ROW = 6;
const F_CAPTURE = 7;
const F_CHART_VALUE = 8;
const F_TABLE = 9;
const F_PARAGRAPH_PROPERTIES = 10;

interface Paragraph {
  slots: Slot[];
  instructions: Slot[];
  /** A Word paragraph (w:p), and where the output stood before it. */
  word: boolean;
  start: OutputMark;
  /** Its paragraph mark is a tracked deletion (w:pPr/w:rPr/w:del): accepted, it joins the next paragraph. */
  markDeleted: boolean;
  /** Its properties hold a section break (w:pPr/w:sectPr). */
  sectionBreak: boolean;
  /** Anything was written in it besides its properties. */
  content: boolean;
}

/** A paragraph that tracked changes emptied, with its mark deleted: dropped if another paragraph follows it at once. */
interface PendingDrop {
  start: OutputMark;
  /** Where it ended in the source, and how many pieces the output then had. */
  end: number;
  pieces: number;
}

interface Run {
  /** Where the output stood before the run. */
  start: OutputMark;
  hidden: boolean;
  commentReference: boolean;
  content: boolean;
  fieldChar: boolean;
}

interface Capture {
  tag: number;
  chunks: number[];
  text: string;
  instruction: boolean;
  preserve: boolean;
}

const falseValues = new Set(['0', 'false', 'off']);

/** Redact a WordprocessingML (or DrawingML) part; returns the new XML. */
export function redactWordXml(xml: string, ctx: RedactionContext): string {
  const s = new XmlScanner(xml, ctx.part, ctx.file);
  // What is copied unchanged is written as ranges of the source; what a slot points at is a
  // piece of its own (o.push), so it can be rewritten later; a run, row or table that may be
  // removed begins at a mark the output can be cut back to.
  const o = new XmlOutput(xml);
  const out = o.pieces;
  const frames: number[] = [];
  const paragraphs: Paragraph[] = [];
  const runs: Run[] = [];
  const rows: { start: OutputMark; deleted: boolean }[] = [];
  const tables: { start: OutputMark; rows: number }[] = [];
  let capture: Capture | undefined;
  let skipping = false;
  let pendingDrop: PendingDrop | undefined;
  // The properties of the innermost paragraph are being read (its own w:pPr).
  let inProperties = false;

  while (s.next()) {
    const type = s.type;
    if (type === TEXT || type === CDATA) {
      if (skipping) continue;
      if (capture) {
        const raw = s.raw();
        capture.chunks.push(o.push(raw));
        capture.text += type === CDATA ? raw.slice(9, -3) : decodeXml(raw);
      } else if (type === TEXT && s.end - s.start >= 3) {
        const raw = s.raw();
        const next = strayText(raw, ctx);
        if (next === raw) o.copy(s.start, s.end);
        else o.push(next);
      } else {
        o.copy(s.start, s.end);
      }
      continue;
    }
    if (type === OTHER) {
      if (!skipping) o.copy(s.start, s.end);
      continue;
    }
    if (type === END) {
      // An emptied paragraph that is the last of its container stays (a cell, a text box, the body
      // must keep a paragraph).
      pendingDrop = undefined;
      const frame = frames.pop();
      if (frame === F_SKIPPED) continue;
      if (frame === F_SKIP_ROOT) {
        skipping = false;
        continue;
      }
      if (frame === F_UNWRAP) continue;
      if (frame === F_RUN) {
        const run = runs.pop()!;
        // A hidden run that holds part of a field stays (removing it would break the field);
        // its text is redacted like any other.
        const remove = (run.hidden && !run.fieldChar) || (run.commentReference && !run.content);
        if (remove) {
          o.rewind(run.start);
          const p = paragraphs.length > 0 ? paragraphs[paragraphs.length - 1] : undefined;
          if (p) {
            const cut = run.start.index;
            while (p.slots.length > 0 && firstPiece(p.slots[p.slots.length - 1]) >= cut) p.slots.pop();
            while (p.instructions.length > 0 && firstPiece(p.instructions[p.instructions.length - 1]) >= cut) p.instructions.pop();
          }
        } else {
          o.copy(s.start, s.end);
        }
        continue;
      }
      if (frame === F_ROW) {
        const row = rows.pop()!;
        if (row.deleted) o.rewind(row.start);
        else {
          o.copy(s.start, s.end);
          if (tables.length > 0) tables[tables.length - 1].rows++;
        }
        continue;
      }
      if (frame === F_TABLE) {
        // A table whose every row was a tracked deletion goes with them.
        const table = tables.pop()!;
        if (table.rows === 0) o.rewind(table.start);
        else o.copy(s.start, s.end);
        continue;
      }
      o.copy(s.start, s.end);
      if (frame === F_CAPTURE && capture) {
        finishCapture(capture, paragraphs.length > 0 ? paragraphs[paragraphs.length - 1] : undefined, out, ctx);
        capture = undefined;
      } else if (frame === F_CHART_VALUE && capture) {
        const slot: Slot = { kind: 'text', text: capture.text, tag: capture.tag, chunks: capture.chunks, preserve: false };
        redactSlots(out, [slot], ctx, { findings: true });
        capture = undefined;
      } else if (frame === F_PARAGRAPH) {
        const p = paragraphs.pop()!;
        redactSlots(out, p.slots, ctx, { findings: true });
        if (p.instructions.length > 0) {
          redactSlots(out, p.instructions, ctx, { findings: false, extraSpans: (t) => bookmarkReferenceSpans(t, ctx) });
        }
        // Accepting the deletion of a paragraph mark joins the paragraph to the next; when the
        // tracked changes left nothing in it, that is the paragraph going (a deleted paragraph
        // would otherwise stay as an empty line).
        if (p.word && p.markDeleted && !p.content && !p.sectionBreak && p.slots.length === 0 && p.instructions.length === 0) {
          pendingDrop = { start: p.start, end: s.end, pieces: out.length };
        }
      } else if (frame === F_PARAGRAPH_PROPERTIES) {
        inProperties = false;
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
    if (pendingDrop !== undefined) {
      // The next paragraph follows the emptied one with nothing but white space between: the
      // emptied one goes (what it held was deleted; its properties are those of a deleted mark).
      if (key === 'w:p' && out.length === pendingDrop.pieces && isWhiteSpace(xml, pendingDrop.end, s.start)) o.rewind(pendingDrop.start);
      pendingDrop = undefined;
    }
    const parent = s.parentKey();
    // (An index of -1 is not an element but a property lookup, slow at every tag: hence the test.)
    const run = runs.length > 0 ? runs[runs.length - 1] : undefined;
    const paragraph = paragraphs.length > 0 ? paragraphs[paragraphs.length - 1] : undefined;
    if (run && parent === 'w:r' && key !== 'w:rPr' && key !== 'w:commentReference') run.content = true;

    // Removal and tracked changes.
    const role = ROLES.get(key);
    let remove = role === R_REMOVE;
    if (key === 'w:commentReference' && run) run.commentReference = true;
    if (role === R_DELETION || role === R_INSERTION) {
      if (MARKER_PARENTS.has(parent)) {
        remove = true;
        if (parent === 'w:trPr' && role === R_DELETION && rows.length > 0) rows[rows.length - 1].deleted = true;
        if (inProperties && parent === 'w:rPr' && role === R_DELETION && paragraph && s.parentKey(2) === 'w:pPr') paragraph.markDeleted = true;
      } else if (role === R_DELETION) {
        remove = true;
      } else {
        // An insertion: keep what it holds, drop the mark.
        if (isStart) frames.push(F_UNWRAP);
        continue;
      }
    }
    if (remove) {
      if (isStart) {
        frames.push(F_SKIP_ROOT);
        skipping = true;
      }
      continue;
    }

    if (paragraph) {
      if (inProperties) {
        if (key === 'w:sectPr' && parent === 'w:pPr') paragraph.sectionBreak = true;
      } else if (!(key === 'w:pPr' && parent === 'w:p')) {
        paragraph.content = true;
      }
    }

    // A tag with no attributes ("<w:r>", "<w:b/>") has nothing to edit and is not copied out.
    let written: string | undefined;
    let edited: string | undefined;
    if (s.end - s.start > s.name.length + (isStart ? 2 : 3)) {
      written = s.raw();
      const next = editAttributes(written, key, s, ctx);
      if (next !== written) edited = written = next;
    }

    if (key === 'w:vanish' && parent === 'w:rPr' && s.parentKey(2) === 'w:r' && run) {
      const val = written === undefined ? undefined : attributeValue(written, s, 'w:val');
      if (val === undefined || !falseValues.has(val.toLowerCase())) run.hidden = true;
    }
    if (key === 'w:fldChar' && run) run.fieldChar = true;

    if (!isStart) {
      const sep = parent === 'w:r' ? SEPARATORS.get(key) : key === 'a:br' && parent === 'a:p' ? '\n' : undefined;
      if (sep !== undefined) addSeparator(paragraphs, o.push(written ?? s.raw()), sep);
      else if (edited !== undefined) o.push(edited);
      else o.copy(s.start, s.end);
      continue;
    }

    if (role === R_PARAGRAPH) {
      const start = o.mark();
      keepTag(o, s, edited);
      paragraphs.push({ slots: [], instructions: [], word: key === 'w:p', start, markDeleted: false, sectionBreak: false, content: false });
      frames.push(F_PARAGRAPH);
    } else if (key === 'w:pPr' && parent === 'w:p') {
      keepTag(o, s, edited);
      inProperties = true;
      frames.push(F_PARAGRAPH_PROPERTIES);
    } else if (key === 'w:r') {
      runs.push({ start: o.mark(), hidden: false, commentReference: false, content: false, fieldChar: false });
      keepTag(o, s, edited);
      frames.push(F_RUN);
    } else if (key === 'w:tr') {
      rows.push({ start: o.mark(), deleted: false });
      keepTag(o, s, edited);
      frames.push(F_ROW);
    } else if (key === 'w:tbl') {
      tables.push({ start: o.mark(), rows: 0 });
      keepTag(o, s, edited);
      frames.push(F_TABLE);
    } else if ((key === 'w:t' && parent === 'w:r') || (key === 'w:instrText' && parent === 'w:r')) {
      // A tag that says xml:space already is never edited: it need not be a piece of its own.
      if (edited === undefined && written !== undefined && hasXmlSpace.test(written)) {
        o.copy(s.start, s.end);
        capture = { tag: -1, chunks: [], text: '', instruction: key === 'w:instrText', preserve: false };
      } else {
        capture = { tag: o.push(written ?? s.raw()), chunks: [], text: '', instruction: key === 'w:instrText', preserve: true };
      }
      frames.push(F_CAPTURE);
    } else if ((key === 'a:t' && (parent === 'a:r' || parent === 'a:fld')) || (key === 'm:t' && parent === 'm:r')) {
      capture = { tag: o.push(written ?? s.raw()), chunks: [], text: '', instruction: false, preserve: false };
      frames.push(F_CAPTURE);
    } else if (key === 'c:v') {
      capture = { tag: o.push(written ?? s.raw()), chunks: [], text: '', instruction: false, preserve: false };
      frames.push(F_CHART_VALUE);
    } else {
      keepTag(o, s, edited);
      frames.push(F_NORMAL);
    }
  }
  return o.join();
}

/** Whether the source holds only white space from `start` to `end`. */
function isWhiteSpace(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return true;
}

/** The current tag written out: copied, or as edited. */
function keepTag(o: XmlOutput, s: XmlScanner, edited: string | undefined): void {
  if (edited !== undefined) o.push(edited);
  else o.copy(s.start, s.end);
}

/** The first piece of the output a slot owns (a text slot's tag may be copied, not owned). */
function firstPiece(slot: Slot): number {
  return slot.kind === 'text' ? slot.chunks[0] : slot.tag;
}

const hasXmlSpace = /\sxml:space\s*=/;

function addSeparator(paragraphs: Paragraph[], tag: number, text: string): void {
  const p = paragraphs.length > 0 ? paragraphs[paragraphs.length - 1] : undefined;
  if (p) p.slots.push({ kind: 'separator', text, tag, chunks: [], preserve: false });
}

function finishCapture(c: Capture, p: Paragraph | undefined, out: string[], ctx: RedactionContext): void {
  if (c.text.length === 0) return;
  const slot: Slot = { kind: 'text', text: c.text, tag: c.tag, chunks: c.chunks, preserve: c.preserve };
  if (p) {
    (c.instruction ? p.instructions : p.slots).push(slot);
  } else {
    // Text outside any paragraph (not written by Word, but possible): redacted on its own.
    redactSlots(out, [slot], ctx, { findings: !c.instruction });
  }
}

/** Text between elements that no rule claims: redacted on its own (spans only). */
function strayText(raw: string, ctx: RedactionContext): string {
  if (raw.length < 3 || !/[\p{L}\d]/u.test(raw)) return raw;
  const text = decodeXml(raw);
  const next = ctx.redactString(text);
  return next === text ? raw : escapeText(next);
}

function attributeValue(tag: string, s: XmlScanner, key: string): string | undefined {
  for (const a of parseAttributes(tag)) if (s.keyOfAttribute(a.name) === key) return decodeXml(a.raw);
  return undefined;
}

/** Attributes isRemovedAttribute may remove are somewhere in the tag. */
const generalAttributes = /rsid|author|initials|gfxdata/;

/** Apply the attribute rules of one element; returns the tag, rewritten only if something changed. */
function editAttributes(tag: string, key: string, s: XmlScanner, ctx: RedactionContext): string {
  const rule = ATTRIBUTE_RULES.get(key) ?? (key.endsWith(':cNvPr') || key === 'cNvPr' ? ALT_TEXT : undefined);
  const general = generalAttributes.test(tag);
  if (!rule && !general) return tag;
  let edits: Map<string, string | null> | undefined;
  const edit = (name: string, value: string | null) => (edits ??= new Map()).set(name, value);
  for (const a of parseAttributes(tag)) {
    const k = s.keyOfAttribute(a.name);
    if (isRemovedAttribute(k)) {
      edit(a.name, null);
      continue;
    }
    if (!rule) continue;
    const value = decodeXml(a.raw);
    if (rule.prose?.includes(k) || rule.plain?.includes(k)) {
      const next = ctx.redactString(value, { findings: rule.prose?.includes(k) });
      if (next !== value) edit(a.name, next);
    } else if (rule.bookmark?.includes(k)) {
      const next = ctx.bookmark(value);
      if (next !== value) {
        edit(a.name, next);
        ctx.replacements.push({ original: value, replacement: next, kind: 'person', part: ctx.part, place: ctx.place() });
      }
    } else if (rule.instruction?.includes(k)) {
      const next = redactInstruction(value, ctx);
      if (next !== value) edit(a.name, next);
    } else if (ctx.publish && rule.publishRemove?.includes(k)) {
      edit(a.name, null);
    }
  }
  return edits ? editTag(tag, edits) : tag;
}

/** A field instruction on its own (w:fldSimple): bookmark references renamed, identifiers replaced. */
export function redactInstruction(text: string, ctx: RedactionContext): string {
  const bookmarks = bookmarkReferenceSpans(text, ctx);
  const spans = ctx.spans(text);
  const all = [...bookmarks, ...spans.filter((s) => !bookmarks.some((b) => s.start < b.end && s.end > b.start))].sort((a, b) => a.start - b.start);
  if (all.length === 0) return text;
  let out = '';
  let last = 0;
  for (const sp of all) {
    out += text.slice(last, sp.start) + (sp.replacement ?? '');
    last = sp.end;
    ctx.logReplacement(sp);
  }
  return out + text.slice(last);
}

const referenceField = /(^|\s)(REF|PAGEREF|NOTEREF)\s+"?([^\s"\\]+)"?/gi;
const hyperlinkAnchor = /\\l\s+"([^"]+)"/g;

/** Spans renaming bookmark names that field instructions refer to (REF, PAGEREF, NOTEREF, HYPERLINK \l). */
export function bookmarkReferenceSpans(text: string, ctx: RedactionContext): Span[] {
  if (!/REF|\\l/i.test(text)) return [];
  const out: Span[] = [];
  const add = (name: string, start: number) => {
    const next = ctx.bookmark(name);
    if (next !== name) out.push({ start, end: start + name.length, text: name, kind: 'person', source: 'key', replacement: next });
  };
  for (const m of text.matchAll(referenceField)) {
    const name = m[3];
    add(name, (m.index ?? 0) + m[0].lastIndexOf(name));
  }
  for (const m of text.matchAll(hyperlinkAnchor)) add(m[1], (m.index ?? 0) + m[0].indexOf(m[1]));
  return out.sort((a, b) => a.start - b.start);
}

