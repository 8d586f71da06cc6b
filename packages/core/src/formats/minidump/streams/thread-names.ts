import { LIMITS } from '../../../io/limits.js';
import { countedEntries, type StreamInput } from '../stream-context.js';
import { readMinidumpString } from '../location.js';

/** MINIDUMP_THREAD_NAME: ThreadId u32, RvaOfThreadName RVA64 — 12 bytes, packed. */
const THREAD_NAME_SIZE = 12;

export interface ThreadNameEntry {
  threadId: number;
  name: string;
}

/** Names that cannot be read are skipped with an error each, so one bad RVA loses one name. */
export function readThreadNames(input: StreamInput): { names: ThreadNameEntry[]; errors: unknown[] } {
  const { count, first } = countedEntries(input, THREAD_NAME_SIZE, LIMITS.threads);
  const names: ThreadNameEntry[] = [];
  const errors: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const o = first + i * THREAD_NAME_SIZE;
    const threadId = input.data.u32(o);
    const rva = input.data.u64n(o + 4, 'thread name RVA');
    try {
      names.push({ threadId, name: readMinidumpString(input.file, rva, `${input.part} entry ${i}`) });
    } catch (err) {
      errors.push(err);
    }
  }
  return { names, errors };
}
