/**
 * Fuzzing the readers with mutated copies of the sample case's own files: every IMR (.docx),
 * every chronology (.xlsx), case.yaml and a CSV chronology made from the police one. Byte flips,
 * truncation, damage inside the zip (broken XML, wrong content types, missing parts, XML nested
 * deep enough to overflow a recursive parser, entity definitions), random YAML edits.
 *
 * A fixed seed, a fixed number of cases per reader (150), and each case run in a separate
 * process with a time limit: every case must be read or refused with a DhrError. Any other
 * exception, or a hang, fails the test and names the seed, the case and the mutation, so it can
 * be replayed.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { FuzzOutcome, FuzzRequest, Reader } from './helpers/fuzz-child.ts';
import { repoRoot, sampleDir } from './helpers/workspace.ts';

/**
 * To replay one case: DHR_FUZZ_CASE=70 npx vitest run test/hardening/fuzz.test.ts -t readImr (the
 * cases before it are still generated, so it is the same case); add DHR_FUZZ_DUMP=FOLDER to keep
 * the mutated file.
 */
const only = process.env.DHR_FUZZ_CASE === undefined ? undefined : Number(process.env.DHR_FUZZ_CASE);

/** How long one case may take before it counts as a hang (generous: the machine is shared). */
const CASE_LIMIT_MS = 30_000;
/** Fixed for the test suite; DHR_FUZZ_CASES and DHR_FUZZ_SEED_OFFSET explore further by hand. */
const CASES = Number(process.env.DHR_FUZZ_CASES ?? 150);
const SEED_OFFSET = Number(process.env.DHR_FUZZ_SEED_OFFSET ?? 0);

// ── A seeded generator ────────────────────────────────────────────────────────────────────────

function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { int, pick: <T>(list: readonly T[]): T => list[int(list.length)] };
}
type Random = ReturnType<typeof generator>;

// ── Mutations ─────────────────────────────────────────────────────────────────────────────────

interface Mutant {
  bytes: Uint8Array;
  /** What was done, for the failure message. */
  how: string;
}

function flipBytes(bytes: Uint8Array, r: Random): Mutant {
  const out = new Uint8Array(bytes);
  const n = 1 + r.int(12);
  for (let i = 0; i < n; i++) out[r.int(out.length)] = r.int(256);
  return { bytes: out, how: `${n} bytes changed` };
}

function truncate(bytes: Uint8Array, r: Random): Mutant {
  const at = r.int(bytes.length);
  return { bytes: bytes.slice(0, at), how: `cut at byte ${at} of ${bytes.length}` };
}

const nasty = ['<', '>', '&', '"', "'", '/', '=', ':', ';', ' ', '\u0000', '\uFFFD', '\uD800', ']]>', '<!--', '&#0;', '&#xFFFFFFFF;', '&unknown;', '\t', '\n'];

