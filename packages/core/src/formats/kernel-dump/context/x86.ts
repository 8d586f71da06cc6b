import type { ByteView } from '../../../io/byte-view.js';
import type { CpuContext } from '../../../report/cpu.js';

/**
 * x86 `CONTEXT` (winnt.h, 0x2cc bytes): ContextFlags, six debug registers, the 112-byte
 * FLOATING_SAVE_AREA, then Gs Fs Es Ds, Edi Esi Ebx Edx Ecx Eax, Ebp Eip Cs EFlags Esp Ss from 0x8c.
 */
export const X86_CONTEXT_SIZE = 0x2cc;

const ORDER = ['gs', 'fs', 'es', 'ds', 'edi', 'esi', 'ebx', 'edx', 'ecx', 'eax', 'ebp', 'eip', 'cs', 'eflags', 'esp', 'ss'];

export function readX86Context(v: ByteView, offset: number): CpuContext {
  const c = v.sub(offset, 0xcc, 'CONTEXT');
  const registers: Record<string, bigint> = {};
  ORDER.forEach((name, i) => (registers[name] = BigInt(c.u32(0x8c + i * 4))));
  return { arch: 'x86', registers, ip: 'eip', sp: 'esp', fp: 'ebp', extended: { contextFlags: c.u32(0) } };
}
