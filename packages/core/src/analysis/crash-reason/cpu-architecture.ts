import type { CpuArch } from '../../report/cpu.js';

// MDCPUArchitecture values (Breakpad minidump_format.h; Microsoft's PROCESSOR_ARCHITECTURE_* for
// the ids below 0x8000, Breakpad's own above).
export const MD_CPU_ARCHITECTURE_X86 = 0;
export const MD_CPU_ARCHITECTURE_MIPS = 1;
export const MD_CPU_ARCHITECTURE_PPC = 3;
export const MD_CPU_ARCHITECTURE_SHX = 4;
export const MD_CPU_ARCHITECTURE_ARM = 5;
export const MD_CPU_ARCHITECTURE_AMD64 = 9;
export const MD_CPU_ARCHITECTURE_X86_WIN64 = 10;
export const MD_CPU_ARCHITECTURE_ARM64 = 12;
export const MD_CPU_ARCHITECTURE_SPARC = 0x8001;
export const MD_CPU_ARCHITECTURE_PPC64 = 0x8002;
export const MD_CPU_ARCHITECTURE_ARM64_OLD = 0x8003;
export const MD_CPU_ARCHITECTURE_MIPS64 = 0x8004;
export const MD_CPU_ARCHITECTURE_RISCV64 = 0x8006;
export const MD_CPU_ARCHITECTURE_UNKNOWN = 0xffff;

const FROM_ARCH: Record<CpuArch, number> = {
  x86: MD_CPU_ARCHITECTURE_X86,
  amd64: MD_CPU_ARCHITECTURE_AMD64,
  arm: MD_CPU_ARCHITECTURE_ARM,
  // Microsoft's id, which Crashpad and current Breakpad clients write.
  arm64: MD_CPU_ARCHITECTURE_ARM64,
  ppc: MD_CPU_ARCHITECTURE_PPC,
  ppc64: MD_CPU_ARCHITECTURE_PPC64,
  mips: MD_CPU_ARCHITECTURE_MIPS,
  mips64: MD_CPU_ARCHITECTURE_MIPS64,
  sparc: MD_CPU_ARCHITECTURE_SPARC,
  riscv64: MD_CPU_ARCHITECTURE_RISCV64,
  s390x: MD_CPU_ARCHITECTURE_UNKNOWN,
  unknown: MD_CPU_ARCHITECTURE_UNKNOWN,
};

export function processorArchitectureOf(arch: CpuArch, raw?: number): number {
  return raw ?? FROM_ARCH[arch];
}