function mutateText(text: string, r: Random): { text: string; how: string } {
  const at = r.int(text.length + 1);
  switch (r.int(7)) {
    case 0:
      return { text: text.slice(0, at), how: `text cut at ${at}` };
    case 1: {
      const n = r.int(400);
      return { text: text.slice(0, at) + text.slice(at, at + n) + text.slice(at), how: `${n} characters repeated at ${at}` };
    }
    case 2: {
      let out = text;
      const n = 1 + r.int(8);
      for (let i = 0; i < n; i++) {
        const p = r.int(out.length + 1);
        out = out.slice(0, p) + r.pick(nasty) + out.slice(p + 1);
      }
      return { text: out, how: `${n} characters replaced by markup` };
    }
    case 3: {
      const n = r.int(600);
      return { text: text.slice(0, at) + text.slice(at + n), how: `${n} characters deleted at ${at}` };
    }
    case 4: {
      // Swap two tags' names, so elements close in the wrong order.
      const tags = [...text.matchAll(/<\/?([\w:.-]+)/g)];
      if (tags.length < 2) return { text: text.slice(0, at), how: `text cut at ${at}` };
      const a = r.pick(tags);
      return { text: text.slice(0, a.index!) + text.slice(a.index!).replace(a[1], r.pick(tags)[1]), how: `tag ${a[1]} renamed` };
    }
    case 5: {
      // An attribute value made huge or strange.
      const attrs = [...text.matchAll(/(\w+)="([^"]*)"/g)];
      if (attrs.length === 0) return { text: text + r.pick(nasty), how: 'markup appended' };
      const a = r.pick(attrs);
      const value = r.pick(['', '-1', '99999999999999999999', 'NaN', '../../../../etc/passwd', 'x'.repeat(100_000), '&amp;&lt;', 'r:id']);
      return { text: text.slice(0, a.index!) + `${a[1]}="${value}"` + text.slice(a.index! + a[0].length), how: `attribute ${a[1]} set to "${value.slice(0, 20)}"` };
    }
    default: {
      // A whole element removed.
      const elements = [...text.matchAll(/<([\w:.-]+)\b[^>]*>[^<]*<\/\1>/g)];
      if (elements.length === 0) return { text: text.slice(0, at), how: `text cut at ${at}` };
      const e = r.pick(elements);
      return { text: text.slice(0, e.index!) + text.slice(e.index! + e[0].length), how: `element ${e[1]} removed` };
    }
  }
}

