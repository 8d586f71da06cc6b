import { decodeUtf16 } from '../../io/byte-view.js';
import { KERNEL_DUMP_LIMITS } from './limits.js';
import { baseName, type KernelDriver } from './triage-drivers.js';
import { readPointer, type VirtualMemory } from './virtual-memory.js';

/**
 * Walks `PsLoadedModuleList`, the kernel's list of `KLDR_DATA_TABLE_ENTRY` (InLoadOrderLinks first;
 * DllBase at 0x30 / 0x18, SizeOfImage 0x40 / 0x20, FullDllName 0x48 / 0x24 for 64 / 32-bit). The
 * timestamp offset inside the entry changes between builds, so it is read from the image's own PE
 * header when that page is in the dump. Stops at a cycle, a missing page, or the limit.
 */
const ENTRY = {
  8: { base: 0x30, size: 0x40, fullName: 0x48, strBuffer: 8 },
  4: { base: 0x18, size: 0x20, fullName: 0x24, strBuffer: 4 },
} as const;

export function walkLoadedModules(mem: VirtualMemory, listHead: bigint, ptr: 4 | 8): { drivers: KernelDriver[]; complete: boolean } {
  const l = ENTRY[ptr];
  const drivers: KernelDriver[] = [];
  const seen = new Set<bigint>();
  let link = readPointer(mem, listHead, ptr);
  while (link !== null && link !== listHead) {
    if (seen.has(link) || drivers.length >= KERNEL_DUMP_LIMITS.drivers) return { drivers, complete: false };
    seen.add(link);
    const base = readPointer(mem, link + BigInt(l.base), ptr);
    const sizeBytes = mem.read(link + BigInt(l.size), 4);
    const path = readUnicodeString(mem, link + BigInt(l.fullName), ptr, l.strBuffer);
    if (base === null || !sizeBytes || path === null) return { drivers, complete: false };
    const size = new DataView(sizeBytes.buffer, sizeBytes.byteOffset, 4).getUint32(0, true);
    const pe = readPeStamp(mem, base);
    drivers.push({ path, name: baseName(path), base, size, timestamp: pe?.timestamp ?? 0, checksum: pe?.checksum ?? 0 });
    link = readPointer(mem, link, ptr);
  }
  return { drivers, complete: link === listHead };
}

/** UNICODE_STRING: Length (bytes), MaximumLength, then the buffer pointer. */
function readUnicodeString(mem: VirtualMemory, at: bigint, ptr: 4 | 8, bufferAt: number): string | null {
  const head = mem.read(at, 2);
  const buffer = readPointer(mem, at + BigInt(bufferAt), ptr);
  if (!head || buffer === null) return null;
  const length = Math.min(new DataView(head.buffer, head.byteOffset, 2).getUint16(0, true), KERNEL_DUMP_LIMITS.nameChars * 2);
  if (length === 0) return '';
  const bytes = mem.read(buffer, length);
  return bytes ? decodeUtf16(bytes, true) : null;
}

/** TimeDateStamp and CheckSum from the image's DOS + NT headers (PE/COFF specification). */
function readPeStamp(mem: VirtualMemory, base: bigint): { timestamp: number; checksum: number } | null {
  const dos = mem.read(base, 0x40);
  if (!dos || dos[0] !== 0x4d || dos[1] !== 0x5a) return null;
  const lfanew = new DataView(dos.buffer, dos.byteOffset, 0x40).getUint32(0x3c, true);
  if (lfanew > 0x1000) return null;
  const nt = mem.read(base + BigInt(lfanew), 0x5c);
  if (!nt || nt[0] !== 0x50 || nt[1] !== 0x45 || nt[2] !== 0 || nt[3] !== 0) return null;
  const dv = new DataView(nt.buffer, nt.byteOffset, nt.byteLength);
  return { timestamp: dv.getUint32(8, true), checksum: dv.getUint32(0x58, true) };
}
