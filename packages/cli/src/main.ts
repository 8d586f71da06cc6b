import { Command, CommanderError, InvalidArgumentError } from 'commander';
import type { AnalyzeEnvironment } from './commands/analyze.js';
import type { VmWatchCliOptions } from './commands/vm-watch.js';

/**
 * Parses arguments and dispatches; each command's module is loaded only when it runs, so
 * `culprit --help` stays fast. Returns the process exit code.
 */
export async function main(argv: string[], env: AnalyzeEnvironment = {}): Promise<number> {
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
    .option('--workers <n>', 'worker threads sharing a batch (default none: all on one thread)', parseCount)
    .action(async (inputs: string[], opts: AnalyzeCliOptions) => {
      const { runAnalyze } = await import('./commands/analyze.js');
      exitCode = await runAnalyze(inputs, opts, env);
    });

  program
    .command('serve')
    .description('Run the Culprit service: crash report intake, analysis workers, JSON API')
    .option('--port <n>', 'port to listen on (env CULPRIT_PORT; default 8080)')
    .option('--host <host>', 'address to bind (env CULPRIT_HOST; default localhost)')
    .option('--data <dir>', 'folder for the database and dumps (env CULPRIT_DATA; default ./culprit-data)')
    .option('--symbols-path <dir>', 'Breakpad symbol store folder (repeatable; env CULPRIT_SYMBOLS, ":"-separated)', collect, [] as string[])
    .option('--workers <n>', 'analysis worker processes (env CULPRIT_WORKERS; default one per core)')
    .option('--require-ingest-keys', 'refuse uploads without a per-product ingest key')
    .action(async (opts: ServeCliOptions) => {
      const { runServe } = await import('./commands/serve.js');
      exitCode = await runServe(opts);
    });

  program
    .command('submit')
    .description('Upload a crash report to a Culprit service, print its id, wait for the answer')
    .argument('<file>', 'minidump, kernel dump or kernel log')
    .requiredOption('--url <url>', 'the service, e.g. http://localhost:8080')
    .option('--product <name>', 'product name (sent as `prod`)')
    .option('--version <version>', 'product version (sent as `ver`)')
    .option('--key <key>', 'ingest key, when the service requires one')
    .option('--no-wait', 'print the id and return without waiting for processing')
    .option('--timeout <seconds>', 'how long to wait for the answer', '120')
    .action(async (file: string, opts: SubmitCliOptions) => {
      const { runSubmit } = await import('./commands/submit.js');
      exitCode = await runSubmit(file, opts);
    });

  program
    .command('vm')
    .description('Virtual machines')
    .command('watch')
    .description('Watch QEMU guests over QMP: catch guest crashes, report them, restart or stop the guest')
    .option('--qmp <socket>', 'QMP unix socket of a VM (repeatable)', collect, [] as string[])
    .option('--qmp-dir <folder>', 'folder of QMP sockets, one per VM, rescanned for new VMs (repeatable)', collect, [] as string[])
    .option('--console <socket=logfile>', 'serial console log of a VM (default: the file behind its serial0 chardev)', collect, [] as string[])
    .option('--url <url>', 'Culprit server to submit reports to (Breakpad POST /submit); default: analyse locally')
    .option('--on-crash <policy>', 'pause (leave it for inspection), restart, or poweroff', 'pause')
    .option('--max-restarts <n>', 'restarts allowed per VM within --restart-window before it is left paused', '3')
    .option('--restart-window <seconds>', 'crash-loop window', '600')
    .option('--dump <format>', 'memory dump on crash: none, elf, kdump-zlib, win-dmp', 'none')
    .option('--dump-dir <folder>', 'where memory dumps go', 'culprit-vm-dumps')
    .option('--dump-budget <size>', 'largest dump to keep (e.g. 512M, 2G)', '1G')
    .option('--unexpected-stop-is-crash', 'report a guest reset or shutdown as a crash even without a panic on its console')
    .option('--guest-os <os>', 'linux or windows, when the guest does not say')
    .option('--json', 'one JSON report per line')
    .option('--exit-after <n>', 'exit after this many crash reports')
    .option('--verbose', 'log connections and events to stderr')
    .action(async (opts: VmWatchCliOptions) => {
      const { runVmWatch } = await import('./commands/vm-watch.js');
      exitCode = await runVmWatch(opts);
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
  workers?: number;
}

/**
 * Entry of a batch's analysis worker thread (bin/culprit.js calls it when its `workerData` says
 * so): the bundle has one entry module, so the worker's code comes through here.
 */
export async function analyzeWorker(): Promise<void> {
  const { runAnalyzeWorker } = await import('./commands/analyze-worker.js');
  runAnalyzeWorker();
}

export interface ServeCliOptions {
  port?: string;
  host?: string;
  data?: string;
  symbolsPath: string[];
  workers?: string;
  requireIngestKeys?: boolean;
}

export interface SubmitCliOptions {
  url: string;
  product?: string;
  version?: string;
  key?: string;
  wait?: boolean;
  timeout?: string;
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number of 0 or more');
  return n;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
