/**
 * Kernel virtual memory as far as the dump captured it. Triage dumps carry loose blocks of
 * virtual memory; complete and kernel dumps carry physical pages reached through page tables.
 * Both answer the same question: the bytes at this address, or null when the dump lacks them.
 */
export interface VirtualMemory {
  /** Exactly `length` bytes at `address`, or null when any of them is missing. */
  read(address: bigint, length: number): Uint8Array | null;
}

/** One captured range: `size` bytes of virtual memory at `address`, stored at `fileOffset`. */
export interface MemoryBlock {
  address: bigint;
  fileOffset: number;
  size: number;
}

/** Virtual memory made of captured blocks (triage dumps: the stack, data blocks, the data page). */
export class BlockMemory implements VirtualMemory {
  private readonly blocks: MemoryBlock[];

  constructor(
    blocks: MemoryBlock[],
    private readonly readFile: (offset: number, length: number) => Uint8Array | null,
  ) {
    this.blocks = [...blocks].sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  }

  get blockCount(): number {
    return this.blocks.length;
  }

  read(address: bigint, length: number): Uint8Array | null {
    if (length <= 0) return new Uint8Array(0);
    const end = address + BigInt(length);
    // Blocks may overlap (a page and a smaller copy inside it): take any block holding the whole range.
    for (const b of this.candidates(address)) {
      if (address >= b.address && end <= b.address + BigInt(b.size)) {
        return this.readFile(b.fileOffset + Number(address - b.address), length);
      }
    }
    return null;
  }

  /** Blocks starting at or before `address`, nearest first (binary search, then walk back a little). */
  private *candidates(address: bigint): Generator<MemoryBlock> {
    let lo = 0;
    let hi = this.blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.blocks[mid]!.address <= address) lo = mid + 1;
      else hi = mid;
    }
    // Overlapping blocks are rare; looking back a bounded number of blocks finds any container.
    for (let i = lo - 1, seen = 0; i >= 0 && seen < 64; i--, seen++) yield this.blocks[i]!;
  }
}

/** Reads a pointer-sized little-endian value from virtual memory. */
export function readPointer(mem: VirtualMemory, address: bigint, pointerSize: 4 | 8): bigint | null {
  const b = mem.read(address, pointerSize);
  if (!b) return null;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return pointerSize === 8 ? dv.getBigUint64(0, true) : BigInt(dv.getUint32(0, true));
}
