// Windows: exception_code is the NTSTATUS the exception was raised with; exception_information
// carries per-code detail. Wording from Breakpad's MinidumpProcessor::GetCrashReason
// (MD_OS_WIN32_NT / MD_OS_WIN32_WINDOWS); codes from minidump_exception_win32.h (WinBase.h/WinNT.h).
import { FAST_FAIL_NAMES } from './windows-fast-fail.js';
import { low32 } from './format.js';
import { ntStatusToString } from './ntstatus.js';
import type { ExceptionFacts, FamilyDecoded } from './types.js';

export const EXCEPTION_ACCESS_VIOLATION = 0xc0000005;
export const EXCEPTION_IN_PAGE_ERROR = 0xc0000006;
export const STATUS_STACK_BUFFER_OVERRUN = 0xc0000409;

/** Codes whose reason is a fixed string. Note Breakpad's own spellings: EXCEPTION_BOUNDS_EXCEEDED
 * (not ARRAY_), and the plain-English names of the Chromium OOM, MSVC C++ and Crashpad codes. */
export const WINDOWS_EXCEPTION_NAMES: ReadonlyMap<number, string> = new Map([
  [0x40010005, 'DBG_CONTROL_C'],
  [0x80000001, 'EXCEPTION_GUARD_PAGE'],
  [0x80000002, 'EXCEPTION_DATATYPE_MISALIGNMENT'],
  [0x80000003, 'EXCEPTION_BREAKPOINT'],
  [0x80000004, 'EXCEPTION_SINGLE_STEP'],
  [0xc0000008, 'EXCEPTION_INVALID_HANDLE'],
  [0xc000001d, 'EXCEPTION_ILLEGAL_INSTRUCTION'],
  [0xc0000025, 'EXCEPTION_NONCONTINUABLE_EXCEPTION'],
  [0xc0000026, 'EXCEPTION_INVALID_DISPOSITION'],
  [0xc000008c, 'EXCEPTION_BOUNDS_EXCEEDED'],
  [0xc000008d, 'EXCEPTION_FLT_DENORMAL_OPERAND'],
  [0xc000008e, 'EXCEPTION_FLT_DIVIDE_BY_ZERO'],
  [0xc000008f, 'EXCEPTION_FLT_INEXACT_RESULT'],
  [0xc0000090, 'EXCEPTION_FLT_INVALID_OPERATION'],
  [0xc0000091, 'EXCEPTION_FLT_OVERFLOW'],
  [0xc0000092, 'EXCEPTION_FLT_STACK_CHECK'],
  [0xc0000093, 'EXCEPTION_FLT_UNDERFLOW'],
  [0xc0000094, 'EXCEPTION_INT_DIVIDE_BY_ZERO'],
  [0xc0000095, 'EXCEPTION_INT_OVERFLOW'],
  [0xc0000096, 'EXCEPTION_PRIV_INSTRUCTION'],
  [0xc00000fd, 'EXCEPTION_STACK_OVERFLOW'],
  [0xc00000ff, 'EXCEPTION_BAD_FUNCTION_TABLE'],
  [0xc0000194, 'EXCEPTION_POSSIBLE_DEADLOCK'],
  [0xc0000374, 'EXCEPTION_HEAP_CORRUPTION'],
  [0xe0000008, 'Out of Memory'], // Chromium allocators' OOM exception
  [0xe06d7363, 'Unhandled C++ Exception'], // MSVC's throw ('msc')
  [0x0517a7ed, 'Simulated Exception'], // Crashpad's DumpWithoutCrash
]);

/** exception_information[0] of an access violation or in-page error: what the faulting access was
 * (MDAccessViolationTypeWin / MDInPageErrorTypeWin). */
export const ACCESS_TYPE_SUFFIXES: ReadonlyMap<number, string> = new Map([
  [0, '_READ'],
  [1, '_WRITE'],
  [8, '_EXEC'], // DEP: data execution prevention
]);

/** "EXCEPTION_ACCESS_VIOLATION" or "EXCEPTION_IN_PAGE_ERROR", refined by the access type. */
function withAccessType(base: string, parameters: bigint[]): string {
  const type = parameters[0];
  if (type === undefined) return base;
  return base + (ACCESS_TYPE_SUFFIXES.get(low32(type)) ?? '');
}

/** Returns undefined for a code Breakpad does not name (the caller keeps the numeric reason). */
export function decodeWindows(facts: ExceptionFacts): FamilyDecoded | undefined {
  const code = facts.code >>> 0;
  const params = facts.parameters;
  // For both memory faults Windows puts the faulting data address in exception_information[1];
  // the instruction address is in the crashing thread's context anyway.
  const faultAddress = params.length >= 2 ? params[1] : undefined;
  switch (code) {
    case EXCEPTION_ACCESS_VIOLATION:
      return { reason: withAccessType('EXCEPTION_ACCESS_VIOLATION', params), address: faultAddress };
    case EXCEPTION_IN_PAGE_ERROR: {
      let reason = withAccessType('EXCEPTION_IN_PAGE_ERROR', params);
      // exception_information[2]: the NTSTATUS of the failed paging I/O, the real explanation.
      const ioStatus = params[2];
      if (ioStatus !== undefined) reason += ` / ${ntStatusToString(low32(ioStatus))}`;
      return { reason, address: faultAddress };
    }
    case STATUS_STACK_BUFFER_OVERRUN: {
      // __fastfail raises this code whatever the cause; the cause is the fast-fail code.
      const fastFail = params[0];
      const name = fastFail === undefined ? undefined : FAST_FAIL_NAMES.get(low32(fastFail));
      return { reason: name ?? 'EXCEPTION_STACK_BUFFER_OVERRUN' };
    }
    default: {
      const name = WINDOWS_EXCEPTION_NAMES.get(code);
      return name === undefined ? undefined : { reason: name };
    }
  }
}
