/**
 * Put what the body needs into the filled package: relationships (per part), pictures and their
 * content types, list instances in word/numbering.xml, footnotes in word/footnotes.xml (parts
 * created, related and typed when a template lacks them), and namespace declarations.
 */
import type { PackageAdditions } from './context.ts';
import { footnoteSeparators } from './footnotes.ts';
import { declarations, ensureNamespaces, mayNeedNamespaces, storyPrefixes } from './namespaces.ts';
import { WordPackage, contentTypes, relationshipTypes, relationshipsPartName } from './package.ts';
import { documentPart, footnotesPart, numberingPart } from './template-facts.ts';
import { attributes, startTags } from './xml.ts';

const xmlDeclaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const relationshipsNamespace = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Insert `content` just before the closing tag of the root element `root`. */
function insertBeforeClose(xml: string, root: string, content: string): string {
  const close = `</${root}>`;
  const at = xml.lastIndexOf(close);
  if (at >= 0) return xml.slice(0, at) + content + xml.slice(at);
  const selfClosing = new RegExp(`<${root}(\\s[^>]*)?/>`);
  if (selfClosing.test(xml)) return xml.replace(selfClosing, (tag) => `${tag.slice(0, -2)}>${content}${close}`);
  throw new Error(`no <${root}> element to add to`);
}

function addRelationship(pkg: WordPackage, part: string, type: string, target: string, external: boolean, id?: string): string {
  const name = relationshipsPartName(part);
  const rels = pkg.text(name) ?? `${xmlDeclaration}<Relationships xmlns="${relationshipsNamespace}"></Relationships>`;
  const taken = new Set(startTags(rels, 'Relationship').map((r) => r.Id));
  let chosen = id;
  if (chosen === undefined || taken.has(chosen)) {
    let n = 1;
    while (taken.has(`rIdDhrPart${n}`)) n += 1;
    chosen = `rIdDhrPart${n}`;
  }
  const relationship = `<Relationship${attributes({ Id: chosen, Type: type, Target: target, TargetMode: external ? 'External' : undefined })}/>`;
  pkg.setText(name, insertBeforeClose(rels, 'Relationships', relationship));
  return chosen;
}

function addOverride(pkg: WordPackage, partName: string, contentType: string): void {
  const types = pkg.text('[Content_Types].xml') ?? '';
  if (startTags(types, 'Override').some((o) => o.PartName === `/${partName}`)) return;
  pkg.setText('[Content_Types].xml', insertBeforeClose(types, 'Types', `<Override${attributes({ PartName: `/${partName}`, ContentType: contentType })}/>`));
}

function addDefault(pkg: WordPackage, extension: string, contentType: string): void {
  const types = pkg.text('[Content_Types].xml') ?? '';
  if (startTags(types, 'Default').some((d) => d.Extension.toLowerCase() === extension)) return;
  pkg.setText('[Content_Types].xml', insertBeforeClose(types, 'Types', `<Default${attributes({ Extension: extension, ContentType: contentType })}/>`));
}

/** Make sure the document has a part of this kind, creating, relating and typing it if not. */
function ensurePart(pkg: WordPackage, partName: string, root: string, initial: string, type: string, contentType: string): void {
  if (pkg.has(partName)) return;
  pkg.setText(partName, `${xmlDeclaration}<${root}${declarations(storyPrefixes)}>${initial}</${root}>`);
  addRelationship(pkg, documentPart, type, partName.slice('word/'.length), false);
  addOverride(pkg, partName, contentType);
}

export function applyAdditions(pkg: WordPackage, additions: PackageAdditions): void {
  const byPart = new Map<string, PackageAdditions['relationships']>();
  for (const r of additions.relationships) byPart.set(r.part, [...(byPart.get(r.part) ?? []), r]);

  if (additions.footnotes.length > 0) {
    ensurePart(pkg, footnotesPart, 'w:footnotes', footnoteSeparators, relationshipTypes.footnotes, contentTypes.footnotes);
    pkg.setText(footnotesPart, insertBeforeClose(pkg.text(footnotesPart)!, 'w:footnotes', additions.footnotes.join('')));
  }

  if (additions.abstractNumberings.length + additions.numberingInstances.length > 0) {
    ensurePart(pkg, numberingPart, 'w:numbering', '', relationshipTypes.numbering, contentTypes.numbering);
    let numbering = pkg.text(numberingPart)!;
    if (additions.abstractNumberings.length > 0) {
      // Abstract numberings come before every w:num.
      const firstInstance = /<w:num[\s>]|<w:numIdMacAtCleanup|<\/w:numbering>/.exec(numbering);
      const at = firstInstance ? firstInstance.index : numbering.length;
      numbering = numbering.slice(0, at) + additions.abstractNumberings.join('') + numbering.slice(at);
    }
    const cleanup = numbering.indexOf('<w:numIdMacAtCleanup');
    numbering =
      cleanup >= 0
        ? numbering.slice(0, cleanup) + additions.numberingInstances.join('') + numbering.slice(cleanup)
        : insertBeforeClose(numbering, 'w:numbering', additions.numberingInstances.join(''));
    pkg.setText(numberingPart, numbering);
  }

  for (const media of additions.media) {
    pkg.setBytes(media.path, media.bytes);
    addDefault(pkg, media.extension, media.extension === 'png' ? contentTypes.png : contentTypes.jpeg);
  }

  for (const [part, relationships] of byPart) {
    for (const r of relationships) {
      const id = addRelationship(pkg, part, r.type, r.target, r.external, r.id);
      if (id !== r.id) throw new Error(`relationship id ${r.id} of ${part} was already taken`);
    }
  }

  for (const name of pkg.names()) {
    if (!/^word\/(document|footnotes|header\d*|footer\d*)\.xml$/.test(name)) continue;
    // A part that cannot need a repair is not decoded (a large review's document is MBs).
    if (!mayNeedNamespaces(pkg.bytes(name)!)) continue;
    const xml = pkg.text(name)!;
    const repaired = ensureNamespaces(xml);
    if (repaired !== xml) pkg.setText(name, repaired);
  }
}
