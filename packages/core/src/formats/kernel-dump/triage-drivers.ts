import type { FileReader } from '../../io/file-reader.js';
import { decodeUtf16 } from '../../io/byte-view.js';
import { CulpritParseError } from '../../io/errors.js';
import type { RawTriageHeader } from './triage.js';
import { checkCount } from './triage.js';
import { KERNEL_DUMP_LIMITS } from './limits.js';

/** A loaded driver as the dump records it. */
export interface KernelDriver {
  /** Path as recorded, e.g. '\\SystemRoot\\System32\\drivers\\amdppm.sys'. */
  path: string;
  /** File name only, e.g. 'amdppm.sys'. */
  name: string;
  base: bigint;
  size: number;
  /** PE TimeDateStamp (seconds since 1970, or a hash in reproducible builds). */
  timestamp: number;
  checksum: number;
}

export interface UnloadedDriver {
  name: string;
  start: bigint;
  end: bigint;
}

/**
 * `DUMP_DRIVER_ENTRY64` (0x90 bytes: name offset, padding, then a `KLDR_DATA_TABLE_ENTRY64` whose
 * DllBase is at +0x30, SizeOfImage +0x40, CheckSum +0x78, TimeDateStamp +0x80) and
 * `DUMP_DRIVER_ENTRY32` (0x4c bytes: name offset, then DllBase +0x18, SizeOfImage +0x20,
 * CheckSum +0x40, TimeDateStamp +0x44).
 */
const DRIVER_ENTRY = {
  64: { size: 0x90, ldr: 8, base: 0x30, imageSize: 0x40, checksum: 0x78, timestamp: 0x80 },
  32: { size: 0x4c, ldr: 4, base: 0x18, imageSize: 0x20, checksum: 0x40, timestamp: 0x44 },
} as const;

export function readTriageDrivers(reader: FileReader, h: RawTriageHeader, is64: boolean): KernelDriver[] {
  const layout = DRIVER_ENTRY[is64 ? 64 : 32];
  if (h.driverCount === 0) return [];
  checkCount(reader, h.driverCount, KERNEL_DUMP_LIMITS.drivers, layout.size, h.driverListOffset, 'DUMP_DRIVER_ENTRY');
  const v = reader.view(h.driverListOffset, h.driverCount * layout.size, 'DUMP_DRIVER_ENTRY');
  const out: KernelDriver[] = [];
  for (let i = 0; i < h.driverCount; i++) {
    const e = i * layout.size;
    const l = e + layout.ldr;
    const path = readPoolString(reader, v.u32(e));
    out.push({
      path,
      name: baseName(path),
      base: is64 ? v.u64(l + layout.base) : BigInt(v.u32(l + layout.base)),
      size: v.u32(l + layout.imageSize),
      checksum: v.u32(l + layout.checksum),
      timestamp: v.u32(l + layout.timestamp),
    });
  }
  return out;
}

/**
 * A string pool entry (`DUMP_STRING`): a u32 character count, then that many UTF-16 characters
 * and a NUL.
 */
export function readPoolString(reader: FileReader, offset: number): string {
  const count = reader.view(offset, 4, 'DUMP_STRING').u32(0);
  if (count > KERNEL_DUMP_LIMITS.nameChars) {
    throw new CulpritParseError('CULPRIT_ERR_LIMIT', `string of ${count} characters`, {
      format: 'kernel-dump',
      part: 'DUMP_STRING',
      offset,
    });
  }
  return decodeUtf16(reader.view(offset + 4, count * 2, 'DUMP_STRING').bytes, true);
}

/**
 * `DUMP_UNLOADED_DRIVERS64`: a count (u32, padded to 8), then 0x38-byte entries: UNICODE_STRING64,
 * the name itself inline (12 UTF-16 characters), start and end address. The 32-bit form has a u32
 * count then 0x28-byte entries (UNICODE_STRING32, 24 bytes of name, start, end).
 */
export function readTriageUnloadedDrivers(reader: FileReader, h: RawTriageHeader, is64: boolean): UnloadedDriver[] {
  if (h.unloadedDriversOffset === 0) return [];
  const count = reader.view(h.unloadedDriversOffset, 4, 'DUMP_UNLOADED_DRIVERS').u32(0);
  const entry = is64 ? 0x38 : 0x28;
  const first = h.unloadedDriversOffset + (is64 ? 8 : 4);
  checkCount(reader, count, KERNEL_DUMP_LIMITS.unloadedDrivers, entry, first, 'DUMP_UNLOADED_DRIVERS');
  const v = reader.view(first, count * entry, 'DUMP_UNLOADED_DRIVERS');
  const out: UnloadedDriver[] = [];
  const nameAt = is64 ? 0x10 : 0x08;
  for (let i = 0; i < count; i++) {
    const e = i * entry;
    const byteLength = Math.min(v.u16(e), 24);
    const name = decodeUtf16(v.slice(e + nameAt, byteLength), true);
    const start = is64 ? v.u64(e + 0x28) : BigInt(v.u32(e + 0x20));
    const end = is64 ? v.u64(e + 0x30) : BigInt(v.u32(e + 0x24));
    out.push({ name, start, end });
  }
  return out;
}

export function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
  return i >= 0 ? path.slice(i + 1) : path;
}
