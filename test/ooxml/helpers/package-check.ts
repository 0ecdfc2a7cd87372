/**
 * Independent checks of an output package, read with fflate and a strict XML parser (saxes,
 * with namespaces), not with the code under test: every XML part well formed with every
 * prefix bound, every content-type override pointing at a part, every part with a content
 * type, every internal relationship target present, every r:id in a part defined in its
 * relationships.
 */
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

export function unzipParts(bytes: Uint8Array): Record<string, Uint8Array> {
  const files = unzipSync(bytes);
  for (const name of Object.keys(files)) if (name.endsWith('/')) delete files[name];
  return files;
}

/** A part as text: XML entities and character references decoded, a BOM dropped. */
export function partText(data: Uint8Array): string {
  const text = strFromU8(data).replace(/^\uFEFF/, '');
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()];
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** Every searchable form of a part: decoded XML, percent-decoded targets, or binary as Latin-1 and UTF-16. */
export function searchableText(name: string, data: Uint8Array): string {
  if (/\.(xml|rels|vml)$/i.test(name)) {
    const t = partText(data);
    let decoded = t;
    try {
      decoded = decodeURIComponent(t.replace(/%(?![0-9a-f]{2})/gi, '%25'));
    } catch {
      // keep as is
    }
    return `${t}\n${decoded}`;
  }
  return `${Buffer.from(data).toString('latin1')}\n${Buffer.from(data).toString('utf16le')}`;
}

export function checkXml(name: string, xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  let failure: Error | undefined;
  parser.on('error', (e) => {
    failure ??= new Error(`${name}: ${e.message}`);
  });
  parser.write(xml.replace(/^\uFEFF/, '')).close();
  if (failure) throw failure;
}

function resolve(source: string, target: string): string {
  const base = target.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const seg of decodeURIComponent(target).split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') base.pop();
    else base.push(seg);
  }
  return base.join('/');
}

/** Problems found; an empty list means the package is valid by these checks. */
export function packageProblems(bytes: Uint8Array): string[] {
  const problems: string[] = [];
  const files = unzipParts(bytes);
  const names = new Map(Object.keys(files).map((n) => [n.toLowerCase(), n]));
  const types = strFromU8(files['[Content_Types].xml'] ?? new Uint8Array());
  if (!types) problems.push('[Content_Types].xml is missing');
  const defaults = new Set([...types.matchAll(/<Default\b[^>]*Extension="([^"]+)"/g)].map((m) => m[1].toLowerCase()));
  const overrides = new Set<string>();
  for (const m of types.matchAll(/<Override\b[^>]*PartName="([^"]+)"/g)) {
    const part = m[1].replace(/^\//, '').toLowerCase();
    overrides.add(part);
    if (!names.has(part)) problems.push(`content type override for a missing part: ${m[1]}`);
  }
  for (const [name, data] of Object.entries(files)) {
    const lower = name.toLowerCase();
    if (lower !== '[content_types].xml' && !overrides.has(lower) && !defaults.has(lower.split('.').pop() ?? '')) problems.push(`no content type for ${name}`);
    if (/\.(xml|rels|vml)$/i.test(name)) {
      try {
        checkXml(name, strFromU8(data));
      } catch (e) {
        problems.push((e as Error).message);
      }
    }
    if (lower.endsWith('.rels')) {
      const source = name.replace(/(^|\/)_rels\/([^/]*)\.rels$/, '$1$2');
      const rels = strFromU8(data);
      const ids = new Set<string>();
      for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
        const tag = m[0];
        const id = /\bId="([^"]*)"/.exec(tag)?.[1] ?? '';
        if (ids.has(id)) problems.push(`${name}: relationship id ${id} appears twice`);
        ids.add(id);
        if (/TargetMode="External"/.test(tag)) continue;
        const target = /\bTarget="([^"]*)"/.exec(tag)?.[1] ?? '';
        if (!names.has(resolve(source, target).toLowerCase())) problems.push(`${name}: relationship ${id} points at a missing part ${target}`);
      }
      if (source && names.has(source.toLowerCase()) && /\.xml$/i.test(source)) {
        const xml = strFromU8(files[names.get(source.toLowerCase())!]);
        for (const m of xml.matchAll(/\br:(?:id|embed|link|pict|dm|lo|qs|cs|href)="([^"]*)"/g)) {
          if (m[1] && !ids.has(m[1])) problems.push(`${source}: r:id ${m[1]} has no relationship`);
        }
      }
    }
  }
  return problems;
}
