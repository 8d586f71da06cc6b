import type { ByteView } from '../../../io/byte-view.js';
import type { CpuContext } from '../../../report/cpu.js';

/**
 * ARM64 `CONTEXT` (winnt.h `ARM64_NT_CONTEXT`, 0x390 bytes): ContextFlags, Cpsr, X0..X28 from 8,
 * Fp (x29) at 0xf0, Lr (x30) at 0xf8, Sp at 0x100, Pc at 0x108, then the NEON registers.
 */
export const ARM64_CONTEXT_SIZE = 0x390;

export function readArm64Context(v: ByteView, offset: number): CpuContext {
  const c = v.sub(offset, 0x110, 'CONTEXT');
  const registers: Record<string, bigint> = {};
  for (let i = 0; i < 29; i++) registers[`x${i}`] = c.u64(8 + i * 8);
  registers.fp = c.u64(0xf0);
  registers.lr = c.u64(0xf8);
  registers.sp = c.u64(0x100);
  registers.pc = c.u64(0x108);
  registers.cpsr = BigInt(c.u32(4));
  return { arch: 'arm64', registers, ip: 'pc', sp: 'sp', fp: 'fp', extended: { contextFlags: c.u32(0) } };
}
