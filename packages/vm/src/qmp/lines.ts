import { VM_LIMITS } from '../limits.js';

/**
 * Splits a QMP byte stream into lines. QEMU ends every message with "\r\n" (docs/interop/qmp-spec);
 * a line longer than the limit is an error, not an unbounded buffer.
 */
export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(private readonly maxLine: number = VM_LIMITS.qmpLineBytes) {}

  /** Lines completed by this chunk, without their line ends. Throws when a line exceeds the limit. */
  push(chunk: Buffer): string[] {
    const lines: string[] = [];
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      if (nl < 0) break;
      const part = chunk.subarray(start, nl);
      const whole = this.pending.length ? Buffer.concat([...this.pending, part]) : part;
      this.pending = [];
      this.pendingBytes = 0;
      if (whole.length > this.maxLine) throw new RangeError(`QMP line of ${whole.length} bytes exceeds ${this.maxLine}`);
      const text = whole.toString('utf8').replace(/\r$/, '');
      if (text.trim() !== '') lines.push(text);
      start = nl + 1;
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start);
      this.pendingBytes += rest.length;
      if (this.pendingBytes > this.maxLine) throw new RangeError(`QMP line exceeds ${this.maxLine} bytes`);
      this.pending.push(Buffer.from(rest));
    }
    return lines;
  }
}
