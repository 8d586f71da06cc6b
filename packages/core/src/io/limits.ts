/**
 * Named limits for every loop or allocation whose size comes from a file. Counts are also checked
 * against the bytes that remain before anything is allocated; these caps bound the work done on
 * files that are large but lie.
 */
export const LIMITS = {
  /** Streams in a minidump directory (real dumps have < 30). */
  minidumpStreams: 4096,
  /** Threads in a thread list. */
  threads: 65536,
  /** Modules or unloaded modules. */
  modules: 65536,
  /** Memory descriptors in a memory list / Memory64List / memory info list. */
  memoryRanges: 1 << 22,
  /** Longest string (in bytes) read from a dump. */
  stringBytes: 64 * 1024,
  /** Longest text stream (Linux /proc files, environ, maps) kept in a report. */
  textStreamBytes: 16 * 1024 * 1024,
  /** Annotations in one Crashpad list. */
  annotations: 65536,
  /** Handles in a handle data stream. */
  handles: 1 << 20,
  /** Bytes of one memory region copied at once (stacks). */
  memoryRegionBytes: 64 * 1024 * 1024,
} as const;
