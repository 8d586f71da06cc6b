/**
 * Breakpad postfix expressions (Breakpad `src/processor/postfix_evaluator.h`), used by
 * `STACK CFI` rules and `STACK WIN` FrameData programs:
 *   - a literal (decimal, possibly negative as in `.cfa -8 +`, or `0x` hex) pushes its value;
 *   - any other word is a variable (`$esp`, `.cfa`, `.raSearchStart`, `x30`, `$T0`);
 *   - `+ - * / %` pop b then a and push `a op b`; `@` aligns down: `a & ~(b - 1)`;
 *   - `^` pops an address and pushes the pointer-sized word stored there;
 *   - `=` pops a value then a variable name and assigns it (programs only).
 * Arithmetic wraps at the pointer size, as on the machine. Evaluation is bounded (token count,
 * stack depth) and every failure is a value (`{ ok: false, error }`), never an exception:
 * the walker falls back to another strategy.
 */
import { SYMBOL_LIMITS } from './limits.js';

/** Reads the dump's memory. `null` when the address is not in the dump. */
export interface MemoryReader {
  readU32(addr: bigint): number | null;
  readU64(addr: bigint): bigint | null;
}

export type EvalResult<T> = { ok: true; value: T } | { ok: false; error: string };

export interface PostfixOptions {
  /** Pointer size in bytes: 4 for x86/ARM, 8 for amd64/ARM64. Sets `^` width and wrapping. */
  addressSize: 4 | 8;
}

const BINARY = new Set(['+', '-', '*', '/', '%', '@']);
const DECIMAL = /^-?[0-9]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;

/** A stack slot: a value, or a variable name not yet resolved (so `=` can assign to it). */
type Slot = bigint | string;

function fail<T>(error: string): EvalResult<T> {
  return { ok: false, error };
}

class Machine {
  readonly stack: Slot[] = [];
  /** Variables a program assigned; they shadow `vars` for later tokens. The caller's map is never written. */
  readonly assigned = new Map<string, bigint>();
  private readonly mask: bigint;

  constructor(
    private readonly vars: ReadonlyMap<string, bigint>,
    private readonly memory: MemoryReader,
    private readonly opts: PostfixOptions,
  ) {
    this.mask = opts.addressSize === 4 ? 0xffff_ffffn : 0xffff_ffff_ffff_ffffn;
  }

  private value(slot: Slot): bigint | string {
    if (typeof slot === 'bigint') return slot;
    const v = this.assigned.get(slot) ?? this.vars.get(slot);
    return v === undefined ? `variable ${slot} has no value` : v & this.mask;
  }

  private popValue(op: string): bigint | string {
    const slot = this.stack.pop();
    return slot === undefined ? `"${op}" needs an operand the stack does not have` : this.value(slot);
  }

  /** Runs one token; returns an error message or undefined. */
  step(token: string): string | undefined {
    if (BINARY.has(token)) {
      const b = this.popValue(token);
      if (typeof b === 'string') return b;
      const a = this.popValue(token);
      if (typeof a === 'string') return a;
      let r: bigint;
      switch (token) {
        case '+': r = a + b; break;
        case '-': r = a - b; break;
        case '*': r = a * b; break;
        case '/': if (b === 0n) return 'division by zero'; r = a / b; break;
        case '%': if (b === 0n) return 'division by zero'; r = a % b; break;
        default: r = b === 0n ? a : a & ~(b - 1n); break; // '@'
      }
      this.stack.push(r & this.mask);
      return undefined;
    }
    if (token === '^') {
      const addr = this.popValue(token);
      if (typeof addr === 'string') return addr;
      const v = this.opts.addressSize === 4 ? this.memory.readU32(addr) : this.memory.readU64(addr);
      if (v === null) return `memory at 0x${addr.toString(16)} is not in the dump`;
      this.stack.push(BigInt(v) & this.mask);
      return undefined;
    }
    if (token === '=') {
      const v = this.popValue(token);
      if (typeof v === 'string') return v;
      const name = this.stack.pop();
      if (typeof name !== 'string') return '"=" needs a variable name to assign to';
      this.assigned.set(name, v);
      return undefined;
    }
    if (DECIMAL.test(token) || HEX.test(token)) {
      this.stack.push(BigInt(token) & this.mask);
    } else {
      this.stack.push(token);
    }
    if (this.stack.length > SYMBOL_LIMITS.postfixStackDepth) return 'postfix stack too deep';
    return undefined;
  }

  resolveTop(): bigint | string {
    return this.value(this.stack[this.stack.length - 1]);
  }
}

function tokenize(text: string): string[] | string {
  // CFI rules arrive with single spaces between tokens (see cfi-rules.ts): a plain split gives
  // the same tokens without the regular expression and the filtering pass.
  const plain = text.length > 0 && !text.includes('\t') && !text.includes('  ') && text[0] !== ' ' && text[text.length - 1] !== ' ';
  const tokens = plain ? text.split(' ') : text.split(/[ \t]+/).filter((t) => t.length > 0);
  if (tokens.length === 0) return 'empty expression';
  if (tokens.length > SYMBOL_LIMITS.postfixTokens) return `expression longer than ${SYMBOL_LIMITS.postfixTokens} tokens`;
  return tokens;
}

/** Evaluates a CFI expression to one value (`$esp 4 +`, `.cfa -8 + ^`, `x30`). */
export function evaluateExpression(
  expr: string,
  vars: ReadonlyMap<string, bigint>,
  memory: MemoryReader,
  opts: PostfixOptions,
): EvalResult<bigint> {
  const tokens = tokenize(expr);
  if (typeof tokens === 'string') return fail(tokens);
  const m = new Machine(vars, memory, opts);
  for (const t of tokens) {
    if (t === '=') return fail('assignment in an expression');
    const err = m.step(t);
    if (err) return fail(`${err} in "${expr}"`);
  }
  if (m.stack.length !== 1) return fail(`expression leaves ${m.stack.length} values instead of one: "${expr}"`);
  const v = m.resolveTop();
  return typeof v === 'string' ? fail(`${v} in "${expr}"`) : { ok: true, value: v };
}

/**
 * Runs a STACK WIN program (`$T0 $ebp = $eip $T0 4 + ^ = ...`) and returns the variables it
 * assigned, e.g. `$eip`, `$esp`, `$ebp` of the caller. Assignments are visible to later tokens.
 * The walker supplies `$ebp`, `$esp`, `.cbParams`, `.cbSavedRegs`, `.cbLocals`,
 * `.raSearchStart` and `.raSearch` (symbol_files.md, "Interpreting a STACK WIN record").
 */
export function runProgram(
  program: string,
  vars: ReadonlyMap<string, bigint>,
  memory: MemoryReader,
  opts: PostfixOptions = { addressSize: 4 },
): EvalResult<Map<string, bigint>> {
  const tokens = tokenize(program);
  if (typeof tokens === 'string') return fail(tokens);
  const m = new Machine(vars, memory, opts);
  for (const t of tokens) {
    const err = m.step(t);
    if (err) return fail(`${err} in "${program}"`);
  }
  // Breakpad treats anything left on the stack as an incomplete, malformed program.
  if (m.stack.length !== 0) return fail(`program leaves ${m.stack.length} values on the stack: "${program}"`);
  return { ok: true, value: m.assigned };
}
