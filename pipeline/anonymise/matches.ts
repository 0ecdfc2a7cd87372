/**
 * Every match of a global expression, without String.prototype.matchAll: matchAll copies the
 * expression on each call, which costs more than the search itself on the short texts
 * (paragraphs, cells) the engine is mostly given.
 */
export function* matches(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text)) !== null) {
    if (m[0].length === 0) pattern.lastIndex++;
    yield m;
  }
}
