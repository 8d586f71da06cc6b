import { CulpritParseError, type ParseLocation } from './errors.js';

/**
 * A bounds-checked window over bytes read from a file. Every offset is relative to the window;
 * errors report the absolute file offset. A `RangeError` from a `DataView` never escapes: each
 * accessor checks its bounds first and throws a `CulpritParseError` instead.
 */
export class ByteView {
  /**
   * Made on the first 64-bit read only: most views (names, small records) never need one, and a
   * dump opens thousands of views, so the DataView allocation showed in batch profiles.
   */
  private dv: DataView | undefined;

  constructor(
    readonly bytes: Uint8Array,
    /** Absolute offset of `bytes[0]` in the file, for error messages. */
    readonly fileOffset: number,
    readonly littleEndian: boolean,
    readonly location: Omit<ParseLocation, 'offset'>,
  ) {}

  get length(): number {
    return this.bytes.byteLength;
  }

  /** Throws unless `size` bytes exist at `offset`. */
  need(offset: number, size: number, what = 'field'): void {
    if (offset < 0 || size < 0 || offset + size > this.bytes.byteLength) {
      throw new CulpritParseError(
        'CULPRIT_ERR_TRUNCATED',
        `${what} of ${size} bytes at +0x${offset.toString(16)} runs past the ${this.bytes.byteLength}-byte record`,
        { ...this.location, offset: this.fileOffset + offset },
      );
    }
  }

  has(offset: number, size: number): boolean {
    return offset >= 0 && size >= 0 && offset + size <= this.bytes.byteLength;
  }

  // 8-, 16- and 32-bit fields are assembled from the bytes (after the bounds check), which V8
  // compiles to plain loads; the results equal DataView's getters for either byte order.
  u8(offset: number): number {
    this.need(offset, 1);
    return this.bytes[offset];
  }
  u16(offset: number): number {
    this.need(offset, 2);
    const b = this.bytes;
    return this.littleEndian ? b[offset] | (b[offset + 1] << 8) : (b[offset] << 8) | b[offset + 1];
  }
  u32(offset: number): number {
    return this.i32(offset) >>> 0;
  }
  i32(offset: number): number {
    this.need(offset, 4);
    const b = this.bytes;
    return this.littleEndian
      ? b[offset] | (b[offset + 1] << 8) | (b[offset + 2] << 16) | (b[offset + 3] << 24)
      : (b[offset] << 24) | (b[offset + 1] << 16) | (b[offset + 2] << 8) | b[offset + 3];
  }
  u64(offset: number): bigint {
    this.need(offset, 8);
    this.dv ??= new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    return this.dv.getBigUint64(offset, this.littleEndian);
  }
  /** A 64-bit field that must fit a JS number (file offsets, sizes); larger values are an error. */
  u64n(offset: number, what = 'value'): number {
    const v = this.u64(offset);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new CulpritParseError('CULPRIT_ERR_BAD_VALUE', `${what} 0x${v.toString(16)} is too large`, {
        ...this.location,
        offset: this.fileOffset + offset,
      });
    }
    return Number(v);
  }

  sub(offset: number, size: number, what = 'record'): ByteView {
    this.need(offset, size, what);
    return new ByteView(this.bytes.subarray(offset, offset + size), this.fileOffset + offset, this.littleEndian, this.location);
  }

  slice(offset: number, size: number): Uint8Array {
    this.need(offset, size);
    return this.bytes.subarray(offset, offset + size);
  }

  /** A GUID in its canonical in-memory layout (Data1..Data4), fields in this view's byte order. */
  guid(offset: number): { data1: number; data2: number; data3: number; data4: Uint8Array } {
    return { data1: this.u32(offset), data2: this.u16(offset + 4), data3: this.u16(offset + 6), data4: this.slice(offset + 8, 8) };
  }

  /** NUL-terminated 8-bit text inside a fixed-size field. */
  fixedString(offset: number, size: number): string {
    const raw = this.slice(offset, size);
    let end = raw.indexOf(0);
    if (end < 0) end = raw.length;
    return decodeUtf8(raw.subarray(0, end));
  }

  error(code: ConstructorParameters<typeof CulpritParseError>[0], detail: string, offset: number): CulpritParseError {
    return new CulpritParseError(code, detail, { ...this.location, offset: this.fileOffset + offset });
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: false });
const utf16le = new TextDecoder('utf-16le', { fatal: false });
const utf16be = new TextDecoder('utf-16be', { fatal: false });

export function decodeUtf8(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

export function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  const even = bytes.subarray(0, bytes.length & ~1);
  return (littleEndian ? utf16le : utf16be).decode(even);
}

/** Latin-1 / ASCII without interpretation, for text that must round-trip byte for byte. */
export function decodeLatin1(bytes: Uint8Array): string {
  // Text logs are nearly always ASCII, where UTF-8 decoding (native, fast) gives the same string:
  // the same length and no U+FFFD means every byte was below 0x80.
  const fast = utf8.decode(bytes);
  if (fast.length === bytes.length && !fast.includes('\uFFFD')) return fast;
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    // apply() takes the typed array as it is; a spread would iterate it element by element.
    out += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192) as unknown as number[]);
  }
  return out;
}
