// Test-only: a growable little-endian byte buffer for the kernel dump writer. Deliberately shares
// nothing with the parser (no ByteView, no layouts): a layout mistake cannot hide on both sides.

export class Bytes {
  private buf = new Uint8Array(0x10000);
  length = 0;

  private ensure(end: number): void {
    if (end <= this.buf.length) return;
    let size = this.buf.length;
    while (size < end) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf);
    this.buf = next;
  }

  /** Grows to `size` bytes (zero filled). */
  reserve(size: number): void {
    this.ensure(size);
    this.length = Math.max(this.length, size);
  }

  /** Appends `bytes` at the next multiple of `align`; returns where they went. */
  append(bytes: Uint8Array, align = 8): number {
    const at = Math.ceil(this.length / align) * align;
    this.ensure(at + bytes.length);
    this.buf.set(bytes, at);
    this.length = at + bytes.length;
    return at;
  }

  fill(at: number, size: number, pattern: number[]): void {
    this.reserve(at + size);
    for (let i = 0; i < size; i++) this.buf[at + i] = pattern[i % pattern.length]!;
  }

  set(at: number, bytes: Uint8Array): void {
    this.reserve(at + bytes.length);
    this.buf.set(bytes, at);
  }

  u8(at: number, v: number): void {
    this.reserve(at + 1);
    this.buf[at] = v & 0xff;
  }
  u16(at: number, v: number): void {
    this.u8(at, v);
    this.u8(at + 1, v >> 8);
  }
  u32(at: number, v: number): void {
    this.reserve(at + 4);
    for (let i = 0; i < 4; i++) this.buf[at + i] = (v >>> (8 * i)) & 0xff;
  }
  u64(at: number, v: bigint): void {
    this.reserve(at + 8);
    for (let i = 0; i < 8; i++) this.buf[at + i] = Number((v >> BigInt(8 * i)) & 0xffn);
  }
  ptr(at: number, v: bigint, size: 4 | 8): void {
    if (size === 8) this.u64(at, v);
    else this.u32(at, Number(v & 0xffffffffn));
  }
  ascii(at: number, s: string): void {
    for (let i = 0; i < s.length; i++) this.u8(at + i, s.charCodeAt(i));
  }
  utf16(at: number, s: string): void {
    for (let i = 0; i < s.length; i++) this.u16(at + i * 2, s.charCodeAt(i));
  }

  done(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

export function utf16Bytes(s: string): Uint8Array {
  const b = new Bytes();
  b.utf16(0, s);
  return b.done();
}

export function u64Bytes(values: bigint[], size: 4 | 8 = 8): Uint8Array {
  const b = new Bytes();
  values.forEach((v, i) => b.ptr(i * size, v, size));
  b.reserve(values.length * size);
  return b.done();
}
