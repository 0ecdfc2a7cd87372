/**
 * A broken, incomplete or hostile case.yaml, given to every command that reads it: exit 2, one
 * line per problem naming the line (and the field, or the column of a YAML mistake), a
 * did-you-mean for a misspelt field, nothing written, nothing changed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { seededBytes } from './helpers/bad-files.ts';
import { expectRefused, fingerprint, sampleDir, scratchCase, TODAY, type Scratch } from './helpers/workspace.ts';

const original = readFileSync(`${sampleDir}/case.yaml`, 'utf8');

/** The 1-based line of the first line of case.yaml that contains `text`. */
function lineOf(source: string, text: string): number {
  const index = source.split('\n').findIndex((l) => l.includes(text));
  if (index < 0) throw new Error(`case.yaml has no line with ${text}`);
  return index + 1;
}

/** Change one line of the sample's case.yaml (the text must be there exactly once). */
function edit(from: string, to: string, source = original): string {
  expect(source.split(from).length - 1, `"${from}" in case.yaml`).toBe(1);
  return source.replace(from, to);
}

interface Broken {
  name: string;
  yaml: () => string | Uint8Array;
  /** The lines expected on stderr, in order, after "dhr: …case.yaml, ". */
  lines: RegExp[];
  /** What every line names (default: case.yaml and a place in it). */
  names?: string;
}

const broken: Broken[] = [
  {
    name: 'a bracket never closed',
    yaml: () => edit('names: [Zoë Louise Ashworth, Zoë Ashworth, Zoë, Zo, Zoë Kershaw]', 'names: [Zoë Louise Ashworth, Zoë Ashworth'),
    lines: [new RegExp(`line ${lineOf(original, 'names: [Zoë Louise Ashworth') + 1}, column \\d+: this is not valid YAML: .*not closed`)],
  },
  {
    name: 'a tab used for indenting',
    yaml: () => edit('  place: the family home\n', '\tplace: the family home\n'),
    lines: [new RegExp(`line ${lineOf(original, '  place: the family home')}, column \\d+: this is not valid YAML: .*indent with spaces, not tabs`)],
  },
  {
    name: 'a field written twice',
    yaml: () => edit('caseLetter: X\n', 'caseLetter: X\ncaseLetter: Y\n'),
    lines: [/line \d+, column \d+: this is not valid YAML: .*(unique|twice)/],
  },
  {
    name: 'a required field missing',
    yaml: () => edit('reference: SSCP-DHR-2017-03\n', ''),
    lines: [/line \d+, field reference: the field "reference" is required/],
  },
  {
    name: 'a misspelt field (unknown, with a did-you-mean)',
    yaml: () => edit('caseLetter: X\n', 'caseLeter: X\n'),
    lines: [new RegExp(`line ${lineOf(original, 'caseLetter: X')}, field caseLeter: unknown field "caseLeter" — did you mean "caseLetter"\\?`)],
  },
  {
    name: 'a misspelt field inside a person',
    yaml: () => edit('    pseudonym: Ellie\n', '    psuedonym: Ellie\n'),
    lines: [new RegExp(`line ${lineOf(original, 'pseudonym: Ellie')}, field people\\[0\\]\\.psuedonym: unknown field "psuedonym" — did you mean "pseudonym"\\?`)],
  },
  {
    name: 'an unknown field with nothing like it',
    yaml: () => edit('caseLetter: X\n', 'caseLetter: X\nfavouriteColour: blue\n'),
    lines: [new RegExp(`line ${lineOf(original, 'caseLetter: X') + 1}, field favouriteColour: unknown field "favouriteColour".*check its spelling, or remove it`)],
  },
  {
    name: 'a word where a number belongs',
    yaml: () => edit('    sex: female\n    age: 34\n    dateOfBirth: 1982-08-17', '    sex: female\n    age: thirty-four\n    dateOfBirth: 1982-08-17'),
    lines: [new RegExp(`line ${lineOf(original, '    age: 34')}, field people\\[0\\]\\.age: should be a number, not the text "thirty-four"`)],
  },
  {
    name: 'a date that does not exist',
    yaml: () => edit('  date: 2017-04-22\n  place: the family home', '  date: 2017-02-30\n  place: the family home'),
    lines: [new RegExp(`line ${lineOf(original, '  date: 2017-04-22')}, field death\\.date: this date does not exist`)],
  },
  {
    name: 'three mistakes at once (one line each)',
    yaml: () => edit('    sex: female\n    age: 34\n    dateOfBirth: 1982-08-17', '    sex: female\n    age: thirty-four\n    dateOfBirth: 1982-08-17', edit('caseLetter: X\n', 'caseLeter: X\n', edit('review: DHR\n', 'review: SCR\n'))),
    lines: [/field review: must be one of: DHR, SIR/, /field people\[0\]\.age: should be a number/, /field caseLeter: unknown field "caseLeter" — did you mean "caseLetter"\?/],
  },
  { name: 'an empty file', yaml: () => '', lines: [/line 1: case\.yaml must be a list of fields.*empty or not a mapping/] },
  { name: 'a list instead of fields', yaml: () => '- reference\n- people\n', lines: [/line 1: .*empty or not a mapping/] },
  {
    name: 'a "billion laughs" of aliases',
    yaml: () =>
      ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefg'[i]}`).join(', ')}]`)].join('\n') + '\n',
    lines: [/repeats aliases \(\*name\) so many times that reading it would exhaust memory/],
    // No one line is at fault: the file is named.
    names: 'case.yaml: ',
  },
  { name: 'nesting thousands deep', yaml: () => '['.repeat(20_000) + ']'.repeat(20_000), lines: [/this is not valid YAML/] },
];

