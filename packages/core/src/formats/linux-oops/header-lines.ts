import { decodeTaint, readTaintLetters } from './taint.js';
import type { OopsReport } from './types.js';

/**
 * Facts the kernel prints around a report (lib/dump_stack.c dump_stack_print_info,
 * arch/x86/kernel/dumpstack.c __die, kernel/panic.c print_oops_end_marker...). Each fact is
 * taken from the first line that states it; later CPUs' sections (`NMI backtrace for cpu N`)
 * do not overwrite the reporting CPU's facts.
 */
const VERSION = /(?:^|[\s(])(\d+\.\d+(?:\.\d+)?(?:[-+.~_][^\s)#]*)?)\)? #\d+/;

export function readHeaderFacts(text: string, r: OopsReport): void {
  const t = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^CPU: (\d+) PID: (\d+) Comm: (.+?) (?:Not tainted|Tainted: )/.exec(t))) {
    setProcess(r, Number(m[1]), Number(m[2]), m[3]);
  } else if ((m = /^Pid: (\d+), comm: (.+?) (?:Not tainted|Tainted: )/.exec(t))) {
    setProcess(r, undefined, Number(m[1]), m[2]);
    const hw = /#\d+\)? (.+)$/.exec(t);
    if (hw && r.hardware === undefined) r.hardware = hw[1].trim();
  } else if ((m = /^Process (\S+) \(pid: (\d+),/.exec(t))) {
    setProcess(r, undefined, Number(m[2]), m[1]);
  } else if ((m = /^CPU (\d+)\s*$/.exec(t))) {
    if (r.cpu === undefined) r.cpu = Number(m[1]);
  } else if ((m = /^Hardware name: (.+)$/.exec(t))) {
    if (r.hardware === undefined) r.hardware = m[1].trim();
  } else if ((m = /^Workqueue: (.+)$/.exec(t))) {
    if (r.workqueue === undefined) r.workqueue = m[1].trim();
  }
  if (/Not tainted|Tainted: /.test(t) && r.taint === undefined) {
    const letters = /Not tainted/.test(t) ? '' : readTaintLetters(t);
    if (letters !== undefined) {
      r.taint = letters;
      r.taintFlags = decodeTaint(letters);
    }
  }
  if (r.kernelVersion === undefined && /#\d+/.test(t) && (/tainted|Tainted|Comm:|comm:|^\d+\.\d+/.test(t))) {
    const v = VERSION.exec(t);
    if (v) r.kernelVersion = v[1];
  }
  if ((m = /\[#(\d+)\]/.exec(t)) && r.oopsNumber === undefined && /^(?:Oops|Internal error|general protection fault|invalid opcode|divide error|stack segment|double fault)/.test(t)) {
    r.oopsNumber = Number(m[1]);
    const code = /:\s*([0-9a-f]{4,16})\s*\[#/.exec(t);
    if (code) r.errorCode = code[1];
  }
}

/** Facts the marker line itself carries. */
export function readMarkerFacts(text: string, r: OopsReport): void {
  const t = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /(?:dereference|paging request|page fault for address|data access)(?: at|:| at virtual address|, address:)\s*(?:0x)?([0-9a-f]{8,16})/.exec(t))) {
    r.faultAddress ??= BigInt('0x' + m[1]);
  } else if ((m = /at virtual address ([0-9a-f]{8,16})/.exec(t))) {
    r.faultAddress ??= BigInt('0x' + m[1]);
  }
  if ((m = /^[Kk]ernel BUG at (.+?)!?$/.exec(t))) r.sourceLocation ??= m[1];
  if ((m = /^WARNING: (?:CPU: (\d+) PID: (\d+) )?at (\S+)/.exec(t)) || (m = /^WARNING: .*? at (\S+:\d+)/.exec(t))) {
    if (m.length > 3) {
      if (m[1] !== undefined) setProcess(r, Number(m[1]), Number(m[2]), undefined);
      r.sourceLocation ??= m[3];
    } else r.sourceLocation ??= m[1];
  }
  if ((m = /^INFO: task (.+):(\d+) blocked for more than/.exec(t))) setProcess(r, undefined, Number(m[2]), m[1]);
  if ((m = /soft lockup - CPU#(\d+) stuck for \S+ \[(.+):(\d+)\]/.exec(t))) setProcess(r, Number(m[1]), Number(m[3]), m[2]);
  if ((m = /^Kernel panic - not syncing: ?(.*)$/.exec(t))) r.panicMessage ??= m[1];
  if (/\[#\d+\]/.test(t)) readHeaderFacts(t, r);
}

function setProcess(r: OopsReport, cpu: number | undefined, pid: number | undefined, comm: string | undefined): void {
  if (cpu !== undefined && r.cpu === undefined) r.cpu = cpu;
  if (pid !== undefined && r.pid === undefined) r.pid = pid;
  if (comm !== undefined && r.comm === undefined) r.comm = comm;
}

/** The function named on a WARNING line (`... at file.c:12 func+0x1f7/0x5a00 [mod]`, old kernels add `()`). */
export function warningFunction(text: string): { function: string; offset?: bigint; length?: bigint; module?: string } | undefined {
  const m = /^WARNING: .*?\bat ?\S+ ([\w.]+)\+0x([0-9a-f]+)\/0x([0-9a-f]+)(?:\(\))?(?: \[([\w-]+)\])?/.exec(text.trim());
  if (!m) return undefined;
  return { function: m[1], offset: BigInt('0x' + m[2]), length: BigInt('0x' + m[3]), module: m[4] };
}
