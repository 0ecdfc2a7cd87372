/**
 * Read a Word document (.docx) into mdast: the package is checked first (office-package.ts),
 * then mammoth turns it into HTML, parse5 into hast (hast-util-from-parse5, without source
 * positions, which would point into mammoth's HTML), and hast-util-to-mdast into mdast — what
 * rehype-parse and rehype-remark do, without the work of positions nobody reads.
 *
 * Headings: besides Word's built-in "Heading 1…6", any paragraph style with an outline level
 * (Word's own test of a heading), based on a heading style, or named like one ("IMR Heading",
 * "Section Title", "Heading1") becomes a heading; "Title" becomes a level-1 heading. Table of
 * contents paragraphs ("TOC 1", "TOC Heading") are left out: they repeat the headings.
 *
 * Paragraph numbers: each mdast block that came from a Word paragraph (headings, paragraphs, list
 * items) carries `position.start.line` = its 1-based number among the document's paragraphs,
 * empty ones included, in reading order (body, then footnotes and endnotes). Other positions are
 * removed, since they would point into mammoth's HTML, not the Word file.
 */
import mammoth from 'mammoth';
import { parseFragment } from 'parse5';
import { fromParse5 } from 'hast-util-from-parse5';
import { toMdast } from 'hast-util-to-mdast';
import { visit } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import type { Root as HastRoot, Element } from 'hast';
import type { Root, RootContent, PhrasingContent, TableCell } from 'mdast';
import { DhrError } from '../errors.ts';
import { openOfficePackage, elements, attributesOf, libraryReason, type OpenOptions } from './office-package.ts';

export interface DocxReadResult {
  tree: Root;
  /** mammoth's messages (unrecognised styles and the like), for debugging. */
  messages: string[];
}

/** Read .docx bytes into mdast. Throws DhrError when the file is not a readable Word document. */
export async function readDocx(bytes: Uint8Array, file: string, options: OpenOptions = {}): Promise<DocxReadResult> {
  const pkg = await openOfficePackage(bytes, file, 'docx', options);
  const styleMap = headingStyleMap(pkg.readText('word/styles.xml') ?? '');
  let html: string;
  let messages: string[];
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(pkg.bytes.buffer, pkg.bytes.byteOffset, pkg.bytes.byteLength) },
      { styleMap, ignoreEmptyParagraphs: false, externalFileAccess: false },
    );
    html = result.value;
    messages = result.messages.map((m) => m.message);
  } catch (error) {
    throw new DhrError('corrupt', `this Word document is damaged and cannot be read${libraryReason(error)}: open it in Word, save it again and resend it`, { file, part: pkg.mainPart });
  }
  return { tree: htmlToMdast(html), messages };
}

/** mammoth's HTML → mdast, with Word paragraph numbers as positions. */
export function htmlToMdast(html: string): Root {
  const hast = fromParse5(parseFragment(html)) as HastRoot;
  numberParagraphs(hast);
  const tree = toMdast(hast, { document: true }) as Root;
  flattenTableCells(tree);
  return tree;
}

const blockTags = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'li', 'blockquote', 'div']);
const paragraphTags = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function numberParagraphs(tree: HastRoot): void {
  let count = 0;
  visit(tree, (node) => {
    delete node.position;
    if (node.type !== 'element') return;
    const element = node as Element;
    const isParagraph =
      paragraphTags.has(element.tagName) ||
      (element.tagName === 'li' && !element.children.some((c) => c.type === 'element' && blockTags.has(c.tagName) && c.tagName !== 'ul' && c.tagName !== 'ol'));
    if (isParagraph) {
      count += 1;
      element.position = { start: { line: count, column: 1 }, end: { line: count, column: 1 } };
    }
  });
}

/**
 * Word table cells hold paragraphs; mdast table cells hold only inline content. Join a cell's
 * paragraphs with line breaks so the tree stays valid and the lines stay apart.
 */
