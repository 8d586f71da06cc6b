import type { CpuArch } from '../../report/cpu.js';
import type { CpuInfo, OsInfo, SystemInfo } from '../../report/model.js';
import { PLATFORM_ID, PROCESSOR_ARCHITECTURE } from './constants.js';
import type { RawSystemInfo } from './streams/system-info.js';

export function cpuArch(processorArchitecture: number): CpuArch {
  switch (processorArchitecture) {
    case PROCESSOR_ARCHITECTURE.INTEL:
    case PROCESSOR_ARCHITECTURE.IA32_ON_WIN64:
      return 'x86';
    case PROCESSOR_ARCHITECTURE.AMD64:
      return 'amd64';
    case PROCESSOR_ARCHITECTURE.ARM:
      return 'arm';
    case PROCESSOR_ARCHITECTURE.ARM64_WIN:
    case PROCESSOR_ARCHITECTURE.ARM64_OLD:
      return 'arm64';
    case PROCESSOR_ARCHITECTURE.PPC:
      return 'ppc';
    case PROCESSOR_ARCHITECTURE.PPC64:
      return 'ppc64';
    case PROCESSOR_ARCHITECTURE.MIPS:
      return 'mips';
    case PROCESSOR_ARCHITECTURE.MIPS64:
      return 'mips64';
    case PROCESSOR_ARCHITECTURE.SPARC:
      return 'sparc';
    case PROCESSOR_ARCHITECTURE.RISCV64:
      return 'riscv64';
    default:
      return 'unknown';
  }
}

/** Breakpad's OS names (MinidumpSystemInfo / ProcessState::system_info()->os) and rust-minidump's ids. */
const OS_NAMES: Record<number, [string, string]> = {
  [PLATFORM_ID.VER_PLATFORM_WIN32s]: ['Windows', 'windows'],
  [PLATFORM_ID.VER_PLATFORM_WIN32_WINDOWS]: ['Windows', 'windows'],
  [PLATFORM_ID.VER_PLATFORM_WIN32_NT]: ['Windows NT', 'windows'],
  [PLATFORM_ID.VER_PLATFORM_WIN32_CE]: ['Windows CE', 'windows'],
  [PLATFORM_ID.MD_OS_UNIX]: ['Unix', 'unix'],
  [PLATFORM_ID.MD_OS_MAC_OS_X]: ['Mac OS X', 'mac'],
  [PLATFORM_ID.MD_OS_IOS]: ['iOS', 'ios'],
  [PLATFORM_ID.MD_OS_LINUX]: ['Linux', 'linux'],
  [PLATFORM_ID.MD_OS_SOLARIS]: ['Solaris', 'solaris'],
  [PLATFORM_ID.MD_OS_ANDROID]: ['Android', 'android'],
  [PLATFORM_ID.MD_OS_PS3]: ['PS3', 'ps3'],
  [PLATFORM_ID.MD_OS_NACL]: ['NaCl', 'nacl'],
  [PLATFORM_ID.MD_OS_FUCHSIA]: ['Fuchsia', 'fuchsia'],
};

export function osInfo(raw: RawSystemInfo): OsInfo {
  const [platform, id] = OS_NAMES[raw.platformId] ?? [`0x${raw.platformId.toString(16).padStart(8, '0')}`, 'unknown'];
  const version = `${raw.majorVersion}.${raw.minorVersion}.${raw.buildNumber}`;
  // Breakpad appends the CSD version whenever the string exists, even empty; Linux writers put
  // uname there ("Linux 3.13.0-55-generic #94-Ubuntu ...").
  const description = raw.csdVersion !== undefined ? `${version} ${raw.csdVersion}` : version;
  const info: OsInfo = { platform, id, version, build: String(raw.buildNumber), description };
  if (raw.csdVersion && id === 'windows') info.servicePack = raw.csdVersion;
  // Linux writers store uname as "Linux <release> <version> <machine>": the release is the
  // version people quote, the rest its build.
  const uname = /^Linux (\S+) (.*) (\S+)$/.exec(raw.csdVersion ?? '');
  if (uname && (id === 'linux' || id === 'android')) {
    info.version = uname[1];
    info.build = uname[2];
  }
  return info;
}

/** ARM part numbers Breakpad names (MinidumpSystemInfo::GetCPUInfo for ARM). */
const ARM_VENDORS: Record<number, string> = { 0x41: 'ARM', 0x51: 'Qualcomm' };

export function cpuInfo(raw: RawSystemInfo): CpuInfo {
  const arch = cpuArch(raw.processorArchitecture);
  const info: CpuInfo = { arch, count: raw.numberOfProcessors };
  if (arch === 'x86' || arch === 'amd64') {
    info.family = raw.processorLevel;
    info.model = raw.processorRevision >> 8;
    info.stepping = raw.processorRevision & 0xff;
    // Breakpad names the vendor for x86 only (GetCPUVendor checks the architecture).
    const vendor = raw.x86?.vendorId;
    if (vendor) info.vendor = vendor;
    const base = `family ${info.family} model ${info.model} stepping ${info.stepping}`;
    info.description = arch === 'x86' && vendor ? `${vendor} ${base}` : base;
  } else if (arch === 'arm' && raw.armCpuid !== 0) {
    const implementer = raw.armCpuid >>> 24;
    const part = (raw.armCpuid >>> 4) & 0xfff;
    const vendor = ARM_VENDORS[implementer] ?? `vendor 0x${implementer.toString(16)}`;
    info.vendor = vendor;
    info.description = `ARMv${raw.processorLevel} ${vendor} part(0x${part.toString(16).padStart(8, '0')})`;
  } else {
    info.description = '';
  }
  return info;
}

export function systemInfo(raw: RawSystemInfo | undefined): SystemInfo {
  if (!raw) return { os: { platform: 'unknown', id: 'unknown' }, cpu: { arch: 'unknown' } };
  return { os: osInfo(raw), cpu: cpuInfo(raw) };
}
