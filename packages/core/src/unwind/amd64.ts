/**
 * AMD64 unwinding, in Breakpad's order of preference (src/processor/stackwalker_amd64.cc):
 *   1. CFI (`STACK CFI`) for the callee's address;
 *   2. Windows only, caller of the context frame: "simulating a return from a leaf function"
 *      (a leaf without unwind data has the return address on top of the stack);
 *   3. frame pointer (%rbp chain) everywhere but Windows (MSVC code does not keep one);
 *   4. stack scanning.
 */
import { callerByCfi, type CfiRegister } from './cfi.js';
import { scanForReturnAddress } from './scan.js';
import { UNWIND_LIMITS } from './limits.js';
import { isValid, type Unwinder, type UnwindEnv, type WalkFrame } from './types.js';

const CALLEE_SAVES = new Set(['rbx', 'rbp', 'r12', 'r13', 'r14', 'r15']);
const NAMES = ['rax', 'rdx', 'rcx', 'rbx', 'rsi', 'rdi', 'rbp', 'rsp', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15', 'rip'];
const CFI_MAP: CfiRegister[] = NAMES.map((name) => ({
  name,
  cfi: `$${name}`,
  alternate: name === 'rsp' ? '.cfa' : name === 'rip' ? '.ra' : undefined,
  calleeSaves: CALLEE_SAVES.has(name),
}));

/** Outside x86-64 canonical form: cannot be a return address. */
function nonCanonical(p: bigint): boolean {
  return p > 0x7fff_ffff_ffffn && p < 0xffff_8000_0000_0000n;
}

function byCfi(last: WalkFrame, env: UnwindEnv): WalkFrame | undefined {
  const rules = env.symbols.cfiRules(last.lookup);
  if (!rules) return undefined;
  const r = callerByCfi(rules, last, CFI_MAP, env, 8);
  if (!r || !r.valid.has('rip') || !r.valid.has('rsp')) return undefined;
  if (r.registers.rip === 0n || r.registers.rsp === 0n) return undefined;
  return { registers: r.registers, valid: r.valid, trust: 'cfi', pc: r.registers.rip, lookup: r.registers.rip };
}

function byFramePointer(last: WalkFrame, env: UnwindEnv): WalkFrame | undefined {
  const rbp = last.registers.rbp;
  if (rbp === undefined || rbp % 8n !== 0n) return undefined;
  const rip = env.stack.readU64(rbp + 8n);
  const callerRbp = env.stack.readU64(rbp);
  if (rip === null || callerRbp === null) return undefined;
  const rsp = rbp + 16n;
  if (nonCanonical(rip)) return undefined;
  if (rsp <= rbp || callerRbp < rsp) return undefined;
  if (env.stack.readU64(callerRbp) === null) return undefined; // the caller's frame must be on this stack too
  return {
    registers: { ...last.registers, rip, rsp, rbp: callerRbp },
    valid: new Set(['rip', 'rsp', 'rbp']),
    trust: 'frame_pointer',
    pc: rip,
    lookup: rip,
  };
}

function bySimulatingReturn(last: WalkFrame, env: UnwindEnv): WalkFrame | undefined {
  const hit = scanForReturnAddress(env, last.registers.rsp, 1, 8);
  if (!hit) return undefined;
  return {
    registers: { ...last.registers, rip: hit.value, rsp: hit.location + 8n },
    valid: last.valid === undefined ? undefined : new Set(last.valid),
    trust: 'leaf',
    pc: hit.value,
    lookup: hit.value,
  };
}

function byScan(last: WalkFrame, env: UnwindEnv): WalkFrame | undefined {
  const words = last.trust === 'context' ? UNWIND_LIMITS.scanWords * UNWIND_LIMITS.contextScanFactor : UNWIND_LIMITS.scanWords;
  const hit = scanForReturnAddress(env, last.registers.rsp, words, 8);
  if (!hit) return undefined;
  const frame: WalkFrame = {
    registers: { ...last.registers, rip: hit.value, rsp: hit.location + 8n },
    valid: new Set(['rip', 'rsp']),
    trust: 'scan',
    pc: hit.value,
    lookup: hit.value,
  };
  // Keep a plausible %rbp so that later frame-pointer steps have one (Breakpad does the same).
  const rbp = last.registers.rbp;
  if (isValid(last, 'rbp') && rbp !== undefined) {
    if (hit.location - 8n === rbp) {
      const saved = env.stack.readU64(rbp);
      if (saved !== null && saved > hit.location) {
        frame.registers.rbp = saved;
        frame.valid!.add('rbp');
      }
    } else if (rbp >= hit.location + 8n) {
      frame.valid!.add('rbp');
    }
  }
  return frame;
}

export const amd64Unwinder: Unwinder = {
  pointerSize: 8,
  ip: 'rip',
  sp: 'rsp',
  callerBack: 1n,
  showsReturnAddress: true,
  caller(frames, env, scanAllowed) {
    const last = frames[frames.length - 1];
    let frame = byCfi(last, env);
    if (!frame && last.trust === 'context' && env.os === 'windows') frame = bySimulatingReturn(last, env);
    if (!frame && env.os !== 'windows') frame = byFramePointer(last, env);
    if (!frame && scanAllowed) frame = byScan(last, env);
    return frame;
  },
};
