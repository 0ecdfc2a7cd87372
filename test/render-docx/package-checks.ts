/**
 * Opening a rendered .docx the way a reader would, and the checks that catch what makes Word
 * refuse a file: XML that is not well formed, relationships to parts that do not exist, parts
 * without a content type, references to styles, numbering, footnotes or relationships that are
 * not there, duplicate picture ids, unbalanced fields and bookmarks.
 */
import { DOMParser } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import mammoth from 'mammoth';

export type Parts = Map<string, Uint8Array>;

const decoder = new TextDecoder();

export function openDocx(bytes: Uint8Array): Parts {
  const entries = unzipSync(bytes);
  return new Map(Object.entries(entries).filter(([name]) => !name.endsWith('/')));
}

export function partText(parts: Parts, name: string): string {
  const data = parts.get(name);
  if (!data) throw new Error(`the package has no part ${name}`);
  return decoder.decode(data);
}

export async function toHtml(bytes: Uint8Array): Promise<string> {
  const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  return result.value;
}

export async function toText(bytes: Uint8Array): Promise<string> {
  const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return result.value;
}

/** Problems parsing `xml` with a real XML parser, plus characters XML 1.0 forbids. */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const forbidden = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.exec(xml);
  if (forbidden) problems.push(`character U+${forbidden[0].codePointAt(0)!.toString(16).padStart(4, '0')} is not allowed in XML`);
  try {
    new DOMParser({
      onError: (level: string, message: string) => {
        problems.push(`${level}: ${message.split('\n')[0]}`);
      },
    }).parseFromString(xml, 'application/xml');
  } catch (error) {
    if (problems.length === 0) problems.push(String(error));
  }
  return problems;
}

function attributeValues(xml: string, element: string, attribute: string): string[] {
  const pattern = new RegExp(`<${element}\\b[^>]*?\\s${attribute}="([^"]*)"`, 'g');
  return [...xml.matchAll(pattern)].map((m) => m[1]);
}

