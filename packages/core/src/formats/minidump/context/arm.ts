import type { ByteView } from '../../../io/byte-view.js';
import type { CpuContext } from '../../../report/cpu.js';

/**
 * 32-bit ARM contexts. Breakpad's MDRawContextARM (flag 0x40000000), 368 bytes: context_flags,
 * iregs[16] (r0..r12, sp, lr, pc), cpsr, then VFP state. Windows' CONTEXT for ARM (flag
 * 0x00200000): ContextFlags, R0..R12, Sp, Lr, Pc, Cpsr, Fpscr, D[32]...
 * Register names follow Breakpad: r11 is fp, r12 is ip.
 */
export const MD_CONTEXT_ARM = 0x40000000;
export const CONTEXT_ARM_WIN = 0x00200000;
const NAMES = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'fp', 'ip', 'sp', 'lr', 'pc'];

export function readContextArm(v: ByteView): CpuContext {
  v.need(0, 4 + 16 * 4 + 4, 'arm CONTEXT');
  const flags = v.u32(0);
  const registers: Record<string, bigint> = {};
  NAMES.forEach((n, i) => (registers[n] = BigInt(v.u32(4 + i * 4))));
  return { arch: 'arm', registers, ip: 'pc', sp: 'sp', fp: 'fp', extended: { contextFlags: flags, cpsr: v.u32(68) } };
}
