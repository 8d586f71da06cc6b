/**
 * ARM64 unwinding, in Breakpad's order (src/processor/stackwalker_arm64.cc): CFI, then the frame
 * pointer chain (x29 → saved x29 and x30), then stack scanning. Return addresses signed with
 * pointer authentication carry bits above the address range; they are stripped when the
 * stripped value lands in a module (Breakpad `PtrauthStrip`), in the context frame's link
 * register too. Callers are looked up and shown at the call instruction, 4 bytes before the
 * return address.
 */
import { callerByCfi, type CfiRegister } from './cfi.js';
import { UNWIND_LIMITS } from './limits.js';
import { scanForReturnAddress } from './scan.js';
import { isValid, type Unwinder, type UnwindEnv, type WalkFrame } from './types.js';

const CFI_MAP: CfiRegister[] = [
  ...Array.from({ length: 29 }, (_, i): CfiRegister => ({ name: `x${i}`, cfi: `x${i}`, calleeSaves: i >= 19 })),
  { name: 'fp', cfi: 'x29', calleeSaves: true },
  { name: 'lr', cfi: 'x30', calleeSaves: false },
  { name: 'sp', cfi: 'sp', alternate: '.cfa', calleeSaves: false },
  { name: 'pc', cfi: 'pc', alternate: '.ra', calleeSaves: false },
];

/** Per dump (one symbolizer per dump): the mask is the same for every frame. */
const MASKS = new WeakMap<object, bigint>();

/** All bits up to the highest one of the end of the highest module (Breakpad `address_range_mask_`). */
function addressMask(env: UnwindEnv): bigint {
  const cached = MASKS.get(env.symbols);
  if (cached !== undefined) return cached;
  let top = 0n;
  for (const m of env.symbols.modules) if (m.base + m.size > top) top = m.base + m.size;
  let mask = 0xffff_ffff_ffff_ffffn;
  if (top !== 0n) {
    mask = 1n;
    while (mask < top) mask = (mask << 1n) | 1n;
  }
  MASKS.set(env.symbols, mask);
  return mask;
}

function strip(env: UnwindEnv, ptr: bigint): bigint {
  const stripped = ptr & addressMask(env);
  return stripped !== ptr && env.symbols.moduleAt(stripped) !== undefined ? stripped : ptr;
}

/**
 * A CFI caller starts from an empty context in Breakpad: what the rules do not recover is zero,
 * so a frame-pointer step after it finds no stale link register to return to.
 */
function byCfi(last: WalkFrame, env: UnwindEnv): WalkFrame | undefined {
  const rules = env.symbols.cfiRules(last.lookup);
  if (!rules) return undefined;
  const r = callerByCfi(rules, last, CFI_MAP, env, 8);
  if (!r || !r.valid.has('pc') || !r.valid.has('sp')) return undefined;
  const registers: Record<string, bigint> = {};
  for (const name of Object.keys(last.registers)) registers[name] = r.valid.has(name) ? r.registers[name] : 0n;
  registers.pc = strip(env, registers.pc);
  return { registers, valid: r.valid, trust: 'cfi', pc: registers.pc, lookup: registers.pc };
}

/**
 * Breakpad `CorrectRegLRByFramePointer`: a frame whose link register is unknown (found by CFI
 * that did not recover it) takes the one its callee's frame record saved, provided the frame
 * pointer the CFI recovered is the one that record holds. Changes `last` in place, as Breakpad does.
 */
function correctLinkRegister(frames: readonly WalkFrame[], last: WalkFrame, env: UnwindEnv): void {
  const fp = last.registers.fp ?? 0n;
  if (frames.length < 2 || fp <= (last.registers.sp ?? 0n)) return;
  const calleeFp = frames[frames.length - 2].registers.fp ?? 0n;
  let savedFp = 0n;
  if (calleeFp !== 0n) {
    const f = env.stack.readU64(calleeFp);
    if (f === null) return;
    savedFp = f;
  }
  if (fp !== savedFp) return;
  let savedLr = 0n;
  if (calleeFp !== 0n) {
    const l = env.stack.readU64(calleeFp + 8n);
    if (l === null) return;
    savedLr = l;
  }
  last.registers.lr = strip(env, savedLr);
}

function byFramePointer(frames: readonly WalkFrame[], env: UnwindEnv): WalkFrame | undefined {
  const last = frames[frames.length - 1];
  if (!isValid(last, 'lr')) correctLinkRegister(frames, last, env);
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
  const pc = last.registers.lr ?? 0n;
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
  callerBack: 4n,
  showsReturnAddress: false,
  caller(frames, env, scanAllowed) {
    const last = frames[frames.length - 1];
    // Breakpad strips the context frame's link register when it builds that frame.
    if (last.trust === 'context' && last.registers.lr !== undefined) last.registers.lr = strip(env, last.registers.lr);
    let frame = byCfi(last, env);
    frame ??= byFramePointer(frames, env);
    if (!frame && scanAllowed) frame = byScan(last, env);
    return frame;
  },
};
