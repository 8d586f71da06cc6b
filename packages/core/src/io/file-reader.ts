import type { ByteSource } from './byte-source.js';
import { ByteView } from './byte-view.js';
import { CulpritParseError } from './errors.js';

/**
 * A byte source plus the format's byte order: the one place where file bytes become bounds-checked
 * `ByteView`s. Short reads (a truncated file) become `CULPRIT_ERR_TRUNCATED` with the offset.
 */
export class FileReader {
  constructor(
    readonly source: ByteSource,
    public littleEndian: boolean,
    readonly format: string,
  ) {}

  get size(): number {
    return this.source.size;
  }

  /** Exactly `length` bytes at `offset`, or a typed error naming `part`. */
  view(offset: number, length: number, part: string): ByteView {
    return new ByteView(this.bytes(offset, length, part), offset, this.littleEndian, { format: this.format, part });
  }

  /**
   * The same bytes and checks as `view`, without a view around them: for text and blobs that are
   * decoded whole (module names, for every module of every dump in a batch).
   */
  bytes(offset: number, length: number, part: string): Uint8Array {
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0) {
      throw new CulpritParseError('CULPRIT_ERR_BAD_VALUE', `bad range ${offset}+${length}`, { format: this.format, part, offset: Math.max(0, offset) });
    }
    if (offset + length > this.source.size) {
      throw new CulpritParseError(
        'CULPRIT_ERR_TRUNCATED',
        `${length} bytes needed at 0x${offset.toString(16)} but the file ends at 0x${this.source.size.toString(16)}`,
        { format: this.format, part, offset },
      );
    }
    const bytes = this.source.read(offset, length);
    if (bytes.byteLength < length) {
      throw new CulpritParseError('CULPRIT_ERR_TRUNCATED', `short read of ${bytes.byteLength}/${length} bytes`, { format: this.format, part, offset });
    }
    return bytes;
  }

  /** As many of `length` bytes at `offset` as the file holds (possibly none). */
  viewUpTo(offset: number, length: number, part: string): ByteView {
    const avail = Math.max(0, Math.min(length, this.source.size - offset));
    return this.view(Math.min(offset, this.source.size), avail, part);
  }
}
