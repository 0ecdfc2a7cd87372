/**
 * Anonymises a Markdown syntax tree (mdast) in place: the text of paragraphs, headings and table
 * cells, inline code, code blocks, raw HTML, link text and titles, image alt text and titles, and
 * URLs (a link whose URL holds an identifier, a mailto: address for one, is unlinked and keeps
 * its anonymised text).
 *
 * A paragraph's text is read as one string, even where emphasis or a link splits it into
 * several nodes ("**Jane** Smith"), so a name split that way is still one name; its replacement
 * goes into the node where the name begins.
 */
import type { Nodes, Parent, Root, RootContent } from 'mdast';
import type { Anonymiser } from './engine.ts';
import { contextOf } from './engine.ts';
import { applySpans, shiftOffset } from './overlaps.ts';
import type { Finding, Replacement, Span } from './types.ts';

export interface MarkdownOptions {
  /** The file, for the places in replacements and findings. */
  file?: string;
}

export interface DocumentAnonymisation {
  replacements: Replacement[];
  findings: Finding[];
}

/** A literal node whose value is part of a paragraph's text. */
interface Segment {
  node: { value: string; position?: { start: { line: number } } };
  start: number;
  end: number;
}

const phrasingContainers = new Set(['paragraph', 'heading', 'tableCell']);

export function anonymiseMarkdown(tree: Root, anonymiser: Anonymiser, options: MarkdownOptions = {}): DocumentAnonymisation {
  const result: DocumentAnonymisation = { replacements: [], findings: [] };
  const place = (line: number | undefined) => ({ ...(options.file ? { file: options.file } : {}), ...(line !== undefined ? { line } : {}) });

  /** Anonymise a standalone string (code, alt text, a title); report against a line. */
  const standalone = (value: string, line: number | undefined): string => {
    const { spans, findings } = anonymiser.analyse(value);
    const applied = applySpans(value, spans);
    for (const r of applied.replacements) result.replacements.push({ ...r, place: place(line) });
    for (const f of findings) {
      result.findings.push({ text: f.text, kind: f.kind, place: place(lineWithin(value, f.start, line)), context: anonymisedContext(applied.text, spans, f) });
    }
    return applied.text;
  };

  const walk = (node: Nodes): void => {
    if (phrasingContainers.has(node.type)) {
      paragraph(node as Parent);
      return;
    }
    switch (node.type) {
      case 'code':
        node.value = standalone(node.value, firstValueLine(node));
        return;
      case 'html':
      case 'yaml':
      case 'inlineCode':
      case 'text':
        node.value = standalone(node.value, node.position?.start.line);
        return;
      case 'definition': {
        node.url = cleanUrl(node.url, node.position?.start.line);
        if (node.title) node.title = standalone(node.title, node.position?.start.line);
        return;
      }
      case 'image':
        image(node);
        return;
      default:
        break;
    }
    if ('children' in node) for (const child of [...node.children]) walk(child as Nodes);
  };

  const image = (node: { alt?: string | null; title?: string | null; url: string; position?: { start: { line: number } } }) => {
    const line = node.position?.start.line;
    if (node.alt) node.alt = standalone(node.alt, line);
    if (node.title) node.title = standalone(node.title, line);
    node.url = cleanUrl(node.url, line);
  };

  /** A URL with its identifiers replaced (percent-encoded), for images and definitions. */
  const cleanUrl = (url: string, line: number | undefined): string => {
    const decoded = safeDecode(url);
    if (anonymiser.spans(decoded).length === 0) return url;
    return encodeURI(standalone(decoded, line));
  };

  /** The phrasing content of a paragraph, heading or table cell as one text. */
  const paragraph = (container: Parent): void => {
    const segments: Segment[] = [];
    // Joined once at the end: one flat string for the engine to read character by character.
    const parts: string[] = [];
    let length = 0;
    const add = (value: string) => {
      parts.push(value);
      length += value.length;
    };
    const collect = (parent: Parent) => {
      for (const child of parent.children as RootContent[]) {
        switch (child.type) {
          case 'text':
          case 'inlineCode':
          case 'html':
            segments.push({ node: child, start: length, end: length + child.value.length });
            add(child.value);
            break;
          case 'break':
            add('\n');
            break;
          case 'image':
            image(child);
            break;
          case 'link':
          case 'linkReference':
          case 'emphasis':
          case 'strong':
          case 'delete':
            collect(child as Parent);
            // Words either side of a link or emphasis are separate only if the text says so.
            break;
          case 'footnoteReference':
          case 'imageReference':
            if (child.type === 'imageReference' && child.alt) child.alt = standalone(child.alt, child.position?.start.line);
            add(' ');
            break;
          default:
            if ('children' in child) collect(child as Parent);
        }
      }
    };
    collect(container);
    const text = parts.join('');

    const { spans, findings } = anonymiser.analyse(text);
    applyToSegments(segments, spans);
    const line = (offset: number) => lineOf(segments, text, offset) ?? container.position?.start.line;
    for (const span of spans) {
      if (span.replacement === undefined) continue;
      result.replacements.push({ original: span.text, replacement: span.replacement, kind: span.kind, place: place(line(span.start)) });
    }
    const anonymised = findings.length > 0 ? applySpans(text, spans).text : text;
    for (const f of findings) {
      result.findings.push({ text: f.text, kind: f.kind, place: place(line(f.start)), context: anonymisedContext(anonymised, spans, f) });
    }
    unlinkIdentifyingLinks(container);
  };

  /** A link whose URL holds an identifier loses its URL and keeps its (anonymised) text. */
  const unlinkIdentifyingLinks = (parent: Parent): void => {
    const children = parent.children as RootContent[];
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child.type === 'link') {
        if (child.title) child.title = standalone(child.title, child.position?.start.line);
        const url = safeDecode(child.url);
        const spans = anonymiser.spans(url.replace(/^mailto:/i, ''));
        if (spans.length > 0) {
          for (const r of applySpans(url, anonymiser.spans(url)).replacements) result.replacements.push({ ...r, place: place(child.position?.start.line) });
          children.splice(i, 1, ...(child.children as RootContent[]));
          i += child.children.length - 1;
          continue;
        }
      }
      if ('children' in child) unlinkIdentifyingLinks(child as Parent);
    }
  };

  walk(tree);
  return result;
}

