import type { ByteView } from '../../io/byte-view.js';
import { decodeUtf16 } from '../../io/byte-view.js';
import { LIMITS } from '../../io/limits.js';
import type { FileReader } from '../../io/file-reader.js';

/** MINIDUMP_LOCATION_DESCRIPTOR: { DataSize: u32, Rva: u32 }. */
export interface LocationDescriptor {
  dataSize: number;
  rva: number;
}
export const LOCATION_DESCRIPTOR_SIZE = 8;

export function readLocation(v: ByteView, offset: number): LocationDescriptor {
  return { dataSize: v.u32(offset), rva: v.u32(offset + 4) };
}

/** MINIDUMP_MEMORY_DESCRIPTOR: { StartOfMemoryRange: u64, Memory: LOCATION_DESCRIPTOR }. */
export interface MemoryDescriptor {
  start: bigint;
  memory: LocationDescriptor;
}
export const MEMORY_DESCRIPTOR_SIZE = 16;

export function readMemoryDescriptor(v: ByteView, offset: number): MemoryDescriptor {
  return { start: v.u64(offset), memory: readLocation(v, offset + 8) };
}

/**
 * MINIDUMP_STRING at `rva`: u32 Length (bytes, excluding the terminator) then UTF-16 text.
 * Strings longer than LIMITS.stringBytes are cut there rather than read whole.
 */
export function readMinidumpString(file: FileReader, rva: number, part: string): string {
  const len = file.view(rva, 4, part).u32(0);
  const take = Math.min(len, LIMITS.stringBytes);
  return decodeUtf16(file.bytes(rva + 4, take, part), file.littleEndian);
}
