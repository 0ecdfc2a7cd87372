/**
 * Protective markings and draft numbers, removed from a publication copy ("The OFFICIAL
 * marking and any draft numbering can now be removed", guide, publication stage): OFFICIAL,
 * OFFICIAL-SENSITIVE, OFFICIAL – SENSITIVE, RESTRICTED, "Protective marking: …", Draft v3,
 * DRAFT 2, Draft version 1.2. Each is a span replaced by nothing; a caller may drop a
 * paragraph left empty.
 *
 * Capitals mark a marking anywhere; "Official" or "Restricted" written in ordinary case is a
 * marking only when it is all its line says ("an official of the council" stays).
 */
import type { Span } from './types.ts';
import { matches } from './matches.ts';

const dash = String.raw`[ \u00A0]*[-–—:|][ \u00A0]*|[ \u00A0]+`;
/** OFFICIAL, OFFICIAL-SENSITIVE, OFFICIAL – SENSITIVE [PERSONAL], RESTRICTED, in capitals. */
const capitalMarking = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:OFFICIAL(?:(?:${dash})SENSITIVE(?:(?:${dash})(?:PERSONAL|COMMERCIAL|LOCSEN))?)?|RESTRICTED)(?![\p{L}\p{N}])`,
  'gu',
);
/** A line that is only a marking in ordinary case: "Official", "Official – Sensitive", "Restricted". */
const lineMarking = new RegExp(String.raw`^[ \t\u00A0]*((?:Official|OFFICIAL)(?:(?:${dash})(?:Sensitive|SENSITIVE))?|Restricted|RESTRICTED)[ \t\u00A0]*$`, 'gmu');
/** "Protective marking: OFFICIAL", "Security classification – Official", to the end of the line. */
const labelledMarking = /(?<![\p{L}\p{N}])(?:protective\s+marking|(?:government\s+)?security\s+classification)[ \t\u00A0]*[:\-–][^\n\r]*/giu;
/** Draft numbers: "Draft v3", "DRAFT 2", "Draft version 1.2", "Draft No. 4", "DRAFT V0.3"; "DRAFT" alone in capitals. */
const draftNumber = /(?<![\p{L}\p{N}])(?:(?:Draft|DRAFT)(?:[ \u00A0]*(?:[-–:][ \u00A0]*)?(?:(?:version|Version|VERSION|ver\.?|Ver\.?|v|V|no\.?|No\.?|NO\.?|number|Number|#)[ \u00A0]*)?\d+(?:\.\d+)*(?![\p{L}\p{N}]))|DRAFT(?![\p{L}\p{N}]))/gu;
/** "Version 1.2" alone on a line (a document control line). */
const versionLine = /^[ \t\u00A0]*(?:Version|VERSION)[ \u00A0]*(?:no\.?[ \u00A0]*)?\d+(?:\.\d+)*[ \t\u00A0]*$/gmu;

/** Every marking holds one of these words: one quick pass rules most texts out. */
const mayHoldMarking = /official|restricted|draft|marking|classification|version/i;

function spanOf(text: string, start: number, end: number): Span {
  // Take the spaces after a marking at the start of a line, or before one elsewhere, so no double space is left.
  let s = start;
  let e = end;
  const lineStart = s === 0 || text[s - 1] === '\n' || text[s - 1] === '\r';
  if (lineStart) {
    while (e < text.length && (text[e] === ' ' || text[e] === '\t' || text[e] === '\u00A0')) e++;
  } else {
    while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t' || text[s - 1] === '\u00A0')) s--;
  }
  return { start: s, end: e, text: text.slice(s, e), kind: 'marking', source: 'marking', replacement: '' };
}

/** The markings and draft numbers of a text, sorted, not overlapping. */
export function findMarkings(text: string): Span[] {
  if (!mayHoldMarking.test(text)) return [];
  const found: { start: number; end: number }[] = [];
  for (const pattern of [labelledMarking, lineMarking, capitalMarking, draftNumber, versionLine]) {
    for (const m of matches(pattern, text)) {
      const start = pattern === lineMarking ? m.index + m[0].indexOf(m[1]) : m.index;
      const end = pattern === lineMarking ? start + m[1].length : m.index + m[0].length;
      if (end > start) found.push({ start, end });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  let lastEnd = -1;
  for (const f of found) {
    if (f.start < lastEnd) continue;
    const s = spanOf(text, f.start, f.end);
    const previous = out.length > 0 ? out[out.length - 1] : undefined;
    if (previous && s.start < previous.end) s.start = previous.end;
    s.text = text.slice(s.start, s.end);
    out.push(s);
    lastEnd = f.end;
  }
  return out;
}
