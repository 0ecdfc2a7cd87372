/**
 * Interrupt dhr while it writes: with the command line's own interrupt handling installed,
 * write several large outputs together (writeFilesAtomic, as every command does) and, as soon
 * as a temporary output file appears in the folder, send this process the signal. Prints
 * "finished" if the writing ended before that could happen.
 *
 *   node --import tsx test/hardening/helpers/interrupt-child.ts FOLDER SIGINT
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { handleInterrupts } from '../../../pipeline/cli.ts';
import { writeFilesAtomic } from '../../../pipeline/files.ts';

const [folder, signal] = process.argv.slice(2);
handleInterrupts((text) => process.stderr.write(text));
const timer = setInterval(() => {
  if (existsSync(folder) && readdirSync(folder).some((name) => name.endsWith('.tmp'))) {
    clearInterval(timer);
    process.kill(process.pid, signal as NodeJS.Signals);
  }
}, 1);
// 4 × 64 MB: long enough to write that the signal always comes while files are staged.
const data = new Uint8Array(64 * 1024 * 1024).fill(0x41);
await writeFilesAtomic(['overview-report.docx', 'executive-summary.docx', 'merged-chronology.xlsx', 'manifest.json'].map((name) => ({ path: path.join(folder, name), data })));
clearInterval(timer);
process.stdout.write('finished\n');