/** Context for a finding taken from the anonymised text, so that no replaced identifier is shown beside it. */
function anonymisedContext(anonymised: string, spans: readonly Span[], finding: Span): string {
  const start = shiftOffset(spans, finding.start);
  return contextOf(anonymised, start, start + (finding.end - finding.start));
}

/** Replace the spans of a paragraph's text inside the literal nodes that hold it. */
function applyToSegments(segments: Segment[], spans: readonly Span[]): void {
  if (spans.length === 0) return;
  // Build each node's new value from its own pieces, right to left so offsets stay valid.
  const values = segments.map((s) => s.node.value);
  for (let k = spans.length - 1; k >= 0; k--) {
    const span = spans[k];
    if (span.replacement === undefined) continue;
    let placed = false;
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i];
      if (seg.end <= span.start || seg.start >= span.end) continue;
      const from = Math.max(span.start, seg.start) - seg.start;
      const to = Math.min(span.end, seg.end) - seg.start;
      const insert = placed ? '' : span.replacement;
      values[i] = values[i].slice(0, from) + insert + values[i].slice(to);
      placed = true;
    }
  }
  segments.forEach((s, i) => (s.node.value = values[i]));
}

/** The source line of an offset in a paragraph's text. */
function lineOf(segments: Segment[], text: string, offset: number): number | undefined {
  for (const seg of segments) {
    if (offset >= seg.start && offset < Math.max(seg.end, seg.start + 1)) {
      const first = seg.node.position?.start.line;
      if (first === undefined) return undefined;
      return first + countLines(text.slice(seg.start, offset));
    }
  }
  return undefined;
}

function lineWithin(value: string, offset: number, firstLine: number | undefined): number | undefined {
  return firstLine === undefined ? undefined : firstLine + countLines(value.slice(0, offset));
}

/** The line of a code block's first line of code (after its opening fence, if fenced). */
function firstValueLine(node: { value: string; position?: { start: { line: number }; end: { line: number } } }): number | undefined {
  if (!node.position) return undefined;
  const written = node.position.end.line - node.position.start.line + 1;
  const fenced = written >= countLines(node.value) + 2;
  return node.position.start.line + (fenced ? 1 : 0);
}

function countLines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
