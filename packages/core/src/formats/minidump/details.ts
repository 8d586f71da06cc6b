import type { LinuxDetails } from './linux.js';
import type { RawBreakpadInfo } from './streams/breakpad-info.js';
import type { CrashpadInfo } from './streams/crashpad-info.js';
import type { HandleDescriptor } from './streams/handle-data.js';
import type { MacCrashInfoRecord } from './streams/mac-crash-info.js';
import type { RawMemoryInfo } from './streams/memory-info-list.js';
import type { RawMiscInfo } from './streams/misc-info.js';

/** Minidump-only facts, under `report.details.minidump`. */
export interface MinidumpDetails {
  header: { version: number; timeDateStamp: number; flags: bigint; checkSum: number };
  /** Every directory entry, known or not: an unknown stream is listed, never fatal. */
  streams: { type: number; name: string; size: number; rva: number }[];
  exception?: { threadId: number; code: number; flags: number; address: bigint; parameters: bigint[] };
  breakpadInfo?: RawBreakpadInfo;
  /** Index in report.threads of the thread that asked for the dump (Breakpad info), if any. */
  requestingThread: number | null;
  miscInfo?: RawMiscInfo;
  memoryRanges: number;
  memoryInfo?: RawMemoryInfo[];
  handles?: HandleDescriptor[];
  linux?: LinuxDetails;
  crashpad?: CrashpadInfo;
  macCrashInfo?: MacCrashInfoRecord[];
  macBootArgs?: string;
  systemInfoRaw?: { processorArchitecture: number; platformId: number; productType: number; suiteMask: number };
}
