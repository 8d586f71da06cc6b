import {
  MD_CPU_ARCHITECTURE_ARM,
  MD_CPU_ARCHITECTURE_MIPS,
  MD_CPU_ARCHITECTURE_PPC,
  MD_CPU_ARCHITECTURE_SHX,
  MD_CPU_ARCHITECTURE_X86,
  MD_CPU_ARCHITECTURE_X86_WIN64,
} from './cpu-architecture.js';

const MASKED_TO_32_BITS = new Set([
  MD_CPU_ARCHITECTURE_X86,
  MD_CPU_ARCHITECTURE_MIPS,
  MD_CPU_ARCHITECTURE_PPC,
  MD_CPU_ARCHITECTURE_SHX,
  MD_CPU_ARCHITECTURE_ARM,
  MD_CPU_ARCHITECTURE_X86_WIN64,
]);

/**
 * Breakpad's `GetAddressForArchitecture`: on 32-bit CPUs the upper half of a 64-bit address field
 * is noise (a sign-extended pointer, or garbage a 32-bit writer left), so it is masked off. Every
 * other id, including ones whose width cannot be told (SPARC, MSIL), keeps all 64 bits.
 */
export function addressForArchitecture(processorArchitecture: number, address: bigint): bigint {
  const raw = BigInt.asUintN(64, address);
  return MASKED_TO_32_BITS.has(processorArchitecture) ? raw & 0xffffffffn : raw;
}
