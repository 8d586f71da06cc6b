import { decodeLatin1 } from '../../../io/byte-view.js';
import type { StreamInput } from '../stream-context.js';
import { readMinidumpString } from '../location.js';

/** MINIDUMP_SYSTEM_INFO (minidumpapiset.h), 56 bytes. */
export interface RawSystemInfo {
  processorArchitecture: number;
  processorLevel: number;
  processorRevision: number;
  numberOfProcessors: number;
  productType: number;
  majorVersion: number;
  minorVersion: number;
  buildNumber: number;
  platformId: number;
  csdVersionRva: number;
  suiteMask: number;
  /** CPU_INFORMATION.X86CpuInfo: VendorId[3], VersionInformation, FeatureInformation, AMDExtendedCpuFeatures. */
  x86?: { vendorId: string; versionInformation: number; featureInformation: number; amdExtendedCpuFeatures: number };
  /** CPU_INFORMATION.OtherCpuInfo.ProcessorFeatures[2]; Breakpad stores ARM cpuid/elf_hwcaps here. */
  otherFeatures: [bigint, bigint];
  /** ARM: Breakpad's CPU_INFORMATION.arm_cpu_info { cpuid u32, elf_hwcaps u32 }. */
  armCpuid: number;
  csdVersion?: string;
}
export const SYSTEM_INFO_SIZE = 56;

export function readSystemInfo(input: StreamInput): RawSystemInfo {
  const v = input.data;
  v.need(0, SYSTEM_INFO_SIZE, 'MINIDUMP_SYSTEM_INFO');
  const info: RawSystemInfo = {
    processorArchitecture: v.u16(0),
    processorLevel: v.u16(2),
    processorRevision: v.u16(4),
    numberOfProcessors: v.u8(6),
    productType: v.u8(7),
    majorVersion: v.u32(8),
    minorVersion: v.u32(12),
    buildNumber: v.u32(16),
    platformId: v.u32(20),
    csdVersionRva: v.u32(24),
    suiteMask: v.u16(28),
    otherFeatures: [v.u64(32), v.u64(40)],
    armCpuid: v.u32(32),
  };
  if (info.processorArchitecture === 0 || info.processorArchitecture === 9 || info.processorArchitecture === 10) {
    // VendorId is three u32 registers (EBX, EDX, ECX) stored as raw bytes: read them as text.
    info.x86 = {
      vendorId: decodeLatin1(v.slice(32, 12)).replace(/\0+$/, ''),
      versionInformation: v.u32(44),
      featureInformation: v.u32(48),
      amdExtendedCpuFeatures: v.u32(52),
    };
  }
  if (info.csdVersionRva !== 0) {
    info.csdVersion = readMinidumpString(input.file, info.csdVersionRva, 'SystemInfoStream CSDVersion');
  }
  return info;
}
