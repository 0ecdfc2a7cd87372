/**
 * mdast block content → WordprocessingML paragraphs and tables: headings (offset by the section
 * level), paragraphs, figures with captions, nested lists (a numbering instance per list),
 * GFM tables (Table Grid, bold header row repeated on every page), block quotes, code blocks and
 * thematic breaks.
 */
import type { Blockquote, Code, Image, ImageReference, List, Nodes, Paragraph, PhrasingContent, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { headingParagraph } from './headings.ts';
import { htmlText, picture, pictureRun, pictureSource, renderInline, textWithPrompts } from './inline.ts';
import { listIndent } from './numbering.ts';
import type { ParagraphProperties } from './properties.ts';
import { complexField, paragraph, textRun } from './runs.ts';
import { normaliseIdentifier, type Scope } from './scope.ts';
import { styleIds } from './styles.ts';

export interface BlockOptions {
  /** Style of plain paragraphs (Normal when absent): Quote in a block quote, Footnote Text in a footnote. */
  paragraphStyle?: string;
  /** Left indent of plain paragraphs, in twips (block quotes inside block quotes, list continuations). */
  indent?: number;
  /** Runs put at the start of the first paragraph (a footnote's own number). */
  firstParagraphPrefix?: string;
}

export function renderBlocks(nodes: RootContent[], scope: Scope, options: BlockOptions = {}): string {
  let prefix = options.firstParagraphPrefix;
  let xml = '';
  for (const node of nodes) {
    if (prefix !== undefined) {
      if (node.type === 'paragraph') {
        xml += plainParagraph(node, scope, options, prefix);
        prefix = undefined;
        continue;
      }
      if (!isSilent(node)) {
        xml += paragraph(paragraphProperties(options), prefix);
        prefix = undefined;
      }
    }
    xml += renderBlock(node, scope, options);
  }
  if (prefix !== undefined) xml += paragraph(paragraphProperties(options), prefix);
  return xml;
}

/** Nodes that write nothing where they stand. */
function isSilent(node: RootContent): boolean {
  return node.type === 'definition' || node.type === 'footnoteDefinition' || node.type === 'yaml';
}

function paragraphProperties(options: BlockOptions): ParagraphProperties {
  return {
    style: options.paragraphStyle,
    indent: options.indent !== undefined ? { left: options.indent } : undefined,
  };
}

function renderBlock(node: RootContent, scope: Scope, options: BlockOptions): string {
  switch (node.type) {
    case 'paragraph':
      return figureParagraph(node, scope) ?? plainParagraph(node, scope, options);
    case 'heading':
      // A footnote cannot hold a heading Word would list in the contents: a bold line instead.
      if (scope.inFootnote) return paragraph(paragraphProperties(options), renderInline(node.children, scope, { bold: true }));
      return headingParagraph(scope.context, node.depth + scope.headingOffset, toString(node), renderInline(node.children, scope));
    case 'list':
      return renderList(node, scope, 0, options);
    case 'table':
      return renderTable(node, scope);
    case 'blockquote':
      return renderBlockquote(node, scope, options);
    case 'code':
      return renderCode(node);
    case 'thematicBreak':
      return paragraph({ borderBottom: { value: 'single', size: 6, space: 1, color: 'auto' } }, '');
    case 'html': {
      const text = htmlText(node.value).replace(/^\s+|\s+$/g, '');
      return text === '' ? '' : paragraph(paragraphProperties(options), textWithPrompts(text, {}));
    }
    case 'definition':
    case 'footnoteDefinition':
    case 'yaml':
      return '';
    default: {
      const text = toString(node as Nodes);
      return text.trim() === '' ? '' : paragraph(paragraphProperties(options), textWithPrompts(text, {}));
    }
  }
}

function plainParagraph(node: Paragraph, scope: Scope, options: BlockOptions, prefix = ''): string {
  return paragraph(paragraphProperties(options), prefix + renderInline(node.children, scope));
}

/**
 * A paragraph that holds nothing but one picture is a figure: the picture centred in the Figure
 * style, then a caption "Figure n: title" numbered by a SEQ field so Word can list figures.
 */
function figureParagraph(node: Paragraph, scope: Scope): string | undefined {
  const content = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  if (content.length !== 1) return undefined;
  const only = content[0];
  let image: Pick<Image, 'url' | 'alt' | 'title'> | undefined;
  if (only.type === 'image') image = only;
  if (only.type === 'imageReference') image = resolveImageReference(only, scope);
  if (!image) return undefined;
  const source = pictureSource(image, scope);
  if (!source) return paragraph({ style: styleIds.figure }, picture(image, image.url, scope));
  const caption = source.title ?? image.title ?? image.alt ?? '';
  const number = scope.context.nextFigureNumber();
  const captionRuns =
    textRun('Figure ') + complexField('SEQ Figure \\* ARABIC', String(number)) + (caption ? textWithPrompts(`: ${caption}`, {}) : '');
  return (
    paragraph({ style: styleIds.figure, keepNext: true }, pictureRun(source, scope)) +
    paragraph({ style: styleIds.caption }, captionRuns)
  );
}

function resolveImageReference(node: ImageReference, scope: Scope): Pick<Image, 'url' | 'alt' | 'title'> | undefined {
  const definition = scope.definitions.get(normaliseIdentifier(node.identifier));
  return definition ? { url: definition.url, alt: node.alt, title: definition.title } : undefined;
}

/**
 * A list: each item's first paragraph carries the number (List Number / List Bullet style with
 * this list's numbering instance at its nesting level); further paragraphs are indented to
 * match; nested lists go one level deeper.
 */
function renderList(list: List, scope: Scope, level: number, options: BlockOptions): string {
  const depth = Math.min(level, 8);
  const kind = list.ordered ? 'ordered' : 'bullet';
  const numId = scope.context.listInstance(kind, depth, list.ordered ? (list.start ?? 1) : undefined);
  const style = list.ordered ? styleIds.listNumber : styleIds.listBullet;
  const numbered: ParagraphProperties = { style, numbering: { level: depth, id: numId } };
  const continuation: BlockOptions = { paragraphStyle: styleIds.listContinue, indent: listIndent(depth).left };
  let xml = '';
  for (const item of list.children) {
    const checkbox = item.checked === true ? '\u2612 ' : item.checked === false ? '\u2610 ' : '';
    const [first, ...rest] = item.children;
    if (first?.type === 'paragraph') {
      xml += paragraph(numbered, textRun(checkbox) + renderInline(first.children as PhrasingContent[], scope));
    } else {
      xml += paragraph(numbered, textRun(checkbox));
      if (first) xml += renderListChild(first, scope, depth, continuation, options);
    }
    for (const child of rest) xml += renderListChild(child, scope, depth, continuation, options);
  }
  return xml;
}

function renderListChild(node: RootContent, scope: Scope, depth: number, continuation: BlockOptions, options: BlockOptions): string {
  if (node.type === 'list') return renderList(node, scope, depth + 1, options);
  return renderBlock(node, scope, continuation);
}

/** A GFM table in the Table Grid style, its first row a bold header repeated on every page. */
function renderTable(table: Table, scope: Scope): string {
  const columns = Math.max(1, ...table.children.map((row) => row.children.length));
  const width = Math.floor(scope.context.facts.textWidth / columns);
  const grid = Array.from({ length: columns }, () => `<w:gridCol w:w="${width}"/>`).join('');
  const rows = table.children
    .map((row, index) => {
      const header = index === 0;
      const cells = Array.from({ length: columns }, (_, column) => {
        const cell = row.children[column];
        const align = table.align?.[column];
        const runs = cell ? renderInline(cell.children, scope, header ? { bold: true } : {}) : '';
        const properties: ParagraphProperties = {
          style: styleIds.tableText,
          align: align === 'center' ? 'center' : align === 'right' ? 'right' : undefined,
        };
        return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${paragraph(properties, runs)}</w:tc>`;
      }).join('');
      const rowProperties = header ? '<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' : '<w:trPr><w:cantSplit/></w:trPr>';
      return `<w:tr>${rowProperties}${cells}</w:tr>`;
    })
    .join('');
  const properties =
    `<w:tblPr><w:tblStyle w:val="${styleIds.tableGrid}"/><w:tblW w:w="5000" w:type="pct"/>` +
    '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>';
  // An empty paragraph after the table keeps two tables in a row from merging into one.
  return `<w:tbl>${properties}<w:tblGrid>${grid}</w:tblGrid>${rows}</w:tbl>${paragraph({ style: styleIds.tableText }, '')}`;
}

function renderBlockquote(node: Blockquote, scope: Scope, options: BlockOptions): string {
  const nested = options.paragraphStyle === styleIds.quote;
  return renderBlocks(node.children, scope, {
    paragraphStyle: styleIds.quote,
    indent: nested ? (options.indent ?? 720) + 720 : options.indent,
  });
}

/** A code block: one Code paragraph per line, spaces and tabs kept. */
function renderCode(node: Code): string {
  return node.value
    .split(/\r?\n/)
    .map((line) => paragraph({ style: styleIds.code }, textRun(line)))
    .join('');
}
