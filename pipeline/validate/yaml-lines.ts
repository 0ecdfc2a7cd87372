/**
 * Lines of case.yaml fields, so a problem can say "case.yaml, line 42, field
 * people[0].dataForm.ethnicity". A field that is not written yet points at the nearest
 * enclosing one (where it should be added).
 */
import { LineCounter, parseDocument, isMap, isSeq, type Node as YamlNode } from 'yaml';

export function fieldLineFinder(source: string): (field: string) => number | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) return () => undefined;
  return (field: string) => {
    const path = parseField(field);
    if (!path) return undefined;
    let node = doc.contents as YamlNode | null;
    let last: YamlNode | undefined;
    for (const key of path) {
      let next: YamlNode | undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => ((p.key as { value?: unknown } | null)?.value ?? p.key) === key);
        next = pair ? ((pair.value as YamlNode | null) ?? (pair.key as YamlNode)) : undefined;
      } else if (isSeq(node) && typeof key === 'number') {
        next = node.items[key] as YamlNode | undefined;
      }
      if (!next) break;
      last = next;
      node = next;
    }
    const offset = last?.range?.[0];
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };
}

/** "people[0].dataForm.ethnicity" → ["people", 0, "dataForm", "ethnicity"]; undefined for prose. */
function parseField(field: string): (string | number)[] | undefined {
  if (!/^[A-Za-z][\w]*(?:\[\d+\]|\.[A-Za-z][\w]*)*$/.test(field)) return undefined;
  const out: (string | number)[] = [];
  for (const m of field.matchAll(/([A-Za-z]\w*)|\[(\d+)\]/g)) out.push(m[1] !== undefined ? m[1] : Number(m[2]));
  return out;
}
