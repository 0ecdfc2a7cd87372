/**
 * Parts with no prose of their own (styles, numbering, fonts, themes, and any XML part no
 * other transform knows): every text node and attribute value is checked for key identifiers
 * and patterns, in one call to the engine per part. A part with none comes back byte for byte
 * as it went in.
 */
import type { RedactionContext } from './context.ts';
import { replacementOf } from './context.ts';
import { CDATA, EMPTY, START, TEXT, XmlScanner, decodeXml, editTag, escapeText, parseAttributes } from './xml.ts';

interface Piece {
  token: number;
  /** The attribute's name as written, or undefined for a text node. */
  attribute?: string;
  text: string;
  start: number;
}

/** Joins pieces so that no identifier or pattern can reach across two of them. */
const SEPARATOR = '\n\u2029\n';

export function redactGenericXml(xml: string, ctx: RedactionContext): string {
  const s = new XmlScanner(xml, ctx.part, ctx.file);
  const tokens: string[] = [];
  const pieces: Piece[] = [];
  // The texts are joined once at the end (one flat string for the engine to read).
  let length = 0;
  const add = (token: number, text: string, attribute?: string) => {
    if (text.length < 2 || !/\p{L}|\d{4}/u.test(text)) return;
    if (pieces.length > 0) length += SEPARATOR.length;
    pieces.push({ token, attribute, text, start: length });
    length += text.length;
  };
  while (s.next()) {
    const raw = s.raw();
    tokens.push(raw);
    if (s.type === TEXT) add(tokens.length - 1, decodeXml(raw));
    else if (s.type === CDATA) add(tokens.length - 1, raw.slice(9, -3));
    else if ((s.type === START || s.type === EMPTY) && raw.indexOf('=') > 0) {
      for (const a of parseAttributes(raw)) {
        if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) continue;
        add(tokens.length - 1, decodeXml(a.raw), a.name);
      }
    }
  }
  if (pieces.length === 0) return xml;
  const joined = pieces.map((p) => p.text).join(SEPARATOR);
  const spans = ctx.spans(joined);
  if (spans.length === 0) return xml;

  // Spans back to their pieces; a span that crosses a separator is applied to the piece it starts in.
  const edits = new Map<Piece, { from: number; to: number; replacement: string }[]>();
  let p = 0;
  for (const sp of spans) {
    while (p + 1 < pieces.length && pieces[p + 1].start <= sp.start) p++;
    const piece = pieces[p];
    const from = sp.start - piece.start;
    const to = Math.min(piece.text.length, sp.end - piece.start);
    if (from < 0 || from >= piece.text.length) continue;
    let list = edits.get(piece);
    if (!list) edits.set(piece, (list = []));
    list.push({ from, to, replacement: replacementOf(sp) });
    ctx.logReplacement(sp);
  }
  const tagEdits = new Map<number, Map<string, string>>();
  for (const [piece, list] of edits) {
    let next = '';
    let last = 0;
    for (const e of list) {
      next += piece.text.slice(last, e.from) + e.replacement;
      last = e.to;
    }
    next += piece.text.slice(last);
    if (piece.attribute === undefined) {
      tokens[piece.token] = tokens[piece.token].startsWith('<![CDATA[') ? `<![CDATA[${next.replace(/]]>/g, ']]]]><![CDATA[>')}]]>` : escapeText(next);
    } else {
      let m = tagEdits.get(piece.token);
      if (!m) tagEdits.set(piece.token, (m = new Map()));
      m.set(piece.attribute, next);
    }
  }
  for (const [token, m] of tagEdits) tokens[token] = editTag(tokens[token], m);
  return tokens.join('');
}
