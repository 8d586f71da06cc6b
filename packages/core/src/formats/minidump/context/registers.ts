import type { ByteView } from '../../../io/byte-view.js';

/** Reads named u32 registers at fixed offsets, widening to bigint for the shared model. */
export function u32Registers(v: ByteView, layout: [string, number][]): Record<string, bigint> {
  const out: Record<string, bigint> = {};
  for (const [name, off] of layout) out[name] = BigInt(v.u32(off));
  return out;
}

export function u64Registers(v: ByteView, layout: [string, number][]): Record<string, bigint> {
  const out: Record<string, bigint> = {};
  for (const [name, off] of layout) out[name] = v.u64(off);
  return out;
}
