import { hex8 } from './format.js';
import { NTSTATUS_NAMES } from './ntstatus-names.generated.js';

/** Breakpad's NTStatusToString (symbolic_constants_win.cc): the ntstatus.h name of an error-class
 * NTSTATUS, or "0x%08x" for one outside its table. */
export function ntStatusToString(status: number): string {
  return NTSTATUS_NAMES.get(status >>> 0) ?? hex8(status);
}
