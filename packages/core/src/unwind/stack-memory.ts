/**
 * The one memory a stack walk may read: the thread's own stack, as the thread list describes it.
 * Breakpad walks with only this region (MinidumpThread::GetMemory), so a CFI rule or a frame
 * pointer that points elsewhere fails the same way here. Reads outside it return null.
 */
import type { MemoryReader } from '../symbols/postfix.js';

export class StackMemory implements MemoryReader {
  private readonly view: DataView;
  readonly end: bigint;

  constructor(
    readonly start: bigint,
    readonly bytes: Uint8Array,
    private readonly littleEndian = true,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.end = start + BigInt(bytes.byteLength);
  }

  private offset(addr: bigint, size: number): number {
    if (addr < this.start || addr + BigInt(size) > this.end) return -1;
    return Number(addr - this.start);
  }

  readU32(addr: bigint): number | null {
    const o = this.offset(addr, 4);
    return o < 0 ? null : this.view.getUint32(o, this.littleEndian);
  }

  readU64(addr: bigint): bigint | null {
    const o = this.offset(addr, 8);
    return o < 0 ? null : this.view.getBigUint64(o, this.littleEndian);
  }

  /** A pointer-sized word. */
  readWord(addr: bigint, size: 4 | 8): bigint | null {
    if (size === 8) return this.readU64(addr);
    const v = this.readU32(addr);
    return v === null ? null : BigInt(v);
  }
}
