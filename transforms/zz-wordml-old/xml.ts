/**
 * XML text for WordprocessingML: escaping, and removing the characters XML 1.0 cannot carry
 * (control characters, lone surrogates) so a stray byte in an IMR can never corrupt a package.
 */

const notXmlCharacter = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Drop characters that XML 1.0 does not allow. */
export function xmlSafe(text: string): string {
  return text.replace(notXmlCharacter, '');
}

/** Escape text for element content. */
export function escapeText(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escape text for an attribute value written in double quotes. */
export function escapeAttribute(text: string): string {
  return escapeText(text)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** Decode the five predefined entities and numeric character references. */
export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    switch (entity) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
    }
  });
}

/** `name="value"` pairs, escaped; undefined values are left out. */
export function attributes(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`)
    .join('');
}

/** The attributes of every start tag called `name` in `xml`, decoded. */
export function startTags(xml: string, name: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  const tag = new RegExp(`<${name.replace(/[.:]/g, '\\$&')}(?=[\\s/>])([^>]*)>`, 'g');
  for (const match of xml.matchAll(tag)) found.push(parseAttributes(match[1]));
  return found;
}

/** Parse `a="1" b='2'` into an object, decoding entities. */
export function parseAttributes(source: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const match of source.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    values[match[1]] = unescapeXml(match[2] ?? match[3] ?? '');
  }
  return values;
}

/** Every element `name` with its content (non-nested elements only, e.g. w:style, w:num). */
export function elements(xml: string, name: string): { attributes: Record<string, string>; content: string; xml: string }[] {
  const escaped = name.replace(/[.:]/g, '\\$&');
  const element = new RegExp(`<${escaped}(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</${escaped}>)`, 'g');
  return [...xml.matchAll(element)].map((match) => ({
    attributes: parseAttributes(match[1]),
    content: match[2] ?? '',
    xml: match[0],
  }));
}
