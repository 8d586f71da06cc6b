/**
 * The generic stack walk (Breakpad `Stackwalker::Walk` + the checks every CPU's
 * `GetCallerFrame` ends with, rust-minidump `walk_stack`): start from the thread's context,
 * ask the CPU's unwinder for each caller, and stop when
 *   - no strategy finds a caller;
 *   - the return address is below 4 KiB (end of stack, or garbage);
 *   - the stack pointer did not increase (after the first step it must strictly increase,
 *     which also ends any loop);
 *   - the frame limit is reached (the thread is then marked truncated).
 * Each caller's `pc` is the return address; it is looked up `callerBack` bytes before it, and
 * shown there too unless the CPU shows return addresses (see `Unwinder`).
 */
import type { CpuArch, CpuContext } from '../report/cpu.js';
import type { FrameTrust } from '../report/model.js';
import { amd64Unwinder } from './amd64.js';
import { armUnwinderFor } from './arm.js';
import { arm64Unwinder } from './arm64.js';
import { UNWIND_LIMITS } from './limits.js';
import { mips64Unwinder, mipsUnwinder32 } from './mips.js';
import type { Unwinder, UnwindEnv, WalkFrame } from './types.js';
import { x86Unwinder } from './x86.js';

const UNWINDERS: Partial<Record<CpuArch, Unwinder>> = {
  amd64: amd64Unwinder,
  x86: x86Unwinder,
  arm64: arm64Unwinder,
  mips: mipsUnwinder32,
  mips64: mips64Unwinder,
};

/** The unwinder for a CPU; ARM's depends on the OS (`os`: Breakpad's short name, see `UnwindEnv`). */
export function unwinderFor(arch: CpuArch, os = ''): Unwinder | undefined {
  if (arch === 'arm') return armUnwinderFor(os);
  return UNWINDERS[arch];
}

/**
 * How far below a frame's shown address its symbols were looked up (callers on x86 and amd64:
 * 1; on CPUs that show the lookup address, and for the context frame: 0). Breakpad measures
 * inlined calls' offsets from the lookup address, so renderers shift them by this much.
 */
export function lookupBelowShown(arch: CpuArch, trust: FrameTrust): bigint {
  const unwinder = unwinderFor(arch);
  return trust === 'context' || !unwinder?.showsReturnAddress ? 0n : unwinder.callerBack;
}

export interface WalkResult {
  frames: WalkFrame[];
  /** Why the walk stopped early, when it did. */
  truncated?: string;
}

const SCANNED: ReadonlySet<string> = new Set(['none', 'scan', 'cfi_scan']);

export function walkStack(context: CpuContext, env: UnwindEnv, maxFrames: number = UNWIND_LIMITS.framesPerThread): WalkResult {
  const pc = context.registers[context.ip] ?? 0n;
  const first: WalkFrame = { registers: { ...context.registers }, trust: 'context', pc, lookup: pc };
  if (context.valid) first.valid = new Set(context.valid);
  const frames: WalkFrame[] = [first];
  const unwinder = unwinderFor(context.arch, env.os);
  if (!unwinder) return { frames };
  let scanned = 0;
  const mask = unwinder.pointerSize === 4 ? 0xffff_ffffn : 0xffff_ffff_ffff_ffffn;
  for (;;) {
    const last = frames[frames.length - 1];
    if (SCANNED.has(last.trust)) scanned++;
    if (frames.length >= maxFrames) return { frames, truncated: `stopped after ${maxFrames} frames` };
    const caller = unwinder.caller(frames, env, scanned < UNWIND_LIMITS.scannedFramesPerThread);
    if (!caller) break;
    const callerPc = caller.registers[unwinder.ip] & mask;
    const callerSp = caller.registers[unwinder.sp] & mask;
    const calleeSp = last.registers[unwinder.sp] & mask;
    if (callerPc < UNWIND_LIMITS.lowestInstruction) break;
    // A leaf may leave the stack pointer where it was (return address in a register); after
    // that, each caller's stack pointer must be strictly higher.
    if (last.trust === 'context' ? callerSp < calleeSp : callerSp <= calleeSp) break;
    caller.pc = callerPc;
    caller.lookup = callerPc - unwinder.callerBack;
    if (!unwinder.showsReturnAddress) caller.shown = caller.lookup;
    frames.push(caller);
  }
  return { frames };
}
