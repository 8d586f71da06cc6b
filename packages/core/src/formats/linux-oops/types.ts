import type { CpuArch } from '../../report/cpu.js';

/**
 * The typed form of one report found in a kernel log: one kernel message block that starts at a
 * marker such as `BUG:`, `WARNING:` or `Kernel panic - not syncing:` and runs to its end marker.
 * Raw facts only; title, culprit and hashes are added by `analysis/linux-oops`.
 */
export type OopsKind =
  | 'null-pointer-dereference'
  | 'paging-request'
  | 'general-protection-fault'
  | 'kernel-bug'
  | 'invalid-opcode'
  | 'divide-error'
  | 'double-fault'
  | 'oops'
  | 'internal-error'
  | 'warning'
  | 'panic'
  | 'soft-lockup'
  | 'hard-lockup'
  | 'hung-task'
  | 'rcu-stall'
  | 'kasan'
  | 'spinlock'
  | 'scheduling-while-atomic'
  | 'sleeping-in-atomic'
  | 'lockdep'
  | 'slab-corruption'
  | 'list-corruption'
  | 'machine-check'
  | 'bug';

/** One frame line of a call trace, in the grammar satyr's `sr_koops_frame_parse` accepts. */
export interface KernelFrame {
  address?: bigint;
  /** False for `? ` frames and PowerPC `(unreliable)`: the unwinder found a stale return address. */
  reliable: boolean;
  function?: string;
  offset?: bigint;
  length?: bigint;
  /** Module name from `[mod]`; absent for the core kernel (vmlinux). */
  module?: string;
  /** ARM `(callee) from [<addr>] (caller+off/len)`: the caller part. */
  fromFunction?: string;
  fromModule?: string;
  /** `<IRQ>`, `<NMI>`, `<TASK>`, `<EOI>`... the stack the frame was found on. */
  stackContext?: string;
  /** Which call trace of the report (0 = first `Call Trace:`). */
  stack: number;
  /** Which CPU section: 0 = the reporting CPU, 1.. = `NMI backtrace for cpu N` sections. */
  cpuSection: number;
  /** 1-based line in the log. */
  line: number;
}

/** The instruction the CPU was executing: `RIP: 0010:func+off/len [mod]`, `pc : ...`, `EIP is at ...`. */
export interface FaultingInstruction {
  text: string;
  address?: bigint;
  function?: string;
  offset?: bigint;
  length?: bigint;
  module?: string;
  /** Register it came from: 'RIP', 'EIP', 'IP', 'pc', 'PC', 'NIP', 'PSW'. */
  register: string;
  line: number;
  /** True when the line has the old `[<addr>] func` form that satyr counts as the first frame. */
  satyrFrame: boolean;
  reliable: boolean;
}

export interface TaintFlag {
  letter: string;
  meaning: string;
}

export interface KernelModule {
  name: string;
  /** Letters in parentheses after the name: `wl(PO)` → ['P', 'O']; `+` loading, `-` unloading. */
  markers: string[];
}

export interface OopsReport {
  kind: OopsKind;
  /** The marker line that opened the report, without log prefixes. */
  header: string;
  /** Further marker lines that belong to the same report (`Oops: 0000 [#1] SMP`, `invalid opcode`). */
  extraHeaders: string[];
  firstLine: number;
  lastLine: number;
  /** Printk caller context of the header, `T6604` / `C0`, when the log has one. */
  context?: string;
  arch: CpuArch;
  cpu?: number;
  pid?: number;
  comm?: string;
  kernelVersion?: string;
  /** Letters after `Tainted:`; empty when `Not tainted`; undefined when the report does not say. */
  taint?: string;
  taintFlags: TaintFlag[];
  hardware?: string;
  workqueue?: string;
  /** `Oops: 0002 [#3]` → 3: how many oopses this kernel had so far. */
  oopsNumber?: number;
  /** Error code of `Oops:` / `general protection fault:` / arm64 ESR. */
  errorCode?: string;
  /** Address the fault is about (`... dereference at 0000000000000010`, `virtual address ...`). */
  faultAddress?: bigint;
  /** `kernel BUG at file:line!`, `WARNING: ... at file:line`. */
  sourceLocation?: string;
  /** Message of `Kernel panic - not syncing: <message>` when the panic belongs to this report. */
  panicMessage?: string;
  faulting?: FaultingInstruction;
  registers: Record<string, bigint>;
  frames: KernelFrame[];
  modules: KernelModule[];
  lastUnloaded?: string;
  /** Raw lines of the report (prefixes removed), for display and for hashing like satyr. */
  lines: string[];
  /** Lines from other printk contexts or unrelated messages interleaved with the report. */
  noiseLines: number;
  /** True when a `---[ end trace` / `---[ end Kernel panic` marker closed the report. */
  ended: boolean;
  /** Index of the report this one follows from (`Kernel panic - not syncing: Fatal exception`). */
  consequenceOf?: number;
  truncated?: string;
}
