// Solaris, PS3, Fuchsia, NaCl and unknown platforms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeCrashReason } from './index.js';
import type { ExceptionFacts } from './types.js';

// ExceptionFacts with defaults, so each test states only what it is about.
function facts(partial: Partial<ExceptionFacts> & Pick<ExceptionFacts, 'platform'>): ExceptionFacts {
  return { arch: 'amd64', code: 0, flags: 0, address: 0n, parameters: [], ...partial };
}

test('Solaris signals, with the double names Breakpad prints', () => {
  const sol = (code: number) => decodeCrashReason(facts({ platform: 'solaris', arch: 'sparc', code, flags: 3 })).reason;
  assert.equal(sol(11), 'SIGSEGV');
  assert.equal(sol(10), 'SIGBUS'); // 10 is SIGBUS on Solaris, SIGUSR1 on Linux
  assert.equal(sol(6), 'SIGIOT | SIGABRT');
  assert.equal(sol(18), 'SIGCLD | SIGCHLD');
  assert.equal(sol(22), 'SIGPOLL | SIGIO');
  assert.equal(sol(40), 'SIGJVM2');
  assert.equal(sol(41), '0x00000029 / 0x00000003');
});

test('SPARC addresses keep 64 bits (Breakpad cannot tell the width)', () => {
  const d = decodeCrashReason(facts({ platform: 'solaris', arch: 'sparc', code: 11, address: 0xdead_0000_beefn }));
  assert.equal(d.address, 0xdead_0000_beefn);
});

test('PS3 exception names, including Breakpad\'s HALTINSTR spelling', () => {
  const ps3 = (code: number) => decodeCrashReason(facts({ platform: 'ps3', arch: 'ppc64', code })).reason;
  assert.equal(ps3(0), 'UNKNOWN');
  assert.equal(ps3(6), 'DATA_STORAGE');
  assert.equal(ps3(20), 'COPRO_HALTINSTR_UNKNOWN');
  assert.equal(ps3(22), 'GRAPHIC');
  assert.equal(ps3(23), '0x00000017 / 0x00000000');
});

test('Fuchsia exception types always show the flags', () => {
  const fx = (code: number, flags: number) => decodeCrashReason(facts({ platform: 'fuchsia', arch: 'arm64', code, flags })).reason;
  assert.equal(fx(0x108, 0), 'FATAL_PAGE_FAULT / 0x00000000');
  assert.equal(fx(0x8, 0x1f), 'GENERAL / 0x0000001f');
  assert.equal(fx(0x8308, 1), 'PROCESS_STARTING / 0x00000001');
  assert.equal(fx(0x9, 1), '0x00000009 / 0x00000001');
});

test('NaCl and unknown platforms keep the numeric reason, still cut to the CPU width', () => {
  const nacl = decodeCrashReason(facts({ platform: 'nacl', arch: 'x86', code: 11, flags: 1, address: 0x1_2345_6789n }));
  assert.deepEqual(nacl, { reason: '0x0000000b / 0x00000001', address: 0x2345_6789n });
  const unknown = decodeCrashReason(facts({ platform: 'unknown', arch: 'unknown', code: 0xc0000005, flags: 0, address: 0x1_2345_6789n }));
  assert.deepEqual(unknown, { reason: '0xc0000005 / 0x00000000', address: 0x1_2345_6789n });
});
