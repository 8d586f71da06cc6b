import { LIMITS } from '../../../io/limits.js';
import type { StreamInput } from '../stream-context.js';
import { readMinidumpString } from '../location.js';

/** MINIDUMP_UNLOADED_MODULE, 24 bytes (its list has its own header: SizeOfHeader, SizeOfEntry, NumberOfEntries). */
export interface RawUnloadedModule {
  baseOfImage: bigint;
  sizeOfImage: number;
  checkSum: number;
  timeDateStamp: number;
  moduleNameRva: number;
  name: string;
}
const MIN_ENTRY = 24;

export function readUnloadedModuleList(input: StreamInput): { modules: RawUnloadedModule[]; errors: unknown[] } {
  const v = input.data;
  const headerSize = v.u32(0);
  const entrySize = v.u32(4);
  const count = v.u32(8);
  if (entrySize < MIN_ENTRY) throw v.error('CULPRIT_ERR_BAD_VALUE', `entry size ${entrySize} is smaller than ${MIN_ENTRY}`, 4);
  if (count > LIMITS.modules) throw v.error('CULPRIT_ERR_LIMIT', `${count} unloaded modules exceed the limit`, 8);
  if (headerSize + count * entrySize > v.length) {
    throw v.error('CULPRIT_ERR_TRUNCATED', `${count} entries of ${entrySize} bytes do not fit in the stream`, 8);
  }
  const modules: RawUnloadedModule[] = [];
  const errors: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const o = headerSize + i * entrySize;
    const m: RawUnloadedModule = {
      baseOfImage: v.u64(o),
      sizeOfImage: v.u32(o + 8),
      checkSum: v.u32(o + 12),
      timeDateStamp: v.u32(o + 16),
      moduleNameRva: v.u32(o + 20),
      name: '',
    };
    try {
      m.name = readMinidumpString(input.file, m.moduleNameRva, `${input.part} entry ${i} name`);
    } catch (err) {
      errors.push(err);
    }
    modules.push(m);
  }
  return { modules, errors };
}
