import type { ByteSource } from '../../io/byte-source.js';
import { FileReader } from '../../io/file-reader.js';
import { warningFromError, type ReportWarning } from '../../io/errors.js';
import { MINIDUMP_STREAM_TYPE, streamTypeName } from './constants.js';
import { readDirectory, readHeader, type RawMinidumpDirectory, type RawMinidumpHeader } from './header.js';
import type { StreamInput } from './stream-context.js';

/**
 * An open minidump: header and directory are read at once; each stream is parsed only when asked
 * for and then cached. A stream that fails to parse is remembered as a warning and yields
 * `undefined`, so one damaged stream never hides the others.
 */
export class Minidump {
  readonly file: FileReader;
  readonly header: RawMinidumpHeader;
  readonly directory: RawMinidumpDirectory[];
  readonly warnings: ReportWarning[] = [];
  private readonly cache = new Map<string | number, unknown>();

  constructor(source: ByteSource) {
    this.file = new FileReader(source, true, 'minidump');
    this.header = readHeader(this.file);
    const dir = readDirectory(this.file, this.header);
    this.directory = dir.entries;
    if (dir.error) this.warnings.push(warningFromError(dir.error, 'stream directory'));
    for (const e of this.directory) {
      if (e.streamType === MINIDUMP_STREAM_TYPE.UnusedStream) continue;
      if (e.rva + e.dataSize > this.file.size) {
        const name = streamTypeName(e.streamType);
        this.warnings.push({
          code: 'CULPRIT_ERR_TRUNCATED',
          message: `minidump ${name} at offset 0x${e.rva.toString(16)}: its ${e.dataSize} bytes run past the end of the file (0x${this.file.size.toString(16)})`,
          part: name,
          offset: e.rva,
        });
      }
    }
    for (const [type, what] of [
      [MINIDUMP_STREAM_TYPE.SystemInfoStream, 'OS and CPU are unknown'],
      [MINIDUMP_STREAM_TYPE.ThreadListStream, 'no thread can be shown'],
    ] as const) {
      if (!this.has(type)) {
        this.warnings.push({ code: 'CULPRIT_ERR_MISSING_STREAM', message: `minidump has no ${streamTypeName(type)}: ${what}`, part: streamTypeName(type) });
      }
    }
  }

  /** 'PMDM' when the producer wrote big-endian. */
  get format(): string {
    return this.file.littleEndian ? 'MDMP' : 'PMDM';
  }

  /** The first directory entry of a type (Breakpad and rust-minidump also use the first). */
  entry(type: number): RawMinidumpDirectory | undefined {
    return this.directory.find((e) => e.streamType === type && type !== MINIDUMP_STREAM_TYPE.UnusedStream);
  }

  has(type: number): boolean {
    return this.entry(type) !== undefined;
  }

  input(entry: RawMinidumpDirectory): StreamInput {
    const part = streamTypeName(entry.streamType);
    return { file: this.file, data: this.file.view(entry.rva, entry.dataSize, part), entry, part };
  }

  /**
   * Parse a stream once. `key` distinguishes several parses of the same stream type.
   * Errors become warnings; the result is then `undefined`.
   */
  stream<T>(type: number, parse: (input: StreamInput) => T, key: string | number = type): T | undefined {
    if (this.cache.has(key)) return this.cache.get(key) as T | undefined;
    const entry = this.entry(type);
    let value: T | undefined;
    if (entry) {
      try {
        value = parse(this.input(entry));
      } catch (err) {
        this.warnings.push(warningFromError(err, streamTypeName(type)));
      }
    }
    this.cache.set(key, value);
    return value;
  }

  /** Record errors that a parser collected without failing the stream. */
  note(errors: unknown[], part: string): void {
    for (const e of errors) this.warnings.push(warningFromError(e, part));
  }
}
