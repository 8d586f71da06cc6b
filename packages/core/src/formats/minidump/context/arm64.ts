import type { ByteView } from '../../../io/byte-view.js';
import type { CpuContext } from '../../../report/cpu.js';

/**
 * ARM64 contexts. Windows' CONTEXT (arm64, 912 bytes; Breakpad's MDRawContextARM64 uses the same
 * layout): ContextFlags u32, Cpsr u32, X0..X28, Fp, Lr, Sp, Pc, V[32] (128-bit), Fpcr, Fpsr, debug
 * registers. Breakpad's older layout (MDRawContextARM64_Old, flag 0x80000000): u64 flags,
 * x0..x28, fp, lr, sp (32 u64), pc u64, cpsr u32, fpsr u32, fpcr u32, v[32].
 */
export const CONTEXT_ARM64_SIZE = 912;
export const CONTEXT_ARM64 = 0x00400000;
export const MD_CONTEXT_ARM64_OLD = 0x80000000;
export const CONTEXT_ARM64_OLD_SIZE = 8 + 33 * 8 + 4 + 4 + 4 + 32 * 16;

function names(): string[] {
  const out: string[] = [];
  for (let i = 0; i <= 28; i++) out.push(`x${i}`);
  return out;
}

export function readContextArm64(v: ByteView): CpuContext {
  const registers: Record<string, bigint> = {};
  const regs = names();
  if (v.length >= CONTEXT_ARM64_SIZE && (v.u32(0) & CONTEXT_ARM64) === CONTEXT_ARM64) {
    regs.forEach((n, i) => (registers[n] = v.u64(8 + i * 8)));
    registers.fp = v.u64(8 + 29 * 8);
    registers.lr = v.u64(8 + 30 * 8);
    registers.sp = v.u64(256);
    registers.pc = v.u64(264);
    return {
      arch: 'arm64',
      registers,
      ip: 'pc',
      sp: 'sp',
      fp: 'fp',
      extended: { contextFlags: v.u32(0), cpsr: v.u32(4), fpcr: v.u32(784), fpsr: v.u32(788) },
    };
  }
  v.need(0, 8 + 33 * 8 + 4, 'arm64 CONTEXT (Breakpad old layout)');
  regs.forEach((n, i) => (registers[n] = v.u64(8 + i * 8)));
  registers.fp = v.u64(8 + 29 * 8);
  registers.lr = v.u64(8 + 30 * 8);
  registers.sp = v.u64(8 + 31 * 8);
  registers.pc = v.u64(8 + 32 * 8);
  return { arch: 'arm64', registers, ip: 'pc', sp: 'sp', fp: 'fp', extended: { contextFlags: v.u64(0), cpsr: v.u32(272) } };
}
