import type { ReportWarning } from '../io/errors.js';
import type { CpuArch, CpuContext } from './cpu.js';

/**
 * The report every kind of crash fills: minidumps, Windows kernel dumps, Linux kernel logs.
 * What crashed (system, process), why (crash), where (threads, frames, modules), plus
 * annotations, the culprit and warnings. Format-specific facts live in `details`.
 *
 * 64-bit addresses are `bigint`; the JSON writer turns them into hex strings.
 */
export interface CrashReport {
  kind: ReportKind;
  /** Exact container format, e.g. 'MDMP', 'PMDM' (big-endian minidump), 'PAGEDU64', 'kernel-log'. */
  format: string;
  system: SystemInfo;
  process?: ProcessInfo;
  crash: CrashInfo | null;
  threads: ThreadReport[];
  /** Index into `threads` of the thread that crashed (or was requested), if known. */
  crashingThread: number | null;
  /** Index into `modules` of the main executable, if known. */
  mainModule: number | null;
  modules: ModuleInfo[];
  unloadedModules: UnloadedModuleInfo[];
  annotations: Annotation[];
  /** Who is responsible, once analysis has decided (filled by `analysis/`). */
  culprit?: Culprit;
  /** Grouping key, once analysis has computed one. */
  signature?: string;
  warnings: ReportWarning[];
  details: ReportDetails;
}

export type ReportKind = 'minidump' | 'windows-kernel-dump' | 'linux-kernel-log';

export interface SystemInfo {
  os: OsInfo;
  cpu: CpuInfo;
}

export interface OsInfo {
  /** Breakpad's name: 'Windows NT', 'Linux', 'Mac OS X', 'iOS', 'Android', 'Solaris', 'Fuchsia'... */
  platform: string;
  /** Short id as rust-minidump spells it: 'windows', 'linux', 'mac', 'ios', 'android'... */
  id: string;
  /** '10.0.19045' etc. */
  version?: string;
  build?: string;
  servicePack?: string;
  /** Breakpad's one-line OS description ("0.0.0 Linux 3.13.0-55-generic ..."). */
  description?: string;
}

export interface CpuInfo {
  arch: CpuArch;
  /** Breakpad's description, e.g. 'GenuineIntel family 6 model 63 stepping 2'. */
  description?: string;
  vendor?: string;
  family?: number;
  model?: number;
  stepping?: number;
  count?: number;
  microcode?: number;
  features?: string[];
}

export interface ProcessInfo {
  pid?: number;
  name?: string;
  commandLine?: string;
  /** Seconds since the epoch. */
  createTime?: number;
  /** Seconds the process had been running when it crashed. */
  uptimeSeconds?: number;
  userTimeSeconds?: number;
  kernelTimeSeconds?: number;
}

export interface CrashInfo {
  /** Reason in the reference tool's words: 'EXCEPTION_ACCESS_VIOLATION_WRITE', 'SIGSEGV /SEGV_MAPERR'. */
  reason: string;
  /** The raw code: exception code, signal number, bug check code. */
  code?: number;
  /** Address that the crash is about (faulting data address, or the instruction). */
  address: bigint | null;
  /** Raw exception / bug check parameters. */
  parameters?: bigint[];
  /** Thread id the exception was raised on. */
  threadId?: number;
  /** An assertion message, if the dump carried one. */
  assertion?: string;
  /** Free text from the producer (Linux kernel log, crashpad). */
  message?: string;
}

export type FrameTrust =
  | 'context'
  | 'prewalked'
  | 'cfi'
  | 'frame_pointer'
  /** Breakpad: the caller of a Windows x64 leaf without unwind data, by "simulating a return". */
  | 'leaf'
  | 'cfi_scan'
  | 'scan'
  | 'inline'
  | 'unreliable'
  | 'none';

export interface ThreadReport {
  id: number;
  name?: string;
  frames: Frame[];
  /** The register state at the top of the stack. */
  context?: CpuContext;
  stack?: { start: bigint; size: number };
  lastErrorValue?: number;
  /** Whether the walk stopped early and why. */
  truncated?: string;
  /**
   * The crash handler's own thread that wrote the dump (Breakpad info stream). It is listed but
   * not walked, as rust-minidump does; Breakpad leaves it out of its output altogether.
   */
  wroteDump?: boolean;
}

export interface Frame {
  /**
   * Address of the instruction. For frames after the first, as Breakpad shows them: the return
   * address on x86 and amd64; the call's address on ARM (return address - 2), ARM64 (- 4) and
   * MIPS (- 8 or - 16). Module, function and source offsets count from it.
   */
  instruction: bigint;
  trust: FrameTrust;
  /** Index into `CrashReport.modules`. */
  module?: number;
  moduleOffset?: bigint;
  function?: string;
  functionOffset?: bigint;
  file?: string;
  line?: number;
  /** Offset from the line record's start address, when symbols give lines. */
  sourceOffset?: bigint;
  /** Registers recovered for this frame (frame 0: all; callers: those CFI/frame pointers recovered). */
  context?: CpuContext;
  inlines?: InlineFrame[];
  /** Module exists but its symbols could not be loaded. */
  missingSymbols?: boolean;
  /** Unloaded modules whose range contains this address: name → offset. */
  unloadedModules?: { name: string; offset: bigint }[];
  /** Linux: frame sits in an interrupt / exception stack context ('IRQ', 'NMI', 'TASK', ...). */
  stackContext?: string;
}

export interface InlineFrame {
  function: string;
  file?: string;
  line?: number;
}

export interface ModuleInfo {
  base: bigint;
  size: bigint;
  /** Full path or name as recorded ('C:\\Windows\\System32\\ntdll.dll'). */
  codeFile: string;
  /** Identifier of the code file: PE timestamp+size, ELF build id, Mach-O uuid. */
  codeId?: string;
  debugFile?: string;
  /** Breakpad debug identifier (GUID + age, uppercase hex). */
  debugId?: string;
  version?: string;
  timestamp?: number;
  checksum?: number;
  vendor?: string;
  symbols?: SymbolStatus;
  /** Format-specific markers (Linux taint letters, Windows kernel 'inbox'/'third-party'). */
  flags?: string[];
}

export type SymbolStatus = 'loaded' | 'missing' | 'corrupt' | 'not-needed';

export interface UnloadedModuleInfo {
  base: bigint;
  size: bigint;
  codeFile: string;
  codeId?: string;
  timestamp?: number;
  checksum?: number;
}

export interface Annotation {
  /** Where it came from: 'crashpad', 'crashpad-module', 'breakpad', 'mac-crash-info', ... */
  source: string;
  /** Module name for per-module annotations. */
  module?: string;
  key: string;
  value: string;
}

export interface Culprit {
  /** The module, driver or kernel function held responsible. */
  name: string;
  version?: string;
  vendor?: string;
  timestamp?: number;
  /** True for third-party code; false for OS / inbox code; undefined when unknown. */
  thirdParty?: boolean;
  confidence: 'high' | 'medium' | 'low' | 'none';
  /** One sentence: "probably caused by amdppm.sys (AMD), ..." */
  summary: string;
  /** How the decision was reached, one step per entry. */
  steps: string[];
}

/** Format-specific facts; each reader puts its own typed record under its own key. */
export interface ReportDetails {
  [format: string]: unknown;
}
