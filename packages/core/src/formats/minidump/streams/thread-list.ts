import { LIMITS } from '../../../io/limits.js';
import { countedEntries, type StreamInput } from '../stream-context.js';
import { readLocation, readMemoryDescriptor, type LocationDescriptor, type MemoryDescriptor } from '../location.js';

/** MINIDUMP_THREAD (minidumpapiset.h), 48 bytes. */
export interface RawMinidumpThread {
  threadId: number;
  suspendCount: number;
  priorityClass: number;
  priority: number;
  teb: bigint;
  stack: MemoryDescriptor;
  threadContext: LocationDescriptor;
}
const THREAD_SIZE = 48;

export function readThreadList(input: StreamInput): RawMinidumpThread[] {
  const { count, first } = countedEntries(input, THREAD_SIZE, LIMITS.threads);
  const out: RawMinidumpThread[] = [];
  for (let i = 0; i < count; i++) {
    const o = first + i * THREAD_SIZE;
    const v = input.data;
    out.push({
      threadId: v.u32(o),
      suspendCount: v.u32(o + 4),
      priorityClass: v.u32(o + 8),
      priority: v.u32(o + 12),
      teb: v.u64(o + 16),
      stack: readMemoryDescriptor(v, o + 24),
      threadContext: readLocation(v, o + 40),
    });
  }
  return out;
}
