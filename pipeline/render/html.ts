/**
 * Report model → one standalone HTML document (no external files, no script), via mdast → hast
 * (remark-rehype) → rehype-stringify. The same HTML is printed to PDF by pdf.ts.
 *
 * - title page, contents with anchors, sections as <section> with h1 (subsections h2, …);
 * - GFM tables, footnotes (numbered through the document, listed before the appendices);
 * - images with url "figure:ID" become the inline SVG of report.figures, with a caption;
 * - "[To be completed: …]" prompts are wrapped in <mark class="prompt">;
 * - the marking in a header and footer on screen (in print the PDF's running header and footer
 *   carry it on every page), the SIR watermark on every page;
 * - raw HTML in the content is shown as text, never passed through; links keep only safe URLs.
 */
import { readFileSync } from 'node:fs';
import type { Element, ElementContent, Properties, Root as HastRoot, RootContent as HastRootContent, Text as HastText } from 'hast';
import type { Heading, Image, Nodes as MdastNodes, Paragraph, PhrasingContent, Root as MdastRoot, RootContent, Table } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Figure, ReportDocument, ReportSection } from '../assemble/types.ts';
import { markingLine, markingText } from './marking.ts';

export interface HtmlOptions {
  /** Style sheet to inline instead of templates/print.css (a council's own). */
  css?: string;
  /** Heading of the contents list. */
  contentsTitle?: string;
}

/** The text of a prompt the chair still has to fill in. */
export const promptPattern = /\[To be completed:[^\]]*\]/g;

const printCssUrl = new URL('../../templates/print.css', import.meta.url);

/** The print style sheet shipped in templates/print.css. */
export function defaultCss(): string {
  return readFileSync(printCssUrl, 'utf8');
}

/* ------------------------------------------------------------------------------------------ */
/* hast helpers                                                                                */

function h(tagName: string, properties: Properties = {}, children: (ElementContent | string)[] = []): Element {
  return {
    type: 'element',
    tagName,
    properties,
    children: children.map((c) => (typeof c === 'string' ? ({ type: 'text', value: c } satisfies HastText) : c)),
  };
}

/* ------------------------------------------------------------------------------------------ */
/* Figures                                                                                     */

