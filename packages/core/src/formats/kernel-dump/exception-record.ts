import type { ByteView } from '../../io/byte-view.js';

/**
 * `EXCEPTION_RECORD64` (0x98 bytes: code, flags, nested record, address at 0x10, parameter count at
 * 0x18, 15 parameters from 0x20) and `EXCEPTION_RECORD32` (0x50 bytes: address at 0xc, count at
 * 0x10, parameters from 0x14), winnt.h.
 */
export interface RawExceptionRecord {
  code: number;
  flags: number;
  address: bigint;
  parameters: bigint[];
}

export const EXCEPTION_RECORD64_SIZE = 0x98;
export const EXCEPTION_RECORD32_SIZE = 0x50;
const EXCEPTION_MAXIMUM_PARAMETERS = 15;

export function readExceptionRecord(v: ByteView, offset: number, is64: boolean): RawExceptionRecord {
  const r = v.sub(offset, is64 ? EXCEPTION_RECORD64_SIZE : EXCEPTION_RECORD32_SIZE, 'EXCEPTION_RECORD');
  const count = Math.min(r.u32(is64 ? 0x18 : 0x10), EXCEPTION_MAXIMUM_PARAMETERS);
  const parameters: bigint[] = [];
  for (let i = 0; i < count; i++) parameters.push(is64 ? r.u64(0x20 + i * 8) : BigInt(r.u32(0x14 + i * 4)));
  return { code: r.u32(0), flags: r.u32(4), address: is64 ? r.u64(0x10) : BigInt(r.u32(0xc)), parameters };
}
