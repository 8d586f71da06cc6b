// Unwinders on synthetic stacks: a few words of stack memory, a module list and inline .sym
// text, built here so each case shows the one rule it tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CpuArch, CpuContext } from '../report/cpu.js';
import type { ModuleInfo } from '../report/model.js';
import { BreakpadSymbolSupplier } from '../symbols/supplier.js';
import { StackMemory } from './stack-memory.js';
import { FrameSymbolizer } from './symbolizer.js';
import { walkStack } from './walker.js';

const MODULE: ModuleInfo = { base: 0x400000n, size: 0x10000n, codeFile: 'app', debugFile: 'app', debugId: 'ID0', codeId: '' };
const STACK = 0x7000n;

function stackOf(words: bigint[], size: 4 | 8): StackMemory {
  const bytes = new Uint8Array(words.length * size);
  const view = new DataView(bytes.buffer);
  words.forEach((w, i) => (size === 8 ? view.setBigUint64(i * 8, w, true) : view.setUint32(i * 4, Number(w), true)));
  return new StackMemory(STACK, bytes);
}

function symbolizer(sym?: string): FrameSymbolizer {
  if (sym === undefined) return new FrameSymbolizer([MODULE]);
  const store = { name: 'mem', readFile: (p: string) => (p === 'app/ID0/app.sym' ? new TextEncoder().encode(sym) : null) };
  return new FrameSymbolizer([MODULE], new BreakpadSymbolSupplier([store]));
}

function context(arch: CpuArch, registers: Record<string, bigint>): CpuContext {
  const names = { amd64: ['rip', 'rsp', 'rbp'], x86: ['eip', 'esp', 'ebp'], arm64: ['pc', 'sp', 'fp'] }[arch as 'amd64'];
  return { arch, registers, ip: names[0], sp: names[1], fp: names[2] };
}

function walk(ctx: CpuContext, stack: StackMemory, sym?: string, os = 'linux', max?: number) {
  return walkStack(ctx, { stack, symbols: symbolizer(sym), os }, max);
}

const W = (n: number): bigint => STACK + BigInt(n) * 8n; // address of the n-th 8-byte word
const W4 = (n: number): bigint => STACK + BigInt(n) * 4n;

test('amd64: CFI recovers the caller; callers are looked up at return address - 1', () => {
  const sym = ['MODULE Linux x86_64 ID0 app', 'FUNC 1000 100 0 callee', 'FUNC 2000 100 0 caller', 'STACK CFI INIT 1000 100 .cfa: $rsp 8 + .ra: .cfa -8 + ^', ''].join('\n');
  const stack = stackOf([0x402010n, 0n, 0n], 8);
  const r = walk(context('amd64', { rip: 0x401010n, rsp: W(0), rbp: 0x1n, rbx: 7n }), stack, sym);
  assert.equal(r.frames.length, 2);
  assert.equal(r.frames[1].trust, 'cfi');
  assert.equal(r.frames[1].pc, 0x402010n);
  assert.equal(r.frames[1].lookup, 0x40200fn);
  assert.equal(r.frames[1].registers.rsp, W(1));
  // rbx is callee-saves and unmentioned: carried over; rax is not.
  assert.ok(r.frames[1].valid?.has('rbx'));
  assert.ok(!r.frames[1].valid?.has('rax'));
});

test('amd64: frame pointer chain without symbols, ending where the saved rbp stops', () => {
  // frame 0 rbp → W(2): [W(2)] = W(6) saved rbp, [W(3)] = return; W(6): [W(6)] = 0, [W(7)] = return.
  const stack = stackOf([0n, 0n, W(6), 0x403000n, 0n, 0n, W(10), 0x404000n, 0n, 0n, 0n, 0n], 8);
  const r = walk(context('amd64', { rip: 0x401000n, rsp: W(0), rbp: W(2) }), stack);
  assert.deepEqual(r.frames.map((f) => f.trust), ['context', 'frame_pointer', 'frame_pointer', 'scan'].slice(0, r.frames.length));
  assert.equal(r.frames[1].pc, 0x403000n);
  assert.equal(r.frames[2].pc, 0x404000n);
  assert.equal(r.frames[2].registers.rsp, W(8));
});

test('amd64 on Windows: no frame pointer; a leaf is unwound by simulating a return, then scanning skips data', () => {
  // Top of stack: a return address (leaf). Then a pointer into data (no module), then code.
  const stack = stackOf([0x402000n, 0x12345678n, 0x403000n, 0n], 8);
  const r = walk(context('amd64', { rip: 0x401000n, rsp: W(0), rbp: W(1) }), stack, undefined, 'windows');
  assert.deepEqual(r.frames.map((f) => f.trust), ['context', 'leaf', 'scan']);
  assert.equal(r.frames[2].pc, 0x403000n);
  assert.equal(r.frames[2].registers.rsp, W(3));
});

