/**
 * Copies of syntax-tree nodes (mdast), for a report that changes them (headings shifted,
 * names replaced) without touching the IMR they came from.
 *
 * A tree is plain data — objects, arrays, strings, numbers — so it is copied field by field:
 * for the thousands of small copies a large review's reports make, several times faster than
 * structuredClone, which serialises each. Anything that is not plain data (a picture's bytes, a
 * date, a map) is copied by structuredClone.
 */
export function cloneTree<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = cloneTree(value[i]);
    return out as T;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = cloneTree((value as Record<string, unknown>)[key]);
  return out as T;
}
