import { LIMITS } from '../../../io/limits.js';
import type { StreamInput } from '../stream-context.js';

/** MINIDUMP_MEMORY_INFO, 48 bytes: the process's address space layout (VirtualQuery). */
export interface RawMemoryInfo {
  baseAddress: bigint;
  allocationBase: bigint;
  allocationProtect: number;
  regionSize: bigint;
  state: number;
  protect: number;
  type: number;
}
const MIN_ENTRY = 48;

export function readMemoryInfoList(input: StreamInput): RawMemoryInfo[] {
  const v = input.data;
  const headerSize = v.u32(0);
  const entrySize = v.u32(4);
  const count = v.u64(8);
  if (entrySize < MIN_ENTRY) throw v.error('CULPRIT_ERR_BAD_VALUE', `entry size ${entrySize} is smaller than ${MIN_ENTRY}`, 4);
  if (count > BigInt(LIMITS.memoryRanges)) throw v.error('CULPRIT_ERR_LIMIT', `${count} entries exceed the limit`, 8);
  const n = Number(count);
  if (headerSize + n * entrySize > v.length) throw v.error('CULPRIT_ERR_TRUNCATED', `${n} entries do not fit in the stream`, 8);
  const out: RawMemoryInfo[] = [];
  for (let i = 0; i < n; i++) {
    const o = headerSize + i * entrySize;
    out.push({
      baseAddress: v.u64(o),
      allocationBase: v.u64(o + 8),
      allocationProtect: v.u32(o + 16),
      regionSize: v.u64(o + 24),
      state: v.u32(o + 32),
      protect: v.u32(o + 36),
      type: v.u32(o + 40),
    });
  }
  return out;
}

/** Names for MEMORY_INFO fields, as winnt.h spells them. */
export const MEM_STATE: Record<number, string> = { 0x1000: 'MEM_COMMIT', 0x2000: 'MEM_RESERVE', 0x10000: 'MEM_FREE' };
export const MEM_TYPE: Record<number, string> = { 0x20000: 'MEM_PRIVATE', 0x40000: 'MEM_MAPPED', 0x1000000: 'MEM_IMAGE' };
const PAGE_PROTECT: [number, string][] = [
  [0x01, 'PAGE_NOACCESS'],
  [0x02, 'PAGE_READONLY'],
  [0x04, 'PAGE_READWRITE'],
  [0x08, 'PAGE_WRITECOPY'],
  [0x10, 'PAGE_EXECUTE'],
  [0x20, 'PAGE_EXECUTE_READ'],
  [0x40, 'PAGE_EXECUTE_READWRITE'],
  [0x80, 'PAGE_EXECUTE_WRITECOPY'],
  [0x100, 'PAGE_GUARD'],
  [0x200, 'PAGE_NOCACHE'],
  [0x400, 'PAGE_WRITECOMBINE'],
];
export function protectNames(p: number): string[] {
  return PAGE_PROTECT.filter(([bit]) => p & bit).map(([, n]) => n);
}
/** Whether a PAGE_* protection allows executing code. */
export function isExecutable(p: number): boolean {
  return (p & 0xf0) !== 0;
}
