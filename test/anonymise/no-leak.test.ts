/**
 * The engine's purpose, tested broadly: every name of the key, written in every style the
 * engine promises to handle and set in many contexts, is gone after anonymisation. The check
 * is independent of the engine: a plain search of the output for each real name word.
 */
import { describe, expect, it } from 'vitest';
import { createAnonymiser } from '../../pipeline/anonymise/engine.ts';
import { testCase } from './fixtures.ts';
import { seededRandom as random } from '../helpers/random.ts';


const people: [first: string, last: string][] = [
  ['Jane', 'Smith'],
  ['Mark', 'Davies'],
  ['Zoë', "O'Brien-Whitaker"],
  ['Siobhán', 'Kelly'],
  ['Chloe', 'Dunn'],
  ['Gareth', 'Jones'],
  ['Raj', 'Patel'],
  ['Helen', 'Price'],
];

const styles: ((first: string, last: string) => string)[] = [
  (f, l) => `${f} ${l}`,
  (f) => f,
  (_f, l) => `Mrs ${l}`,
  (_f, l) => `Mr. ${l}`,
  (_f, l) => `Dr ${l}`,
  (f, l) => `${f} ${l}`.toUpperCase(),
  (f, l) => `${f}\u00A0${l}`,
  (f, l) => `${f}\n${l}`,
  (f) => `${f}'s`,
  (f) => `${f}’s`,
  (_f, l) => `${l}'`,
  (f, l) => `${l}, ${f}`,
  (f, l) => `${f[0]}. ${l}`,
  (f, l) => `${f} ${l}`.normalize('NFD').replace(/\p{M}/gu, ''),
  (f, l) => `${f} ${l.replace(/'/g, '’')}`,
  (f, l) => `${f} ${l.replace(/'/g, '&apos;')}`,
];

const contexts: ((name: string) => string)[] = [
  (n) => `${n} attended the appointment.`,
  (n) => `The GP saw ${n} on Monday.`,
  (n) => `(${n})`,
  (n) => `“${n}”, she said.`,
  (n) => `- ${n} was referred to MARAC`,
  (n) => `| 14/03/2017 | ${n} | Police |`,
  (n) => `Contact with ${n}; no further action.`,
  (n) => `${n}: DASH completed.`,
];

/** Real name words that must not survive (three letters or more; ordinary words are exempt in lower case only). */
const realWords = [...new Set(people.flatMap(([f, l]) => `${f} ${l}`.split(/[\s'’-]+/)).filter((w) => w.length >= 3))];
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/&apos;/g, "'");

describe('no key name survives, in any style or context', () => {
  const anonymiser = createAnonymiser(testCase(), { nlp: false });
  const rand = random(20170314);
  const cases: string[] = [];
  for (const [first, last] of people) for (const style of styles) for (const context of contexts) cases.push(context(style(first, last)));
  // And a few hundred sentences that mix several names.
  for (let k = 0; k < 300; k++) {
    const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
    cases.push([0, 1, 2].map(() => pick(contexts)(pick(styles)(...pick(people)))).join(' '));
  }

  it(`removes every real name from ${people.length * styles.length * contexts.length + 300} texts`, () => {
    const survivors: string[] = [];
    for (const text of cases) {
      const out = fold(anonymiser.apply(text).text);
      for (const word of realWords) {
        if (new RegExp(`(?<![\\p{L}])${fold(word)}(?![\\p{L}])`, 'iu').test(out)) survivors.push(`${word} in ${JSON.stringify(out)}`);
      }
      expect(anonymiser.leaks(anonymiser.apply(text).text)).toEqual([]);
    }
    expect(survivors).toEqual([]);
  });
});
