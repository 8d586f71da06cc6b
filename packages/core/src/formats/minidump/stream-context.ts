import type { ByteView } from '../../io/byte-view.js';
import type { FileReader } from '../../io/file-reader.js';
import type { RawMinidumpDirectory } from './header.js';

/** What a stream parser gets: the file (to follow RVAs), the stream's bytes and its directory entry. */
export interface StreamInput {
  file: FileReader;
  data: ByteView;
  entry: RawMinidumpDirectory;
  /** The stream's name, for error locations. */
  part: string;
}

/**
 * Number of fixed-size entries after a u32 count, checked against the stream size before any
 * array is sized by it. Breakpad and some writers pad the count to 8 bytes; both are accepted.
 */
export function countedEntries(input: StreamInput, entrySize: number, limit: number): { count: number; first: number } {
  const { data } = input;
  const count = data.u32(0);
  if (count > limit) throw data.error('CULPRIT_ERR_LIMIT', `${count} entries exceed the limit of ${limit}`, 0);
  if (4 + count * entrySize <= data.length) {
    const first = data.length === 8 + count * entrySize ? 8 : 4;
    return { count, first };
  }
  throw data.error('CULPRIT_ERR_TRUNCATED', `${count} entries of ${entrySize} bytes do not fit in the ${data.length}-byte stream`, 0);
}
