import type { ByteView } from '../../io/byte-view.js';
import { KDBG_OWNER_TAG } from './constants.js';

/**
 * The start of `KDDEBUGGER_DATA64` (wdbgexts.h): a `DBGKD_DEBUG_DATA_HEADER64` (list entry, owner
 * tag 'KDBG' at 0x10, size at 0x14), then KernBase at 0x18 and PsLoadedModuleList at 0x48. All
 * fields are 64-bit even on 32-bit Windows. Only the fields the analysis uses are read.
 */
export interface RawKdDebuggerData {
  size: number;
  kernBase: bigint;
  psLoadedModuleList: bigint;
  psActiveProcessHead: bigint;
}

export function readKdDebuggerData(v: ByteView): RawKdDebuggerData | null {
  if (!v.has(0, 0x58) || v.u32(0x10) !== KDBG_OWNER_TAG) return null;
  return { size: v.u32(0x14), kernBase: v.u64(0x18), psLoadedModuleList: v.u64(0x48), psActiveProcessHead: v.u64(0x50) };
}
