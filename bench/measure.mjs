#!/usr/bin/env node
// Runs one dhr command in this process and appends {ms, maxRssBytes, code} as JSON to the file
// named by DHR_BENCH_OUT: the benchmark's way of reading a child's wall time and peak memory.
import { appendFileSync } from 'node:fs';
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../pipeline/cli.ts');
const started = process.hrtime.bigint();
const code = await main(['node', 'dhr', ...process.argv.slice(2)], { stdout: () => {}, stderr: () => {} });
const ms = Number(process.hrtime.bigint() - started) / 1e6;
appendFileSync(process.env.DHR_BENCH_OUT, JSON.stringify({ ms, maxRssBytes: process.resourceUsage().maxRSS * 1024, code }) + '\n');
process.exit(0);
