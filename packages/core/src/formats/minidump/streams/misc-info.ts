import type { StreamInput } from '../stream-context.js';
import { decodeUtf16 } from '../../../io/byte-view.js';

/** MINIDUMP_MISC_INFO .. MINIDUMP_MISC_INFO_5 (minidumpapiset.h); later versions only add fields. */
export interface RawMiscInfo {
  sizeOfInfo: number;
  flags1: number;
  processId?: number;
  processCreateTime?: number;
  processUserTime?: number;
  processKernelTime?: number;
  processorMaxMhz?: number;
  processorCurrentMhz?: number;
  processorMhzLimit?: number;
  processIntegrityLevel?: number;
  processExecuteFlags?: number;
  protectedProcess?: number;
  timeZoneId?: number;
  timeZoneBias?: number;
  timeZoneStandardName?: string;
  timeZoneDaylightName?: string;
  buildString?: string;
  dbgBldStr?: string;
  /** XSTATE_CONFIG_FEATURE_MSC_INFO: where each XSAVE component sits in a thread's context. */
  xstate?: { contextSize: number; enabledFeatures: bigint; features: { index: number; offset: number; size: number }[] };
  processCookie?: number;
}

export const MINIDUMP_MISC1 = {
  PROCESS_ID: 0x1,
  PROCESS_TIMES: 0x2,
  PROCESSOR_POWER_INFO: 0x4,
  PROCESS_INTEGRITY: 0x10,
  PROCESS_EXECUTE_FLAGS: 0x20,
  TIMEZONE: 0x40,
  PROTECTED_PROCESS: 0x80,
  BUILDSTRING: 0x100,
  PROCESS_COOKIE: 0x200,
} as const;

const SIZE_1 = 24;
const SIZE_2 = 44;
const SIZE_3 = 232;
const SIZE_4 = 832;
const SIZE_5 = 1364;

export function readMiscInfo(input: StreamInput): RawMiscInfo {
  const v = input.data;
  const size = Math.min(v.u32(0), v.length);
  const f = v.u32(4);
  const info: RawMiscInfo = { sizeOfInfo: v.u32(0), flags1: f };
  const text = (off: number, bytes: number): string => decodeUtf16(v.slice(off, bytes), v.littleEndian).replace(/\0[\s\S]*$/, '');
  if (size >= SIZE_1) {
    if (f & MINIDUMP_MISC1.PROCESS_ID) info.processId = v.u32(8);
    if (f & MINIDUMP_MISC1.PROCESS_TIMES) {
      info.processCreateTime = v.u32(12);
      info.processUserTime = v.u32(16);
      info.processKernelTime = v.u32(20);
    }
  }
  if (size >= SIZE_2 && f & MINIDUMP_MISC1.PROCESSOR_POWER_INFO) {
    info.processorMaxMhz = v.u32(24);
    info.processorCurrentMhz = v.u32(28);
    info.processorMhzLimit = v.u32(32);
  }
  if (size >= SIZE_3) {
    if (f & MINIDUMP_MISC1.PROCESS_INTEGRITY) info.processIntegrityLevel = v.u32(44);
    if (f & MINIDUMP_MISC1.PROCESS_EXECUTE_FLAGS) info.processExecuteFlags = v.u32(48);
    if (f & MINIDUMP_MISC1.PROTECTED_PROCESS) info.protectedProcess = v.u32(52);
    if (f & MINIDUMP_MISC1.TIMEZONE) {
      info.timeZoneId = v.u32(56);
      // TIME_ZONE_INFORMATION at 60: Bias i32, StandardName[32] WCHAR, StandardDate(16), StandardBias,
      // DaylightName[32] WCHAR, DaylightDate(16), DaylightBias.
      info.timeZoneBias = v.i32(60);
      info.timeZoneStandardName = text(64, 64);
      info.timeZoneDaylightName = text(148, 64);
    }
  }
  if (size >= SIZE_4 && f & MINIDUMP_MISC1.BUILDSTRING) {
    info.buildString = text(232, 520);
    info.dbgBldStr = text(752, 80);
  }
  if (size >= SIZE_5) {
    // XSTATE_CONFIG_FEATURE_MSC_INFO at 832: SizeOfInfo, ContextSize, EnabledFeatures u64, Features[64].
    const enabled = v.u64(840);
    const features: { index: number; offset: number; size: number }[] = [];
    for (let i = 0; i < 64; i++) {
      if ((enabled >> BigInt(i)) & 1n) features.push({ index: i, offset: v.u32(848 + i * 8), size: v.u32(852 + i * 8) });
    }
    info.xstate = { contextSize: v.u32(836), enabledFeatures: enabled, features };
    if (f & MINIDUMP_MISC1.PROCESS_COOKIE) info.processCookie = v.u32(1360);
  }
  return info;
}
