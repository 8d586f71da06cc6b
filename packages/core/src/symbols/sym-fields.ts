/**
 * Reads the space-separated fields of one `.sym` line in place, without splitting the line into
 * strings: the first pass over a multi-megabyte file touches every line, so it must not allocate
 * per field. Hex fields have no `0x` prefix (symbol_files.md, "Overview"); numbers above 2^53 are
 * rejected rather than rounded.
 */
const SPACE = 0x20;
const TAB = 0x09;

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

/** True for a character that may start a line record (a lower- or upper-case hex digit). */
export function isHexDigit(c: number): boolean {
  return hexDigit(c) >= 0;
}

/** A cursor over one line `[pos, end)` of `text`. Reused across lines by `reset`. */
export class FieldCursor {
  text = '';
  pos = 0;
  end = 0;

  reset(text: string, start: number, end: number): this {
    this.text = text;
    this.pos = start;
    this.end = end;
    return this;
  }

  private skipSpaces(): void {
    const t = this.text;
    while (this.pos < this.end) {
      const c = t.charCodeAt(this.pos);
      if (c !== SPACE && c !== TAB) break;
      this.pos++;
    }
  }

  /** True when only spaces remain. */
  atEnd(): boolean {
    this.skipSpaces();
    return this.pos >= this.end;
  }

  /** Skips a literal word (e.g. `FUNC`) if it is the next field; false otherwise. */
  keyword(word: string): boolean {
    this.skipSpaces();
    const after = this.pos + word.length;
    if (after > this.end || !this.text.startsWith(word, this.pos)) return false;
    if (after < this.end) {
      const c = this.text.charCodeAt(after);
      if (c !== SPACE && c !== TAB) return false;
    }
    this.pos = after;
    return true;
  }

  /** Next field as a hex number, or NaN if it is missing, not hex, or beyond 2^53. */
  hex(): number {
    this.skipSpaces();
    const t = this.text;
    let v = 0;
    let n = 0;
    while (this.pos < this.end) {
      const c = t.charCodeAt(this.pos);
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
    const t = this.text;
    let v = 0;
    let n = 0;
    while (this.pos < this.end) {
      const c = t.charCodeAt(this.pos);
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
    const t = this.text;
    while (this.pos < this.end) {
      const c = t.charCodeAt(this.pos);
      if (c === SPACE || c === TAB) break;
      this.pos++;
    }
    return [start, this.pos];
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

/** End of the line content starting at `start` (before `\n` or `\r\n`) and the next line's start. */
export function lineBounds(text: string, start: number): { end: number; next: number } {
  let nl = text.indexOf('\n', start);
  if (nl < 0) nl = text.length;
  let end = nl;
  if (end > start && text.charCodeAt(end - 1) === 0x0d) end--;
  return { end, next: nl + 1 };
}
