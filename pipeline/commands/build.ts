/**
 * `dhr build CASE [--out DIR] [--no-pdf] [--today DATE]`: the restricted draft pack (see
 * pipeline/build.ts). Prints what was written, the validation summary and the prompts still to
 * complete; the anonymisation findings and other warnings go to stderr. Exit 0 when the pack
 * was written (its problems are listed in validation-report.html); 2 when the case cannot be read.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { buildCase, findingWord } from '../build.ts';
import { passwordOption, modifyPasswordOption, type CommandContext } from '../cli.ts';
import { DhrError } from '../errors.ts';
import { isIsoDate } from '../ingest/dates.ts';
import { todayInEngland } from '../status.ts';

export const order = 20;

interface BuildCommandOptions {
  out?: string;
  pdf: boolean;
  today?: string;
  password?: string;
  modifyPassword?: string;
}

export function register(program: Command, { io, run }: CommandContext): void {
  program
    .command('build')
    .description('assemble the restricted draft pack: overview report, executive summary, data form, merged chronology, action plan and validation report')
    .argument('<case>', 'the case folder (or its case.yaml)')
    .option('--out <dir>', 'write the pack here (default: the case folder\'s out/)')
    .option('--no-pdf', 'do not make PDFs, even if a browser is found')
    .option('--today <date>', 'judge deadlines and target dates as of this date, YYYY-MM-DD (default: today)')
    .addOption(passwordOption('open password-protected IMRs, chronologies or action plan, and protect the Word and Excel files of the pack with the same password'))
    .addOption(modifyPasswordOption('protect the Word and Excel files of the pack from changes: they open read-only unless this password is given'))
    .action(
      run(async (target: string, options: BuildCommandOptions) => {
        if (options.today !== undefined && !isIsoDate(options.today)) {
          throw new DhrError('usage', `--today must be a real date written YYYY-MM-DD, for example 2017-06-01 (got "${options.today}")`);
        }
        for (const [option, value] of [['--password', options.password], ['--modify-password', options.modifyPassword]] as const) {
          if (value !== undefined && value.length === 0) throw new DhrError('usage', `${option} must not be empty`);
          if (value !== undefined && value.length > 255) throw new DhrError('usage', `${option} is too long: Office allows at most 255 characters`);
        }
        const result = await buildCase(target, { out: options.out, pdf: options.pdf, today: options.today ?? todayInEngland(), password: options.password, modifyPassword: options.modifyPassword });
        const relative = path.relative(process.cwd(), result.outDir);
        const where = relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? result.outDir : relative;
        io.out(`Draft v${result.draft} written to ${where}/:`);
        for (const f of result.files) io.out(`  ${f}`);
        if (result.pdfNote) io.out(capitalise(result.pdfNote));
        const s = result.validation.summary;
        io.out(
          `Checks: ${plural(s.fail, 'checklist item')} failed, ${plural(s.errors, 'problem')} to put right, ${plural(s.warnings, 'warning')} (see validation-report.html).`,
        );
        io.out(`Still to be completed: ${plural(result.prompts.length, 'prompt')} ("[To be completed: …]" in the reports${result.prompts.length > 0 ? ', listed in validation-report.html' : ''}).`);
        if (result.findings.length > 0) {
          io.out(`Anonymisation: ${plural(result.findings.length, 'possible name')} the key does not list (below); add each to case.yaml, or to anonymisation.allow if it is safe.`);
        }
        for (const f of result.findings) {
          const more = f.places.length > 1 ? ` (and ${f.places.length - 1} more ${f.places.length === 2 ? 'place' : 'places'})` : '';
          io.warn(`dhr: warning: "${f.text}" may be ${findingWord(f.kind)} the key does not list: ${f.places[0]}${more}: ${f.context}`);
        }
        for (const w of result.warnings) io.warn(`dhr: warning: ${w}`);
        return 0;
      }),
    );
}

function plural(n: number, word: string): string {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}

function capitalise(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
