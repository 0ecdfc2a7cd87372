/** `dhr version`: which dhr-kit this is. */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { CommandContext } from '../cli.ts';

export const order = 99;

export function register(program: Command, { io, run }: CommandContext): void {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  program.version(pkg.version, '-V, --version', 'print the version of dhr-kit');
  program
    .command('version')
    .description('print the version of dhr-kit')
    .action(run(async () => {
      io.out(pkg.version);
      return 0;
    }));
}
