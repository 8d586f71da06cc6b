import type { FileReader } from '../../io/file-reader.js';
import { CulpritParseError } from '../../io/errors.js';
import { KERNEL_DUMP_LIMITS } from './limits.js';
import type { MemoryBlock } from './virtual-memory.js';

/**
 * `TRIAGE_DUMP32` / `TRIAGE_DUMP64`: the directory of a small memory dump, right after the file
 * header. Every `...Offset` is a file offset. Layout per the WRK's triage.h and rizin's dmp_specs.h;
 * the 64-bit form adds an IA-64 area (16 bytes) before DataPageAddress.
 */
export interface RawTriageHeader {
  servicePackBuild: number;
  sizeOfDump: number;
  validOffset: number;
  contextOffset: number;
  exceptionOffset: number;
  mmOffset: number;
  unloadedDriversOffset: number;
  prcbOffset: number;
  processOffset: number;
  threadOffset: number;
  callStackOffset: number;
  sizeOfCallStack: number;
  driverListOffset: number;
  driverCount: number;
  stringPoolOffset: number;
  stringPoolSize: number;
  brokenDriverOffset: number;
  triageOptions: number;
  topOfStack: bigint;
  dataPageAddress: bigint;
  dataPageOffset: number;
  dataPageSize: number;
  debuggerDataOffset: number;
  debuggerDataSize: number;
  dataBlocksOffset: number;
  dataBlocksCount: number;
}

const FIELDS_U32 = [
  'servicePackBuild',
  'sizeOfDump',
  'validOffset',
  'contextOffset',
  'exceptionOffset',
  'mmOffset',
  'unloadedDriversOffset',
  'prcbOffset',
  'processOffset',
  'threadOffset',
  'callStackOffset',
  'sizeOfCallStack',
  'driverListOffset',
  'driverCount',
  'stringPoolOffset',
  'stringPoolSize',
  'brokenDriverOffset',
  'triageOptions',
] as const;

export const TRIAGE_HEADER64_SIZE = 0x80;
export const TRIAGE_HEADER32_SIZE = 0x68;

export function readTriageHeader(reader: FileReader, at: number, is64: boolean): RawTriageHeader {
  const v = reader.view(at, is64 ? TRIAGE_HEADER64_SIZE : TRIAGE_HEADER32_SIZE, 'TRIAGE_DUMP');
  const h = {} as RawTriageHeader;
  FIELDS_U32.forEach((name, i) => (h[name] = v.u32(i * 4)));
  if (is64) {
    h.topOfStack = v.u64(0x48);
    h.dataPageAddress = v.u64(0x60);
    h.dataPageOffset = v.u32(0x68);
    h.dataPageSize = v.u32(0x6c);
    h.debuggerDataOffset = v.u32(0x70);
    h.debuggerDataSize = v.u32(0x74);
    h.dataBlocksOffset = v.u32(0x78);
    h.dataBlocksCount = v.u32(0x7c);
  } else {
    h.topOfStack = BigInt(v.u32(0x48));
    h.dataPageAddress = BigInt(v.u32(0x4c));
    h.dataPageOffset = v.u32(0x50);
    h.dataPageSize = v.u32(0x54);
    h.debuggerDataOffset = v.u32(0x58);
    h.debuggerDataSize = v.u32(0x5c);
    h.dataBlocksOffset = v.u32(0x60);
    h.dataBlocksCount = v.u32(0x64);
  }
  return h;
}

/** `TRIAGE_DATA_BLOCK`: {address, file offset, size}; 16 bytes in 64-bit dumps, 12 in 32-bit ones. */
export function readTriageDataBlocks(reader: FileReader, h: RawTriageHeader, is64: boolean): MemoryBlock[] {
  if (h.dataBlocksCount === 0 || h.dataBlocksOffset === 0) return [];
  const entry = is64 ? 16 : 12;
  checkCount(reader, h.dataBlocksCount, KERNEL_DUMP_LIMITS.dataBlocks, entry, h.dataBlocksOffset, 'TRIAGE_DATA_BLOCK');
  const v = reader.view(h.dataBlocksOffset, h.dataBlocksCount * entry, 'TRIAGE_DATA_BLOCK');
  const out: MemoryBlock[] = [];
  for (let i = 0; i < h.dataBlocksCount; i++) {
    const o = i * entry;
    const address = is64 ? v.u64(o) : BigInt(v.u32(o));
    const fileOffset = v.u32(o + entry - 8);
    const size = v.u32(o + entry - 4);
    // A block that points outside the file is dropped here; the reader reports how many.
    if (fileOffset + size <= reader.size && size > 0) out.push({ address, fileOffset, size });
  }
  return out;
}

/** Rejects a count beyond its limit or beyond the bytes left in the file, before any allocation. */
export function checkCount(reader: FileReader, count: number, limit: number, entrySize: number, at: number, part: string): void {
  if (count > limit) {
    throw new CulpritParseError('CULPRIT_ERR_LIMIT', `${count} ${part} entries exceed the limit of ${limit}`, {
      format: 'kernel-dump',
      part,
      offset: at,
    });
  }
  if (at + count * entrySize > reader.size) {
    throw new CulpritParseError(
      'CULPRIT_ERR_TRUNCATED',
      `${count} ${part} entries of ${entrySize} bytes at 0x${at.toString(16)} run past the end of the file`,
      { format: 'kernel-dump', part, offset: at },
    );
  }
}
