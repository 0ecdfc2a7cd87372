/** A temporary case folder for the command tests: case.yaml with the corpus key, and the corpus files. */
import { mkdtempSync, readdirSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { hostileDocx, hostileXlsx } from '../../fixtures/word-corpus.ts';

/** The corpus key as a case file: the same people, professionals (the author among them) and place as corpusKey. */
export function corpusCaseYaml(allow: string[] = []): string {
  return `reference: DHR 2017/01
csp: Safer Sheffield
caseLetter: X
review: DHR
area: Sheffield
death:
  date: 2017-03-20
people:
  - code: Adult X
    role: victim
    names: [Jane Smith]
    sex: female
  - code: Adult Y
    role: perpetrator
    names: [Robert Brown]
    sex: male
professionals:
  - code: HV1
    title: Health Visitor
    names: ["Siobhán O'Neill"]
  - code: IMR author 1
    title: IMR author
    names: [Michael Williamson]
places:
  - names: [Elm Street]
    replacement: the family home
anonymisation:
  allow: [${allow.map((a) => JSON.stringify(a)).join(', ')}]
`;
}

export interface Workspace {
  dir: string;
  caseFile: string;
  docx: string;
  xlsx: string;
  file(name: string): string;
  /** Files in a folder (none if it does not exist). */
  list(folder: string): string[];
}

/** The folders made by this test file, removed when its tests are done. */
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export async function workspace(allow: string[] = []): Promise<Workspace> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dhr-redact-'));
  made.push(dir);
  const caseFile = path.join(dir, 'case.yaml');
  writeFileSync(caseFile, corpusCaseYaml(allow));
  const docx = path.join(dir, 'report.docx');
  writeFileSync(docx, await hostileDocx());
  const xlsx = path.join(dir, 'chronology.xlsx');
  writeFileSync(xlsx, await hostileXlsx());
  return {
    dir,
    caseFile,
    docx,
    xlsx,
    file: (name) => path.join(dir, name),
    list: (folder) => (existsSync(folder) ? readdirSync(folder) : []),
  };
}
