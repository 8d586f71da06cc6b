import { LIMITS } from '../../../io/limits.js';
import type { StreamInput } from '../stream-context.js';
import { readMinidumpString } from '../location.js';

/** MINIDUMP_HANDLE_DESCRIPTOR(_2): the process's open handles (files, events, keys...). */
export interface HandleDescriptor {
  handle: bigint;
  typeName?: string;
  objectName?: string;
  attributes: number;
  grantedAccess: number;
  handleCount: number;
  pointerCount: number;
}
const MIN_DESCRIPTOR = 32;

export function readHandleData(input: StreamInput): { handles: HandleDescriptor[]; errors: unknown[] } {
  const { data: v, file, part } = input;
  const headerSize = v.u32(0);
  const entrySize = v.u32(4);
  const count = v.u32(8);
  if (entrySize < MIN_DESCRIPTOR) throw v.error('CULPRIT_ERR_BAD_VALUE', `descriptor size ${entrySize} is smaller than ${MIN_DESCRIPTOR}`, 4);
  if (count > LIMITS.handles) throw v.error('CULPRIT_ERR_LIMIT', `${count} handles exceed the limit`, 8);
  if (headerSize + count * entrySize > v.length) throw v.error('CULPRIT_ERR_TRUNCATED', `${count} handles do not fit in the stream`, 8);
  const handles: HandleDescriptor[] = [];
  const errors: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const o = headerSize + i * entrySize;
    const h: HandleDescriptor = {
      handle: v.u64(o),
      attributes: v.u32(o + 16),
      grantedAccess: v.u32(o + 20),
      handleCount: v.u32(o + 24),
      pointerCount: v.u32(o + 28),
    };
    const typeRva = v.u32(o + 8);
    const nameRva = v.u32(o + 12);
    try {
      if (typeRva) h.typeName = readMinidumpString(file, typeRva, `${part} handle ${i} type`);
      if (nameRva) h.objectName = readMinidumpString(file, nameRva, `${part} handle ${i} name`);
    } catch (err) {
      errors.push(err);
    }
    handles.push(h);
  }
  return { handles, errors };
}
