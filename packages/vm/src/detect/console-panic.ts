/**
 * Finds the start of a kernel crash report in console text, the way the oops reader recognises them
 * (the kernel's own headers: panic(), die(), __die, page fault reporting, BUG()). Warnings are not crashes.
 */
const PANIC = /Kernel panic - not syncing/;
const OOPS = /(?:^|\] )(?:BUG: |Oops: |Oops\b|general protection fault|kernel BUG at |Unable to handle kernel )/m;
/** The line panic() prints last before it spins (kernel/panic.c). */
const PANIC_END = /---\[ end Kernel panic - not syncing/;
/** The line that closes an oops report (lib/bug.c, kernel/panic.c print_oops_end_marker). */
const TRACE_END = /---\[ end trace [0-9a-f]+ \]---/;
/** Linux's first boot line: a new boot starts a new episode. */
const BOOT = /Linux version \d/;

export interface ConsoleFinding {
  /** A panic: the guest is dead (or about to reboot). */
  panic: boolean;
  /** An oops / BUG / warning report without a panic (yet): the guest may still run. */
  oops: boolean;
  /** The report is complete: panic end marker, or an oops trace end. */
  complete: boolean;
  /** Offset in the text where the first report starts. */
  start: number;
}

/** Scans console text for a crash report; null when there is none. */
export function findConsoleCrash(text: string): ConsoleFinding | null {
  const p = PANIC.exec(text);
  const o = OOPS.exec(text);
  if (!p && !o) return null;
  const start = Math.min(p?.index ?? Infinity, o?.index ?? Infinity);
  const panic = p !== null;
  const complete = panic ? PANIC_END.test(text) : TRACE_END.test(text.slice(start));
  return { panic, oops: o !== null, complete, start };
}

/** Offset of the last boot banner's line in the text, or 0: the excerpt of a crash starts there. */
export function lastBootStart(text: string): number {
  let at = -1;
  const re = new RegExp(BOOT.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) at = m.index;
  if (at < 0) return 0;
  const lineStart = text.lastIndexOf('\n', at);
  return lineStart < 0 ? 0 : lineStart + 1;
}

/** The guest OS the console text shows, if any. */
export function consoleGuestOs(text: string): 'linux' | undefined {
  return BOOT.test(text) || /\[\s*\d+\.\d+\] /.test(text) ? 'linux' : undefined;
}
