// Test-only: a ByteSource that counts the bytes it hands out, so a test can show that reading a
// file costs what the analysis needs, not what the file (or a lying count in it) claims.
import type { ByteSource } from '../io/byte-source.js';

export class CountingSource implements ByteSource {
  bytesRead = 0;
  constructor(private readonly inner: ByteSource) {}
  get size(): number {
    return this.inner.size;
  }
  read(offset: number, length: number): Uint8Array {
    const bytes = this.inner.read(offset, length);
    this.bytesRead += bytes.byteLength;
    return bytes;
  }
}