const safeSvgHref = /^(#|data:image\/(png|jpeg|gif);)/i;

/** Parse an SVG into hast and remove anything active: scripts, foreign objects, handlers, links out. */
function svgToHast(svg: string): ElementContent[] {
  const tree = unified().use(rehypeParse, { fragment: true }).parse(svg) as HastRoot;
  visit(tree, 'element', (node: Element, index, parent) => {
    const name = node.tagName.toLowerCase();
    if ((name === 'script' || name === 'foreignobject' || name === 'iframe') && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    for (const key of Object.keys(node.properties)) {
      const value = node.properties[key];
      if (/^on/i.test(key)) delete node.properties[key];
      else if (/href$/i.test(key) && !(typeof value === 'string' && safeSvgHref.test(value))) delete node.properties[key];
    }
    return undefined;
  });
  return tree.children.filter((c): c is ElementContent => c.type === 'element');
}

function isFigureImage(node: PhrasingContent): node is Image {
  return node.type === 'image' && node.url.startsWith('figure:');
}

/* ------------------------------------------------------------------------------------------ */
/* mdast preparation                                                                           */

interface Context {
  figures: Map<string, Figure>;
  figureNumbers: Map<string, number>;
}

function missingFigure(id: string): RootContent {
  return { type: 'text', value: `[To be completed: figure "${id}" was not found]` } as unknown as RootContent;
}

function figureNode(id: string, context: Context): RootContent {
  const figure = context.figures.get(id);
  if (!figure) return { type: 'paragraph', children: [missingFigure(id) as PhrasingContent] };
  let number = context.figureNumbers.get(id);
  if (number === undefined) {
    number = context.figureNumbers.size + 1;
    context.figureNumbers.set(id, number);
  }
  const caption = h('figcaption', {}, [`Figure ${number}: ${figure.title}`]);
  return {
    type: 'dhrFigure',
    data: { hName: 'figure', hProperties: { id: `figure-${id}`, className: ['figure'] }, hChildren: [...svgToHast(figure.svg), caption] },
  } as unknown as RootContent;
}

/** The most body rows a table of the HTML holds; a longer one continues in the next (see prepareContent). */
export const tableRowsAtOnce = 500;

/** Whether a parent may hold a paragraph (raw HTML there becomes a paragraph of text; elsewhere, text). */
function holdsBlocks(parent: { type: string }): boolean {
  return parent.type !== 'paragraph' && parent.type !== 'heading' && parent.type !== 'tableCell' && !('url' in parent) && parent.type !== 'emphasis' && parent.type !== 'strong' && parent.type !== 'delete';
}

/**
 * Copy the content, shift its headings below the section heading, turn figure images into
 * figures, and raw HTML into plain text. One walk that copies as it goes (the input is never
 * changed): a deep clone and a visit per change cost several times more on a large report.
 */
function prepareContent(content: RootContent[], level: number, context: Context): RootContent[] {
  let minDepth = 7;
  const depths = (nodes: readonly MdastNodes[]): void => {
    for (const node of nodes) {
      if (node.type === 'heading' && node.depth < minDepth) minDepth = node.depth;
      if ('children' in node) depths(node.children);
    }
  };
  depths(content);
  const shift = minDepth === 7 ? 0 : level + 1 - minDepth;

  const copy = (nodes: readonly MdastNodes[], parent: { type: string }): MdastNodes[] => {
    const out: MdastNodes[] = [];
    for (const node of nodes) {
      if (node.type === 'html') {
        const asText = { type: 'text', value: node.value } as const;
        out.push(holdsBlocks(parent) ? { type: 'paragraph', children: [asText] } : asText);
        continue;
      }
      if (node.type === 'paragraph') {
        const meaningful = node.children.filter((c) => !((c.type === 'text' || c.type === 'html') && c.value.trim() === ''));
        if (meaningful.length > 0 && meaningful.every(isFigureImage)) {
          for (const image of meaningful) out.push(figureNode((image as Image).url.slice('figure:'.length), context) as MdastNodes);
          continue;
        }
      }
      if (node.type === 'image' && node.url.startsWith('figure:')) {
        const id = node.url.slice('figure:'.length);
        const figure = context.figures.get(id);
        out.push(
          figure
            ? ({ type: 'dhrInlineFigure', data: { hName: 'span', hProperties: { className: ['figure-inline'] }, hChildren: svgToHast(figure.svg) } } as unknown as MdastNodes)
            : (missingFigure(id) as MdastNodes),
        );
        continue;
      }
      if (node.type === 'table' && node.children.length > 1 + tableRowsAtOnce) {
        // A very long table (a large review's merged chronology) is cut into tables of
        // tableRowsAtOnce rows, each with the heading row: Chromium cannot print one table of
        // tens of thousands of rows ("Printing failed"), and the headings repeat as on paper.
        const [head, ...rows] = copy(node.children, node) as Table['children'];
        for (let at = 0; at < rows.length; at += tableRowsAtOnce) {
          const part: Table = { ...node, children: [head, ...rows.slice(at, at + tableRowsAtOnce)] };
          if (at > 0) part.data = { ...node.data, hProperties: { className: ['continued'] } };
          out.push(part);
        }
        continue;
      }
      const next = { ...node } as MdastNodes;
      if (next.type === 'heading') next.depth = Math.min(6, Math.max(1, next.depth + shift)) as Heading['depth'];
      if ('children' in node) (next as { children: MdastNodes[] }).children = copy(node.children, node);
      out.push(next);
    }
    return out;
  };
  return copy(content, { type: 'root' }) as RootContent[];
}

/* ------------------------------------------------------------------------------------------ */
/* Document                                                                                    */

interface Placed {
  section: ReportSection;
  id: string;
  level: number;
  children: Placed[];
}

function placeSections(sections: ReportSection[], level: number, used: Set<string>): Placed[] {
  return sections.map((section) => {
    const base = (section.id || section.title).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'section';
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return { section, id, level, children: placeSections(section.subsections ?? [], level + 1, used) };
  });
}

/** Sections as one mdast tree: each a custom node that becomes <section id class>. */
function sectionNode(placed: Placed, context: Context): RootContent {
  const heading: Heading = { type: 'heading', depth: Math.min(6, placed.level) as Heading['depth'], children: [{ type: 'text', value: placed.section.title }] };
  const className = ['section', ...(placed.section.appendix ? ['appendix'] : [])];
  return {
    type: 'dhrSection',
    data: { hName: 'section', hProperties: { id: placed.id, className } },
    children: [
      { ...heading, data: { hProperties: { id: `${placed.id}-heading` } } },
      ...prepareContent(placed.section.content, placed.level, context),
      ...placed.children.map((child) => sectionNode(child, context)),
    ],
  } as unknown as RootContent;
}

function contentsList(placed: Placed[]): Element {
  return h(
    'ol',
    {},
    placed.map((p) =>
      h('li', { className: p.section.appendix ? ['appendix'] : [] }, [
        h('a', { href: `#${p.id}` }, [p.section.title]),
        ...(p.children.length ? [contentsList(p.children)] : []),
      ]),
    ),
  );
}

function titlePage(report: ReportDocument): Element {
  const t = report.titlePage;
  const rows: [string, string | undefined][] = [
    ['Community Safety Partnership', t.csp],
    [t.reviewType === 'Serious Incident Review' ? 'Victim' : 'Victim’s pseudonym and month and year of death', `${t.subject}, ${t.deathMonth}`],
    ['Author', t.author ?? '[To be completed: the author’s name]'],
    ['Date the review report was completed', t.completed ?? '[To be completed: the date the report was completed]'],
  ];
  return h('section', { className: ['title-page'], ariaLabel: 'Title page' }, [
    h('p', { className: ['title-review-type'] }, [t.reviewType]),
    h('p', { className: ['title-document'] }, [t.documentTitle]),
    h('p', { className: ['title-subject'] }, [t.subject]),
    h(
      'dl',
      { className: ['title-details'] },
      rows.flatMap(([term, value]) => [h('dt', {}, [term]), h('dd', {}, [value ?? ''])]),
    ),
  ]);
}

/** Every element of a tree, parents before children. */
function eachElement(node: HastRoot | Element, visitor: (element: Element) => void): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    visitor(child);
    eachElement(child, visitor);
  }
}

