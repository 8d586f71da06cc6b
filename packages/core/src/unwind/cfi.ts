/**
 * Caller registers from CFI rules, as Breakpad's `CFIWalker::FindCallerRegisters`
 * (processor/cfi_frame_info-inl.h) assembles them from `CFIFrameInfo::FindCallerRegs`:
 *   - a register the rules recover takes that value (by its CFI name, else its alternate name:
 *     the stack pointer is `.cfa`, the program counter `.ra`);
 *   - a callee-saves register the rules do not mention keeps the callee's value, if known;
 *   - every other register is unknown in the caller.
 */
import { evaluateCfiRules } from '../symbols/cfi-eval.js';
import type { CfiRuleSet } from '../symbols/types.js';
import { isValid, type UnwindEnv, type WalkFrame } from './types.js';

export interface CfiRegister {
  /** Name in our CpuContext (`rbx`). */
  name: string;
  /** Name in CFI rules (`$rbx`, `x19`). */
  cfi: string;
  alternate?: '.cfa' | '.ra';
  calleeSaves: boolean;
}

export function callerByCfi(
  rules: CfiRuleSet,
  last: WalkFrame,
  map: readonly CfiRegister[],
  env: UnwindEnv,
  addressSize: 4 | 8,
): { registers: Record<string, bigint>; valid: Set<string> } | undefined {
  const callee = new Map<string, bigint>();
  for (const r of map) {
    if (isValid(last, r.name) && last.registers[r.name] !== undefined) callee.set(r.cfi, last.registers[r.name]);
  }
  const result = evaluateCfiRules(rules.rules, callee, env.stack, { addressSize });
  if (!result.ok) return undefined;
  const caller = result.value;
  const registers: Record<string, bigint> = { ...last.registers };
  const valid = new Set<string>();
  for (const r of map) {
    let v = caller.registers.get(r.cfi);
    if (v === undefined && r.alternate) v = r.alternate === '.cfa' ? caller.cfa : caller.ra;
    if (v === undefined && r.calleeSaves && callee.has(r.cfi)) v = callee.get(r.cfi);
    if (v === undefined) continue;
    registers[r.name] = v;
    valid.add(r.name);
  }
  return { registers, valid };
}
