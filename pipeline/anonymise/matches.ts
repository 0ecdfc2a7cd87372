/**
 * Every match of a global expression, without String.prototype.matchAll: matchAll copies the
 * expression on each call, which costs more than the search itself on the short texts
 * (paragraphs, cells) the engine is mostly given. A list, not a generator: most texts have
 * none or a few, and stepping a generator costs more than the list.
 */
export function matches(pattern: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text)) !== null) {
    if (m[0].length === 0) pattern.lastIndex++;
    out.push(m);
  }
  return out;
}
