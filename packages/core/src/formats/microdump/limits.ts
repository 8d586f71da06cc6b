/**
 * Named bounds for microdump text. Breakpad's writer (microdump_writer.cc) stages every line in a
 * fixed buffer and cuts the stack into 384-byte chunks, so real lines stay under ~2 KiB even with
 * a logcat prefix; these caps leave room and bound the work on a file that lies.
 */
export const MICRODUMP_LIMITS = {
  /** Longest line looked at; a longer one is skipped with a warning, never decoded. */
  lineBytes: 64 * 1024,
  /** Lines scanned in one file (a whole logcat may hold many dumps and other logs). */
  lines: 1 << 22,
  /** BEGIN markers recorded per file. */
  dumps: 4096,
  /** M lines kept from one dump. */
  modules: 65536,
  /** Bytes of stack kept from one dump (real ones are 4–32 KiB). */
  stackBytes: 16 * 1024 * 1024,
  /** Warnings kept per file, so a file of garbage does not make a report of garbage. */
  warnings: 200,
} as const;

/** The bytes `sniff` looks at for the BEGIN marker. */
export const MICRODUMP_SNIFF_BYTES = 64 * 1024;
