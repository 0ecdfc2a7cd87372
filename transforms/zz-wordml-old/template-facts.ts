/**
 * What the renderer must know about a template before it adds anything to it: the ids already
 * taken (relationships, numbering, footnotes, pictures, bookmarks), which abstract numberings
 * the List Bullet and List Number styles use, and the width of the text on the page. A council
 * may re-save a template in Word, so nothing here assumes the ids our own build script chose.
 */
import { WordPackage, relationshipsPartName } from './package.ts';
import { styleIds } from './styles.ts';
import { elements, startTags } from './xml.ts';

export interface TemplateFacts {
  /** Relationship ids already used by each part that may gain relationships. */
  relationshipIds: Map<string, Set<string>>;
  /** Part names in the package. */
  partNames: Set<string>;
  numbering: {
    /** The abstract numbering of the List Bullet style, if the template links one. */
    bulletAbstractNumId?: number;
    /** The abstract numbering of the List Number style, if the template links one. */
    orderedAbstractNumId?: number;
    nextNumId: number;
    nextAbstractNumId: number;
  };
  nextFootnoteId: number;
  nextDrawingId: number;
  nextBookmarkId: number;
  /** Width and height of the text area of the (last) section, in twips. */
  textWidth: number;
  textHeight: number;
}

export const documentPart = 'word/document.xml';
export const footnotesPart = 'word/footnotes.xml';
export const numberingPart = 'word/numbering.xml';

function maxOf(values: number[], floor: number): number {
  return values.filter((v) => Number.isFinite(v)).reduce((a, b) => Math.max(a, b), floor);
}

function relationshipIdsOf(pkg: WordPackage, part: string): Set<string> {
  const rels = pkg.text(relationshipsPartName(part)) ?? '';
  return new Set(startTags(rels, 'Relationship').map((r) => r.Id));
}

/** The numId that the paragraph style `styleId` sets, if any. */
function styleNumId(styles: string, styleId: string): number | undefined {
  const style = elements(styles, 'w:style').find((s) => s.attributes['w:styleId'] === styleId);
  if (!style) return undefined;
  const numId = startTags(style.content, 'w:numId')[0]?.['w:val'];
  return numId === undefined ? undefined : Number(numId);
}

export function readTemplateFacts(pkg: WordPackage): TemplateFacts {
  const document = pkg.text(documentPart) ?? '';
  const styles = pkg.text('word/styles.xml') ?? '';
  const numbering = pkg.text(numberingPart) ?? '';
  const footnotes = pkg.text(footnotesPart) ?? '';

  const instances = new Map<number, number>();
  for (const num of elements(numbering, 'w:num')) {
    const abstract = startTags(num.content, 'w:abstractNumId')[0]?.['w:val'];
    if (abstract !== undefined) instances.set(Number(num.attributes['w:numId']), Number(abstract));
  }
  const abstractIds = startTags(numbering, 'w:abstractNum').map((a) => Number(a['w:abstractNumId']));
  const abstractOf = (styleId: string): number | undefined => {
    const numId = styleNumId(styles, styleId);
    return numId === undefined ? undefined : instances.get(numId);
  };

  const storyParts = pkg.names().filter((name) => /^word\/[^/]+\.xml$/.test(name));
  const drawingIds: number[] = [];
  const bookmarkIds: number[] = [];
  for (const name of storyParts) {
    const xml = pkg.text(name) ?? '';
    for (const pr of startTags(xml, 'wp:docPr')) drawingIds.push(Number(pr.id));
    for (const mark of startTags(xml, 'w:bookmarkStart')) bookmarkIds.push(Number(mark['w:id']));
  }

  const sectPr = [...document.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)].pop()?.[0] ?? '';
  const size = startTags(sectPr, 'w:pgSz')[0] ?? {};
  const margins = startTags(sectPr, 'w:pgMar')[0] ?? {};
  const number = (value: string | undefined, fallback: number): number =>
    value !== undefined && Number.isFinite(Number(value)) ? Number(value) : fallback;
  const pageWidth = number(size['w:w'], 11906);
  const pageHeight = number(size['w:h'], 16838);
  const textWidth = pageWidth - number(margins['w:left'], 1440) - number(margins['w:right'], 1440);
  const textHeight = pageHeight - number(margins['w:top'], 1440) - number(margins['w:bottom'], 1440);

  return {
    relationshipIds: new Map([
      [documentPart, relationshipIdsOf(pkg, documentPart)],
      [footnotesPart, relationshipIdsOf(pkg, footnotesPart)],
    ]),
    partNames: new Set(pkg.names()),
    numbering: {
      bulletAbstractNumId: abstractOf(styleIds.listBullet),
      orderedAbstractNumId: abstractOf(styleIds.listNumber),
      nextNumId: maxOf([...instances.keys()], 0) + 1,
      nextAbstractNumId: maxOf(abstractIds, -1) + 1,
    },
    nextFootnoteId: maxOf(startTags(footnotes, 'w:footnote').map((f) => Number(f['w:id'])), 0) + 1,
    nextDrawingId: maxOf(drawingIds, 0) + 1,
    nextBookmarkId: maxOf(bookmarkIds, 0) + 1,
    textWidth: textWidth > 1440 ? textWidth : 9026,
    textHeight: textHeight > 1440 ? textHeight : 13958,
  };
}
