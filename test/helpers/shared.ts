/**
 * Where the project's shared material stands: `../shared` beside the repository (as CI lays it
 * out), else /work/shared (the developers' machines).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const beside = path.resolve(repository, '../shared');

export const sharedDir = existsSync(beside) ? beside : '/work/shared';
/** The real Word files (from mammoth's test data). */
export const wordCorpusDir = path.join(sharedDir, 'corpus/word');
