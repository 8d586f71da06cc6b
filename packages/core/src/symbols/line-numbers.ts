/**
 * Line numbers of a `.sym` file, counted only when needed. The first pass steps over runs of
 * lines without visiting each one (record-runs.ts), so it knows where a malformed line starts
 * but not its number; warnings are rare, and each is numbered by counting newlines from the
 * previous one.
 */
const LF = 0x0a;

/** Numbers lines at increasing byte offsets, counting from where the last call stopped. */
export class LineNumbers {
  private pos = 0;
  private line = 1;

  constructor(private readonly bytes: Uint8Array) {}

  /** 1-based number of the line holding byte `offset`; offsets must not decrease between calls. */
  at(offset: number): number {
    const bytes = this.bytes;
    for (;;) {
      const nl = bytes.indexOf(LF, this.pos);
      if (nl < 0 || nl >= offset) break;
      this.line++;
      this.pos = nl + 1;
    }
    this.pos = Math.max(this.pos, Math.min(offset, bytes.length));
    return this.line;
  }
}

/**
 * Lines of the file from `start` (where the records start, after any byte-order mark) as the
 * first pass reads them: a final line without a newline counts.
 */
export function countLines(bytes: Uint8Array, start: number): number {
  let n = 0;
  let pos = start;
  for (;;) {
    const nl = bytes.indexOf(LF, pos);
    if (nl < 0) return pos < bytes.length ? n + 1 : n;
    n++;
    pos = nl + 1;
  }
}