const promptStart = '[To be completed:';
const skipPromptsIn = new Set(['style', 'title', 'script', 'mark', 'svg', 'text']);

/** Wrap every "[To be completed: …]" in <mark class="prompt">. */
function markPrompts(tree: HastRoot | Element): void {
  const pattern = new RegExp(promptPattern.source, 'g');
  const walk = (parent: HastRoot | Element): void => {
    // Text right inside these is left alone (their descendants are still looked at, as before).
    const skipText = parent.type === 'element' && skipPromptsIn.has(parent.tagName);
    const children = parent.children as ElementContent[];
    for (let index = 0; index < children.length; index++) {
      const node = children[index];
      if (node.type === 'element') {
        walk(node);
        continue;
      }
      if (skipText || node.type !== 'text' || !node.value.includes(promptStart)) continue;
      const pieces: ElementContent[] = [];
      let last = 0;
      for (const match of node.value.matchAll(pattern)) {
        const at = match.index ?? 0;
        if (at > last) pieces.push({ type: 'text', value: node.value.slice(last, at) });
        pieces.push(h('mark', { className: ['prompt'] }, [match[0]]));
        last = at + match[0].length;
      }
      if (pieces.length === 0) continue;
      if (last < node.value.length) pieces.push({ type: 'text', value: node.value.slice(last) });
      children.splice(index, 1, ...pieces);
      index += pieces.length - 1;
    }
  };
  walk(tree);
}

