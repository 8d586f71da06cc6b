import type { ByteView } from '../../../io/byte-view.js';
import type { CpuArch, CpuContext } from '../../../report/cpu.js';

/**
 * Breakpad's MDRawContextMIPS (google_breakpad/common/minidump_cpu_mips.h), 600 bytes, one
 * layout for 32- and 64-bit MIPS (registers are always stored as u64):
 *   context_flags u32, _pad0 u32, iregs[32] u64 at 8, mdhi u64 at 264, mdlo u64 at 272,
 *   hi[3] u32 at 280, lo[3] u32 at 292, dsp_control u32 at 304, _pad1, epc u64 at 312,
 *   badvaddr u64 at 320, status u32 at 328, cause u32 at 332, float_save (f0..f31 u64, fpcsr,
 *   fir) at 336.
 * The flags say which CPU: MD_CONTEXT_MIPS (0x00040000) or MD_CONTEXT_MIPS64 (0x00080000).
 */
export const MD_CONTEXT_MIPS = 0x00040000;
export const MD_CONTEXT_MIPS64 = 0x00080000;
export const CONTEXT_MIPS_SIZE = 600;

/** o32/n64 ABI names of r0..r31; r30 is s8/fp, which Breakpad prints as 'fp'. */
const IREG_NAMES = [
  'zero', 'at', 'v0', 'v1', 'a0', 'a1', 'a2', 'a3',
  't0', 't1', 't2', 't3', 't4', 't5', 't6', 't7',
  's0', 's1', 's2', 's3', 's4', 's5', 's6', 's7',
  't8', 't9', 'k0', 'k1', 'gp', 'sp', 'fp', 'ra',
];

export function readContextMips(v: ByteView, arch?: CpuArch): CpuContext {
  v.need(0, 336, 'MIPS CONTEXT');
  const flags = v.u32(0);
  const registers: Record<string, bigint> = {};
  IREG_NAMES.forEach((n, i) => (registers[n] = v.u64(8 + i * 8)));
  registers.pc = v.u64(312);
  registers.hi = v.u64(264);
  registers.lo = v.u64(272);
  const which: CpuArch = arch === 'mips' || arch === 'mips64' ? arch : (flags & MD_CONTEXT_MIPS64) === MD_CONTEXT_MIPS64 ? 'mips64' : 'mips';
  return {
    arch: which,
    registers,
    ip: 'pc',
    sp: 'sp',
    fp: 'fp',
    extended: { contextFlags: flags, badvaddr: v.u64(320), status: v.u32(328), cause: v.u32(332), dspControl: v.u32(304) },
  };
}
