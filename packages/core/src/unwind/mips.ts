/**
 * MIPS unwinding, 32- and 64-bit, as Breakpad does it (src/processor/stackwalker_mips.cc): CFI,
 * else stack scanning; MIPS code keeps no frame-pointer chain Breakpad follows.
 *
 * A MIPS caller's `pc` is not its return address: Breakpad moves it back two instructions
 * (`$ra - 2 * sizeof(register)`: 8 bytes on mips32, 16 on mips64, the call and its delay
 * slot), keeps the return address in `ra`, and then looks the frame up and shows it at that
 * `pc` unchanged. Only s0..s7, gp, sp, fp, ra and pc have validity flags in Breakpad's MIPS
 * frames, so only those are ever known in a caller.
 */
import { evaluateCfiRules } from '../symbols/cfi-eval.js';
import { scanForReturnAddress } from './scan.js';
import { isValid, type Unwinder, type UnwindEnv, type WalkFrame } from './types.js';

/** Our names of r0..r31 (formats/minidump/context/mips.ts). */
const NAMES = [
  'zero', 'at', 'v0', 'v1', 'a0', 'a1', 'a2', 'a3',
  't0', 't1', 't2', 't3', 't4', 't5', 't6', 't7',
  's0', 's1', 's2', 's3', 's4', 's5', 's6', 's7',
  't8', 't9', 'k0', 'k1', 'gp', 'sp', 'fp', 'ra',
];

/** CFI names, Breakpad's `kRegisterNames` (r8 is spelled `$to` there; kept so rules match alike). */
const CFI_NAMES = NAMES.map((n) => (n === 't0' ? '$to' : `$${n}`));

/** Registers with a validity flag in Breakpad's `StackFrameMIPS`. */
const FLAGGED = new Set(['s0', 's1', 's2', 's3', 's4', 's5', 's6', 's7', 'gp', 'sp', 'fp', 'ra', 'pc']);

/** The largest frame the scan accepts between a return address and the frame pointer below it (kMaxFrameStackSize). */
const MAX_FRAME_STACK_SIZE = 1024;
/** Argument words an o32 non-leaf frame reserves, skipped when scanning above a caller (kMinArgsOnStack). */
const MIN_ARGS_ON_STACK = 4;

/**
 * Callee-saves registers kept when the rules do not mention them: s0..s7, sp and fp (the o32
 * ABI); mips64 also gp.
 */
function calleeSaves(name: string, wide: boolean): boolean {
  return /^s[0-7]$/.test(name) || name === 'sp' || name === 'fp' || (wide && name === 'gp');
}

function byCfi(last: WalkFrame, env: UnwindEnv, size: 4 | 8, mask: bigint): WalkFrame | undefined {
  const rules = env.symbols.cfiRules(last.lookup);
  if (!rules) return undefined;
  // Breakpad hands the rules every register of the callee, known or not.
  const callee = new Map<string, bigint>();
  NAMES.forEach((n, i) => callee.set(CFI_NAMES[i], (last.registers[n] ?? 0n) & mask));
  const result = evaluateCfiRules(rules.rules, callee, env.stack, { addressSize: size });
  if (!result.ok) return undefined;
  const caller = result.value;
  const recovered = new Map<string, bigint>();
  NAMES.forEach((n, i) => {
    const v = caller.registers.get(CFI_NAMES[i]);
    if (v !== undefined) recovered.set(n, v & mask);
  });
  recovered.set('sp', caller.cfa & mask);
  recovered.set('ra', caller.ra & mask);
  const registers: Record<string, bigint> = {};
  for (const name of Object.keys(last.registers)) registers[name] = 0n;
  const valid = new Set<string>();
  for (const name of NAMES) {
    const v = recovered.get(name);
    if (v !== undefined) {
      registers[name] = v;
      if (FLAGGED.has(name)) valid.add(name);
    } else if (calleeSaves(name, size === 8) && isValid(last, name)) {
      registers[name] = last.registers[name];
      valid.add(name);
    }
  }
  registers.pc = (caller.ra - 2n * BigInt(size)) & mask;
  valid.add('pc');
  return { registers, valid, trust: 'cfi', pc: registers.pc, lookup: registers.pc };
}

/**
 * Breakpad's MIPS scan: look for a return address whose frame looks sane (the word below it, the
 * saved frame pointer, lies less than 1 KiB above it), within one frame's worth of words; above
 * a caller, first skip the argument words its frame reserves (mips32).
 */
function byScan(frames: readonly WalkFrame[], env: UnwindEnv, size: 4 | 8, mask: bigint): WalkFrame | undefined {
  const last = frames[frames.length - 1];
  const step = BigInt(size);
  let lastSp = last.registers.sp & mask;
  let count = MAX_FRAME_STACK_SIZE / size;
  if (size === 4 && frames.length > 1) {
    lastSp += BigInt(MIN_ARGS_ON_STACK) * step;
    count -= MIN_ARGS_ON_STACK;
  }
  let location: bigint;
  let value: bigint;
  let callerFp: bigint;
  do {
    const hit = scanForReturnAddress(env, lastSp, count, size);
    if (!hit) return undefined;
    const fp = env.stack.readWord(hit.location - step, size);
    if (fp === null) return undefined;
    location = hit.location;
    value = hit.value;
    callerFp = fp;
    count -= Number((location - lastSp) / step);
    lastSp = location + step;
  } while (((callerFp - location) & mask) >= BigInt(MAX_FRAME_STACK_SIZE) && count > 0);
  if (count === 0) return undefined;
  const pc = (value - 2n * step) & mask;
  return {
    registers: { ...last.registers, pc, sp: location + step, fp: callerFp, ra: value },
    valid: new Set(['pc', 'sp', 'fp', 'ra']),
    trust: 'scan',
    pc,
    lookup: pc,
  };
}

function mipsUnwinder(size: 4 | 8): Unwinder {
  const mask = size === 4 ? 0xffff_ffffn : 0xffff_ffff_ffff_ffffn;
  return {
    pointerSize: size,
    ip: 'pc',
    sp: 'sp',
    callerBack: 0n,
    showsReturnAddress: false,
    caller(frames, env, scanAllowed) {
      // Breakpad drops a stack that does not fit the address size (and so walks no further).
      if (env.stack.end - 1n > mask) return undefined;
      let frame = byCfi(frames[frames.length - 1], env, size, mask);
      if (!frame && scanAllowed) frame = byScan(frames, env, size, mask);
      return frame;
    },
  };
}

export const mipsUnwinder32 = mipsUnwinder(4);
export const mips64Unwinder = mipsUnwinder(8);
