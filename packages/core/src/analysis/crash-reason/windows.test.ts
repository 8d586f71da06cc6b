import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeCrashReason } from './index.js';
import { MD_CPU_ARCHITECTURE_X86_WIN64 } from './cpu-architecture.js';
import { NTSTATUS_NAMES } from './ntstatus-names.generated.js';
import type { ExceptionFacts } from './types.js';

// ExceptionFacts with defaults, so each test states only what it is about.
function facts(partial: Partial<ExceptionFacts> & Pick<ExceptionFacts, 'platform'>): ExceptionFacts {
  return { arch: 'amd64', code: 0, flags: 0, address: 0n, parameters: [], ...partial };
}

const win = (code: number, extra: Partial<ExceptionFacts> = {}) =>
  decodeCrashReason(facts({ platform: 'windows', code, ...extra }));

test('access violations name the access type and fault on the data address', () => {
  const read = win(0xc0000005, { address: 0x401000n, parameters: [0n, 0x45n] });
  assert.deepEqual(read, { reason: 'EXCEPTION_ACCESS_VIOLATION_READ', address: 0x45n });
  assert.equal(win(0xc0000005, { parameters: [1n, 0n] }).reason, 'EXCEPTION_ACCESS_VIOLATION_WRITE');
  assert.equal(win(0xc0000005, { parameters: [8n, 0n] }).reason, 'EXCEPTION_ACCESS_VIOLATION_EXEC');
  assert.equal(win(0xc0000005, { parameters: [2n, 0n] }).reason, 'EXCEPTION_ACCESS_VIOLATION');
  // One parameter: the type is known but not the data address, so the code address stays.
  assert.deepEqual(win(0xc0000005, { address: 0x401000n, parameters: [1n] }), {
    reason: 'EXCEPTION_ACCESS_VIOLATION_WRITE',
    address: 0x401000n,
  });
  assert.deepEqual(win(0xc0000005, { address: 0x401000n }), { reason: 'EXCEPTION_ACCESS_VIOLATION', address: 0x401000n });
});

test('non-canonical amd64 faults keep all 64 bits; x86 cuts them', () => {
  assert.equal(win(0xc0000005, { parameters: [0n, 0xffffffffffffffffn] }).address, 0xffffffffffffffffn);
  assert.equal(win(0xc0000005, { arch: 'x86', parameters: [1n, 0xffffffff00000045n] }).address, 0x45n);
  const wow = win(0xc0000005, { processorArchitecture: MD_CPU_ARCHITECTURE_X86_WIN64, parameters: [1n, 0x1_0000_0045n] });
  assert.equal(wow.address, 0x45n);
});

test('in-page errors add the NTSTATUS of the failed I/O', () => {
  const d = win(0xc0000006, { address: 0x1000n, parameters: [0n, 0x7ff6_0000_1000n, 0xc000009cn] });
  assert.deepEqual(d, { reason: 'EXCEPTION_IN_PAGE_ERROR_READ / STATUS_DEVICE_DATA_ERROR', address: 0x7ff6_0000_1000n });
  assert.equal(win(0xc0000006, { parameters: [8n, 0n, 0xc000000en] }).reason, 'EXCEPTION_IN_PAGE_ERROR_EXEC / STATUS_NO_SUCH_DEVICE');
  assert.equal(win(0xc0000006, { parameters: [1n, 0n, 0xc0000185n] }).reason, 'EXCEPTION_IN_PAGE_ERROR_WRITE / STATUS_IO_DEVICE_ERROR');
  // An NTSTATUS Breakpad does not name (not error class) prints as 0x%08x.
  assert.equal(win(0xc0000006, { parameters: [0n, 0n, 0x103n] }).reason, 'EXCEPTION_IN_PAGE_ERROR_READ / 0x00000103');
  assert.equal(win(0xc0000006, { parameters: [3n, 0n] }).reason, 'EXCEPTION_IN_PAGE_ERROR');
  assert.equal(win(0xc0000006).reason, 'EXCEPTION_IN_PAGE_ERROR');
  // The status is read as 32 bits, as Breakpad's cast does.
  assert.equal(win(0xc0000006, { parameters: [0n, 0n, 0xffffffff_c000009cn] }).reason, 'EXCEPTION_IN_PAGE_ERROR_READ / STATUS_DEVICE_DATA_ERROR');
});

