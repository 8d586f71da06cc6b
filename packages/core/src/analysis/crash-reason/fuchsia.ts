// Fuchsia: zircon exception types (zircon/syscalls/exception.h via Breakpad's
// minidump_exception_fuchsia.h). Breakpad always appends the raw flags: "FATAL_PAGE_FAULT / 0x...".
import { hex8 } from './format.js';
import type { ExceptionFacts, FamilyDecoded } from './types.js';

export const FUCHSIA_EXCEPTION_NAMES: ReadonlyMap<number, string> = new Map([
  [0x8, 'GENERAL'],
  [0x108, 'FATAL_PAGE_FAULT'],
  [0x208, 'UNDEFINED_INSTRUCTION'],
  [0x308, 'SW_BREAKPOINT'],
  [0x408, 'HW_BREAKPOINT'],
  [0x508, 'UNALIGNED_ACCESS'],
  [0x8008, 'THREAD_STARTING'],
  [0x8108, 'THREAD_EXITING'],
  [0x8208, 'POLICY_ERROR'],
  [0x8308, 'PROCESS_STARTING'],
]);

export function decodeFuchsia(facts: ExceptionFacts): FamilyDecoded | undefined {
  const name = FUCHSIA_EXCEPTION_NAMES.get(facts.code >>> 0);
  return name === undefined ? undefined : { reason: `${name} / ${hex8(facts.flags)}` };
}
