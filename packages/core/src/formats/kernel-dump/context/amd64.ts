import type { ByteView } from '../../../io/byte-view.js';
import type { CpuContext } from '../../../report/cpu.js';

/**
 * x64 `CONTEXT` (winnt.h, 0x4d0 bytes): six home slots, ContextFlags at 0x30, segment registers,
 * EFlags at 0x44, debug registers, then Rax..R15 from 0x78 and Rip at 0xf8.
 * The kernel dump's context is the same Windows CONTEXT the minidump reader parses; the lead will
 * unify the two parsers.
 */
export const AMD64_CONTEXT_SIZE = 0x4d0;

const GPRS = ['rax', 'rcx', 'rdx', 'rbx', 'rsp', 'rbp', 'rsi', 'rdi', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15'];

export function readAmd64Context(v: ByteView, offset: number): CpuContext {
  const c = v.sub(offset, 0x100, 'CONTEXT');
  const registers: Record<string, bigint> = {};
  GPRS.forEach((name, i) => (registers[name] = c.u64(0x78 + i * 8)));
  registers.rip = c.u64(0xf8);
  registers.eflags = BigInt(c.u32(0x44));
  registers.cs = BigInt(c.u16(0x38));
  registers.ss = BigInt(c.u16(0x42));
  return { arch: 'amd64', registers, ip: 'rip', sp: 'rsp', fp: 'rbp', extended: { contextFlags: c.u32(0x30) } };
}
