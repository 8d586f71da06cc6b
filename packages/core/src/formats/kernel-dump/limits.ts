/**
 * Named limits of the kernel dump reader, on top of the shared `LIMITS`. Each bounds a loop or an
 * allocation whose size comes from the file; real dumps stay far below them.
 */
export const KERNEL_DUMP_LIMITS = {
  /** Drivers in a triage driver list or in PsLoadedModuleList (a busy system has ~300). */
  drivers: 4096,
  /** Unloaded driver records (the kernel keeps at most 50). */
  unloadedDrivers: 1024,
  /** Triage data blocks (real dumps have a few thousand). */
  dataBlocks: 1 << 16,
  /** Physical memory runs in the header (the 700-byte buffer holds at most 43 of 16 bytes). */
  physicalRuns: 64,
  /** Pages in a bitmap dump: 2^32 pages is 16 TiB of RAM. */
  bitmapPages: 2 ** 32,
  /** Bytes of bitmap read at once while indexing a bitmap dump. */
  bitmapChunkBytes: 1 << 20,
  /** Characters of a name in the string pool or a UNICODE_STRING. */
  nameChars: 1024,
  /** Bytes of stack scanned for return addresses. */
  stackScanBytes: 256 * 1024,
  /** Return-address candidates kept from a stack scan. */
  stackCandidates: 256,
} as const;
