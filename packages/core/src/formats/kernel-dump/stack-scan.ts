import { KERNEL_DUMP_LIMITS } from './limits.js';

/** A range of code: a loaded driver. */
export interface CodeRange {
  base: bigint;
  size: bigint;
}

export interface ScannedAddress {
  /** Where on the stack the value was found. */
  stackAddress: bigint;
  value: bigint;
  /** Index of the range (driver) that contains the value. */
  range: number;
}

/**
 * Stack scanning, as debuggers do when there is no unwind information: every pointer-sized slot of
 * the captured stack whose value falls inside a loaded driver is a candidate return address. It
 * over-reports (a saved pointer to a driver's data looks the same), so attribution treats these as
 * weaker evidence than a context or a bug check parameter.
 */
export function scanStack(
  stack: Uint8Array,
  stackBase: bigint,
  startAt: bigint,
  pointerSize: 4 | 8,
  ranges: readonly CodeRange[],
): ScannedAddress[] {
  const sorted = ranges.map((r, i) => ({ ...r, i })).sort((a, b) => (a.base < b.base ? -1 : a.base > b.base ? 1 : 0));
  const find = (value: bigint): number => {
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = sorted[mid]!;
      if (value < r.base) hi = mid - 1;
      else if (value >= r.base + r.size) lo = mid + 1;
      else return r.i;
    }
    return -1;
  };
  const dv = new DataView(stack.buffer, stack.byteOffset, stack.byteLength);
  let first = startAt > stackBase ? Number(startAt - stackBase) : 0;
  first += (pointerSize - (first % pointerSize)) % pointerSize;
  const end = Math.min(stack.byteLength, first + KERNEL_DUMP_LIMITS.stackScanBytes);
  const out: ScannedAddress[] = [];
  for (let o = first; o + pointerSize <= end && out.length < KERNEL_DUMP_LIMITS.stackCandidates; o += pointerSize) {
    const value = pointerSize === 8 ? dv.getBigUint64(o, true) : BigInt(dv.getUint32(o, true));
    if (value === 0n) continue;
    const range = find(value);
    if (range >= 0) out.push({ stackAddress: stackBase + BigInt(o), value, range });
  }
  return out;
}
