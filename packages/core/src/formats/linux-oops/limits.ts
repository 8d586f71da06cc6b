/**
 * Named limits for reading kernel logs. A log is hostile text: it may be gigabytes of dmesg,
 * one line without a newline, or binary noise from a serial console. Every loop below is bounded
 * by one of these, and reaching one becomes a warning on the report, never a hang.
 */
export const OOPS_LIMITS = {
  /** Bytes of a log that are read at all; the rest is reported as not read. */
  logBytes: 256 * 1024 * 1024,
  /** Lines of a log that are looked at. */
  lines: 8_000_000,
  /** Bytes of one line that are kept; the rest of the line is skipped (kernel lines are < 1 KiB). */
  lineBytes: 4096,
  /** Bytes read from the source at once. */
  chunkBytes: 1024 * 1024,
  /** Reports kept from one log; further ones are only counted. */
  reports: 200,
  /** Lines kept in one report (abrt drops oopses longer than 80 lines; syzbot reports reach a few hundred). */
  linesPerReport: 2000,
  /** Frames kept in one report. */
  framesPerReport: 1000,
  /** Consecutive unrelated lines tolerated inside a report once its call trace started. */
  noiseLinesInReport: 25,
  /** Lines a report may run without a call trace before it is closed (abrt uses 40). */
  linesWithoutTrace: 120,
  /** Modules kept from one "Modules linked in:" list. */
  modules: 4096,
  /** Continuation lines of one module list. */
  moduleListLines: 64,
} as const;
