/**
 * 32-bit ARM unwinding, in Breakpad's order (src/processor/stackwalker_arm.cc):
 *   1. CFI (`STACK CFI`, registers named r0..r12, sp, lr, pc), except on iOS, whose CFI Breakpad
 *      ignores;
 *   2. the frame pointer, only where the OS keeps one Breakpad trusts: iOS, in r7
 *      (`fp_register`, chosen in `Stackwalker::StackwalkerForCPU`); elsewhere none;
 *   3. stack scanning.
 * Callers are looked up and shown 2 bytes before the return address, which lands inside the
 * call whether it was a Thumb or an ARM instruction.
 */
import { callerByCfi, type CfiRegister } from './cfi.js';
import { UNWIND_LIMITS } from './limits.js';
import { scanForReturnAddress } from './scan.js';
import { isValid, type Unwinder, type UnwindEnv, type WalkFrame } from './types.js';

/** Our register names (r11 is `fp`, r12 `ip`, as the context readers name them) → CFI names. */
const NAMES = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'fp', 'ip', 'sp', 'lr', 'pc'];

/** r4..r11 are callee-saves (Procedure Call Standard for the ARM Architecture). */
const CFI_MAP: CfiRegister[] = NAMES.map((name, i) => ({
  name,
  cfi: i === 11 ? 'r11' : i === 12 ? 'r12' : name,
  alternate: name === 'sp' ? '.cfa' : name === 'pc' ? '.ra' : undefined,
  calleeSaves: i >= 4 && i <= 11,
}));

/** Register index → our name, for `fp_register`. */
export function armRegisterName(index: number): string {
  return NAMES[index];
}

/**
 * Breakpad fills `pc` from `.ra` and `sp` from `.cfa` when the rules do not name them; with a
 * frame-pointer register configured, `.ra` is taken as the caller's link register and the
 * caller resumes at the callee's. Registers the rules do not recover are zero, as in Breakpad's
 * fresh caller context.
 */
function byCfi(last: WalkFrame, env: UnwindEnv, fpRegister: string | undefined): WalkFrame | undefined {
  const rules = env.symbols.cfiRules(last.lookup);
  if (!rules) return undefined;
  const r = callerByCfi(rules, last, CFI_MAP, env, 4);
  if (!r) return undefined;
  const registers: Record<string, bigint> = {};
  for (const name of Object.keys(last.registers)) registers[name] = r.valid.has(name) ? r.registers[name] & 0xffff_ffffn : 0n;
  const valid = new Set(r.valid);
  const named = rules.rules.has('pc');
  if (!named) {
    // callerByCfi filled pc from .ra; with a frame pointer configured, .ra is the link register.
    valid.delete('pc');
    registers.pc = 0n;
    const ra = r.registers.pc;
    if (ra !== undefined && r.valid.has('pc')) {
      valid.add('pc');
      if (fpRegister === undefined) registers.pc = ra & 0xffff_ffffn;
      else {
        valid.add('lr');
        registers.lr = ra & 0xffff_ffffn;
        registers.pc = last.registers.lr ?? 0n;
      }
    }
  }
  if (!valid.has('pc') || !valid.has('sp')) return undefined;
  return { registers, valid, trust: 'cfi', pc: registers.pc, lookup: registers.pc };
}

function byFramePointer(last: WalkFrame, env: UnwindEnv, fpRegister: string): WalkFrame | undefined {
  if (!isValid(last, fpRegister)) return undefined;
  const fp = last.registers[fpRegister];
  let callerFp = 0n;
  let callerLr = 0n;
  if (fp !== 0n) {
    const f = env.stack.readU32(fp);
    const l = env.stack.readU32(fp + 4n);
    if (f === null || l === null) return undefined;
    callerFp = BigInt(f);
    callerLr = BigInt(l);
  }
  const sp = fp !== 0n ? fp + 8n : last.registers.sp;
  const pc = last.registers.lr ?? 0n;
  return {
    registers: { ...last.registers, [fpRegister]: callerFp, sp, pc, lr: callerLr },
    valid: new Set(['pc', 'lr', fpRegister, 'sp']),
    trust: 'frame_pointer',
    pc,
    lookup: pc,
  };
}

function byScan(frames: readonly WalkFrame[], env: UnwindEnv): WalkFrame | undefined {
  const last = frames[frames.length - 1];
  const words = frames.length === 1 ? UNWIND_LIMITS.scanWords * UNWIND_LIMITS.contextScanFactor : UNWIND_LIMITS.scanWords;
  const hit = scanForReturnAddress(env, last.registers.sp, words, 4);
  if (!hit) return undefined;
  return {
    registers: { ...last.registers, pc: hit.value, sp: hit.location + 4n },
    valid: new Set(['pc', 'sp']),
    trust: 'scan',
    pc: hit.value,
    lookup: hit.value,
  };
}

/**
 * An ARM unwinder using `fpRegister` (our name of it: `r7` on iOS) for frame-pointer steps, or
 * none. Breakpad's ARM walker takes this as a parameter; `unwinderFor` picks it by OS.
 */
export function armUnwinder(fpRegister: string | undefined): Unwinder {
  return {
    pointerSize: 4,
    ip: 'pc',
    sp: 'sp',
    callerBack: 2n,
    showsReturnAddress: false,
    caller(frames, env, scanAllowed) {
      const last = frames[frames.length - 1];
      let frame = env.os !== 'ios' ? byCfi(last, env, fpRegister) : undefined;
      if (!frame && fpRegister !== undefined) frame = byFramePointer(last, env, fpRegister);
      if (!frame && scanAllowed) frame = byScan(frames, env);
      return frame;
    },
  };
}

/** Breakpad's choice (`StackwalkerForCPU`): r7 as the frame pointer on iOS, no frame pointer elsewhere. */
export function armUnwinderFor(os: string): Unwinder {
  return os === 'ios' ? armUnwinder(armRegisterName(7)) : armUnwinder(undefined);
}
