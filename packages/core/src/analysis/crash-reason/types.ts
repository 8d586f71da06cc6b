import type { CpuArch } from '../../report/cpu.js';

/** The operating-system families Breakpad's `MinidumpProcessor::GetCrashReason` tells apart. */
export type CrashPlatform =
  | 'windows'
  | 'linux'
  | 'android'
  | 'mac'
  | 'ios'
  | 'solaris'
  | 'nacl'
  | 'fuchsia'
  | 'ps3'
  | 'unknown';

/** What a minidump's exception stream (MINIDUMP_EXCEPTION) and system-info stream say. */
export interface ExceptionFacts {
  platform: CrashPlatform;
  arch: CpuArch;
  /**
   * The raw MINIDUMP_SYSTEM_INFO `ProcessorArchitecture`, when the reader has it. Breakpad keys a
   * few decisions on values `CpuArch` merges: the Apple ARM sub-codes exist only for ARM and the
   * old Breakpad ARM64 id 0x8003 (not the Microsoft ARM64 id 12), and addresses are cut to 32 bits
   * for X86_WIN64 and SHX too. Without it the id is derived from `arch`.
   */
  processorArchitecture?: number;
  code: number; // exception_code (u32)
  flags: number; // exception_flags (u32)
  address: bigint; // exception_address (u64)
  parameters: bigint[]; // exception_information[0..number_parameters)
}

export interface DecodedCrash {
  reason: string;
  address: bigint;
}

/** What a family decoder returns; the address rule for the architecture is applied afterwards. */
export interface FamilyDecoded {
  reason: string;
  /** The fault address before the 32-bit cut, when the family picks one other than exception_address. */
  address?: bigint;
}
