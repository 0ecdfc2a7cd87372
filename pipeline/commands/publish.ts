/**
 * `dhr publish CASE [--out DIR] [--no-pdf]`: the publication copy (see pipeline/publish.ts).
 * Exit 0 when written; 1 when anything identifying or unfinished remains (nothing is written,
 * the reasons are listed); 2 for an SIR (not published) or a case that cannot be read.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { passwordOption, type CommandContext } from '../cli.ts';
import { publishCase } from '../publish.ts';

export const order = 21;

export function register(program: Command, { io, run }: CommandContext): void {
  program
    .command('publish')
    .description('make the publication copy of the overview report and executive summary: no markings, dates generalised, scanned before it is written')
    .argument('<case>', 'the case folder (or its case.yaml)')
    .option('--out <dir>', "write the copy here (default: the case folder's publication/)")
    .option('--no-pdf', 'do not make PDFs, even if a browser is found')
    .addOption(passwordOption('open password-protected IMRs, chronologies or action plan (the publication copy is not protected: it is for publishing)'))
    .action(
      run(async (target: string, options: { out?: string; pdf: boolean; password?: string }) => {
        const result = await publishCase(target, { out: options.out, pdf: options.pdf, password: options.password });
        const relative = path.relative(process.cwd(), result.outDir);
        const where = relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? result.outDir : relative;
        if (result.reasons.length > 0) {
          io.warn(`dhr: nothing was written to ${where}/: the publication copy is not safe or not finished (${result.reasons.length} ${result.reasons.length === 1 ? 'reason' : 'reasons'}):`);
          for (const r of result.reasons) io.warn(`  ${r}`);
          return 1;
        }
        io.out(`Publication copy written to ${where}/:`);
        for (const f of result.files) io.out(`  ${f}`);
        if (result.pdfNote) io.out(result.pdfNote[0].toUpperCase() + result.pdfNote.slice(1));
        io.out('Every file was scanned: no key name, pattern, precise date, marking or unlisted name was found.');
        return 0;
      }),
    );
}
