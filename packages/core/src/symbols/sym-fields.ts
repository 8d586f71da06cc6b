/**
 * Reads the space-separated fields of one `.sym` line in place, on the file's raw bytes, without
 * decoding the line or splitting it into strings: the first pass over a multi-megabyte file
 * touches every line, so it must neither decode the whole file nor allocate per field. Only the
 * names a lookup returns are decoded (UTF-8, see `decodeSpan`). Every byte that ends a field or a
 * line (space, tab, CR, LF) is ASCII, so a field never splits a UTF-8 sequence.
 *
 * Hex fields have no `0x` prefix (symbol_files.md, "Overview"); numbers above 2^53 are rejected
 * rather than rounded.
 */
const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

/** True for a byte that may start a line record (a lower- or upper-case hex digit). */
export function isHexDigit(c: number): boolean {
  return hexDigit(c) >= 0;
}

/** Whether the bytes at `pos` spell the ASCII `word` (before `end`). */
export function bytesStartWith(bytes: Uint8Array, pos: number, end: number, word: string): boolean {
  if (pos + word.length > end) return false;
  for (let i = 0; i < word.length; i++) {
    if (bytes[pos + i] !== word.charCodeAt(i)) return false;
  }
  return true;
}

// ignoreBOM: a U+FEFF inside the file is part of a name, not a byte-order mark to drop.
const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * The text of `bytes[start, end)`: a name, a rule list, a program. Malformed UTF-8 becomes
 * U+FFFD, as decoding the whole file would have made it (spans end at ASCII bytes).
 */
export function decodeSpan(bytes: Uint8Array, start: number, end: number): string {
  // Short ASCII spans (most names, every rule) skip the decoder's call overhead.
  if (end - start <= 64) {
    let ascii = true;
    for (let i = start; i < end; i++) {
      if (bytes[i] >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
  }
  return utf8.decode(bytes.subarray(start, end));
}

/** A cursor over one line `[pos, end)` of `bytes`. Reused across lines by `reset`. */
export class FieldCursor {
  bytes: Uint8Array = new Uint8Array(0);
  pos = 0;
  end = 0;

  reset(bytes: Uint8Array, start: number, end: number): this {
    this.bytes = bytes;
    this.pos = start;
    this.end = end;
    return this;
  }

  private skipSpaces(): void {
    const b = this.bytes;
    while (this.pos < this.end) {
      const c = b[this.pos];
      if (c !== SPACE && c !== TAB) break;
      this.pos++;
    }
  }

  /** True when only spaces remain. */
  atEnd(): boolean {
    this.skipSpaces();
    return this.pos >= this.end;
  }

  /** Skips a literal ASCII word (e.g. `FUNC`) if it is the next field; false otherwise. */
  keyword(word: string): boolean {
    this.skipSpaces();
    const after = this.pos + word.length;
    if (!bytesStartWith(this.bytes, this.pos, this.end, word)) return false;
    if (after < this.end) {
      const c = this.bytes[after];
      if (c !== SPACE && c !== TAB) return false;
    }
    this.pos = after;
    return true;
  }

  /** Next field as a hex number, or NaN if it is missing, not hex, or beyond 2^53. */
  hex(): number {
    this.skipSpaces();
    const b = this.bytes;
    let v = 0;
    let n = 0;
    while (this.pos < this.end) {
      const c = b[this.pos];
      if (c === SPACE || c === TAB) break;
      const d = hexDigit(c);
      if (d < 0) return NaN;
      v = v * 16 + d;
      n++;
      this.pos++;
    }
    return n === 0 || v > Number.MAX_SAFE_INTEGER ? NaN : v;
  }

  /** Next field as a non-negative decimal number, or NaN (a sign is not accepted). */
  dec(): number {
    this.skipSpaces();
    const b = this.bytes;
    let v = 0;
    let n = 0;
    while (this.pos < this.end) {
      const c = b[this.pos];
      if (c === SPACE || c === TAB) break;
      if (c < 0x30 || c > 0x39) return NaN;
      v = v * 10 + (c - 0x30);
      n++;
      this.pos++;
    }
    return n === 0 || v > Number.MAX_SAFE_INTEGER ? NaN : v;
  }

  /** Next field as `[start, end)` offsets, or undefined when none is left. */
  word(): [number, number] | undefined {
    this.skipSpaces();
    if (this.pos >= this.end) return undefined;
    const start = this.pos;
    this.skipWord();
    return [start, this.pos];
  }

  /** Moves past the next field; false when none is left. */
  skipWord(): boolean {
    this.skipSpaces();
    if (this.pos >= this.end) return false;
    const b = this.bytes;
    while (this.pos < this.end) {
      const c = b[this.pos];
      if (c === SPACE || c === TAB) break;
      this.pos++;
    }
    return true;
  }

  /** Start offset of the rest of the line (a name field, which may contain spaces). */
  restStart(): number {
    this.skipSpaces();
    return this.pos;
  }

  /** Whether the next field is exactly `m` (the optional "multiple" flag of FUNC and PUBLIC). */
  multipleFlag(): boolean {
    return this.keyword('m');
  }
}

/** Line bounds found by `nextLine`; one object reused by each pass. */
export interface LineSpan {
  /** End of the line's content (before `\n` or `\r\n`). */
  end: number;
  /** Start of the next line. */
  next: number;
}

/** Fills `out` with the bounds of the line starting at `start`. */
export function nextLine(bytes: Uint8Array, start: number, out: LineSpan): LineSpan {
  let nl = bytes.indexOf(LF, start);
  if (nl < 0) nl = bytes.length;
  let end = nl;
  if (end > start && bytes[end - 1] === CR) end--;
  out.end = end;
  out.next = nl + 1;
  return out;
}
