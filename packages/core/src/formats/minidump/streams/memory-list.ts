import { LIMITS } from '../../../io/limits.js';
import { countedEntries, type StreamInput } from '../stream-context.js';
import { MEMORY_DESCRIPTOR_SIZE, readMemoryDescriptor } from '../location.js';

/** A range of the crashed process's memory and where its bytes are in the file. */
export interface MemoryRange {
  start: bigint;
  size: number;
  /** File offset of the bytes. */
  rva: number;
}

/** MINIDUMP_MEMORY_LIST: u32 count then MINIDUMP_MEMORY_DESCRIPTOR[]. */
export function readMemoryList(input: StreamInput): MemoryRange[] {
  const { count, first } = countedEntries(input, MEMORY_DESCRIPTOR_SIZE, LIMITS.memoryRanges);
  const out: MemoryRange[] = [];
  for (let i = 0; i < count; i++) {
    const d = readMemoryDescriptor(input.data, first + i * MEMORY_DESCRIPTOR_SIZE);
    out.push({ start: d.start, size: d.memory.dataSize, rva: d.memory.rva });
  }
  return out;
}

/**
 * MINIDUMP_MEMORY64_LIST: NumberOfMemoryRanges u64, BaseRva u64, then {StartOfMemoryRange, DataSize}
 * pairs whose bytes follow one another from BaseRva. Ranges whose bytes run past the end of the
 * file (a truncated full dump) are kept up to the end and reported.
 */
export function readMemory64List(input: StreamInput): { ranges: MemoryRange[]; truncated: boolean } {
  const v = input.data;
  const count = v.u64(0);
  let rva = v.u64n(8, 'BaseRva');
  if (count > BigInt(LIMITS.memoryRanges)) throw v.error('CULPRIT_ERR_LIMIT', `${count} ranges exceed the limit`, 0);
  const n = Number(count);
  if (16 + n * 16 > v.length) throw v.error('CULPRIT_ERR_TRUNCATED', `${n} descriptors do not fit in the stream`, 0);
  const ranges: MemoryRange[] = [];
  let truncated = false;
  for (let i = 0; i < n; i++) {
    const start = v.u64(16 + i * 16);
    const size = v.u64(24 + i * 16);
    const fileSize = input.file.size;
    if (rva >= fileSize) {
      truncated = true;
      break;
    }
    const avail = BigInt(fileSize - rva);
    const take = size > avail ? avail : size;
    if (take < size) truncated = true;
    ranges.push({ start, size: Number(take), rva });
    rva += Number(take);
    if (truncated) break;
  }
  return { ranges, truncated };
}
