/**
 * The walker's working vocabulary. A `WalkFrame` is one physical frame while walking: its full
 * register set (callers start from a copy of the callee's, as Breakpad's do), which of those are
 * actually known, how it was found, and the address used to look it up.
 */
import type { FrameTrust } from '../report/model.js';
import type { StackWinInfo } from '../symbols/types.js';
import type { StackMemory } from './stack-memory.js';
import type { FrameSymbolizer } from './symbolizer.js';

export interface WalkFrame {
  registers: Record<string, bigint>;
  /** Names of the registers whose value is known (`undefined` = all: the context frame). */
  valid?: Set<string>;
  trust: FrameTrust;
  /** The program counter: the context's, or for callers the return address. */
  pc: bigint;
  /**
   * The address symbols are looked up at (Breakpad `StackFrame::instruction`): `pc` for the
   * context frame; for callers, the return address moved back into the call by the CPU's
   * `Unwinder.callerBack`.
   */
  lookup: bigint;
  /**
   * The address shown for the frame and its offsets are counted from (Breakpad
   * `StackFrame::ReturnAddress()`): `pc` when absent; `lookup` on CPUs whose frames do not
   * override `ReturnAddress()` (ARM, ARM64, MIPS).
   */
  shown?: bigint;
  /** x86: the STACK WIN or parameter-size information found for this frame (see x86.ts). */
  winInfo?: Partial<StackWinInfo> & { parameterSize: number; full: boolean };
}

/** What an unwinder may consult. */
export interface UnwindEnv {
  stack: StackMemory;
  symbols: FrameSymbolizer;
  /** Breakpad's short OS name: 'windows', 'linux', 'mac', 'ios', 'android'... */
  os: string;
}

/** One CPU's way to find a caller (Breakpad `Stackwalker<CPU>::GetCallerFrame` minus the checks the walker does). */
export interface Unwinder {
  readonly pointerSize: 4 | 8;
  readonly ip: string;
  readonly sp: string;
  /**
   * How far before the return address a caller is looked up (Breakpad `GetCallerFrame` sets
   * `instruction`): x86 and amd64 1 (inside the CALL), ARM 2 (inside a Thumb or ARM call),
   * ARM64 4 (the call itself), MIPS 0 (its unwinder already moved `pc` back to the call).
   */
  readonly callerBack: bigint;
  /**
   * Whether a caller is shown at its return address (x86 and amd64 override
   * `StackFrame::ReturnAddress()`) rather than at its lookup address.
   */
  readonly showsReturnAddress: boolean;
  /**
   * The caller of the last frame in `frames`, or undefined when no strategy finds one.
   * `scanAllowed` is false once too many frames were found by scanning.
   */
  caller(frames: readonly WalkFrame[], env: UnwindEnv, scanAllowed: boolean): WalkFrame | undefined;
}

export function isValid(frame: WalkFrame, name: string): boolean {
  return frame.registers[name] !== undefined && (frame.valid === undefined || frame.valid.has(name));
}
