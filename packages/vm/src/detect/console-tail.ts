import { open, stat } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { VM_LIMITS } from '../limits.js';

/**
 * Follows a guest's serial console log (QEMU `-serial file:PATH`, libvirt `<serial type='file'>` or
 * `<log file=...>`), keeping the newest bytes in memory. A mark separates what was already reported
 * from what is new, so each crash episode gets its own excerpt.
 */
export class ConsoleTail {
  /** Absolute file offset of the next byte to read. */
  private offset = 0;
  /** Buffered text and the absolute offset of its first character (approximate for multi-byte text). */
  private text = '';
  private textStart = 0;
  private markAt = 0;
  private decoder = new StringDecoder('utf8');
  private lastGrowth = Date.now();

  constructor(
    readonly path: string,
    private readonly maxBuffer = VM_LIMITS.consoleBufferBytes,
  ) {}

  /** Reads whatever was appended since the last call. Returns the number of new bytes. */
  async refresh(): Promise<number> {
    let size: number;
    try {
      size = (await stat(this.path)).size;
    } catch {
      return 0;
    }
    if (size < this.offset) {
      // The log was truncated or replaced (QEMU restarted): start over.
      this.offset = 0;
      this.text = '';
      this.textStart = 0;
      this.markAt = 0;
      this.decoder = new StringDecoder('utf8');
    }
    if (size === this.offset) return 0;
    // Never read more than the buffer can keep: skip the middle of a huge burst.
    const from = Math.max(this.offset, size - this.maxBuffer);
    const length = size - from;
    const fh = await open(this.path, 'r');
    try {
      const buf = Buffer.alloc(length);
      const { bytesRead } = await fh.read(buf, 0, length, from);
      if (from > this.offset) {
        this.text = '';
        this.textStart = from;
      }
      this.text += this.decoder.write(buf.subarray(0, bytesRead));
      this.offset = from + bytesRead;
      if (this.text.length > this.maxBuffer) {
        const cut = this.text.length - this.maxBuffer;
        this.text = this.text.slice(cut);
        this.textStart += cut;
      }
      if (bytesRead > 0) this.lastGrowth = Date.now();
      return bytesRead;
    } finally {
      await fh.close();
    }
  }

  /** Text after the mark (what no report has covered yet). */
  sinceMark(): string {
    const rel = Math.max(0, this.markAt - this.textStart);
    return this.text.slice(rel);
  }

  /** Everything buffered, and how many bytes of the file were not kept. */
  all(): { text: string; droppedBefore: number } {
    return { text: this.text, droppedBefore: this.textStart };
  }

  /** Marks everything read so far as reported. */
  mark(): void {
    this.markAt = this.textStart + this.text.length;
  }

  /** Skips what the file holds now: only text written from now on is new. */
  async skipExisting(): Promise<void> {
    await this.refresh();
    this.mark();
  }

  get quietForMs(): number {
    return Date.now() - this.lastGrowth;
  }
}
