/**
 * Where the bytes of a dump come from. Reading is synchronous and random-access so that the
 * same parser code serves a whole `Uint8Array` (browser, upload buffer) and a lazily read file
 * (Node file descriptor): a multi-gigabyte full-memory dump is only ever read in the pieces
 * the analysis asks for.
 */
export interface ByteSource {
  /** Total length in bytes. */
  readonly size: number;
  /**
   * Up to `length` bytes starting at `offset`; fewer only when the source ends first.
   * The returned view may alias internal storage and must not be modified.
   */
  read(offset: number, length: number): Uint8Array;
}

/** A source over bytes already in memory. */
export class BufferSource implements ByteSource {
  readonly size: number;
  constructor(private readonly bytes: Uint8Array) {
    this.size = bytes.byteLength;
  }
  read(offset: number, length: number): Uint8Array {
    if (offset >= this.size || length <= 0) return new Uint8Array(0);
    return this.bytes.subarray(offset, Math.min(this.size, offset + length));
  }
}

/** A window of another source, e.g. one file inside an upload. */
export class SliceSource implements ByteSource {
  readonly size: number;
  constructor(private readonly inner: ByteSource, private readonly start: number, size: number) {
    this.size = Math.max(0, Math.min(size, inner.size - start));
  }
  read(offset: number, length: number): Uint8Array {
    if (offset >= this.size || length <= 0) return new Uint8Array(0);
    return this.inner.read(this.start + offset, Math.min(length, this.size - offset));
  }
}