function flattenTableCells(tree: Root): void {
  visit(tree, 'tableCell', (cell: TableCell) => {
    const children = cell.children as unknown as RootContent[];
    if (children.every((c) => isPhrasing(c))) return;
    const lines: PhrasingContent[][] = [];
    for (const child of children) collectLines(child, lines);
    const out: PhrasingContent[] = [];
    for (const line of lines.filter((l) => l.length > 0 && toString({ type: 'paragraph', children: l }).trim() !== '')) {
      if (out.length > 0) out.push({ type: 'break' });
      out.push(...line);
    }
    cell.children = out;
  });
}

function collectLines(node: RootContent, lines: PhrasingContent[][]): void {
  if (isPhrasing(node)) {
    if (lines.length === 0) lines.push([]);
    lines[lines.length - 1].push(node as PhrasingContent);
    return;
  }
  if (node.type === 'paragraph' || node.type === 'heading') {
    lines.push([...node.children]);
    return;
  }
  if ('children' in node && Array.isArray(node.children)) {
    for (const child of node.children as RootContent[]) collectLines(child, lines);
    return;
  }
  const text = toString(node);
  if (text.trim() !== '') lines.push([{ type: 'text', value: text }]);
}

const phrasingTypes = new Set(['text', 'emphasis', 'strong', 'delete', 'inlineCode', 'break', 'link', 'linkReference', 'image', 'imageReference', 'footnoteReference', 'html']);

function isPhrasing(node: RootContent): boolean {
  return phrasingTypes.has(node.type);
}

interface WordStyle {
  id: string;
  name: string;
  basedOn?: string;
  outlineLevel?: number;
}

/**
 * mammoth style-map lines for the headings of this document, read from word/styles.xml: every
 * paragraph style with an outline level (its own or inherited), and styles named like headings.
 */
export function headingStyleMap(stylesXml: string): string[] {
  const styles = new Map<string, WordStyle>();
  const blockPattern = /<(?:[\w.-]+:)?style\b([^>]*)>([\s\S]*?)<\/(?:[\w.-]+:)?style>/g;
  for (const match of stylesXml.matchAll(blockPattern)) {
    const attributes = attributesOf(match[1]);
    if (attributes.type !== 'paragraph' || !attributes.styleId) continue;
    const body = match[2];
    const name = elements(body, 'name')[0]?.val ?? attributes.styleId;
    const basedOn = elements(body, 'basedOn')[0]?.val;
    const outline = elements(body, 'outlineLvl')[0]?.val;
    styles.set(attributes.styleId, { id: attributes.styleId, name, basedOn, outlineLevel: outline === undefined ? undefined : Number(outline) });
  }

  const levelOf = (style: WordStyle, seen = new Set<string>()): number | undefined => {
    if (seen.has(style.id)) return undefined;
    seen.add(style.id);
    const named = /^heading\s*([1-9])$/i.exec(style.name.trim());
    if (named) return Number(named[1]);
    if (style.outlineLevel !== undefined && style.outlineLevel >= 0 && style.outlineLevel <= 8) return style.outlineLevel + 1;
    if (style.outlineLevel === 9) return undefined;
    const parent = style.basedOn ? styles.get(style.basedOn) : undefined;
    return parent ? levelOf(parent, seen) : undefined;
  };

  const lines: string[] = ["p[style-name^='toc'] => !", "p[style-name='Title'] => h1:fresh"];
  for (const style of styles.values()) {
    const name = style.name.trim();
    if (name.includes("'") || /^toc\b/i.test(name) || /^(sub)?title$/i.test(name)) continue;
    let level = levelOf(style);
    if (level === undefined && /heading|title/i.test(name) && !/subtitle|caption|table|footnote|endnote|header|footer|toc|index/i.test(name)) {
      const digit = /(\d)/.exec(name);
      level = digit ? Number(digit[1]) : 2;
    }
    if (level !== undefined) lines.push(`p[style-name='${name}'] => h${Math.min(Math.max(level, 1), 6)}:fresh`);
  }
  return lines;
}
