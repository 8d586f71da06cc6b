import type { DumpFormat, GuestOs, OnCrash } from '@culprit/vm';

export interface VmWatchCliOptions {
  qmp: string[];
  qmpDir: string[];
  console: string[];
  url?: string;
  onCrash: string;
  maxRestarts: string;
  restartWindow: string;
  dump: string;
  dumpDir: string;
  dumpBudget: string;
  unexpectedStopIsCrash?: boolean;
  guestOs?: string;
  json?: boolean;
  exitAfter?: string;
  verbose?: boolean;
}

const DUMP_FORMATS: readonly DumpFormat[] = ['none', 'elf', 'kdump-zlib', 'win-dmp'];

/**
 * `culprit vm watch`: attaches to QEMU guests, prints (or submits) a report per guest crash and
 * applies the --on-crash policy. Runs until interrupted, or until --exit-after crashes.
 */
export async function runVmWatch(opts: VmWatchCliOptions): Promise<number> {
  // Loaded here, not at the top: the CLI bundle keeps @culprit/vm outside, and a static import
  // would load it (and the unbundled core under it) on every `culprit` run.
  const { CrashPolicy, ON_CRASH_CHOICES, Supervisor, parseSize, renderVmReport, reportToJson, submitVmReport } = await import('@culprit/vm');
  if (opts.qmp.length === 0 && opts.qmpDir.length === 0) {
    process.stderr.write('culprit vm watch: give --qmp SOCKET or --qmp-dir FOLDER\n');
    return 2;
  }
  if (!ON_CRASH_CHOICES.includes(opts.onCrash as OnCrash)) {
    process.stderr.write(`culprit vm watch: --on-crash must be one of ${ON_CRASH_CHOICES.join(', ')}\n`);
    return 2;
  }
  if (!DUMP_FORMATS.includes(opts.dump as DumpFormat)) {
    process.stderr.write(`culprit vm watch: --dump must be one of ${DUMP_FORMATS.join(', ')}\n`);
    return 2;
  }
  const consoles: Record<string, string> = {};
  for (const c of opts.console) {
    const eq = c.indexOf('=');
    if (eq <= 0) {
      process.stderr.write(`culprit vm watch: --console wants SOCKET=LOGFILE, got ${c}\n`);
      return 2;
    }
    consoles[c.slice(0, eq)] = c.slice(eq + 1);
  }
  const exitAfter = opts.exitAfter ? Number(opts.exitAfter) : Infinity;
  let seen = 0;
  let finish: (() => void) | undefined;
  const done = new Promise<void>((r) => (finish = r));

  const url = opts.url;
  const supervisor = new Supervisor({
    sockets: opts.qmp,
    folders: opts.qmpDir,
    consoles,
    policy: new CrashPolicy({ onCrash: opts.onCrash as OnCrash, maxRestarts: Number(opts.maxRestarts), windowMs: Number(opts.restartWindow) * 1000 }),
    dump: { format: opts.dump as DumpFormat, dir: opts.dumpDir, budgetBytes: parseSize(opts.dumpBudget) },
    unexpectedStopIsCrash: opts.unexpectedStopIsCrash,
    guestOs: opts.guestOs as GuestOs | undefined,
    submit: url ? (r) => submitVmReport(r, { url }) : undefined,
    submitUrl: url,
    log: (m) => {
      if (opts.verbose) process.stderr.write(`culprit vm watch: ${m}\n`);
    },
    onReport: (r) => {
      process.stdout.write(opts.json ? reportToJson(r) + '\n' : renderVmReport(r));
      if (++seen >= exitAfter) finish?.();
    },
  });
  await supervisor.start();
  const onSignal = (): void => finish?.();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  await done;
  supervisor.stop();
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  return 0;
}
