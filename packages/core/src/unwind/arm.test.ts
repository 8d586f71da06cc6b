// 32-bit ARM and ARM64 unwinding on synthetic stacks (see testing/synthetic-stack.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { context, MODULE, stackOf, symbolizer, walk, word } from '../testing/synthetic-stack.js';
import { toReportFrame } from './frames.js';

const W = (n: number): bigint => word(n, 4);
const X = (n: number): bigint => word(n, 8);

/** Every ARM register as the context readers name them (r11 is fp, r12 ip). */
function armContext(set: Record<string, bigint>) {
  const registers: Record<string, bigint> = {};
  for (const n of ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'fp', 'ip', 'sp', 'lr', 'pc']) registers[n] = set[n] ?? 0n;
  return context('arm', registers, 'pc', 'sp', 'fp');
}

function arm64Context(set: Record<string, bigint>) {
  const registers: Record<string, bigint> = {};
  for (let i = 0; i < 29; i++) registers[`x${i}`] = set[`x${i}`] ?? 0n;
  for (const n of ['fp', 'lr', 'sp', 'pc']) registers[n] = set[n] ?? 0n;
  return context('arm64', registers, 'pc', 'sp', 'fp');
}

const ARM_SYM = [
  'MODULE Linux arm ID0 app',
  'FUNC 1000 100 0 callee',
  'FUNC 2000 100 0 caller',
  'STACK CFI INIT 1000 100 .cfa: sp 8 + .ra: .cfa -4 + ^ r4: .cfa -8 + ^',
  '',
].join('\n');

test('arm: CFI recovers pc from .ra and sp from .cfa; callers are looked up and shown at pc - 2', () => {
  const stack = stackOf([0x4444n, 0x402011n, 0n, 0n], 4);
  const ctx = armContext({ pc: 0x401010n, sp: W(0), r0: 9n, r4: 1n, r5: 5n, lr: 0x402011n });
  const r = walk(ctx, stack, ARM_SYM);
  assert.equal(r.frames.length, 2);
  const caller = r.frames[1];
  assert.equal(caller.trust, 'cfi');
  assert.equal(caller.pc, 0x402011n);
  assert.equal(caller.lookup, 0x40200fn);
  assert.equal(caller.registers.sp, W(2));
  assert.equal(caller.registers.r4, 0x4444n);
  // r5 is callee-saves and unmentioned: kept. r0 and lr are not recovered: unknown (zero).
  assert.ok(caller.valid?.has('r5'));
  assert.ok(!caller.valid?.has('r0'));
  assert.ok(!caller.valid?.has('lr'));
  assert.equal(caller.registers.lr, 0n);
  // The frame is shown at the lookup address, and its offsets count from there.
  const shown = toReportFrame(caller, 'arm', 'pc', 'sp', 'fp', symbolizer(ARM_SYM));
  assert.equal(shown.instruction, 0x40200fn);
  assert.equal(shown.function, 'caller');
  assert.equal(shown.functionOffset, 0xfn);
});

test('arm on Linux: no frame-pointer step (r11 is not trusted); the walk scans instead', () => {
  // fp points at what looks like a frame record, but Breakpad only follows r7 on iOS.
  const stack = stackOf([W(4), 0x12345n, 0x403001n, 0n, 0n, 0n], 4);
  const r = walk(armContext({ pc: 0x401000n, sp: W(0), fp: W(0), lr: 0x402001n }), stack);
  assert.equal(r.frames[1].trust, 'scan');
  assert.equal(r.frames[1].pc, 0x403001n);
  assert.equal(r.frames[1].registers.sp, W(3));
});

test('arm on iOS: CFI is ignored and the r7 frame chain is followed', () => {
  // r7 → W(2): [W(2)] = W(4) saved r7, [W(3)] = saved lr; W(4) ends the chain.
  const stack = stackOf([0n, 0n, W(4), 0x403001n, 0n, 0n], 4);
  const r = walk(armContext({ pc: 0x401010n, sp: W(0), r7: W(2), lr: 0x402001n }), stack, ARM_SYM, 'ios');
  assert.deepEqual(r.frames.map((f) => f.trust), ['context', 'frame_pointer', 'frame_pointer']);
  assert.equal(r.frames[1].pc, 0x402001n);
  assert.equal(r.frames[1].registers.lr, 0x403001n);
  assert.equal(r.frames[1].registers.r7, W(4));
  assert.equal(r.frames[1].registers.sp, W(4));
  assert.equal(r.frames[2].pc, 0x403001n);
});

