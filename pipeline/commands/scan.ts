/** `dhr scan FILE --case case.yaml [--json]`: prove a file is clean, or show what is left. */
import type { Command } from 'commander';
import { passwordOption, type CommandContext } from '../cli.ts';
import { createAnonymiser } from '../anonymise/engine.ts';
import { formatPlace } from '../errors.ts';
import { loadCaseFile } from '../ingest/case.ts';
import { scanFile, type ScanItem } from '../scan.ts';

export const order = 31;

interface ScanOptions {
  case: string;
  json?: boolean;
  publish?: boolean;
  password?: string;
}

export function register(program: Command, { io, run }: CommandContext): void {
  program
    .command('scan')
    .description('read every part of a .docx, .xlsx, .pdf, .md, .txt or .csv file and report identifiers still present (leaks) and possible identifiers not in the key (findings)')
    .argument('<file>', 'the file to check')
    .requiredOption('--case <case.yaml>', "the case's case.yaml, which holds the key")
    .option('--publish', 'check it as a publication copy: precise dates and markings count as leaks too')
    .addOption(passwordOption('open a password-protected file'))
    .option('--json', 'print the result as JSON')
    .action(
      run(async (file: string, options: ScanOptions) => {
        const caseModel = await loadCaseFile(options.case);
        const anonymiser = createAnonymiser(caseModel, { publish: options.publish ?? false });
        const report = await scanFile(file, anonymiser, { password: options.password });
        if (options.json) {
          io.out(JSON.stringify({ file: report.file, leaks: report.leaks.map(item), findings: report.findings.map(item) }, null, 2));
        } else if (report.leaks.length === 0 && report.findings.length === 0) {
          io.out(`${file}: clean — no identifier from the key, no pattern and no possible identifier found.`);
        } else {
          for (const l of report.leaks) io.out(`leak: "${l.text}" (${l.kind}) at ${where(l)}${l.context ? ` — ${l.context}` : ''}`);
          for (const f of report.findings) io.out(`finding: "${f.text}" (${f.kind}) at ${where(f)}${f.context ? ` — ${f.context}` : ''}`);
          io.out(`${file}: ${report.leaks.length} leak${report.leaks.length === 1 ? '' : 's'}, ${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}.`);
        }
        return report.leaks.length > 0 || report.findings.length > 0 ? 1 : 0;
      }),
    );
}

function where(x: ScanItem): string {
  const { file: _file, ...rest } = x.place ?? {};
  return formatPlace({ part: x.part, ...rest }) || x.part;
}

function item(x: ScanItem) {
  return { text: x.text, kind: x.kind, part: x.part, place: x.place, context: x.context };
}
