import type { ByteSource } from '../../io/byte-source.js';
import { decodeLatin1 } from '../../io/byte-view.js';
import { MICRODUMP_LIMITS } from './limits.js';

/** One line of the file: its 1-based number and text, or `tooLong` when it was not decoded. */
export interface SourceLine {
  line: number;
  /** Byte offset of the line's first byte. */
  offset: number;
  text: string;
  tooLong?: number;
}

const CHUNK = 64 * 1024;

/**
 * The file's lines, read in chunks so a large logcat is never held as one string. '\n' ends a
 * line and a '\r' before it is dropped (adb writes logcat with DOS line ends, as Breakpad's
 * GetLine notes). A line longer than the limit is reported by length, not decoded.
 */
export function* sourceLines(source: ByteSource, maxLineBytes: number = MICRODUMP_LIMITS.lineBytes): Generator<SourceLine> {
  let lineNo = 1;
  let lineStart = 0;
  let parts: Uint8Array[] = [];
  let partBytes = 0;
  let overflow = 0;
  const finish = (end: number): SourceLine => {
    const line: SourceLine = { line: lineNo, offset: lineStart, text: '' };
    if (overflow > 0) {
      line.tooLong = overflow;
    } else {
      let bytes = concat(parts, partBytes);
      if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
      line.text = decodeLatin1(bytes);
    }
    lineNo++;
    lineStart = end + 1;
    parts = [];
    partBytes = 0;
    overflow = 0;
    return line;
  };
  for (let pos = 0; pos < source.size; pos += CHUNK) {
    const chunk = source.read(pos, Math.min(CHUNK, source.size - pos));
    if (chunk.length === 0) break;
    let from = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, from);
      const end = nl < 0 ? chunk.length : nl;
      const piece = chunk.subarray(from, end);
      if (overflow > 0 || partBytes + piece.length > maxLineBytes) {
        overflow = (overflow || partBytes) + piece.length;
        parts = [];
        partBytes = 0;
      } else if (piece.length > 0) {
        // Copy: the source may reuse its buffer between reads.
        parts.push(piece.slice());
        partBytes += piece.length;
      }
      if (nl < 0) break;
      yield finish(pos + nl);
      from = nl + 1;
    }
  }
  if (partBytes > 0 || overflow > 0) yield finish(source.size);
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
