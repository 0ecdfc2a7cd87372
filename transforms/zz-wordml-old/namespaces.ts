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
  const used = new Set<string>();
  for (const match of xml.matchAll(/<\/?([A-Za-z][\w.-]*):[\w.-]+/g)) used.add(match[1]);
  for (const match of xml.matchAll(/\s([A-Za-z][\w.-]*):[\w.-]+\s*=/g)) used.add(match[1]);
  const root = /<(?!\?)(?!!)[A-Za-z][\w.:-]*(?=[\s/>])[^>]*>/.exec(xml);
  if (!root) return xml;
  const tag = root[0];
  const missing = [...used].filter(
    (prefix): prefix is Prefix => prefix in namespaces && !new RegExp(`xmlns:${prefix}\\s*=`).test(tag),
  );
  if (missing.length === 0) return xml;
  const closing = tag.endsWith('/>') ? '/>' : '>';
  const repaired = tag.slice(0, tag.length - closing.length) + declarations(missing) + closing;
  return xml.slice(0, root.index) + repaired + xml.slice(root.index + tag.length);
}
