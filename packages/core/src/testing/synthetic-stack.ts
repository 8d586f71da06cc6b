/**
 * Synthetic stacks for unwinder tests: a few words of stack memory at a fixed address, one
 * module, and inline .sym text, so each test shows the one rule it checks.
 */
import type { CpuArch, CpuContext } from '../report/cpu.js';
import type { ModuleInfo } from '../report/model.js';
import { BreakpadSymbolSupplier } from '../symbols/supplier.js';
import { StackMemory } from '../unwind/stack-memory.js';
import { FrameSymbolizer } from '../unwind/symbolizer.js';
import { walkStack, type WalkResult } from '../unwind/walker.js';

export const MODULE: ModuleInfo = { base: 0x400000n, size: 0x10000n, codeFile: 'app', debugFile: 'app', debugId: 'ID0', codeId: '' };
export const STACK = 0x7000n;

/** Little-endian words of `size` bytes from STACK upwards. */
export function stackOf(words: bigint[], size: 4 | 8, start: bigint = STACK): StackMemory {
  const bytes = new Uint8Array(words.length * size);
  const view = new DataView(bytes.buffer);
  words.forEach((w, i) => (size === 8 ? view.setBigUint64(i * 8, w, true) : view.setUint32(i * 4, Number(w), true)));
  return new StackMemory(start, bytes);
}

/** Address of the n-th word of `size` bytes. */
export function word(n: number, size: 4 | 8): bigint {
  return STACK + BigInt(n * size);
}

/** Symbols for MODULE from .sym text, or none (a module without symbols). */
export function symbolizer(sym?: string): FrameSymbolizer {
  if (sym === undefined) return new FrameSymbolizer([MODULE]);
  const store = { name: 'mem', readFile: (p: string) => (p === 'app/ID0/app.sym' ? new TextEncoder().encode(sym) : null) };
  return new FrameSymbolizer([MODULE], new BreakpadSymbolSupplier([store]));
}

export function context(arch: CpuArch, registers: Record<string, bigint>, ip = 'pc', sp = 'sp', fp?: string): CpuContext {
  return { arch, registers, ip, sp, fp };
}

export function walk(ctx: CpuContext, stack: StackMemory, sym?: string, os = 'linux', max?: number): WalkResult {
  return walkStack(ctx, { stack, symbols: symbolizer(sym), os }, max);
}
