/**
 * ARM64 unwinding, in Breakpad's order (src/processor/stackwalker_arm64.cc): CFI, then the frame
 * pointer chain (x29 → saved x29 and x30), then stack scanning. Return addresses signed with
 * pointer authentication carry bits above the address range; they are stripped when the
 * stripped value lands in a module (Breakpad `PtrauthStrip`).
 */
import { callerByCfi, type CfiRegister } from './cfi.js';
import { UNWIND_LIMITS } from './limits.js';
import { scanForReturnAddress } from './scan.js';
import type { Unwinder, UnwindEnv, WalkFrame } from './types.js';

const CFI_MAP: CfiRegister[] = [
  ...Array.from({ length: 29 }, (_, i): CfiRegister => ({ name: `x${i}`, cfi: `x${i}`, calleeSaves: i >= 19 })),
  { name: 'fp', cfi: 'x29', calleeSaves: true },
  { name: 'lr', cfi: 'x30', calleeSaves: false },
  { name: 'sp', cfi: 'sp', alternate: '.cfa', calleeSaves: false },
  { name: 'pc', cfi: 'pc', alternate: '.ra', calleeSaves: false },
];

function addressMask(env: UnwindEnv): bigint {
  let top = 0n;
  for (const m of env.symbols.modules) if (m.base + m.size > top) top = m.base + m.size;
  let mask = 1n;
  while (mask < top) mask = (mask << 1n) | 1n;
  return mask;
}

function strip(env: UnwindEnv, ptr: bigint): bigint {
  const stripped = ptr & addressMask(env);
  return stripped !== ptr && env.symbols.moduleAt(stripped) !== undefined ? stripped : ptr;
}

function byCfi(last: WalkFrame, env: UnwindEnv): WalkFrame | undefined {
  const rules = env.symbols.cfiRules(last.lookup);
  if (!rules) return undefined;
  const r = callerByCfi(rules, last, CFI_MAP, env, 8);
  if (!r || !r.valid.has('pc') || !r.valid.has('sp')) return undefined;
  r.registers.pc = strip(env, r.registers.pc);
  return { registers: r.registers, valid: r.valid, trust: 'cfi', pc: r.registers.pc, lookup: r.registers.pc };
}

function byFramePointer(last: WalkFrame, env: UnwindEnv): WalkFrame | undefined {
  const fp = last.registers.fp ?? 0n;
  let callerFp = 0n;
  let callerLr = 0n;
  if (fp !== 0n) {
    const f = env.stack.readU64(fp);
    const l = env.stack.readU64(fp + 8n);
    if (f === null || l === null) return undefined;
    callerFp = f;
    callerLr = strip(env, l);
  }
  const sp = fp !== 0n ? fp + 16n : last.registers.sp;
  // The caller resumes at the callee's link register; its own link register was saved by the callee.
  const pc = strip(env, last.registers.lr ?? 0n);
  return {
    registers: { ...last.registers, fp: callerFp, lr: callerLr, sp, pc },
    valid: new Set(['pc', 'lr', 'fp', 'sp']),
    trust: 'frame_pointer',
    pc,
    lookup: pc,
  };
}

function byScan(last: WalkFrame, env: UnwindEnv): WalkFrame | undefined {
  const words = last.trust === 'context' ? UNWIND_LIMITS.scanWords * UNWIND_LIMITS.contextScanFactor : UNWIND_LIMITS.scanWords;
  const hit = scanForReturnAddress(env, last.registers.sp, words, 8);
  if (!hit) return undefined;
  return {
    registers: { ...last.registers, pc: hit.value, sp: hit.location + 8n },
    valid: new Set(['pc', 'sp']),
    trust: 'scan',
    pc: hit.value,
    lookup: hit.value,
  };
}

export const arm64Unwinder: Unwinder = {
  pointerSize: 8,
  ip: 'pc',
  sp: 'sp',
  caller(frames, env, scanAllowed) {
    const last = frames[frames.length - 1];
    let frame = byCfi(last, env);
    frame ??= byFramePointer(last, env);
    if (!frame && scanAllowed) frame = byScan(last, env);
    return frame;
  },
};
