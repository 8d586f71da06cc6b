// Constants from Microsoft's minidumpapiset.h (MINIDUMP_STREAM_TYPE, PROCESSOR_ARCHITECTURE_*,
// VER_PLATFORM_*) and Breakpad's minidump_format.h (the 0x4767xxxx Breakpad streams and
// platform ids, 0x4350xxxx Crashpad). Names keep the specifications' spelling.

/** 'MDMP' read little-endian. A big-endian producer writes 'PMDM'. */
export const MINIDUMP_SIGNATURE = 0x504d444d;
export const MINIDUMP_SIGNATURE_SWAPPED = 0x4d444d50;
/** Low 16 bits of `version`. */
export const MINIDUMP_VERSION = 0xa793;

export const MINIDUMP_STREAM_TYPE = {
  UnusedStream: 0,
  ReservedStream0: 1,
  ReservedStream1: 2,
  ThreadListStream: 3,
  ModuleListStream: 4,
  MemoryListStream: 5,
  ExceptionStream: 6,
  SystemInfoStream: 7,
  ThreadExListStream: 8,
  Memory64ListStream: 9,
  CommentStreamA: 10,
  CommentStreamW: 11,
  HandleDataStream: 12,
  FunctionTableStream: 13,
  UnloadedModuleListStream: 14,
  MiscInfoStream: 15,
  MemoryInfoListStream: 16,
  ThreadInfoListStream: 17,
  HandleOperationListStream: 18,
  TokenStream: 19,
  JavaScriptDataStream: 20,
  SystemMemoryInfoStream: 21,
  ProcessVmCountersStream: 22,
  IptTraceStream: 23,
  ThreadNamesStream: 24,
  // Breakpad extensions (0x4767 = 'Gg')
  BreakpadInfoStream: 0x47670001,
  AssertionInfoStream: 0x47670002,
  LinuxCpuInfo: 0x47670003,
  LinuxProcStatus: 0x47670004,
  LinuxLsbRelease: 0x47670005,
  LinuxCmdLine: 0x47670006,
  LinuxEnviron: 0x47670007,
  LinuxAuxv: 0x47670008,
  LinuxMaps: 0x47670009,
  LinuxDsoDebug: 0x4767000a,
  LinuxProcStat: 0x4767000b,
  LinuxProcUptime: 0x4767000c,
  LinuxProcLimits: 0x4767000d,
  LinuxProcLoadavg: 0x4767000e,
  // Crashpad extension ('CP')
  CrashpadInfoStream: 0x43500001,
  // macOS streams written by rust-minidump / Crashpad ('Mac' extensions)
  MozMacosCrashInfoStream: 0x4d7a0001,
  MozMacosBootargsStream: 0x4d7a0002,
  MozLinuxLimits: 0x4d7a0003,
  MozSoftErrors: 0x4d7a0004,
} as const;

const streamNames = new Map<number, string>(Object.entries(MINIDUMP_STREAM_TYPE).map(([k, v]) => [v, k]));

export function streamTypeName(type: number): string {
  return streamNames.get(type) ?? `UnknownStream(0x${type.toString(16).padStart(8, '0')})`;
}

/** PROCESSOR_ARCHITECTURE_* plus Breakpad's additions. */
export const PROCESSOR_ARCHITECTURE = {
  INTEL: 0,
  MIPS: 1,
  ALPHA: 2,
  PPC: 3,
  SHX: 4,
  ARM: 5,
  IA64: 6,
  ALPHA64: 7,
  MSIL: 8,
  AMD64: 9,
  IA32_ON_WIN64: 10,
  ARM64_WIN: 12, // PROCESSOR_ARCHITECTURE_ARM64 in Windows SDK
  SPARC: 0x8001, // Breakpad
  PPC64: 0x8002,
  ARM64_OLD: 0x8003, // Breakpad's pre-standard ARM64 value
  MIPS64: 0x8004,
  RISCV: 0x8005,
  RISCV64: 0x8006,
  UNKNOWN: 0xffff,
} as const;

/** MINIDUMP_SYSTEM_INFO.PlatformId: VER_PLATFORM_* and Breakpad's MD_OS_*. */
export const PLATFORM_ID = {
  VER_PLATFORM_WIN32s: 0,
  VER_PLATFORM_WIN32_WINDOWS: 1,
  VER_PLATFORM_WIN32_NT: 2,
  VER_PLATFORM_WIN32_CE: 3,
  MD_OS_UNIX: 0x8000,
  MD_OS_MAC_OS_X: 0x8101,
  MD_OS_IOS: 0x8102,
  MD_OS_LINUX: 0x8201,
  MD_OS_SOLARIS: 0x8202,
  MD_OS_ANDROID: 0x8203,
  MD_OS_PS3: 0x8204,
  MD_OS_NACL: 0x8205,
  MD_OS_FUCHSIA: 0x8206,
} as const;

/** VS_FIXEDFILEINFO.dwSignature. */
export const VS_FFI_SIGNATURE = 0xfeef04bd;

/** CodeView record signatures (first 4 bytes of the CV record). */
export const CV_SIGNATURE = {
  PDB70: 0x53445352, // 'RSDS'
  PDB20: 0x3031424e, // 'NB10'
  ELF: 0x4270454c, // 'LEpB' (Breakpad's MDCVInfoELF)
} as const;