function relsName(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function resolve(source: string, target: string): string {
  const base = source.includes('/') ? source.slice(0, source.lastIndexOf('/')).split('/') : [];
  for (const piece of target.split('/')) {
    if (piece === '..') base.pop();
    else if (piece !== '.' && piece !== '') base.push(piece);
  }
  return base.join('/');
}

/** Every integrity problem of the package, as plain sentences; empty when all is well. */
export function packageProblems(parts: Parts): string[] {
  const problems: string[] = [];
  const xmlParts = [...parts.keys()].filter((name) => /\.(xml|rels)$/.test(name));
  for (const name of xmlParts) for (const p of xmlProblems(partText(parts, name))) problems.push(`${name}: ${p}`);

  // Content types: every part has one.
  const types = partText(parts, '[Content_Types].xml');
  const defaults = new Set(attributeValues(types, 'Default', 'Extension').map((e) => e.toLowerCase()));
  const overrides = new Set(attributeValues(types, 'Override', 'PartName'));
  for (const name of parts.keys()) {
    if (name === '[Content_Types].xml') continue;
    const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    if (!overrides.has(`/${name}`) && !defaults.has(extension)) problems.push(`${name} has no content type`);
  }
  for (const override of overrides) if (!parts.has(override.slice(1))) problems.push(`content type for a missing part ${override}`);

  // Relationships: every internal target exists; every r:id used in a part is declared.
  for (const rels of [...parts.keys()].filter((name) => name.endsWith('.rels'))) {
    const source = rels === '_rels/.rels' ? '' : rels.replace(/_rels\/([^/]+)\.rels$/, '$1');
    const xml = partText(parts, rels);
    const ids = new Set<string>();
    for (const match of xml.matchAll(/<Relationship\b([^>]*)\/>/g)) {
      const id = /\sId="([^"]*)"/.exec(match[1])?.[1] ?? '';
      const target = /\sTarget="([^"]*)"/.exec(match[1])?.[1] ?? '';
      if (ids.has(id)) problems.push(`${rels}: relationship id ${id} is used twice`);
      ids.add(id);
      if (/TargetMode="External"/.test(match[1])) continue;
      const resolved = source === '' ? target.replace(/^\//, '') : resolve(source, target);
      if (!parts.has(resolved)) problems.push(`${rels}: ${id} points to ${resolved}, which does not exist`);
    }
    if (source && parts.has(source)) {
      const sourceXml = partText(parts, source);
      for (const used of sourceXml.matchAll(/\sr:(?:id|embed|link)="([^"]*)"/g)) {
        if (!ids.has(used[1])) problems.push(`${source} uses relationship ${used[1]}, which ${rels} does not declare`);
      }
    }
  }
  for (const name of xmlParts.filter((n) => n.startsWith('word/') && !n.includes('_rels'))) {
    const xml = partText(parts, name);
    if (/\sr:(?:id|embed)="/.test(xml) && !parts.has(relsName(name))) problems.push(`${name} uses relationships but has no ${relsName(name)}`);
  }

  const document = partText(parts, 'word/document.xml');
  const stories = [...parts.keys()].filter((n) => /^word\/(document|footnotes|header\d*|footer\d*)\.xml$/.test(n));

  // Styles, numbering and footnotes that the text refers to exist.
  const styles = parts.has('word/styles.xml') ? partText(parts, 'word/styles.xml') : '';
  const styleIds = new Set(attributeValues(styles, 'w:style', 'w:styleId'));
  const numbering = parts.has('word/numbering.xml') ? partText(parts, 'word/numbering.xml') : '';
  const numIds = new Set(attributeValues(numbering, 'w:num', 'w:numId'));
  const abstractIds = new Set(attributeValues(numbering, 'w:abstractNum', 'w:abstractNumId'));
  for (const id of attributeValues(numbering, 'w:abstractNumId', 'w:val')) {
    if (!abstractIds.has(id)) problems.push(`numbering instance uses abstract numbering ${id}, which does not exist`);
  }
  const footnotes = parts.has('word/footnotes.xml') ? partText(parts, 'word/footnotes.xml') : '';
  const footnoteIds = new Set(attributeValues(footnotes, 'w:footnote', 'w:id'));
  const drawingIds: string[] = [];
  for (const name of stories) {
    const xml = partText(parts, name);
    for (const element of ['w:pStyle', 'w:rStyle', 'w:tblStyle']) {
      for (const id of attributeValues(xml, element, 'w:val')) if (!styleIds.has(id)) problems.push(`${name}: style ${id} is not defined`);
    }
    for (const id of attributeValues(xml, 'w:numId', 'w:val')) if (id !== '0' && !numIds.has(id)) problems.push(`${name}: list ${id} is not defined`);
    for (const id of attributeValues(xml, 'w:footnoteReference', 'w:id')) {
      if (!footnoteIds.has(id)) problems.push(`${name}: footnote ${id} is not in word/footnotes.xml`);
    }
    drawingIds.push(...attributeValues(xml, 'wp:docPr', 'id'));
    const begins = (xml.match(/w:fldCharType="begin"/g) ?? []).length;
    const separates = (xml.match(/w:fldCharType="separate"/g) ?? []).length;
    const ends = (xml.match(/w:fldCharType="end"/g) ?? []).length;
    if (begins !== ends || separates > begins) problems.push(`${name}: fields are unbalanced (${begins} begin, ${separates} separate, ${ends} end)`);
    const starts = attributeValues(xml, 'w:bookmarkStart', 'w:id').sort();
    const closes = attributeValues(xml, 'w:bookmarkEnd', 'w:id').sort();
    if (starts.join() !== closes.join()) problems.push(`${name}: bookmarks are unbalanced`);
    if (new Set(starts).size !== starts.length) problems.push(`${name}: a bookmark id is used twice`);
    for (const cell of xml.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)) {
      if (!/<\/w:p>$|<w:p\/>$/.test(cell[1])) problems.push(`${name}: a table cell does not end with a paragraph`);
    }
  }
  if (new Set(drawingIds).size !== drawingIds.length) problems.push(`picture ids are not unique: ${drawingIds.join(', ')}`);
  const names = attributeValues(document, 'w:bookmarkStart', 'w:name');
  if (new Set(names).size !== names.length) problems.push('a bookmark name is used twice');
  for (const anchor of attributeValues(document, 'w:hyperlink', 'w:anchor')) {
    if (!names.includes(anchor)) problems.push(`a link points to bookmark ${anchor}, which does not exist`);
  }
  return problems;
}