test('arm: the context frame scans 160 words, callers only 40', () => {
  const words: bigint[] = new Array(150).fill(0n);
  words[100] = 0x402001n; // 100 words above the context's sp: found
  words[142] = 0x403001n; // 41 words above the caller's sp: beyond its window
  const r = walk(armContext({ pc: 0x401000n, sp: W(0) }), stackOf(words, 4));
  assert.equal(r.frames.length, 2);
  assert.equal(r.frames[1].pc, 0x402001n);
  assert.equal(r.frames[1].registers.sp, W(101));
});

test('arm: a CFI rule that reads outside the stack fails, and scanning takes over', () => {
  const sym = ['MODULE Linux arm ID0 app', 'FUNC 1000 100 0 f', 'FUNC 2000 100 0 g', 'STACK CFI INIT 1000 100 .cfa: sp 4096 + .ra: .cfa -4 + ^', ''].join('\n');
  const r = walk(armContext({ pc: 0x401010n, sp: W(0) }), stackOf([0x402011n, 0n], 4), sym);
  assert.equal(r.frames[1].trust, 'scan');
  assert.equal(r.frames[1].pc, 0x402011n);
});

test('arm64: a CFI caller has no stale link register for the next frame-pointer step', () => {
  // The leaf's CFI recovers pc from x30 only; x29 (callee-saves) is kept. Its caller has no CFI:
  // the frame-pointer step must not return to the leaf's link register again.
  const sym = ['MODULE Linux arm64 ID0 app', 'FUNC 1000 100 0 leaf', 'FUNC 2000 100 0 f', 'STACK CFI INIT 1000 100 .cfa: sp 0 + .ra: x30', ''].join('\n');
  const stack = stackOf([0n, 0n, X(4), 0x403000n, 0n, 0n], 8);
  const r = walk(arm64Context({ pc: 0x401010n, sp: X(0), fp: X(2), lr: 0x402010n }), stack, sym);
  assert.deepEqual(r.frames.map((f) => f.trust), ['context', 'cfi']);
  assert.equal(r.frames[1].lookup, 0x40200cn);
  assert.equal(r.frames[1].registers.lr, 0n);
});

test('arm64: a CFI frame without a link register takes the one its callee saved, when the frame pointers agree', () => {
  // Frame 0's record at X(0): saved fp X(4), saved lr 0x403000. CFI recovers fp from it.
  // Frame 1 (fp X(4) above its sp) gets lr 0x403000; the chain then goes on from X(4).
  const sym = ['MODULE Linux arm64 ID0 app', 'FUNC 1000 100 0 f', 'FUNC 2000 100 0 g', 'FUNC 3000 100 0 h', 'STACK CFI INIT 1000 100 .cfa: sp 16 + .ra: x30 x29: .cfa -16 + ^', ''].join('\n');
  const stack = stackOf([X(4), 0x403000n, 0n, 0n, 0n, 0x404000n, 0n, 0n], 8);
  const r = walk(arm64Context({ pc: 0x401010n, sp: X(0), fp: X(0), lr: 0x402010n }), stack, sym);
  assert.deepEqual(r.frames.map((f) => f.trust), ['context', 'cfi', 'frame_pointer']);
  assert.equal(r.frames[1].pc, 0x402010n);
  assert.equal(r.frames[1].registers.lr, 0x403000n);
  assert.equal(r.frames[2].pc, 0x403000n);
  assert.equal(r.frames[2].registers.lr, 0x404000n);
  assert.equal(r.frames[2].registers.sp, X(6));
});

test('arm64: pointer-authentication bits are stripped from link registers that then land in a module', () => {
  // The highest module ends at 0x410000: addresses keep their low 23 bits.
  assert.equal(MODULE.base + MODULE.size, 0x410000n);
  const stack = stackOf([0n, 0x0012_0000_0040_3000n, 0n, 0n], 8);
  const r = walk(arm64Context({ pc: 0x401000n, sp: X(0), fp: X(0), lr: 0x0034_0000_0040_2000n }), stack);
  assert.equal(r.frames[1].trust, 'frame_pointer');
  assert.equal(r.frames[1].pc, 0x402000n);
  assert.equal(r.frames[1].lookup, 0x401ffcn);
  assert.equal(r.frames[1].registers.lr, 0x403000n);
});