const safeHref = /^(https?:|mailto:|#|data:image\/(png|jpeg|gif|webp);)|^[^:]*$/i;

/** Links and images may only point at ordinary places: no javascript:, no vbscript: … */
function sanitiseUrls(tree: HastRoot): void {
  eachElement(tree, (node) => {
    for (const key of ['href', 'src']) {
      const value = node.properties[key];
      if (typeof value === 'string' && !safeHref.test(value.trim())) delete node.properties[key];
    }
    for (const key of Object.keys(node.properties)) if (/^on/i.test(key)) delete node.properties[key];
  });
}

/** Nodes whose HTML depends on other sections: notes (numbered through the document) and references to definitions. */
const crossReferences = new Set(['footnoteReference', 'footnoteDefinition', 'definition', 'linkReference', 'imageReference']);

function hasCrossReferences(sections: readonly ReportSection[]): boolean {
  const walk = (nodes: readonly MdastNodes[]): boolean => nodes.some((n) => crossReferences.has(n.type) || ('children' in n && walk(n.children)));
  return sections.some((s) => walk(s.content) || hasCrossReferences(s.subsections ?? []));
}

const sectionsMarker = 'dhr-kit: the sections go here';

function toHast(mdast: MdastRoot): HastRoot {
  return unified()
    .use(remarkRehype, {
      footnoteLabel: 'Notes',
      footnoteLabelTagName: 'h1',
      footnoteLabelProperties: { className: ['notes-heading'] },
      footnoteBackLabel: (referenceIndex: number, rereferenceIndex: number) =>
        `Back to reference ${referenceIndex + 1}${rereferenceIndex > 1 ? `-${rereferenceIndex}` : ''}`,
    })
    .runSync(mdast) as HastRoot;
}

/**
 * Render a report as a complete, standalone HTML document.
 *
 * A report whose sections do not refer to one another (no notes, no reference-style links) is
 * converted and written one top-level section at a time, each section's syntax tree let go
 * once it is text: a large review's report is tens of MB of HTML, and its whole tree at once
 * several times that. The result is the same as converting the whole tree (sections are
 * written alone exactly as within the document); a report with notes is converted whole, so
 * the notes are numbered through it and listed before the appendices.
 */
export function renderReportHtml(report: ReportDocument, options: HtmlOptions = {}): string {
  const context: Context = { figures: new Map(report.figures.map((f) => [f.id, f])), figureNumbers: new Map() };
  const placed = placeSections(report.sections, 1, new Set(['contents', 'title-page', 'footnote-label']));
  const stringify = unified().use(rehypeStringify, { allowDangerousHtml: false });
  const bySection = !hasCrossReferences(report.sections);

  let sectionNodes: ElementContent[];
  if (bySection) {
    // Written after the page around them; a comment marks their place.
    sectionNodes = [{ type: 'comment', value: sectionsMarker }];
  } else {
    const body = toHast({ type: 'root', children: placed.map((p) => sectionNode(p, context)) });
    // The notes go before the appendices.
    const notesIndex = body.children.findIndex((c) => c.type === 'element' && c.tagName === 'section' && 'dataFootnotes' in c.properties);
    if (notesIndex >= 0) {
      const [notes] = body.children.splice(notesIndex, 1);
      const firstAppendix = body.children.findIndex(
        (c) => c.type === 'element' && c.tagName === 'section' && Array.isArray(c.properties.className) && c.properties.className.includes('appendix'),
      );
      body.children.splice(firstAppendix >= 0 ? firstAppendix : body.children.length, 0, notes);
    }
    sectionNodes = body.children.filter((c) => c.type !== 'doctype') as ElementContent[];
  }

  const marking = markingText(report.marking);
  const line = markingLine(report.marking);
  const t = report.titlePage;
  const title = `${t.reviewType}: ${t.documentTitle} (${t.subject})`;
  const contentsTitle = options.contentsTitle ?? 'Contents';

  const bodyChildren: ElementContent[] = [];
  if (marking.watermark) bodyChildren.push(h('div', { className: ['watermark'], ariaHidden: 'true' }, [marking.watermark]));
  if (line) bodyChildren.push(h('header', { className: ['marking', 'marking-header'] }, [line]));
  bodyChildren.push(
    h('main', {}, [
      titlePage(report),
      h('nav', { id: 'contents', className: ['contents'], ariaLabelledBy: ['contents-heading'] }, [
        h('h1', { id: 'contents-heading' }, [contentsTitle]),
        contentsList(placed),
      ]),
      ...sectionNodes,
    ]),
  );
  if (line) bodyChildren.push(h('footer', { className: ['marking', 'marking-footer'] }, [line]));

  const html = h('html', { lang: 'en-GB' }, [
    h('head', {}, [
      h('meta', { charSet: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('meta', { name: 'generator', content: 'dhr-kit' }),
      ...(line ? [h('meta', { name: 'classification', content: line })] : []),
      h('title', {}, [title]),
      h('style', {}, [(options.css ?? defaultCss()).replace(/<\/(style)/gi, '<\\/$1')]),
    ]),
    h('body', { className: [report.kind, line ? 'draft' : 'publication'] }, bodyChildren),
  ]);
  const root: HastRoot = { type: 'root', children: [{ type: 'doctype' }, html as HastRootContent] };
  markPrompts(root);
  sanitiseUrls(root);
  const page = stringify.stringify(root) + '\n';
  if (!bySection) return page;

  const sections = placed.map((p) => {
    const tree = toHast({ type: 'root', children: [sectionNode(p, context)] });
    markPrompts(tree);
    sanitiseUrls(tree);
    return stringify.stringify(tree);
  });
  const at = page.indexOf(`<!--${sectionsMarker}-->`);
  return page.slice(0, at) + sections.join('\n') + page.slice(at + sectionsMarker.length + 7);
}