test('scan: with symbols, a return address must fall inside a known function', () => {
  const sym = ['MODULE Linux x86_64 ID0 app', 'FUNC 1000 100 0 f', 'FUNC 3000 100 0 g', ''].join('\n');
  // 0x402000 is inside the module but in no function: skipped; 0x403010 is inside g.
  const stack = stackOf([0x402000n, 0x403010n, 0n], 8);
  const r = walk(context('amd64', { rip: 0x401000n, rsp: W(0), rbp: 1n }), stack, sym);
  assert.equal(r.frames.length, 2);
  assert.equal(r.frames[1].trust, 'scan');
  assert.equal(r.frames[1].pc, 0x403010n);
});

test('a CFI rule that moves the stack pointer backwards ends the walk', () => {
  const sym = ['MODULE Linux x86_64 ID0 app', 'FUNC 1000 100 0 f', 'STACK CFI INIT 1000 100 .cfa: $rsp 16 - .ra: $rsp ^', ''].join('\n');
  const stack = stackOf([0x402000n, 0n, 0n, 0n], 8);
  const r = walk(context('amd64', { rip: 0x401010n, rsp: W(2), rbp: 1n }), stack, sym);
  assert.equal(r.frames.length, 1);
});

test('x86: a looping %ebp chain stops when the stack pointer stops increasing', () => {
  // Slot 1 holds its own address (the saved %ebp points at itself); slot 2 a return address.
  const loop = stackOf([0n, W4(1), 0x402000n, 0n, 0n], 4);
  const r = walk(context('x86', { eip: 0x401000n, esp: W4(0), ebp: W4(1) }), loop);
  assert.deepEqual(r.frames.map((f) => f.trust), ['context', 'frame_pointer']);
  assert.equal(r.frames[1].registers.esp, W4(3));
});

test('x86: an FPO STACK WIN record finds the return address above locals and saved registers', () => {
  // 8 bytes of locals, 4 of saved registers: the return address is the fourth word.
  const sym = ['MODULE windows x86 ID0 app', 'FUNC 1000 100 0 f', 'FUNC 2000 100 0 g', 'STACK WIN 0 1000 100 0 0 0 4 8 0 0 0', ''].join('\n');
  const stack = stackOf([0n, 0n, 0n, 0x402010n, 0n], 4);
  const r = walk(context('x86', { eip: 0x401010n, esp: W4(0), ebp: 0x1n }), stack, sym, 'windows');
  assert.equal(r.frames[1].trust, 'cfi');
  assert.equal(r.frames[1].pc, 0x402010n);
  assert.equal(r.frames[1].registers.esp, W4(4));
});

test('x86: a return address that points into data is not taken; the walk scans past it', () => {
  // %ebp points outside the stack, so the walker scans: 0x9000 is in no module.
  const stack = stackOf([0x9000n, 0x402000n, 0n], 4);
  const r = walk(context('x86', { eip: 0x401000n, esp: W4(0), ebp: 0x100n }), stack);
  assert.equal(r.frames[1].trust, 'scan');
  assert.equal(r.frames[1].pc, 0x402000n);
});

test('the frame limit stops a long walk and says so', () => {
  // An %ebp chain of 8 frames, limited to 3.
  const words: bigint[] = [];
  for (let i = 0; i < 8; i++) words.push(W4(i * 2 + 2), 0x402000n);
  const r = walk(context('x86', { eip: 0x401000n, esp: W4(0), ebp: W4(0) }), stackOf(words, 4), undefined, 'linux', 3);
  assert.equal(r.frames.length, 3);
  assert.match(r.truncated ?? '', /3 frames/);
});

test('arm64: the frame pointer gives the caller the callee link register', () => {
  // fp → W(0): [W(0)] = W(2) saved fp, [W(1)] = saved lr.
  const stack = stackOf([W(2), 0x403000n, 0n, 0n], 8);
  const r = walk(context('arm64', { pc: 0x401000n, sp: W(0), fp: W(0), lr: 0x402000n }), stack);
  assert.equal(r.frames[1].trust, 'frame_pointer');
  assert.equal(r.frames[1].pc, 0x402000n);
  assert.equal(r.frames[1].registers.lr, 0x403000n);
  assert.equal(r.frames[1].registers.sp, W(2));
});