function commands(s: Scratch): [string, string[]][] {
  return [
    ['status', ['status', s.caseDir]],
    ['check', ['check', s.caseDir, '--today', TODAY]],
    ['check (one IMR)', ['check', s.inCase('imrs/police.docx'), '--case', s.caseFile, '--today', TODAY]],
    ['build', ['build', s.caseDir, '--no-pdf', '--today', TODAY]],
    ['publish', ['publish', s.caseDir, '--no-pdf']],
    ['redact', ['redact', s.inCase('imrs/police.docx'), '--case', s.caseFile, '--out', s.file('redacted', 'police.docx')]],
    ['scan', ['scan', s.inCase('imrs/police.docx'), '--case', s.caseFile]],
  ];
}

describe('a broken case.yaml', () => {
  const scratches: Scratch[] = [];
  afterAll(() => scratches.forEach((s) => s.remove()));

  for (const b of broken) {
    it(`${b.name}: every command names the line and field, one line per problem, and writes nothing`, async () => {
      const s = scratchCase();
      scratches.push(s);
      writeFileSync(s.caseFile, b.yaml());
      const before = fingerprint(s.root);
      for (const [name, args] of commands(s)) {
        const r = await runCli(...args);
        expectRefused(r, { says: b.lines, lines: b.lines.length, names: b.names ?? 'case.yaml, ' });
        const lines = r.stderr.trim().split('\n');
        b.lines.forEach((pattern, i) => expect(lines[i], `${name}, line ${i + 1}`).toMatch(pattern));
        expect(fingerprint(s.root), `${name} wrote or changed something`).toEqual(before);
      }
    });
  }

  it('random bytes: refused, each line naming case.yaml, nothing written', async () => {
    const s = scratchCase();
    scratches.push(s);
    writeFileSync(s.caseFile, seededBytes(3000, 99));
    const before = fingerprint(s.root);
    for (const [name, args] of commands(s)) {
      const r = await runCli(...args);
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).not.toMatch(/\n\s{4}at |unexpected error/);
      for (const line of r.stderr.trim().split('\n')) expect(line, name).toMatch(/^dhr: .*case\.yaml, line \d+/);
      expect(fingerprint(s.root), name).toEqual(before);
    }
  });
});
