/** `dhr status CASE [--json]`: what the case folder holds, what is missing, which deadline is next. */
import type { Command } from 'commander';
import { passwordOption, type CommandContext } from '../cli.ts';
import { DhrError } from '../errors.ts';
import { loadCaseFolder } from '../ingest/folder.ts';
import { isIsoDate } from '../ingest/dates.ts';
import { buildStatus, formatStatus, todayInEngland } from '../status.ts';

export const order = 10;

interface StatusOptions {
  json?: boolean;
  today?: string;
  password?: string;
}

export function register(program: Command, { io, run }: CommandContext): void {
  program
    .command('status')
    .description('show what a case folder holds: IMRs and their sections, chronologies, what is missing, and the timetable')
    .argument('<case>', 'the case folder (or its case.yaml)')
    .option('--json', 'print the status as JSON')
    .option('--today <date>', 'judge deadlines as of this date, YYYY-MM-DD (default: today)')
    .addOption(passwordOption('password of encrypted (password-protected) IMRs or chronologies'))
    .action(
      run(async (target: string, options: StatusOptions) => {
        if (options.today !== undefined && !isIsoDate(options.today)) {
          throw new DhrError('usage', `--today must be a real date written YYYY-MM-DD, for example 2017-06-01 (got "${options.today}")`);
        }
        const folder = await loadCaseFolder(target, { password: options.password });
        const status = buildStatus(folder, options.today ?? todayInEngland());
        io.out(options.json ? JSON.stringify(status, null, 2) : formatStatus(status));
        return 0;
      }),
    );
}