test('fast-fail codes name STATUS_STACK_BUFFER_OVERRUN crashes', () => {
  assert.equal(win(0xc0000409, { parameters: [7n] }).reason, 'FAST_FAIL_FATAL_APP_EXIT');
  assert.equal(win(0xc0000409, { parameters: [2n, 0n, 0n] }).reason, 'FAST_FAIL_STACK_COOKIE_CHECK_FAILURE');
  assert.equal(win(0xc0000409, { parameters: [10n] }).reason, 'FAST_FAIL_GUARD_ICALL_CHECK_FAILURE');
  assert.equal(win(0xc0000409, { parameters: [54n] }).reason, 'FAST_FAIL_UNHANDLED_LSS_EXCEPTON');
  assert.equal(win(0xc0000409, { parameters: [70n] }).reason, 'FAST_FAIL_INVALID_FLS_DATA');
  // 0 (legacy /GS), gaps and unknown codes, and no parameter at all: the plain name.
  for (const p of [[0n], [15n], [71n], []]) {
    assert.equal(win(0xc0000409, { parameters: p }).reason, 'EXCEPTION_STACK_BUFFER_OVERRUN');
  }
  // The fast-fail address is the exception address (no parameter rule).
  assert.equal(win(0xc0000409, { address: 0x7ff75355af42n, parameters: [7n, 0x99n] }).address, 0x7ff75355af42n);
});

test('fixed names, Breakpad spellings included', () => {
  assert.equal(win(0x80000003).reason, 'EXCEPTION_BREAKPOINT');
  assert.equal(win(0xc00000fd).reason, 'EXCEPTION_STACK_OVERFLOW');
  assert.equal(win(0xc000008c).reason, 'EXCEPTION_BOUNDS_EXCEEDED');
  assert.equal(win(0xc0000374).reason, 'EXCEPTION_HEAP_CORRUPTION');
  assert.equal(win(0x40010005).reason, 'DBG_CONTROL_C');
  assert.equal(win(0xe06d7363).reason, 'Unhandled C++ Exception');
  assert.equal(win(0xe0000008).reason, 'Out of Memory');
  assert.equal(win(0x0517a7ed).reason, 'Simulated Exception');
});

test('unknown codes keep "0x%08x / 0x%08x" of code and flags, never an NTSTATUS name', () => {
  // STATUS_INVALID_PARAMETER (the CRT's invalid-parameter handler) has a name, but not here.
  assert.equal(win(0xc000000d).reason, '0xc000000d / 0x00000000');
  assert.equal(win(0xc0000602, { flags: 1 }).reason, '0xc0000602 / 0x00000001');
  assert.equal(win(0, { flags: 0 }).reason, '0x00000000 / 0x00000000');
});

test('the generated NTSTATUS table is the error-class table Breakpad names', () => {
  assert.equal(NTSTATUS_NAMES.size, 2115);
  for (const [value, name] of NTSTATUS_NAMES) {
    assert.ok(value >>> 0 === value && (value & 0xc0000000) >>> 0 === 0xc0000000, `${name}: error severity`);
    assert.match(name, /^[A-Z][A-Z0-9_]+$/);
  }
  assert.equal(NTSTATUS_NAMES.get(0xc0000005), 'STATUS_ACCESS_VIOLATION');
  assert.equal(NTSTATUS_NAMES.get(0xc0e7000b), 'STATUS_SPACES_NOT_ENOUGH_DRIVES');
  assert.equal(NTSTATUS_NAMES.get(0xc0020001), 'RPC_NT_INVALID_STRING_BINDING');
});
