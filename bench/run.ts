/**
 * `npm run bench`: the performance budget of issue 6, measured on a deterministic large case.
 *
 * Prints a table of medians (of RUNS runs of each command, and at least 15 of each in-process
 * measure) at 1×, 2× and 4× the base size, and the budget verdicts. Child processes run the real command line (bench/measure.mjs reports each one's
 * wall time and peak RSS); the in-process figures isolate the redaction and the two engine
 * passes. Options: --scales 1,2,4  --runs 3  --no-pdf  --keep DIR.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, freemem, totalmem, tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import mammoth from 'mammoth';
import { loadCaseFile } from '../pipeline/ingest/case.ts';
import { createAnonymiser } from '../pipeline/anonymise/engine.ts';
import { redactDocx } from '../transforms/ooxml/docx.ts';
import { findBrowser } from '../pipeline/render/browser.ts';
import { generateLargeCase, type LargeCaseFacts } from './large-case.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const scales = option('scales', '1,2,4').split(',').map(Number);
const runs = Number(option('runs', '3'));
const withPdf = !args.includes('--no-pdf');
const root = path.resolve(import.meta.dirname, '..');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const started = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, value };
}

/**
 * Run `dhr ARGS` in a child process: its wall time (the whole process, start-up included), its
 * own peak RSS, and the peak RSS of it and the processes it started (the browser).
 */
function cli(argv: string[]): Measured {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'dhr-bench-')), 'result.jsonl');
  const started = process.hrtime.bigint();
  execFileSync(process.execPath, [path.join(root, 'bench/measure.mjs'), ...argv], {
    cwd: root,
    env: { ...process.env, DHR_BENCH_OUT: out },
    stdio: 'ignore',
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const result = JSON.parse(readFileSync(out, 'utf8').trim());
  rmSync(path.dirname(out), { recursive: true, force: true });
  return { ms, rss: result.maxRssBytes, treeRss: result.treeRssBytes, code: result.code };
}

interface Measured {
  ms: number;
  rss: number;
  treeRss: number;
  code: number;
}

function floor(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(files)) zippable[name] = [data, { mtime: new Date(Date.UTC(2000, 0, 1)) }];
  return zipSync(zippable, { level: 6 });
}

interface Row {
  scale: number;
  words: number;
  rows: number;
  docxKb: number;
  floorMs: number;
  redactMs: number;
  redactNlpMs: number;
  textMb: number;
  keyPatternMbs: number;
  nlpMbs: number;
  cliRedactMs: number;
  cliRedactRss: number;
  cliScanMs: number;
  cliScanRss: number;
  buildMs: number;
  buildRss: number;
  buildPdfMs?: number;
  buildPdfRss?: number;
  /** With the browser's processes. */
  buildPdfTreeRss?: number;
  /** 1× only: the build with the merged chronology printed in full in the overview report. */
  fullMs?: number;
  fullRss?: number;
  fullPdfMs?: number;
  fullPdfRss?: number;
  fullPdfTreeRss?: number;
  /** Commands that did not exit 0 (1 means "ran, found problems", which a build of this case does), by label. */
  failures: string[];
}

