import { Command, CommanderError } from 'commander';

/**
 * Parses arguments and dispatches; each command's module is loaded only when it runs, so
 * `culprit --help` stays fast. Returns the process exit code.
 */
export async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('culprit')
    .description('Culprit: what crashed, who is responsible, and what to do about it.')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showHelpAfterError('(run `culprit --help` for usage)');

  let exitCode = 0;

  program
    .command('analyze')
    .description('Analyze crash dumps or kernel logs offline and print what crashed and why')
    .argument('<inputs...>', 'minidump, Windows kernel dump or Linux kernel log files, or folders of them')
    .option('--json', 'print the report as JSON (minidump-stackwalk schema)')
    .option('--pretty', 'indent JSON output')
    .option('--brief', 'only the crash summary and the crashing thread')
    .option('--jsonl', 'one JSON line per input: {"file", "report"} or {"file", "error"} (the default for --json with many inputs)')
    .option('--out-dir <dir>', 'write one JSON report per input into this folder')
    .option('--no-progress', 'no progress bar, even on a terminal')
    .option('--symbols-path <dir>', 'Breakpad symbol store folder (repeatable)', collect, [] as string[])
    .action(async (inputs: string[], opts: AnalyzeCliOptions) => {
      const { runAnalyze } = await import('./commands/analyze.js');
      exitCode = await runAnalyze(inputs, opts);
    });

  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? 0 : 2;
    }
    throw err;
  }
  return exitCode;
}

export interface AnalyzeCliOptions {
  json?: boolean;
  pretty?: boolean;
  brief?: boolean;
  jsonl?: boolean;
  outDir?: string;
  progress?: boolean;
  symbolsPath: string[];
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
