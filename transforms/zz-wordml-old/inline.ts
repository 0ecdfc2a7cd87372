/**
 * mdast phrasing content → WordprocessingML runs: emphasis, strong, strike-through, inline code,
 * line breaks, hyperlinks (real w:hyperlink elements with relationships), pictures, footnote
 * references, and the highlighted "[To be completed: …]" prompts.
 */
import type { Image, ImageReference, LinkReference, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { DhrError } from '../../pipeline/errors.ts';
import { relationshipTypes } from './package.ts';
import { fitPicture, inlinePictureRun, pictureSize } from './pictures.ts';
import type { RunProperties } from './properties.ts';
import { textRun } from './runs.ts';
import { normaliseIdentifier, type Scope } from './scope.ts';
import { styleIds } from './styles.ts';
import { escapeAttribute } from './xml.ts';

/** "[To be completed: …]" anywhere in text (also "[To be completed]"). */
export const promptPattern = /\[To be completed\b[^\]]*\]/g;

/** Text as runs, with every prompt in it in the prompt character style. */
export function textWithPrompts(text: string, properties: RunProperties): string {
  let runs = '';
  let last = 0;
  for (const match of text.matchAll(promptPattern)) {
    runs += textRun(text.slice(last, match.index), properties);
    runs += textRun(match[0], { ...properties, style: styleIds.prompt });
    last = match.index + match[0].length;
  }
  return runs + textRun(text.slice(last), properties);
}

export function renderInline(nodes: PhrasingContent[], scope: Scope, properties: RunProperties = {}): string {
  return nodes.map((node) => renderPhrasing(node, scope, properties)).join('');
}

function renderPhrasing(node: PhrasingContent, scope: Scope, properties: RunProperties): string {
  switch (node.type) {
    case 'text':
      // A line feed inside mdast text is a soft line break: a space when printed.
      return textWithPrompts(node.value.replace(/[ \t]*\r?\n[ \t]*/g, ' '), properties);
    case 'emphasis':
      return renderInline(node.children, scope, { ...properties, italic: true });
    case 'strong':
      return renderInline(node.children, scope, { ...properties, bold: true });
    case 'delete':
      return renderInline(node.children, scope, { ...properties, strike: true });
    case 'inlineCode':
      return textRun(node.value.replace(/\r?\n/g, ' '), { ...properties, style: styleIds.codeCharacter });
    case 'break':
      return '<w:r><w:br/></w:r>';
    case 'link':
      return hyperlink(node.url, node.children, scope, properties);
    case 'linkReference':
      return linkReference(node, scope, properties);
    case 'image':
      return picture(node, node.url, scope);
    case 'imageReference':
      return imageReference(node, scope, properties);
    case 'footnoteReference':
      return footnoteReference(node.identifier, node.label ?? node.identifier, scope, properties);
    case 'html':
      return inlineHtml(node.value, properties);
    default:
      return textWithPrompts(toString(node), properties);
  }
}

/** Formatting tags of inline HTML; any other "<…>" is shown as written (e.g. "<unclear>"). */
const htmlTags = new Set(
  'a abbr b big br cite code del dfn em font i ins kbd mark q s samp small span strike strong sub sup time tt u var wbr'.split(' '),
);

/** The text of inline HTML: <br> is a line feed, formatting tags are dropped, anything else is kept. */
export function htmlText(value: string): string {
  return value.replace(/<!--[\s\S]*?-->/g, '').replace(/<\/?([A-Za-z][\w-]*)\b[^>]*>/g, (tag, name: string) => {
    const lower = name.toLowerCase();
    if (lower === 'br') return '\n';
    return htmlTags.has(lower) ? '' : tag;
  });
}

function inlineHtml(value: string, properties: RunProperties): string {
  return textWithPrompts(htmlText(value), properties);
}

/**
 * A hyperlink. "#id" goes to the heading of the section with that id (a bookmark); any other
 * address is an external relationship of the part being written.
 */
