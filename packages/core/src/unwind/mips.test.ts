// MIPS unwinding (32- and 64-bit) on synthetic stacks (see testing/synthetic-stack.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CpuArch } from '../report/cpu.js';
import { context, stackOf, walk, word } from '../testing/synthetic-stack.js';

const W = (n: number): bigint => word(n, 4);
const D = (n: number): bigint => word(n, 8);

const NAMES = [
  'zero', 'at', 'v0', 'v1', 'a0', 'a1', 'a2', 'a3', 't0', 't1', 't2', 't3', 't4', 't5', 't6', 't7',
  's0', 's1', 's2', 's3', 's4', 's5', 's6', 's7', 't8', 't9', 'k0', 'k1', 'gp', 'sp', 'fp', 'ra',
];

function mipsContext(arch: CpuArch, set: Record<string, bigint>) {
  const registers: Record<string, bigint> = {};
  for (const n of NAMES) registers[n] = set[n] ?? 0n;
  registers.pc = set.pc ?? 0n;
  return context(arch, registers, 'pc', 'sp', 'fp');
}

test('mips32: CFI gives the caller ra from .ra, pc two instructions before it, sp from .cfa', () => {
  const sym = ['MODULE Linux mips ID0 app', 'FUNC 1000 100 0 f', 'FUNC 2000 100 0 g', 'STACK CFI INIT 1000 100 .cfa: $sp 16 + .ra: .cfa -4 + ^ $s1: .cfa -8 + ^', ''].join('\n');
  const stack = stackOf([0n, 0n, 0x5151n, 0x402010n, 0n, 0n], 4);
  const r = walk(mipsContext('mips', { pc: 0x401010n, sp: W(0), s0: 0x50n, s1: 1n, gp: 9n, v0: 3n, ra: 0x999n }), stack, sym);
  assert.equal(r.frames.length, 2);
  const caller = r.frames[1];
  assert.equal(caller.trust, 'cfi');
  assert.equal(caller.registers.ra, 0x402010n);
  assert.equal(caller.pc, 0x402008n);
  // Looked up and shown at that pc, not one before it.
  assert.equal(caller.lookup, 0x402008n);
  assert.equal(caller.registers.sp, W(4));
  assert.equal(caller.registers.s1, 0x5151n);
  assert.ok(caller.valid?.has('s0'));
  // gp is not callee-saves in the o32 ABI; v0 never is.
  assert.ok(!caller.valid?.has('gp'));
  assert.ok(!caller.valid?.has('v0'));
});

test('mips64: pc is 16 bytes before the return address, and gp is kept', () => {
  const sym = ['MODULE Linux mips64 ID0 app', 'FUNC 1000 100 0 f', 'FUNC 2000 100 0 g', 'STACK CFI INIT 1000 100 .cfa: $sp 16 + .ra: .cfa -8 + ^', ''].join('\n');
  const stack = stackOf([0n, 0x402020n, 0n, 0n], 8);
  const r = walk(mipsContext('mips64', { pc: 0x401010n, sp: D(0), gp: 9n }), stack, sym);
  assert.equal(r.frames[1].trust, 'cfi');
  assert.equal(r.frames[1].pc, 0x402010n);
  assert.equal(r.frames[1].registers.sp, D(2));
  assert.ok(r.frames[1].valid?.has('gp'));
  assert.equal(r.frames[1].registers.gp, 9n);
});

test('mips32 scan: a return address needs its saved fp less than 1 KiB above it; above a caller, four argument words are skipped', () => {
  const words: bigint[] = new Array(12).fill(0n);
  words[0] = 0x9000n; // fp below the first candidate: 8 KiB away, so W(1) is passed over
  words[1] = 0x402010n;
  words[2] = W(10);
  words[3] = 0x403010n; // accepted: frame 1
  words[4] = W(10);
  words[5] = 0x404010n; // inside frame 1's argument area: never looked at
  words[8] = W(10);
  words[9] = 0x405010n; // frame 2
  const r = walk(mipsContext('mips', { pc: 0x401000n, sp: W(0) }), stackOf(words, 4));
  assert.deepEqual(r.frames.map((f) => f.trust), ['context', 'scan', 'scan']);
  assert.equal(r.frames[1].pc, 0x403008n);
  assert.equal(r.frames[1].registers.ra, 0x403010n);
  assert.equal(r.frames[1].registers.fp, W(10));
  assert.equal(r.frames[1].registers.sp, W(4));
  assert.equal(r.frames[2].pc, 0x405008n);
});

test('mips32 scan: a return address with no readable word below it ends the walk', () => {
  const r = walk(mipsContext('mips', { pc: 0x401000n, sp: W(0) }), stackOf([0x402010n, 0n], 4));
  assert.equal(r.frames.length, 1);
});
