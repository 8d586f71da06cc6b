/**
 * Output gathered into large writes: a batch prints a report per dump, and on Linux every write to
 * a pipe or file is a system call of its own. Text arrives as strings (this thread rendered it) or
 * as UTF-8 bytes (a worker thread did, and handed the buffer over without a copy).
 */
export class BufferedOutput {
  private parts: Uint8Array[] = [];
  private size = 0;

  constructor(
    private readonly sink: (bytes: Uint8Array) => void,
    private readonly limit = 64 * 1024,
  ) {}

  write(text: string | Uint8Array): void {
    const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    this.parts.push(bytes);
    this.size += bytes.length;
    if (this.size >= this.limit) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    const bytes = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.size);
    this.parts = [];
    this.size = 0;
    this.sink(bytes);
  }
}