async function measure(scale: number): Promise<Row> {
  const dir = mkdtempSync(path.join(tmpdir(), `dhr-large-${scale}x-`));
  const facts: LargeCaseFacts = await generateLargeCase({ dir, scale });
  const caseModel = await loadCaseFile(facts.caseFile);
  const docx = new Uint8Array(readFileSync(facts.largestImr));

  // The in-process figures are milliseconds each: they are repeated more (at least 15 times),
  // so one pause of the machine does not move the median.
  const repeats = Math.max(runs, 15);
  const floors: number[] = [];
  const redacts: number[] = [];
  const redactsNlp: number[] = [];
  for (let i = 0; i < repeats; i++) {
    floors.push(time(() => floor(docx)).ms);
    // The engine is built per run, as the command does.
    redacts.push(time(() => redactDocx(docx, createAnonymiser(caseModel, { nlp: false }), { nlp: false })).ms);
    redactsNlp.push(time(() => redactDocx(docx, createAnonymiser(caseModel), {})).ms);
  }

  // Throughput of the two passes on the IMR's text, paragraph by paragraph as the transforms call them.
  const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(docx) });
  const paragraphs = text.split(/\n+/).filter((p) => p.trim());
  const bytes = Buffer.byteLength(paragraphs.join('\n'));
  const keyRates: number[] = [];
  const nlpRates: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const engine = createAnonymiser(caseModel);
    const k = time(() => paragraphs.reduce((n, p) => n + engine.spans(p).length, 0));
    keyRates.push(bytes / 1e6 / (k.ms / 1000));
    const fresh = createAnonymiser(caseModel);
    const spans = paragraphs.map((p) => fresh.spans(p));
    const n = time(() => paragraphs.reduce((c, p, j) => c + fresh.findings(p).length + spans[j].length * 0, 0));
    nlpRates.push(bytes / 1e6 / (n.ms / 1000));
  }

  const redactCli: Measured[] = [];
  const scanCli: Measured[] = [];
  const buildCli: Measured[] = [];
  const buildPdfCli: Measured[] = [];
  for (let i = 0; i < runs; i++) {
    const out = path.join(dir, `redacted-${i}.docx`);
    redactCli.push(cli(['redact', facts.largestImr, '--case', facts.caseFile, '--out', out]));
    scanCli.push(cli(['scan', out, '--case', facts.caseFile]));
    buildCli.push(cli(['build', dir, '--out', path.join(dir, `out-${i}`), '--no-pdf']));
    if (withPdf) buildPdfCli.push(cli(['build', dir, '--out', path.join(dir, `out-pdf-${i}`)]));
  }
  // At 1×, the build again with the merged chronology printed in full in the overview report
  // (case.yaml's report.chronologyAppendixLimit lifted): the 20,000-row appendix of thousands of pages.
  const fullCli: Measured[] = [];
  const fullPdfCli: Measured[] = [];
  if (scale === 1) {
    const full = `${dir}-full-appendix`;
    cpSync(dir, full, { recursive: true });
    appendFileSync(path.join(full, 'case.yaml'), `report:\n  chronologyAppendixLimit: ${facts.rows}\n`);
    for (let i = 0; i < runs; i++) {
      fullCli.push(cli(['build', full, '--out', path.join(full, `out-${i}`), '--no-pdf']));
      if (withPdf) fullPdfCli.push(cli(['build', full, '--out', path.join(full, `out-pdf-${i}`)]));
    }
    rmSync(full, { recursive: true, force: true });
  }
  if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true });

  const med = (xs: Measured[]) => ({ ms: median(xs.map((x) => x.ms)), rss: Math.max(...xs.map((x) => x.rss)), treeRss: Math.max(...xs.map((x) => x.treeRss)) });
  // A time is only a time if the command did its work: exit 2 is an error (exit 1, problems found, is a result).
  const failures = [
    ['dhr redact', redactCli],
    ['dhr scan', scanCli],
    ['dhr build --no-pdf', buildCli],
    ['dhr build', buildPdfCli],
    ['dhr build --no-pdf (full appendix)', fullCli],
    ['dhr build (full appendix)', fullPdfCli],
  ].flatMap(([label, xs]) => ((xs as { code: number }[]).some((x) => x.code > 1) ? [`${label as string} (exit ${(xs as { code: number }[]).map((x) => x.code).join(', ')})`] : []));
  return {
    scale,
    words: facts.words,
    rows: facts.rows,
    docxKb: docx.length / 1024,
    floorMs: median(floors),
    redactMs: median(redacts),
    redactNlpMs: median(redactsNlp),
    textMb: bytes / 1e6,
    keyPatternMbs: median(keyRates),
    nlpMbs: median(nlpRates),
    cliRedactMs: med(redactCli).ms,
    cliRedactRss: med(redactCli).rss,
    cliScanMs: med(scanCli).ms,
    cliScanRss: med(scanCli).rss,
    buildMs: med(buildCli).ms,
    buildRss: med(buildCli).rss,
    ...(withPdf ? { buildPdfMs: med(buildPdfCli).ms, buildPdfRss: med(buildPdfCli).rss, buildPdfTreeRss: med(buildPdfCli).treeRss } : {}),
    ...(fullCli.length ? { fullMs: med(fullCli).ms, fullRss: med(fullCli).rss } : {}),
    ...(fullPdfCli.length ? { fullPdfMs: med(fullPdfCli).ms, fullPdfRss: med(fullPdfCli).rss, fullPdfTreeRss: med(fullPdfCli).treeRss } : {}),
    failures,
  };
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function benchmark(): Promise<void> {
  const browser = await findBrowser();
  console.log(`dhr-kit benchmark — ${new Date().toISOString().slice(0, 10)}`);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${mb(totalmem())} memory (${mb(freemem())} free), Node ${process.version}`);
  console.log(`browser for PDF: ${browser.path ?? `none (${'reason' in browser ? browser.reason : ''})`}; medians of ${runs} runs`);
  console.log('');
  const rows: Row[] = [];
  for (const scale of scales) {
    const row = await measure(scale);
    rows.push(row);
    // Each scale's figures as soon as they are known (the 4× runs take many minutes).
    console.log(
      `${scale}× done: build ${s(row.buildMs)} without PDF (peak ${mb(row.buildRss)})` +
        (row.buildPdfMs === undefined ? '' : `, ${s(row.buildPdfMs)} with PDF (peak ${mb(row.buildPdfRss ?? 0)}; with the browser ${mb(row.buildPdfTreeRss ?? 0)})`) +
        `; redact ${row.redactMs.toFixed(0)} ms = ${(row.redactMs / row.floorMs).toFixed(2)}× floor; scan ${s(row.cliScanMs)}` +
        (row.failures.length ? `; FAILED: ${row.failures.join('; ')}` : ''),
    );
  }
  console.log('');

  const table: [string, (r: Row) => string][] = [
    ['IMR words in the case / chronology rows', (r) => `${r.words.toLocaleString('en-GB')} / ${r.rows.toLocaleString('en-GB')}`],
    ['largest .docx', (r) => `${r.docxKb.toFixed(0)} KiB, ${r.textMb.toFixed(2)} MB text`],
    ['floor: unzip + re-zip, no change', (r) => `${r.floorMs.toFixed(0)} ms`],
    ['redact .docx in-process (no NLP)', (r) => `${r.redactMs.toFixed(0)} ms = ${(r.redactMs / r.floorMs).toFixed(2)}× floor`],
    ['redact .docx in-process (with NLP)', (r) => `${r.redactNlpMs.toFixed(0)} ms = ${(r.redactNlpMs / r.floorMs).toFixed(2)}× floor`],
    ['key-and-pattern pass', (r) => `${r.keyPatternMbs.toFixed(1)} MB/s`],
    ['NLP pass', (r) => `${r.nlpMbs.toFixed(2)} MB/s`],
    ['dhr redact (CLI, whole process)', (r) => `${s(r.cliRedactMs)}, peak ${mb(r.cliRedactRss)}`],
    ['dhr scan (CLI, whole process)', (r) => `${s(r.cliScanMs)}, peak ${mb(r.cliScanRss)}`],
    ['dhr build --no-pdf', (r) => `${s(r.buildMs)}, peak ${mb(r.buildRss)}`],
    ['dhr build (with PDF)', (r) => (r.buildPdfMs === undefined ? 'not run' : `${s(r.buildPdfMs)}, peak ${mb(r.buildPdfRss ?? 0)}`)],
    ["  … with the browser's processes", (r) => (r.buildPdfTreeRss === undefined ? 'not run' : `peak ${mb(r.buildPdfTreeRss)}`)],
    ['build --no-pdf, chronology appendix in full', (r) => (r.fullMs === undefined ? '—' : `${s(r.fullMs)}, peak ${mb(r.fullRss ?? 0)}`)],
    ['build with PDF, chronology appendix in full', (r) => (r.fullPdfMs === undefined ? '—' : `${s(r.fullPdfMs)}, peak ${mb(r.fullPdfRss ?? 0)}; with the browser ${mb(r.fullPdfTreeRss ?? 0)}`)],
  ];
  const width = Math.max(...table.map(([label]) => label.length));
  console.log(`| ${'measure'.padEnd(width)} | ${rows.map((r) => `${r.scale}×`.padEnd(30)).join(' | ')} |`);
  console.log(`| ${'-'.repeat(width)} | ${rows.map(() => '-'.repeat(30)).join(' | ')} |`);
  for (const [label, cell] of table) console.log(`| ${label.padEnd(width)} | ${rows.map((r) => cell(r).padEnd(30)).join(' | ')} |`);

  const base = rows.find((r) => r.scale === 1) ?? rows[0];
  const failed = (label: string) => rows.some((r) => r.failures.some((f) => f.startsWith(`${label} (`)));
  const peak = Math.max(base.cliRedactRss, base.cliScanRss, base.buildRss, base.buildPdfRss ?? 0);
  const verdicts: [string, boolean][] = [
    [`redact ≤ 2× floor (1×: ${(base.redactMs / base.floorMs).toFixed(2)}× without NLP)`, base.redactMs <= 2 * base.floorMs],
    [`key-and-pattern ≥ 20 MB/s (1×: ${base.keyPatternMbs.toFixed(1)})`, base.keyPatternMbs >= 20],
    [`NLP ≥ 1 MB/s (1×: ${base.nlpMbs.toFixed(2)})`, base.nlpMbs >= 1],
    [`build < 15 s without PDF (1×: ${s(base.buildMs)})`, base.buildMs < 15_000 && !failed('dhr build --no-pdf')],
    ...(withPdf ? ([[`build < 25 s with PDF (1×: ${s(base.buildPdfMs ?? 0)})`, (base.buildPdfMs ?? Infinity) < 25_000 && !failed('dhr build')]] as [string, boolean][]) : []),
    [`peak RSS of dhr < 1 GiB (1×, every command: ${mb(peak)})`, peak < 2 ** 30],
    ...(withPdf ? ([[`peak RSS with the browser < 1 GiB (1×, build with PDF: ${mb(base.buildPdfTreeRss ?? 0)})`, (base.buildPdfTreeRss ?? Infinity) < 2 ** 30]] as [string, boolean][]) : []),
  ];
  if (rows.length > 1) {
    const ratio = (pick: (r: Row) => number | undefined) => rows.map((r) => `${r.scale}×: ${((pick(r) ?? NaN) / (pick(base) ?? NaN)).toFixed(2)}`).join(', ');
    console.log(`\nGrowth against 1× (linear is the scale itself): build --no-pdf time ${ratio((r) => r.buildMs)}; peak RSS ${ratio((r) => r.buildRss)}${withPdf ? `; build with PDF ${ratio((r) => r.buildPdfMs)}` : ''}.`);
  }
  for (const r of rows) if (r.failures.length > 0) console.log(`\nFAILED at ${r.scale}×: ${r.failures.join('; ')} — their times are not results.`);
  console.log('\nBudget (issue 6):');
  for (const [label, ok] of verdicts) console.log(`  ${ok ? 'MET   ' : 'MISSED'} ${label}`);
}

await benchmark();
