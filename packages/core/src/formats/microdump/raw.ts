/**
 * One microdump as Breakpad's Linux client writes it (src/client/linux/microdump_writer/
 * microdump_writer.cc, MicrodumpWriter::Dump), a line per record between
 * `-----BEGIN BREAKPAD MICRODUMP-----` and `-----END BREAKPAD MICRODUMP-----`. Numbers are
 * upper-case hex without 0x; every field below keeps the writer's meaning.
 */
export interface RawMicrodump {
  /** Line numbers (1-based) of the BEGIN and END markers; no END means the log was cut. */
  beginLine: number;
  endLine?: number;
  /** Logcat's pid for the writing process, when the line prefix carries one. */
  pid?: number;
  /** `V <product>:<version>` (MicrodumpExtraInfo.product_info; 'UNKNOWN:0.0.0.0' when unset). */
  product?: { name: string; version: string };
  /** `O <A|L> <arch> <cpu count, 2 hex digits> <uname machine> <build fingerprint or uname release+version>`. */
  os?: RawOsLine;
  /** `P <process type>` (Chrome: 'browser', 'renderer', 'webview', ...). */
  processType?: string;
  /** `R <signal, 8 hex digits> <signal name> <fault address>`. */
  crashReason?: { signal: number; name: string; address: bigint };
  /** `G <GL version>|<vendor>|<renderer>` or 'UNKNOWN'. */
  gpu?: { raw: string; version: string; vendor: string; renderer: string };
  /** `H <lowest mapping> <end of highest> <hole count> <largest hole> <hole bytes> <log2:count>...` (32-bit only). */
  freeSpace?: RawFreeSpace;
  /** `S 0 <stack pointer> <stack low bound> <stack length>`. */
  stackHeader?: { sp: bigint; base: bigint; size: bigint; line: number };
  /** `S <address> <hex bytes>`, 384 bytes a line, in order. */
  stackChunks: { address: bigint; bytes: Uint8Array; line: number }[];
  /** `C <hex>`: the raw Breakpad MDRawContext* for the arch of the O line. */
  context?: { bytes: Uint8Array; line: number };
  /** `M <start> <file offset> <size> <debug id (GUID + age 0)> <file name>`. */
  modules: RawModuleLine[];
  /** Lines with a key this reader does not know, by key. */
  unknownKeys: Record<string, number>;
}

export interface RawOsLine {
  /** 'A' (Android) or 'L' (Linux). */
  id: string;
  /** Runtime arch: 'arm', 'arm64', 'x86', 'x86_64', 'mips', 'mips64', 'loongarch64'. */
  arch: string;
  cpuCount: number;
  /** uname machine: the hardware arch ('armv8l' for a 32-bit app on a 64-bit CPU). */
  hwArch: string;
  /** The rest of the line, as Breakpad keeps it for the OS version. */
  version: string;
}

export interface RawFreeSpace {
  low: bigint;
  high: bigint;
  holeCount: number;
  largestHole: bigint;
  holeBytes: bigint;
  /** Holes by size class: floor(log2(size)) → count. */
  histogram: { log2: number; count: number }[];
}

export interface RawModuleLine {
  base: bigint;
  offset: bigint;
  size: bigint;
  debugId: string;
  name: string;
  line: number;
}

export function emptyMicrodump(beginLine: number): RawMicrodump {
  return { beginLine, stackChunks: [], modules: [], unknownKeys: {} };
}
