import type { FileReader } from '../../io/file-reader.js';
import type { MemoryRange } from './streams/memory-list.js';

/**
 * The crashed process's memory captured in the dump, looked up by address. Ranges are kept
 * sorted; bytes are read from the file only when asked for, so a full-memory dump costs the
 * descriptors, not its size.
 */
export class MemoryRegions {
  private readonly ranges: MemoryRange[];

  constructor(
    private readonly file: FileReader,
    ranges: MemoryRange[],
  ) {
    this.ranges = [...ranges].filter((r) => r.size > 0).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  }

  get count(): number {
    return this.ranges.length;
  }

  /** The range containing `address`, if any. */
  find(address: bigint): MemoryRange | undefined {
    let lo = 0;
    let hi = this.ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = this.ranges[mid];
      if (address < r.start) hi = mid - 1;
      else if (address >= r.start + BigInt(r.size)) lo = mid + 1;
      else return r;
    }
    return undefined;
  }

  /** `size` bytes at `address` if one range holds them all, else null. */
  read(address: bigint, size: number): Uint8Array | null {
    const r = this.find(address);
    if (!r) return null;
    const off = Number(address - r.start);
    if (off + size > r.size) return null;
    const bytes = this.file.source.read(r.rva + off, size);
    return bytes.byteLength === size ? bytes : null;
  }

  readU32(address: bigint): number | null {
    const b = this.read(address, 4);
    if (!b) return null;
    const dv = new DataView(b.buffer, b.byteOffset, 4);
    return dv.getUint32(0, this.file.littleEndian);
  }

  readU64(address: bigint): bigint | null {
    const b = this.read(address, 8);
    if (!b) return null;
    const dv = new DataView(b.buffer, b.byteOffset, 8);
    return dv.getBigUint64(0, this.file.littleEndian);
  }

  /** The whole range holding `address` as a region (for stack walking), or null. */
  regionAt(address: bigint): { start: bigint; bytes: Uint8Array } | null {
    const r = this.find(address);
    if (!r) return null;
    const bytes = this.file.source.read(r.rva, r.size);
    return { start: r.start, bytes };
  }
}
