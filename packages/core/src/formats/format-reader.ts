import type { SymbolSupplier } from '../symbols/types.js';
import type { ByteSource } from '../io/byte-source.js';
import type { CrashReport } from '../report/model.js';

/** What a reader may use besides the bytes: later stages (symbols, walking) plug in here. */
export interface ReadOptions {
  /** Stop walking a thread after this many frames. */
  maxFramesPerThread?: number;
  /** Symbols for stack walking and symbolication (e.g. `--symbols-path` folders). */
  symbols?: SymbolSupplier;
}

/**
 * One crash format: recognise it from the first bytes, then turn the whole source into a report.
 * `read` throws `CulpritParseError` only when nothing usable can be produced; a damaged part
 * becomes a warning on the report.
 */
export interface FormatReader {
  /** Stable id, also the report's `kind`-level family, e.g. 'minidump'. */
  readonly id: string;
  /** Human name for messages: 'Minidump', 'Windows kernel dump', 'Linux kernel log'. */
  readonly name: string;
  /** True when the first bytes (at least 4 KiB when the file has them) look like this format. */
  sniff(head: Uint8Array): boolean;
  read(source: ByteSource, options: ReadOptions): CrashReport;
}
