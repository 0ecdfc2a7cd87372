/**
 * The XML namespaces WordprocessingML parts use, and a repair that declares on a part's root
 * element any of them that its content uses but a template (perhaps re-saved by another
 * program) does not declare.
 */

export const namespaces = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  pic: 'http://schemas.openxmlformats.org/drawingml/2006/picture',
  v: 'urn:schemas-microsoft-com:vml',
  o: 'urn:schemas-microsoft-com:office:office',
  w10: 'urn:schemas-microsoft-com:office:word',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  w14: 'http://schemas.microsoft.com/office/word/2010/wordml',
} as const;

export type Prefix = keyof typeof namespaces;

/** ` xmlns:w="…" xmlns:r="…"` for the prefixes given. */
export function declarations(prefixes: readonly Prefix[]): string {
  return prefixes.map((prefix) => ` xmlns:${prefix}="${namespaces[prefix]}"`).join('');
}

/** The prefixes every WordprocessingML story part (document, header, footer, footnotes) declares. */
export const storyPrefixes: readonly Prefix[] = ['w', 'r', 'wp', 'a', 'pic', 'v', 'o', 'w10'];

/**
 * Add to the root element of `xml` a declaration for every known prefix the part uses and does
 * not declare. Unknown prefixes are left alone (the XML is then not well formed, and the tests
 * that parse every part say so).
 */
export function ensureNamespaces(xml: string): string {
  const root = /<(?!\?)(?!!)[A-Za-z][\w.:-]*(?=[\s/>])[^>]*>/.exec(xml);
  if (!root) return xml;
  const tag = root[0];
  // Only the known prefixes the root does not declare are looked for in the rest (usually none:
  // a part written by dhr-kit or by Word declares them all), each found by its first use — in an
  // element's name, else in an attribute's — which is also the order they are declared in.
  const undeclared = (Object.keys(namespaces) as Prefix[]).filter((prefix) => !new RegExp(`xmlns:${prefix}\\s*=`).test(tag));
  if (undeclared.length === 0) return xml;
  const used = undeclared
    .map((prefix) => ({ prefix, inElement: xml.search(new RegExp(`</?${prefix}:[\\w.-]`)), inAttribute: xml.search(new RegExp(`\\s${prefix}:[\\w.-]+\\s*=`)) }))
    .filter((u) => u.inElement >= 0 || u.inAttribute >= 0)
    .sort((a, b) => (a.inElement >= 0 ? a.inElement : Infinity) - (b.inElement >= 0 ? b.inElement : Infinity) || a.inAttribute - b.inAttribute);
  if (used.length === 0) return xml;
  const missing = used.map((u) => u.prefix);
  const closing = tag.endsWith('/>') ? '/>' : '>';
  const repaired = tag.slice(0, tag.length - closing.length) + declarations(missing) + closing;
  return xml.slice(0, root.index) + repaired + xml.slice(root.index + tag.length);
}

/**
 * False when a part (as UTF-8 bytes) certainly needs no repair: its root element declares every
 * known prefix, or the prefixes it does not declare appear nowhere in it ("w14:" is not in the
 * bytes). Only the start is decoded; a prefix is looked for as bytes.
 */
export function mayNeedNamespaces(data: Uint8Array): boolean {
  const head = new TextDecoder().decode(data.subarray(0, 65536));
  const root = /<(?!\?)(?!!)[A-Za-z][\w.:-]*(?=[\s/>])[^>]*>/.exec(head);
  if (!root) return true;
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return (Object.keys(namespaces) as Prefix[]).some((prefix) => !new RegExp(`xmlns:${prefix}\\s*=`).test(root[0]) && bytes.includes(`${prefix}:`));
}
