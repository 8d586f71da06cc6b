import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeCrashReason } from './index.js';
import type { ExceptionFacts } from './types.js';

// ExceptionFacts with defaults, so each test states only what it is about.
function facts(partial: Partial<ExceptionFacts> & Pick<ExceptionFacts, 'platform'>): ExceptionFacts {
  return { arch: 'amd64', code: 0, flags: 0, address: 0n, parameters: [], ...partial };
}

const linux = (code: number, flags = 0, extra: Partial<ExceptionFacts> = {}) =>
  decodeCrashReason(facts({ platform: 'linux', code, flags, ...extra }));

test('SIGSEGV keeps Breakpad\'s missing space after the slash', () => {
  assert.equal(linux(11, 1).reason, 'SIGSEGV /SEGV_MAPERR');
  assert.equal(linux(11, 2).reason, 'SIGSEGV /SEGV_ACCERR');
  assert.equal(linux(11, 9).reason, 'SIGSEGV /SEGV_MTESERR');
  // si_code 0 (SI_USER: sent by kill) is not a SEGV_ code: Breakpad prints the number.
  assert.equal(linux(11, 0).reason, 'SIGSEGV /0x00000000');
  assert.equal(linux(11, 0x80).reason, 'SIGSEGV /0x00000080');
});

test('SIGILL, SIGBUS and SIGFPE name their si_code after " / "', () => {
  assert.equal(linux(4, 2).reason, 'SIGILL / ILL_ILLOPN');
  assert.equal(linux(4, 8).reason, 'SIGILL / ILL_BADSTK');
  assert.equal(linux(7, 1).reason, 'SIGBUS / BUS_ADRALN');
  assert.equal(linux(7, 5).reason, 'SIGBUS / BUS_MCEERR_AO');
  assert.equal(linux(8, 1).reason, 'SIGFPE / FPE_INTDIV');
  assert.equal(linux(8, 0).reason, 'SIGFPE / 0x00000000');
  assert.equal(linux(8, 0xfffffffa).reason, 'SIGFPE / 0xfffffffa'); // si_code SI_TKILL (-6)
});

test('other signals are named alone, whatever the flags', () => {
  assert.equal(linux(6, 0xfffffffa).reason, 'SIGABRT');
  assert.equal(linux(5, 1).reason, 'SIGTRAP');
  assert.equal(linux(16).reason, 'SIGSTKFLT');
  assert.equal(linux(30).reason, 'SIGPWR');
  assert.equal(linux(31).reason, 'SIGSYS');
  assert.equal(linux(0xffffffff).reason, 'DUMP_REQUESTED');
});

test('Android uses the Linux wording', () => {
  assert.equal(decodeCrashReason(facts({ platform: 'android', arch: 'arm', code: 11, flags: 1 })).reason, 'SIGSEGV /SEGV_MAPERR');
});

test('an unknown signal keeps the numeric reason', () => {
  assert.equal(linux(0).reason, '0x00000000 / 0x00000000');
  assert.equal(linux(34, 3).reason, '0x00000022 / 0x00000003'); // SIGRTMIN
});

test('the address is the exception address, cut to 32 bits on 32-bit CPUs only', () => {
  const addr = 0x1234_5678_9abc_def0n;
  assert.equal(linux(11, 1, { address: addr }).address, addr);
  assert.equal(linux(11, 1, { address: addr, arch: 'arm64' }).address, addr);
  assert.equal(linux(11, 1, { address: addr, arch: 'arm' }).address, 0x9abc_def0n);
  assert.equal(linux(11, 1, { address: addr, arch: 'x86' }).address, 0x9abc_def0n);
  assert.equal(linux(11, 1, { address: addr, arch: 'mips' }).address, 0x9abc_def0n);
  assert.equal(linux(11, 1, { address: addr, arch: 'mips64' }).address, addr);
  // Parameters mean nothing on Linux: no access-violation address rule here.
  assert.equal(linux(11, 1, { address: 0x10n, parameters: [1n, 0x20n] }).address, 0x10n);
});
