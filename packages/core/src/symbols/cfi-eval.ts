/**
 * Recovers the caller's registers from a CFI rule set (Breakpad `CFIFrameInfo::FindCallerRegs`,
 * symbol_files.md "STACK CFI records"):
 *   1. `.cfa` is computed from the callee's registers;
 *   2. `.ra` and every register rule are computed from the callee's registers plus `.cfa`
 *      (a rule that names a register means the callee's value, even if another rule
 *      recovers the caller's);
 *   3. `.undef` marks a register as not recoverable.
 * `.cfa` and `.ra` are required; without them the rule set is unusable. A failing rule for any
 * other register leaves that register out (listed in `failed`) instead of failing the frame, as
 * rust-minidump does, so one unreadable save slot does not cost the whole walk.
 */
import { evaluateExpression, type EvalResult, type MemoryReader, type PostfixOptions } from './postfix.js';

export interface CallerRegisters {
  /** Canonical frame address: the caller's stack pointer unless a rule says otherwise. */
  cfa: bigint;
  /** Return address: the caller's program counter. */
  ra: bigint;
  /** Other registers recovered, keyed as the rules name them (`$ebp`, `$rbx`, `x29`). */
  registers: Map<string, bigint>;
  /** Registers whose rule could not be evaluated, with why. */
  failed: { register: string; error: string }[];
}

export function evaluateCfiRules(
  rules: ReadonlyMap<string, string>,
  callee: ReadonlyMap<string, bigint>,
  memory: MemoryReader,
  opts: PostfixOptions,
): EvalResult<CallerRegisters> {
  const cfaRule = rules.get('.cfa');
  const raRule = rules.get('.ra');
  if (cfaRule === undefined || raRule === undefined) {
    return { ok: false, error: 'CFI rules lack .cfa or .ra' };
  }
  const cfa = evaluateExpression(cfaRule, callee, memory, opts);
  if (!cfa.ok) return { ok: false, error: `.cfa: ${cfa.error}` };
  const vars = new Map(callee);
  vars.set('.cfa', cfa.value);
  const ra = evaluateExpression(raRule, vars, memory, opts);
  if (!ra.ok) return { ok: false, error: `.ra: ${ra.error}` };
  const out: CallerRegisters = { cfa: cfa.value, ra: ra.value, registers: new Map(), failed: [] };
  for (const [register, rule] of rules) {
    if (register === '.cfa' || register === '.ra') continue;
    if (rule === '.undef') continue;
    const v = evaluateExpression(rule, vars, memory, opts);
    if (v.ok) out.registers.set(register, v.value);
    else out.failed.push({ register, error: v.error });
  }
  return { ok: true, value: out };
}
