import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeCrashReason } from './index.js';
import { MD_CPU_ARCHITECTURE_ARM64_OLD } from './cpu-architecture.js';
import type { ExceptionFacts } from './types.js';

// ExceptionFacts with defaults, so each test states only what it is about.
function facts(partial: Partial<ExceptionFacts> & Pick<ExceptionFacts, 'platform'>): ExceptionFacts {
  return { arch: 'amd64', code: 0, flags: 0, address: 0n, parameters: [], ...partial };
}

const mac = (code: number, flags: number, extra: Partial<ExceptionFacts> = {}) =>
  decodeCrashReason(facts({ platform: 'mac', code, flags, ...extra })).reason;

test('EXC_BAD_ACCESS names kern_return_t codes on every CPU', () => {
  assert.equal(mac(1, 1), 'EXC_BAD_ACCESS / KERN_INVALID_ADDRESS');
  assert.equal(mac(1, 2, { arch: 'arm64' }), 'EXC_BAD_ACCESS / KERN_PROTECTION_FAILURE');
  assert.equal(mac(1, 50, { arch: 'ppc' }), 'EXC_BAD_ACCESS / KERN_CODESIGN_ERROR');
  assert.equal(mac(1, 13), 'EXC_BAD_ACCESS / EXC_I386_GPFLT');
  assert.equal(mac(1, 13, { arch: 'x86' }), 'EXC_BAD_ACCESS / EXC_I386_GPFLT');
});

test('the CPU decides overlapping Mach codes', () => {
  assert.equal(mac(1, 0x101, { arch: 'arm' }), 'EXC_BAD_ACCESS / EXC_ARM_DA_ALIGN');
  assert.equal(mac(1, 0x101, { arch: 'ppc' }), 'EXC_BAD_ACCESS / EXC_PPC_VM_PROT_READ');
  assert.equal(mac(1, 0x101), 'EXC_BAD_ACCESS / 0x00000101');
  assert.equal(mac(2, 1, { arch: 'arm' }), 'EXC_BAD_INSTRUCTION / EXC_ARM_UNDEFINED');
  assert.equal(mac(2, 1, { arch: 'ppc' }), 'EXC_BAD_INSTRUCTION / EXC_PPC_INVALID_SYSCALL');
  assert.equal(mac(2, 1), 'EXC_BAD_INSTRUCTION / EXC_I386_INVOP');
  assert.equal(mac(2, 17, { arch: 'x86' }), 'EXC_BAD_INSTRUCTION / EXC_I386_ALIGNFLT');
  assert.equal(mac(3, 3, { arch: 'ppc' }), 'EXC_ARITHMETIC / EXC_FLT_INEXACT');
  assert.equal(mac(3, 1), 'EXC_ARITHMETIC / EXC_I386_DIV');
  assert.equal(mac(3, 1, { arch: 'arm' }), 'EXC_ARITHMETIC / 0x00000001');
  assert.equal(mac(6, 1, { arch: 'arm' }), 'EXC_BREAKPOINT / EXC_ARM_BREAKPOINT');
  assert.equal(mac(6, 2), 'EXC_BREAKPOINT / EXC_I386_BPT');
  assert.equal(mac(6, 1, { arch: 'ppc' }), 'EXC_BREAKPOINT / EXC_PPC_BREAKPOINT');
});

test('ARM sub-codes need Breakpad\'s ARM or old-ARM64 id, as in Breakpad', () => {
  // Microsoft's ARM64 id (12), what arch 'arm64' stands for, is not in Breakpad's ARM branch.
  assert.equal(mac(6, 1, { arch: 'arm64' }), 'EXC_BREAKPOINT / 0x00000001');
  assert.equal(
    mac(6, 1, { arch: 'arm64', processorArchitecture: MD_CPU_ARCHITECTURE_ARM64_OLD }),
    'EXC_BREAKPOINT / EXC_ARM_BREAKPOINT',
  );
});

test('EXC_SOFTWARE codes, and types that always show the raw code', () => {
  assert.equal(mac(5, 0x00010002), 'EXC_SOFTWARE / SIGABRT');
  assert.equal(mac(5, 0xdeadc0de), 'EXC_SOFTWARE / UNCAUGHT_NS_EXCEPTION');
  assert.equal(mac(5, 0x00010100, { arch: 'arm64' }), 'EXC_SOFTWARE / EXC_PPC_MIGRATE');
  assert.equal(mac(5, 7), 'EXC_SOFTWARE / 0x00000007');
  assert.equal(mac(4, 1), 'EXC_EMULATION / 0x00000001');
  assert.equal(mac(7, 2), 'EXC_SYSCALL / 0x00000002');
  assert.equal(mac(8, 0), 'EXC_MACH_SYSCALL / 0x00000000');
  assert.equal(mac(9, 0), 'EXC_RPC_ALERT / 0x00000000');
  assert.equal(mac(11, 0x1234), 'EXC_RESOURCE / 0x00001234');
  assert.equal(mac(12, 0), 'EXC_GUARD / 0x00000000');
});

test('Crashpad\'s simulated exceptions and unknown types', () => {
  assert.equal(mac(0x43507378, 0), 'Simulated Exception');
  assert.equal(decodeCrashReason(facts({ platform: 'ios', arch: 'arm64', code: 0x43506e78, flags: 5 })).reason, 'Uncaught NSException');
  // EXC_CRASH (10) and EXC_CORPSE_NOTIFY are not in Breakpad's switch: numeric reason.
  assert.equal(mac(10, 0x6), '0x0000000a / 0x00000006');
  assert.equal(mac(0, 0), '0x00000000 / 0x00000000');
});

test('iOS decodes like macOS; the address is the exception address', () => {
  const d = decodeCrashReason(facts({ platform: 'ios', arch: 'arm64', code: 1, flags: 1, address: 0xffffffff80000042n }));
  assert.deepEqual(d, { reason: 'EXC_BAD_ACCESS / KERN_INVALID_ADDRESS', address: 0xffffffff80000042n });
  const ppc = decodeCrashReason(facts({ platform: 'mac', arch: 'ppc', code: 1, flags: 1, address: 0x1_0000_0010n }));
  assert.equal(ppc.address, 0x10n);
});
