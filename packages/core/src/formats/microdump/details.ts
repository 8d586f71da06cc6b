import type { RawFreeSpace } from './raw.js';
import type { DumpSpan } from './scan.js';

/** Microdump-only facts, under `report.details.microdump`. */
export interface MicrodumpDetails {
  /** Every dump found in the file (line ranges); `chosen` is the one reported. */
  dumps: DumpSpan[];
  chosen: number;
  /** V line: Chrome's product and version ('Chrome_Android', '49.0.2623.15'). */
  product?: { name: string; version: string };
  /** P line: the process type ('browser', 'renderer', 'webview'). */
  processType?: string;
  /** uname machine from the O line: the hardware, which may be wider than the app ('armv8l'). */
  hwArch?: string;
  /** The O line's runtime arch, as written. */
  arch?: string;
  /** G line, split as Breakpad splits it (GL version | vendor | renderer); absent when 'UNKNOWN'. */
  gpu?: { version: string; vendor: string; renderer: string };
  /** R line's signal number. */
  signal?: number;
  /** H line: free address space between mappings (32-bit writers only). */
  freeSpace?: RawFreeSpace;
  /** S 0 line: stack pointer, low bound and length the writer announced. */
  stackHeader?: { sp: bigint; base: bigint; size: bigint };
  stackBytes: number;
  /** Lines of other logcat tags found inside the dump, and record keys this reader skipped. */
  foreignLines: number;
  unknownKeys: Record<string, number>;
}
