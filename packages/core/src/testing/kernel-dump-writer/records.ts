// Test-only: Windows records the writer places in dumps, written from winnt.h's field lists
// (independently of the parser's readers).
import { Bytes } from './bytes.js';

export type WriterArch = 'amd64' | 'x86' | 'arm64';

/** A CONTEXT with only the instruction, stack and frame pointers set. */
export function contextBytes(arch: WriterArch, ip: bigint, sp: bigint, fp = 0n): Uint8Array {
  const b = new Bytes();
  if (arch === 'amd64') {
    b.reserve(0x4d0);
    b.u32(0x30, 0x10001f); // CONTEXT_AMD64 | CONTROL | INTEGER | SEGMENTS | FLOATING_POINT
    b.u16(0x38, 0x10); // SegCs
    b.u64(0x98, sp); // Rsp
    b.u64(0xa0, fp); // Rbp
    b.u64(0xf8, ip); // Rip
  } else if (arch === 'arm64') {
    b.reserve(0x390);
    b.u32(0, 0x400003); // CONTEXT_ARM64 | CONTROL | INTEGER
    b.u64(0xf0, fp); // Fp (X29)
    b.u64(0x100, sp); // Sp
    b.u64(0x108, ip); // Pc
  } else {
    b.reserve(0x2cc);
    b.u32(0, 0x1001f);
    b.u32(0xb4, Number(fp)); // Ebp
    b.u32(0xb8, Number(ip)); // Eip
    b.u32(0xbc, 0x8); // SegCs
    b.u32(0xc4, Number(sp)); // Esp
  }
  return b.done();
}

/** EXCEPTION_RECORD64 (0x98 bytes) or EXCEPTION_RECORD32 (0x50 bytes). */
export function exceptionBytes(is64: boolean, code: number, address: bigint, params: bigint[] = []): Uint8Array {
  const b = new Bytes();
  b.reserve(is64 ? 0x98 : 0x50);
  b.u32(0, code);
  if (is64) {
    b.u64(0x10, address);
    b.u32(0x18, params.length);
    params.forEach((p, i) => b.u64(0x20 + i * 8, p));
  } else {
    b.u32(0xc, Number(address));
    b.u32(0x10, params.length);
    params.forEach((p, i) => b.u32(0x14 + i * 4, Number(p)));
  }
  return b.done();
}