/** Damage inside the package: a part's XML, the content types, a missing or extra part; then zip it again. */
function mutatePackage(bytes: Uint8Array, r: Random): Mutant {
  const files: Record<string, Uint8Array> = unzipSync(bytes);
  const names = Object.keys(files);
  const xmlNames = names.filter((n) => /\.(xml|rels)$/.test(n));
  const kind = r.int(9);
  let how: string;
  if (kind <= 2) {
    const name = r.pick(xmlNames);
    const m = mutateText(strFromU8(files[name]), r);
    files[name] = strToU8(m.text);
    how = `${name}: ${m.how}`;
  } else if (kind === 3) {
    const name = r.pick(names);
    delete files[name];
    how = `part ${name} removed`;
  } else if (kind === 4) {
    const ct = strFromU8(files['[Content_Types].xml']);
    const types = [...ct.matchAll(/ContentType="([^"]*)"/g)];
    const t = r.pick(types);
    const other = r.pick(['application/xml', 'text/plain', '', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', 'image/png']);
    files['[Content_Types].xml'] = strToU8(ct.slice(0, t.index!) + `ContentType="${other}"` + ct.slice(t.index! + t[0].length));
    how = `content type ${t[1]} changed to "${other}"`;
  } else if (kind === 5) {
    const name = r.pick(xmlNames);
    const depth = 5_000 + r.int(50_000);
    const text = strFromU8(files[name]);
    const close = text.lastIndexOf('</');
    files[name] = strToU8(close < 0 ? '<a>'.repeat(depth) : text.slice(0, close) + '<w:p>'.repeat(depth) + '</w:p>'.repeat(depth) + text.slice(close));
    how = `${name}: elements nested ${depth} deep`;
  } else if (kind === 6) {
    const name = r.pick(xmlNames);
    const text = strFromU8(files[name]).replace(/^<\?xml[^>]*\?>/, '');
    const laughs = '<!DOCTYPE x [<!ENTITY a "ha ha ha ha ha ha ha ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>';
    files[name] = strToU8(`<?xml version="1.0"?>${laughs}${text.replace(/(<w:t[^>]*>|<t[^>]*>|<v>)/, '$1&f;')}`);
    how = `${name}: entity definitions (a "billion laughs")`;
  } else if (kind === 7) {
    const name = r.pick(names);
    files[r.pick(['word/', 'xl/', '', 'customXml/']) + 'extra' + r.int(100) + r.pick(['.xml', '.rels', '.bin', '.docx', '.xlsx'])] = r.int(2) === 0 ? files[name] : flipBytes(files[name], r).bytes;
    how = `a copy of ${name} added`;
  } else {
    const rels = names.filter((n) => n.endsWith('.rels'));
    const name = r.pick(rels);
    const text = strFromU8(files[name]);
    const target = r.pick(['../../../../etc/passwd', '/word/document.xml', 'document.xml#frag', 'missing.xml', '', '%ZZ', 'http://example.com/x', 'word/../word/./document.xml']);
    files[name] = strToU8(text.replace(/Target="[^"]*"/, `Target="${target}"`));
    how = `${name}: a target changed to "${target}"`;
  }
  return { bytes: zipSync(files), how };
}

function mutateZip(bytes: Uint8Array, r: Random): Mutant {
  const k = r.int(10);
  if (k < 3) return flipBytes(bytes, r);
  if (k < 4) return truncate(bytes, r);
  return mutatePackage(bytes, r);
}

function mutateTextFile(bytes: Uint8Array, r: Random, lineEdits: (lines: string[], r: Random) => string): Mutant {
  const k = r.int(10);
  if (k < 2) return flipBytes(bytes, r);
  if (k < 3) return truncate(bytes, r);
  const text = new TextDecoder().decode(bytes);
  if (k < 5) {
    const m = mutateText(text, r);
    return { bytes: new TextEncoder().encode(m.text), how: m.how };
  }
  const how = lineEdits(text.split('\n'), r);
  return { bytes: new TextEncoder().encode(how.split('\u0000HOW\u0000')[0]), how: how.split('\u0000HOW\u0000')[1] ?? 'lines edited' };
}

/** YAML edits: lines removed, repeated, swapped, re-indented; keys misspelt; YAML syntax dropped in. */
function yamlEdits(lines: string[], r: Random): string {
  const out = [...lines];
  const i = r.int(out.length);
  let how: string;
  switch (r.int(8)) {
    case 0:
      out.splice(i, 1 + r.int(5));
      how = `lines from ${i + 1} removed`;
      break;
    case 1:
      out.splice(i, 0, ...out.slice(i, i + 1 + r.int(5)));
      how = `lines from ${i + 1} repeated`;
      break;
    case 2: {
      const j = r.int(out.length);
      [out[i], out[j]] = [out[j], out[i]];
      how = `lines ${i + 1} and ${j + 1} swapped`;
      break;
    }
    case 3:
      out[i] = r.pick(['', ' ', '  ', '\t', '    ']) + out[i].trimStart();
      how = `line ${i + 1} re-indented`;
      break;
    case 4:
      out[i] = out[i].replace(/(\w)(\w)/, '$2$1');
      how = `line ${i + 1}: a key or value misspelt`;
      break;
    case 5: {
      const p = r.int(out[i].length + 1);
      const insert = r.pick([':', '- ', '[', ']', '{', '}', '&x ', '*x', '!!binary ', '!!js/function ', '"', "'", '#', '|', '>', '<<: *x', '? ', '%YAML 1.1', '---', '...', '~', 'null', '0x1F', '1e999', '.nan']);
      out[i] = out[i].slice(0, p) + insert + out[i].slice(p);
      how = `line ${i + 1}: "${insert}" inserted`;
      break;
    }
    case 6:
      out[i] = out[i].replace(/: .*$/, `: ${r.pick(['', '[]', '{}', '-1', '2017-02-30', 'true', '9999-99-99', 'x'.repeat(10_000), '"unterminated'])}`);
      how = `line ${i + 1}: value changed`;
      break;
    default:
      out.splice(i, 0, `${r.pick(['peeple', 'reference', 'unknownField', 'people', 'death'])}: ${r.pick(['x', '[a, b]', '{a: 1}', ''])}`);
      how = `a field added at line ${i + 1}`;
  }
  return `${out.join('\n')}\u0000HOW\u0000${how}`;
}

/** CSV edits: quotes, commas and line breaks where they do not belong; rows removed or repeated; columns shuffled. */
function csvEdits(lines: string[], r: Random): string {
  const out = [...lines];
  const i = r.int(out.length);
  let how: string;
  switch (r.int(6)) {
    case 0: {
      const p = r.int(out[i].length + 1);
      const insert = r.pick(['"', ',', '\n', '\r', '""', '"a"b', '\u0000', '\uFEFF', ';', '\t']);
      out[i] = out[i].slice(0, p) + insert + out[i].slice(p);
      how = `line ${i + 1}: ${JSON.stringify(insert)} inserted`;
      break;
    }
    case 1:
      out.splice(i, 1);
      how = `line ${i + 1} removed`;
      break;
    case 2:
      out.splice(i, 0, r.pick(['', ',,,,,,,,', '"', 'Date from,Event', '1/1/1,x', '99999,x', ',' .repeat(500)]));
      how = `a line inserted at ${i + 1}`;
      break;
    case 3: {
      const cells = out[i].split(',');
      const a = r.int(cells.length);
      const b = r.int(cells.length);
      [cells[a], cells[b]] = [cells[b], cells[a]];
      out[i] = cells.join(',');
      how = `line ${i + 1}: cells ${a + 1} and ${b + 1} swapped`;
      break;
    }
    case 4:
      out[0] = out[0].replace(r.pick(['Date from', 'Event', 'Agency', 'Date to']), r.pick(['', 'Dat from', 'EVENT', 'Date', 'Evnt']));
      how = 'a heading changed';
      break;
    default:
      out[i] = out[i].replace(/\d{2}\/\d{2}\/\d{4}/, r.pick(['31/02/2016', '00/00/0000', '2016-13-01', '13/13/13', '1/1', 'yesterday', '45000', '-1', '1e10']));
      how = `line ${i + 1}: a date changed`;
  }
  return `${out.join('\n')}\u0000HOW\u0000${how}`;
}

// ── The worker process ────────────────────────────────────────────────────────────────────────

class FuzzWorker {
  private child?: ChildProcess;
  private ready?: Promise<void>;
  private next = 0;

  private start(): Promise<void> {
    this.child = fork(path.join(repoRoot, 'test/hardening/helpers/fuzz-child.ts'), [], {
      cwd: repoRoot,
      execArgv: ['--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child.stderr?.resume();
    const child = this.child;
    return new Promise((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`the fuzz worker stopped while starting (exit ${code})`)));
    });
  }

  /** Run one case; a case that takes longer than the limit is a hang (the worker is replaced). */
  async run(reader: Reader, name: string, bytes: Uint8Array): Promise<FuzzOutcome | { outcome: 'hang' }> {
    if (!this.child) this.ready = this.start();
    await this.ready;
    const child = this.child!;
    const id = this.next++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        cleanup();
        child.kill('SIGKILL');
        this.child = undefined;
        resolve({ outcome: 'hang' });
      }, CASE_LIMIT_MS);
      const onMessage = (m: FuzzOutcome) => {
        if (m.id !== id) return;
        cleanup();
        resolve(m);
      };
      const onExit = (code: number | null, signal: string | null) => {
        cleanup();
        this.child = undefined;
        resolve({ id, outcome: 'crash', error: `the worker process died (exit ${code}, signal ${signal}): out of memory or a native crash` });
      };
      const cleanup = () => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
      const request: FuzzRequest = { id, reader, name, bytes };
      child.send(request);
    });
  }

  stop(): void {
    this.child?.kill();
  }
}

