#!/usr/bin/env node
// Runs one dhr command in this process and appends {ms, maxRssBytes, treeRssBytes, code} as JSON
// to the file named by DHR_BENCH_OUT: the benchmark's way of reading a child's peak memory.
// maxRssBytes is this process's own peak (the kernel's count); treeRssBytes adds the processes
// it starts (the browser that prints the PDFs), sampled every 50 ms from /proc where there is one.
// The wall time the benchmark reports is taken around the whole process, by bench/run.ts.
import { appendFileSync, readFileSync, readdirSync } from 'node:fs';
import { register } from 'tsx/esm/api';

/** Resident bytes of a process and all its descendants (Linux /proc), or 0 where /proc is not there. */
function treeRss(pid) {
  let total = 0;
  try {
    const pages = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
    total += pages * 4096;
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(/\s+/) : []) total += treeRss(Number(child));
    }
  } catch {
    // the process ended while being read
  }
  return total;
}

let treePeak = 0;
const sampler = setInterval(() => {
  treePeak = Math.max(treePeak, treeRss(process.pid));
}, 50);

register();
const { main } = await import('../pipeline/cli.ts');
const started = process.hrtime.bigint();
const code = await main(['node', 'dhr', ...process.argv.slice(2)], { stdout: () => {}, stderr: () => {} });
const ms = Number(process.hrtime.bigint() - started) / 1e6;
clearInterval(sampler);
const maxRssBytes = process.resourceUsage().maxRSS * 1024;
appendFileSync(process.env.DHR_BENCH_OUT, JSON.stringify({ ms, maxRssBytes, treeRssBytes: Math.max(treePeak, maxRssBytes), code }) + '\n');
process.exit(0);
