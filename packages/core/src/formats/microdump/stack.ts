import { BufferSource } from '../../io/byte-source.js';
import { CulpritParseError, type ReportWarning } from '../../io/errors.js';
import { FileReader } from '../../io/file-reader.js';
import { MemoryRegions } from '../minidump/memory.js';
import type { MemoryRange } from '../minidump/streams/memory-list.js';
import type { RawMicrodump } from './raw.js';

/** Gaps described one by one; past this only their number is reported. */
const GAP_WARNINGS = 8;

export interface MicrodumpStack {
  /** The crashed thread's stack as the walker reads memory (little-endian, as Breakpad's MicrodumpMemoryRegion). */
  memory: MemoryRegions;
  /** Bytes held, and the address range of the first (normally only) run. */
  bytes: number;
  start?: bigint;
  size?: number;
  /** Runs of contiguous S lines; more than one means lines were lost. */
  runs: number;
}

/**
 * Joins the `S <address> <bytes>` chunks into contiguous runs. The writer prints them in order
 * from the stack's low bound, so each chunk starts where the last ended; Breakpad asserts that.
 * A gap (a lost log line) starts a new run instead of shifting every later byte.
 */
export function assembleStack(dump: RawMicrodump, warnings: ReportWarning[]): MicrodumpStack {
  const total = dump.stackChunks.reduce((n, c) => n + c.bytes.length, 0);
  const buffer = new Uint8Array(total);
  const ranges: MemoryRange[] = [];
  let at = 0;
  let gaps = 0;
  for (const c of dump.stackChunks) {
    const last = ranges[ranges.length - 1];
    if (last && c.address === last.start + BigInt(last.size)) {
      last.size += c.bytes.length;
    } else {
      if (last && ++gaps <= GAP_WARNINGS) {
        warn(warnings, `stack chunk at 0x${c.address.toString(16)} does not follow the previous one (expected 0x${(last.start + BigInt(last.size)).toString(16)})`, c.line);
      }
      ranges.push({ start: c.address, size: c.bytes.length, rva: at });
    }
    buffer.set(c.bytes, at);
    at += c.bytes.length;
  }
  if (gaps > GAP_WARNINGS) warn(warnings, `${gaps} gaps in the stack in all`, dump.stackChunks[0].line);
  const header = dump.stackHeader;
  if (header) {
    if (ranges.length > 0 && ranges[0].start !== header.base) {
      warn(warnings, `stack header says the stack starts at 0x${header.base.toString(16)} but its first chunk is at 0x${ranges[0].start.toString(16)}`, header.line);
    }
    if (BigInt(total) !== header.size) {
      warn(warnings, `stack header announces 0x${header.size.toString(16)} bytes but the dump holds 0x${total.toString(16)}`, header.line, 'CULPRIT_ERR_TRUNCATED');
    }
  } else if (ranges.length > 0) {
    warn(warnings, 'stack bytes without the S 0 header line', dump.stackChunks[0].line);
  }
  const memory = new MemoryRegions(new FileReader(new BufferSource(buffer), true, 'microdump'), ranges);
  const stack: MicrodumpStack = { memory, bytes: total, runs: ranges.length };
  if (ranges.length > 0) {
    stack.start = ranges[0].start;
    stack.size = ranges[0].size;
  }
  return stack;
}

function warn(warnings: ReportWarning[], detail: string, line: number, code: 'CULPRIT_ERR_BAD_VALUE' | 'CULPRIT_ERR_TRUNCATED' = 'CULPRIT_ERR_BAD_VALUE'): void {
  const part = 'microdump S line';
  const e = new CulpritParseError(code, detail, { format: 'microdump', part, line });
  warnings.push({ code: e.code, message: e.message, part, line });
}