function hyperlink(url: string, label: PhrasingContent[], scope: Scope, properties: RunProperties): string {
  const children: PhrasingContent[] = label.length > 0 ? label : [{ type: 'text', value: url }];
  const runs = renderInline(children, scope, { ...properties, style: properties.style ?? styleIds.hyperlink });
  if (url.startsWith('#')) {
    const bookmark = scope.anchors.get(decodeURIComponent(url.slice(1)));
    if (!bookmark) return renderInline(children, scope, properties);
    return `<w:hyperlink w:anchor="${escapeAttribute(bookmark)}" w:history="1">${runs}</w:hyperlink>`;
  }
  if (url.trim() === '') return renderInline(children, scope, properties);
  const id = scope.context.relationship(scope.part, relationshipTypes.hyperlink, url, true);
  return `<w:hyperlink r:id="${id}" w:history="1">${runs}</w:hyperlink>`;
}

function linkReference(node: LinkReference, scope: Scope, properties: RunProperties): string {
  const definition = scope.definitions.get(normaliseIdentifier(node.identifier));
  if (!definition) return textWithPrompts(`[${toString(node)}]`, properties);
  return hyperlink(definition.url, node.children, scope, properties);
}

function imageReference(node: ImageReference, scope: Scope, properties: RunProperties): string {
  const definition = scope.definitions.get(normaliseIdentifier(node.identifier));
  if (!definition) return textWithPrompts(`[${node.alt ?? node.identifier}]`, properties);
  return picture({ url: definition.url, alt: node.alt, title: definition.title }, definition.url, scope);
}

function footnoteReference(identifier: string, label: string, scope: Scope, properties: RunProperties): string {
  const key = normaliseIdentifier(identifier);
  if (scope.inFootnote || !scope.footnoteDefinitions.has(key)) return textRun(`[^${label}]`, properties);
  const id = scope.context.requestFootnote(key, scope);
  return `<w:r><w:rPr><w:rStyle w:val="${styleIds.footnoteReference}"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;
}

export interface PictureSource {
  key: string;
  name: string;
  bytes: Uint8Array;
  description: string;
  title?: string;
  /** Size to show, in pixels at 96 dpi; the picture's own size when absent. */
  width?: number;
  height?: number;
}

/** "figure:ID" → the report's figure; "data:image/png;base64,…" → that picture. */
export function pictureSource(image: Pick<Image, 'url' | 'alt' | 'title'>, scope: Scope): PictureSource | undefined {
  if (image.url.startsWith('figure:')) {
    const id = image.url.slice('figure:'.length);
    const figure = scope.context.figure(id, scope.where);
    if (!figure.png) {
      throw new DhrError('unsupported-format', `figure "${id}" has no PNG picture, which Word needs`, { field: scope.where });
    }
    return {
      key: image.url,
      name: `figure-${id}`,
      bytes: figure.png,
      description: figure.alt || image.alt || figure.title,
      title: figure.title,
      width: figure.width || undefined,
      height: figure.height || undefined,
    };
  }
  const data = /^data:image\/(png|jpe?g);base64,([A-Za-z0-9+/=\s]+)$/i.exec(image.url);
  if (data) {
    return {
      key: image.url,
      name: 'image',
      bytes: new Uint8Array(Buffer.from(data[2], 'base64')),
      description: image.alt ?? '',
      title: image.title ?? undefined,
    };
  }
  return undefined;
}

/** The run of an inline picture; an address Word cannot embed becomes a link labelled with the alt text. */
export function picture(image: Pick<Image, 'url' | 'alt' | 'title'>, url: string, scope: Scope): string {
  const source = pictureSource(image, scope);
  if (!source) {
    const label: PhrasingContent[] = [{ type: 'text', value: `[Picture: ${image.alt || url}]` }];
    return hyperlink(url, label, scope, {});
  }
  return pictureRun(source, scope);
}

export function pictureRun(source: PictureSource, scope: Scope): string {
  const found = pictureSize(source.bytes);
  if (!found) {
    throw new DhrError('unsupported-format', `the picture "${source.name}" is neither a PNG nor a JPEG`, { field: scope.where });
  }
  const size = source.width && source.height ? { width: source.width, height: source.height } : found.size;
  const { textWidth, textHeight } = scope.context.facts;
  const { cx, cy } = fitPicture(size, textWidth, Math.round(textHeight * 0.8));
  const relationshipId = scope.context.picture(scope.part, source.key, source.name, source.bytes, found.extension);
  const drawingId = scope.context.drawingId();
  return inlinePictureRun({
    relationshipId,
    drawingId,
    name: `Picture ${drawingId}`,
    description: source.description,
    title: source.title,
    cx,
    cy,
  });
}