// ── The sample files ──────────────────────────────────────────────────────────────────────────

async function policeCsv(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(`${sampleDir}/chronologies/police.xlsx`) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Chronology')!;
  const lines: string[] = [];
  sheet.eachRow((row, n) => {
    if (n < 5) return;
    const cells: string[] = [];
    for (let c = 1; c <= 9; c++) {
      const v = row.getCell(c).value;
      const text = v instanceof Date ? `${String(v.getUTCDate()).padStart(2, '0')}/${String(v.getUTCMonth() + 1).padStart(2, '0')}/${v.getUTCFullYear()}` : v === null || v === undefined ? '' : String(v);
      cells.push(/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
    }
    lines.push(cells.join(','));
  });
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

interface Target {
  reader: Reader;
  seed: number;
  /** The files to mutate, by name. */
  files: () => Promise<[string, Uint8Array][]>;
  mutate: (bytes: Uint8Array, r: Random) => Mutant;
}

const imrs = () => ['police.docx', 'gp.docx', 'housing.docx'].map((n): [string, Uint8Array] => [n, new Uint8Array(readFileSync(`${sampleDir}/imrs/${n}`))]);
const chronologies = () => ['police.xlsx', 'gp.xlsx', 'housing.xlsx', 'idvas.xlsx'].map((n): [string, Uint8Array] => [n, new Uint8Array(readFileSync(`${sampleDir}/chronologies/${n}`))]);

const targets: Target[] = [
  { reader: 'readImr', seed: 20170422, files: async () => imrs(), mutate: mutateZip },
  { reader: 'redactDocx', seed: 20170423, files: async () => imrs(), mutate: mutateZip },
  { reader: 'extractParts', seed: 20170424, files: async () => [...imrs(), ...chronologies()], mutate: mutateZip },
  { reader: 'readChronology', seed: 20170425, files: async () => chronologies(), mutate: mutateZip },
  { reader: 'redactXlsx', seed: 20170426, files: async () => chronologies(), mutate: mutateZip },
  { reader: 'readChronology', seed: 20170427, files: async () => [['police.csv', await policeCsv()]], mutate: (b, r) => mutateTextFile(b, r, csvEdits) },
  { reader: 'parseCase', seed: 20170428, files: async () => [['case.yaml', new Uint8Array(readFileSync(`${sampleDir}/case.yaml`))]], mutate: (b, r) => mutateTextFile(b, r, yamlEdits) },
];

describe('fuzz: mutated sample files are read or refused with a DhrError, never a crash or a hang', () => {
  const worker = new FuzzWorker();
  afterAll(() => worker.stop());

  for (const target of targets) {
    it(`${target.reader} on mutated ${target.reader === 'parseCase' ? 'case.yaml' : target.reader === 'readChronology' && target.seed === 20170427 ? 'CSV chronologies' : 'sample files'} (seed ${target.seed}, ${CASES} cases)`, { timeout: CASES * CASE_LIMIT_MS }, async () => {
      const files = await target.files();
      const seed = target.seed + SEED_OFFSET;
      const r = generator(seed);
      const failures: string[] = [];
      const counts = { ok: 0, refused: 0 };
      const poorMessages: string[] = [];
      for (let n = 0; n < CASES; n++) {
        const [name, original] = files[n % files.length];
        const mutant = target.mutate(original, r);
        if (only !== undefined && n !== only) continue;
        if (only !== undefined && process.env.DHR_FUZZ_DUMP) writeFileSync(path.join(process.env.DHR_FUZZ_DUMP, name), mutant.bytes);
        const result = await worker.run(target.reader, name, mutant.bytes);
        const where = `seed ${seed}, case ${n}, ${name}: ${mutant.how}`;
        if (result.outcome === 'hang') failures.push(`${where}: no answer within ${CASE_LIMIT_MS / 1000} s (a hang)`);
        else if (result.outcome === 'crash') failures.push(`${where}: ${result.error.split('\n').slice(0, 6).join('\n    ')}`);
        else {
          counts[result.outcome]++;
          // A refusal is for a person: no JavaScript leaking into it.
          if (result.outcome === 'refused' && /\bundefined\b|\[object |\bNaN\b|Cannot (read|set) propert|is not a function|is not iterable|^\s*$/.test(result.message)) poorMessages.push(`${where}: ${result.message}`);
        }
      }
      expect(failures, failures.join('\n')).toEqual([]);
      expect(poorMessages, poorMessages.join('\n')).toEqual([]);
      if (only !== undefined) return;
      // The cases are neither all harmless nor all fatal.
      expect(counts.refused, JSON.stringify(counts)).toBeGreaterThan(0);
      expect(counts.ok, JSON.stringify(counts)).toBeGreaterThan(0);
    });
  }
});
