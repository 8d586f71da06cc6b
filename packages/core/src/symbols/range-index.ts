import { SYMBOL_LIMITS } from './limits.js';

/**
 * A sorted index of `[start, start + size)` ranges over typed arrays, answering "which range
 * contains this address" by binary search. Ranges may nest (STACK WIN records do, and real
 * compilers emit overlapping FUNCs): the innermost containing range wins, as in Breakpad's
 * ContainedRangeMap. Zero-size ranges contain nothing (Breakpad ignores zero-size FUNCs).
 */
export class RangeIndex {
  /** Number of ranges indexed. */
  readonly length: number;
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;
  /** For each sorted position, the largest end among positions 0..i (stops backward scans). */
  private readonly maxEnd: Float64Array;
  /** Sorted position → caller's record id. */
  private readonly ids: Uint32Array;

  /** `starts[i]`, `sizes[i]` describe record `i`. */
  constructor(starts: ArrayLike<number>, sizes: ArrayLike<number>) {
    const n = starts.length;
    this.length = n;
    const order = new Uint32Array(n);
    let sorted = true;
    for (let i = 0; i < n; i++) {
      order[i] = i;
      if (i > 0 && !(starts[i - 1] < starts[i] || (starts[i - 1] === starts[i] && sizes[i - 1] >= sizes[i]))) sorted = false;
    }
    // Start ascending; at equal starts the larger range first, so a backward scan meets the
    // smaller (inner) one first. Ties keep file order (sort is stable). Symbol files list their
    // records in address order, so the sort is usually skipped.
    if (!sorted) order.sort((a, b) => starts[a] - starts[b] || sizes[b] - sizes[a]);
    this.starts = new Float64Array(n);
    this.ends = new Float64Array(n);
    this.maxEnd = new Float64Array(n);
    this.ids = order;
    let max = -1;
    for (let i = 0; i < n; i++) {
      const id = order[i];
      this.starts[i] = starts[id];
      this.ends[i] = starts[id] + sizes[id];
      max = Math.max(max, this.ends[i]);
      this.maxEnd[i] = max;
    }
  }

  /** Sorted position of the last range starting at or below `address`, or -1. */
  private floorPos(address: number): number {
    let lo = 0;
    let hi = this.length; // first position with start > address
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid] <= address) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** Id of the innermost range containing `address`, or -1. */
  find(address: number): number {
    let pos = this.floorPos(address);
    let steps = 0;
    while (pos >= 0 && this.maxEnd[pos] > address && steps < SYMBOL_LIMITS.nestedRangeScan) {
      if (this.ends[pos] > address) return this.ids[pos];
      pos--;
      steps++;
    }
    return -1;
  }

  /** Id of the range with the greatest start at or below `address` (contained or not), or -1. */
  floor(address: number): number {
    const pos = this.floorPos(address);
    return pos < 0 ? -1 : this.ids[pos];
  }
}
