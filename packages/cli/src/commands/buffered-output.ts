/**
 * Text for standard output gathered into large writes: a batch prints a report per dump, and on
 * Linux every write to a pipe or file is a system call of its own.
 */
export class BufferedOutput {
  private parts: string[] = [];
  private size = 0;

  constructor(
    private readonly sink: (text: string) => void,
    private readonly limit = 64 * 1024,
  ) {}

  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= this.limit) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    this.sink(text);
  }
}
