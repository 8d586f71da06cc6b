/**
 * Output gathered into large writes: a batch prints a report per dump, and on Linux every write to
 * a pipe or file is a system call of its own. Text arrives as strings (this thread rendered it) or
 * as UTF-8 bytes (a worker thread did, and handed the buffer over without a copy).
 *
 * Strings are encoded straight into one large buffer (no Buffer per report, no concatenation
 * afterwards: both showed in batch profiles). A flushed buffer belongs to the sink from then on
 * (a pipe writes it later), so each flush starts a new one.
 */
export class BufferedOutput {
  private buffer: Buffer | null = null;
  private used = 0;
  /** Room for `limit` bytes plus the largest report that can still be added before a flush. */
  private readonly capacity: number;

  constructor(
    private readonly sink: (bytes: Uint8Array) => void,
    private readonly limit = 64 * 1024,
  ) {
    this.capacity = limit * 4;
  }

  write(text: string | Uint8Array): void {
    // A UTF-16 code unit becomes at most 3 UTF-8 bytes, so `length * 3` bytes always suffice.
    const most = typeof text === 'string' ? text.length * 3 : text.byteLength;
    if (this.buffer === null || this.capacity - this.used < most) {
      this.flush();
      if (most > this.capacity) {
        this.sink(typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
        return;
      }
      this.buffer = Buffer.allocUnsafe(this.capacity);
    }
    if (typeof text === 'string') this.used += this.buffer.write(text, this.used, 'utf8');
    else {
      this.buffer.set(text, this.used);
      this.used += text.byteLength;
    }
    if (this.used >= this.limit) this.flush();
  }

  flush(): void {
    if (this.buffer === null || this.used === 0) return;
    const bytes = this.buffer.subarray(0, this.used);
    this.buffer = null;
    this.used = 0;
    this.sink(bytes);
  }
}
