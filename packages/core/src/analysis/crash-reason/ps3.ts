// PlayStation 3: Breakpad's minidump_exception_ps3.h codes, worded as GetCrashReason (MD_OS_PS3)
// does. Note COPRO_HALTINST_UNKNOWN prints as "COPRO_HALTINSTR_UNKNOWN".
import type { ExceptionFacts, FamilyDecoded } from './types.js';

export const PS3_EXCEPTION_NAMES: ReadonlyMap<number, string> = new Map([
  [0, 'UNKNOWN'],
  [1, 'TRAP_EXCEP'],
  [2, 'PRIV_INSTR'],
  [3, 'ILLEGAL_INSTR'],
  [4, 'INSTR_STORAGE'],
  [5, 'INSTR_SEGMENT'],
  [6, 'DATA_STORAGE'],
  [7, 'DATA_SEGMENT'],
  [8, 'FLOAT_POINT'],
  [9, 'DABR_MATCH'],
  [10, 'ALIGN_EXCEP'],
  [11, 'MEMORY_ACCESS'],
  [12, 'COPRO_ALIGN'],
  [13, 'COPRO_INVALID_COM'],
  [14, 'COPRO_ERR'],
  [15, 'COPRO_FIR'],
  [16, 'COPRO_DATA_SEGMENT'],
  [17, 'COPRO_DATA_STORAGE'],
  [18, 'COPRO_STOP_INSTR'],
  [19, 'COPRO_HALT_INSTR'],
  [20, 'COPRO_HALTINSTR_UNKNOWN'],
  [21, 'COPRO_MEMORY_ACCESS'],
  [22, 'GRAPHIC'],
]);

export function decodePs3(facts: ExceptionFacts): FamilyDecoded | undefined {
  const name = PS3_EXCEPTION_NAMES.get(facts.code >>> 0);
  return name === undefined ? undefined : { reason: name };
}
