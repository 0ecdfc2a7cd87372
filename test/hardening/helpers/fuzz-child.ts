/**
 * The fuzz test's worker process: it runs one reader on one mutated file at a time and says
 * how it ended — read, refused with a DhrError, or crashed (any other exception). The parent
 * kills it when a case takes too long, so a hang is caught too.
 *
 *   node --import tsx test/hardening/helpers/fuzz-child.ts   (messages over IPC)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAnonymiser, type Anonymiser } from '../../../pipeline/anonymise/engine.ts';
import { DhrError } from '../../../pipeline/errors.ts';
import { parseCase } from '../../../pipeline/ingest/case.ts';
import { readChronology } from '../../../pipeline/ingest/chronology.ts';
import { readImr } from '../../../pipeline/ingest/imr.ts';
import { redactDocx } from '../../../transforms/ooxml/docx.ts';
import { openPackage } from '../../../transforms/ooxml/package.ts';
import { extractParts } from '../../../transforms/ooxml/text.ts';
import { redactXlsx } from '../../../transforms/ooxml/xlsx.ts';

export type Reader = 'readImr' | 'readChronology' | 'parseCase' | 'redactDocx' | 'redactXlsx' | 'extractParts';

export interface FuzzRequest {
  id: number;
  reader: Reader;
  /** The file's name (its extension chooses the format). */
  name: string;
  bytes: Uint8Array;
}

export type FuzzOutcome = { id: number; outcome: 'ok' } | { id: number; outcome: 'refused'; message: string } | { id: number; outcome: 'crash'; error: string };

const sampleCase = parseCase(readFileSync(path.join(import.meta.dirname, '..', '..', '..', 'samples', 'adult-x', 'case.yaml'), 'utf8'));
let anonymiser: Anonymiser | undefined;
const dir = mkdtempSync(path.join(tmpdir(), 'dhr-fuzz-'));
let current = -1;

function send(outcome: FuzzOutcome): void {
  process.send!(outcome);
}

/** Whether a package that opened before redaction still opens after it. */
function reopens(input: Uint8Array, output: Uint8Array, kind: 'docx' | 'xlsx'): void {
  let opened = true;
  try {
    openPackage(input, { kind });
  } catch {
    opened = false;
  }
  if (opened) openPackage(output, { kind });
}

async function run(request: FuzzRequest): Promise<void> {
  const bytes = new Uint8Array(request.bytes);
  const file = path.join(dir, request.name);
  switch (request.reader) {
    case 'readImr':
      writeFileSync(file, bytes);
      await readImr(file, sampleCase);
      return;
    case 'readChronology':
      writeFileSync(file, bytes);
      await readChronology(file, sampleCase);
      return;
    case 'parseCase':
      parseCase(new TextDecoder().decode(bytes), request.name);
      return;
    case 'redactDocx': {
      anonymiser ??= createAnonymiser(sampleCase);
      const result = redactDocx(bytes, anonymiser, { file: request.name });
      reopens(bytes, result.bytes, 'docx');
      return;
    }
    case 'redactXlsx': {
      anonymiser ??= createAnonymiser(sampleCase);
      const result = redactXlsx(bytes, anonymiser, { file: request.name });
      reopens(bytes, result.bytes, 'xlsx');
      return;
    }
    case 'extractParts':
      await extractParts(bytes, request.name);
      return;
  }
}

/** The scratch folder goes when the parent stops this process (or the parent goes away). */
function cleanUp(): void {
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}
process.on('SIGTERM', cleanUp);
process.on('disconnect', cleanUp);

process.on('uncaughtException', (error) => {
  send({ id: current, outcome: 'crash', error: `uncaught exception: ${error instanceof Error ? error.stack : String(error)}` });
  process.exit(1);
});
process.on('unhandledRejection', (error) => {
  send({ id: current, outcome: 'crash', error: `unhandled rejection: ${error instanceof Error ? error.stack : String(error)}` });
  process.exit(1);
});

process.on('message', async (request: FuzzRequest) => {
  current = request.id;
  try {
    await run(request);
    send({ id: request.id, outcome: 'ok' });
  } catch (error) {
    if (error instanceof DhrError) send({ id: request.id, outcome: 'refused', message: error.lines().join('\n') });
    else send({ id: request.id, outcome: 'crash', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
send({ id: -1, outcome: 'ok' });
