/**
 * The stems an English inflection may come from: "repairs" → repair, "allocations" →
 * allocation, "ities" → ity, "briefed" → brief, "prioritised" → prioritise, "planned" → plan,
 * "training" → train, "reportedly" → reported. A stem is only a guess: the caller keeps it only
 * if its word list knows it. Stems are at least three letters long.
 */
export function inflectionStems(word: string): string[] {
  const out: string[] = [];
  const n = word.length;
  const add = (stem: string) => {
    if (stem.length >= 3) out.push(stem);
  };
  const last = word.charCodeAt(n - 1);
  if (last === 0x73 /* s */ && n > 3) {
    if (word.endsWith('ies')) add(`${word.slice(0, -3)}y`);
    if (word.endsWith('es')) add(word.slice(0, -2));
    if (!word.endsWith('ss')) add(word.slice(0, -1));
  } else if (last === 0x64 /* d */ && word.endsWith('ed') && n > 4) {
    if (word.endsWith('ied')) add(`${word.slice(0, -3)}y`);
    add(word.slice(0, -2));
    add(word.slice(0, -1));
    if (word.charCodeAt(n - 3) === word.charCodeAt(n - 4)) add(word.slice(0, -3));
  } else if (last === 0x67 /* g */ && word.endsWith('ing') && n > 5) {
    add(word.slice(0, -3));
    add(`${word.slice(0, -3)}e`);
    if (word.charCodeAt(n - 4) === word.charCodeAt(n - 5)) add(word.slice(0, -4));
  } else if (last === 0x79 /* y */ && word.endsWith('ly') && n > 4) {
    if (word.endsWith('ily')) add(`${word.slice(0, -3)}y`);
    if (word.endsWith('bly')) add(`${word.slice(0, -1)}e`);
    add(word.slice(0, -2));
  }
  return out;
}
