import type { ByteSource } from '../../io/byte-source.js';
import { OOPS_LIMITS } from './limits.js';

export interface RawLine {
  /** 1-based line number. */
  no: number;
  /** Byte offset of the line start. */
  offset: number;
  text: string;
  /** The line was longer than `OOPS_LIMITS.lineBytes`; only its head is in `text`. */
  cut: boolean;
}

export interface ScanStats {
  lines: number;
  cutLines: number;
  /** Lines not looked at because `OOPS_LIMITS.lines` was reached. */
  stoppedAtLine?: number;
  /** Bytes not read because `OOPS_LIMITS.logBytes` was reached. */
  unreadBytes: number;
  /** Lines that held NUL or other control bytes (serial noise, binary data). */
  binaryLines: number;
}

const LF = 0x0a;
const decoder = new TextDecoder('utf-8', { fatal: false });

/**
 * Splits a log into lines without ever holding more than one chunk plus one line head in memory:
 * a 1 GiB line costs `lineBytes`, a log of millions of lines costs one line at a time.
 * Splitting happens on bytes (0x0A never occurs inside a UTF-8 sequence); each kept line head is
 * decoded on its own, so a cut multi-byte character only becomes U+FFFD.
 */
export function* scanLines(source: ByteSource, stats: ScanStats): Generator<RawLine> {
  const end = Math.min(source.size, OOPS_LIMITS.logBytes);
  stats.unreadBytes = source.size - end;
  let head = new Uint8Array(OOPS_LIMITS.lineBytes);
  let headLen = 0;
  let lineLen = 0;
  let lineStart = 0;
  let no = 0;
  const emit = (): RawLine => {
    no++;
    const cut = lineLen > headLen;
    if (cut) stats.cutLines++;
    let bytes = head.subarray(0, headLen);
    if (headLen > 0 && bytes[headLen - 1] === 0x0d) bytes = bytes.subarray(0, headLen - 1);
    if (hasControlBytes(bytes)) stats.binaryLines++;
    return { no, offset: lineStart, text: decoder.decode(bytes), cut };
  };
  for (let pos = 0; pos < end; ) {
    const chunk = source.read(pos, Math.min(OOPS_LIMITS.chunkBytes, end - pos));
    if (chunk.length === 0) break;
    let from = 0;
    while (from < chunk.length) {
      const nl = chunk.indexOf(LF, from);
      const stop = nl === -1 ? chunk.length : nl;
      const room = OOPS_LIMITS.lineBytes - headLen;
      if (room > 0) {
        const take = Math.min(room, stop - from);
        head.set(chunk.subarray(from, from + take), headLen);
        headLen += take;
      }
      lineLen += stop - from;
      if (nl === -1) break;
      yield emit();
      stats.lines = no;
      if (no >= OOPS_LIMITS.lines) {
        stats.stoppedAtLine = no;
        stats.unreadBytes = source.size - (pos + nl + 1);
        return;
      }
      headLen = 0;
      lineLen = 0;
      lineStart = pos + nl + 1;
      from = nl + 1;
    }
    pos += chunk.length;
  }
  if (lineLen > 0) {
    yield emit();
    stats.lines = no;
  }
  head = new Uint8Array(0);
}

function hasControlBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x20 && b !== 0x09) return true;
  }
  return false;
}
