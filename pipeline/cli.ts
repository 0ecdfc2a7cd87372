/**
 * The dhr command line. The only module that prints or decides the exit code:
 * 0 all well; 1 ran and found problems; 2 bad input or usage (one clear line each, no stack
 * trace unless DHR_DEBUG=1).
 *
 * Each command lives in pipeline/commands/NAME.ts and exports `register(program, context)`.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { DhrError } from './errors.ts';
import { removeStagedFiles } from './files.ts';

/** Where a command writes: cli.ts owns the streams. */
export interface Io {
  /** Normal output (reports, JSON). */
  out(text: string): void;
  /** Warnings and progress, on stderr. */
  warn(text: string): void;
}

/** A command's work: returns the exit code (0 or 1); throws DhrError for bad input. */
export type Action<A extends unknown[]> = (...args: A) => Promise<number>;

export interface CommandContext {
  io: Io;
  /** Wrap an action so its exit code and errors are handled by cli.ts. */
  run<A extends unknown[]>(action: Action<A>): (...args: A) => Promise<void>;
}

export interface CommandModule {
  /** Order in --help (lower first). */
  order?: number;
  register(program: Command, context: CommandContext): void;
}

/**
 * --password, taken from DHR_PASSWORD when not given: a password in the environment is not on the
 * command line, where other users of the machine can see it. The commands word its help.
 */
export function passwordOption(help: string): Option {
  return new Option('--password <password>', help).env('DHR_PASSWORD');
}

/** --modify-password, taken from DHR_MODIFY_PASSWORD when not given (as passwordOption). */
export function modifyPasswordOption(help: string): Option {
  return new Option('--modify-password <password>', help).env('DHR_MODIFY_PASSWORD');
}

const commandsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'commands');

async function loadCommands(): Promise<CommandModule[]> {
  const files = readdirSync(commandsDir)
    .filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'))
    .sort();
  const modules: CommandModule[] = [];
  for (const f of files) modules.push((await import(pathToFileURL(path.join(commandsDir, f)).href)) as CommandModule);
  return modules.sort((a, b) => (a.order ?? 50) - (b.order ?? 50));
}

export interface MainOptions {
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

/** Exit codes of a run stopped by a signal, as shells report them (128 + the signal's number). */
const signalExitCodes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/**
 * While a command runs, Ctrl+C (SIGINT), SIGTERM and SIGHUP remove every staged temporary file
 * (files.ts) before the process ends, so an interrupt never leaves a partial output. Outputs are
 * renamed into place in one synchronous step, which a signal cannot split. Returns the function
 * that removes the handlers again.
 */
export function handleInterrupts(stderr: (text: string) => void): () => void {
  const handlers = Object.entries(signalExitCodes).map(([signal, code]) => {
    const handler = () => {
      removeStagedFiles();
      stderr(`dhr: stopped by ${signal}: files still being written were removed, so no output is left half-written\n`);
      process.exit(code);
    };
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  return () => handlers.forEach((off) => off());
}

/** Run the command line; resolves to the exit code. */
export async function main(argv: string[], options: MainOptions = {}): Promise<number> {
  const stdout = options.stdout ?? ((t: string) => process.stdout.write(t));
  const stderr = options.stderr ?? ((t: string) => process.stderr.write(t));
  const io: Io = {
    out: (text) => stdout(text.endsWith('\n') ? text : `${text}\n`),
    warn: (text) => stderr(text.endsWith('\n') ? text : `${text}\n`),
  };
  let exitCode = 0;
  const debug = process.env.DHR_DEBUG === '1';

  const reportError = (error: unknown): number => {
    if (error instanceof DhrError) {
      for (const line of error.lines()) io.warn(`dhr: ${line}`);
      if (debug) io.warn(error.stack ?? '');
      return 2;
    }
    if (debug) io.warn(error instanceof Error ? (error.stack ?? error.message) : String(error));
    else io.warn(`dhr: unexpected error: ${error instanceof Error ? error.message : String(error)} (set DHR_DEBUG=1 for details)`);
    return 2;
  };

  const context: CommandContext = {
    io,
    run:
      (action) =>
      async (...args) => {
        try {
          exitCode = await action(...args);
        } catch (error) {
          exitCode = reportError(error);
        }
      },
  };

  const program = new Command('dhr')
    .description('Assemble, check and anonymise the papers of a Domestic Homicide Review or Serious Incident Review.')
    .exitOverride()
    .configureOutput({
      writeOut: (t) => stdout(t),
      writeErr: (t) => stderr(t),
      // One line per problem: commander's "(Did you mean …?)" joins the line it belongs to.
      outputError: (t, write) => write(`dhr: ${t.replace(/^error: /, '').replace(/\n(?=\(Did you mean)/g, ' ')}`),
    })
    .showSuggestionAfterError(true)
    .allowExcessArguments(false);

  for (const module of await loadCommands()) module.register(program, context);

  const release = handleInterrupts(stderr);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      if (error.code === 'commander.executeSubCommandAsync') return 2;
      return 2;
    }
    return reportError(error);
  } finally {
    release();
  }
  return exitCode;
}
