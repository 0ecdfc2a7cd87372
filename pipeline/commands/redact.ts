/** `dhr redact FILE --case case.yaml --out OUT [--publish] [--log PATH] [--json]`: an anonymised copy of one file. */
import type { Command } from 'commander';
import { passwordOption, modifyPasswordOption, type CommandContext } from '../cli.ts';
import { formatPlace } from '../errors.ts';
import { redactFile, type RedactOutcome } from '../redact.ts';

export const order = 30;

interface RedactOptions {
  case: string;
  out: string;
  publish?: boolean;
  log?: string;
  json?: boolean;
  password?: string;
  modifyPassword?: string;
}

export function register(program: Command, { io, run }: CommandContext): void {
  program
    .command('redact')
    .description('write an anonymised copy of a .docx, .xlsx, .md, .txt or .csv file, keeping its formatting; report possible identifiers not in the key')
    .argument('<file>', 'the file to anonymise (it is never changed)')
    .requiredOption('--case <case.yaml>', "the case's case.yaml, which holds the key")
    .requiredOption('--out <path>', 'where to write the anonymised copy')
    .option('--publish', 'make a publication copy: also generalise dates and remove markings; write nothing while any finding is unresolved or any identifier remains')
    .option('--log <path>', 'where to write the restricted redaction log (with --publish: required for a log, and not in the folder of the copy)')
    .addOption(passwordOption('open a password-protected input, and protect the .docx or .xlsx copy with the same password'))
    .addOption(modifyPasswordOption('protect the .docx or .xlsx copy from changes: it opens read-only unless this password is given'))
    .option('--json', 'print the result as JSON')
    .action(
      run(async (file: string, options: RedactOptions) => {
        const outcome = await redactFile({ input: file, caseFile: options.case, out: options.out, publish: options.publish, log: options.log, password: options.password, modifyPassword: options.modifyPassword });
        if (options.json) io.out(JSON.stringify(toJson(outcome, options.publish ?? false), null, 2));
        else report(outcome, io);
        return outcome.written ? 0 : 1;
      }),
    );
}

function item(x: { text: string; kind: string; part?: string; place?: object; context?: string }) {
  return { text: x.text, kind: x.kind, part: x.part ?? (x.place as { part?: string } | undefined)?.part, place: x.place, context: x.context };
}

/** The originals never go to the console: only counts, findings and leaks. */
function toJson(o: RedactOutcome, publish: boolean) {
  return {
    input: o.input,
    out: o.out,
    publish,
    written: o.written,
    log: o.log ?? null,
    replacements: o.replacements.length,
    findings: o.findings.map(item),
    leaks: o.leaks.map(item),
    warnings: o.warnings,
    refusal: o.refusal ?? null,
  };
}

function report(o: RedactOutcome, io: CommandContext['io']): void {
  for (const f of o.findings) io.warn(`dhr: finding: "${f.text}" (${f.kind}) at ${formatPlace(f.place) || f.part || o.input}${f.context ? ` — ${f.context}` : ''}`);
  for (const l of o.leaks) io.warn(`dhr: leak: "${l.text}" (${l.kind}) at ${formatPlace(l.place) || l.part}${l.context ? ` — ${l.context}` : ''}`);
  for (const w of o.warnings) io.warn(`dhr: warning: ${w}`);
  if (!o.written) {
    io.warn(`dhr: nothing written: ${o.refusal}`);
    return;
  }
  const findings = o.findings.length > 0 ? `; ${o.findings.length} possible identifier${o.findings.length === 1 ? '' : 's'} to review` : '';
  io.out(`Wrote ${o.out} (${o.replacements.length} replacement${o.replacements.length === 1 ? '' : 's'}${findings}).`);
  if (o.log) io.out(`Restricted log (holds the originals; never publish it): ${o.log}`);
}
