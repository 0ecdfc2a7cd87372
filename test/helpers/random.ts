/**
 * A small deterministic random generator (mulberry32): the same seed gives the same numbers on
 * every machine, so generated cases and failures can be reproduced. Used by the tests and by the
 * benchmark's large case (bench/large-case.ts); it imports nothing.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
