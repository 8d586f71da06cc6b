/**
 * Named bounds of the VM watcher. Everything a guest or a QEMU process sends is untrusted: every
 * buffer, queue and wait has one of these limits.
 */
export const VM_LIMITS: Readonly<Record<VmLimitName, number>> = Object.freeze({
  /** Longest QMP message line (a `human-monitor-command` answer is the largest we ask for). */
  qmpLineBytes: 4 * 1024 * 1024,
  /** Deepest nesting of a QMP JSON value. */
  qmpJsonDepth: 64,
  /** Events waiting to be handled per VM; beyond this the oldest non-crash events are dropped. */
  eventQueue: 256,
  /** Console text kept per VM (the newest bytes). */
  consoleBufferBytes: 1024 * 1024,
  /** Console excerpt put into a report (the newest bytes of the crashed boot). */
  consoleExcerptBytes: 256 * 1024,
  /** Register dump text kept in a report. */
  registersBytes: 64 * 1024,
  /** Wait for QEMU's greeting after connecting. */
  greetingMs: 5_000,
  /** Wait for an answer to one QMP command. */
  commandMs: 10_000,
  /** Wait for a memory dump to finish. */
  dumpMs: 120_000,
  /** Reconnect backoff: first and longest wait. */
  reconnectMinMs: 200,
  reconnectMaxMs: 5_000,
  /** Console polling period. */
  consolePollMs: 250,
  /** A console panic is reported once the console stayed quiet this long (or printed its end marker). */
  consoleSettleMs: 1_500,
  /** Crashes kept per VM for the restart-loop check. */
  crashHistory: 64,
});

export type VmLimitName =
  | 'qmpLineBytes'
  | 'qmpJsonDepth'
  | 'eventQueue'
  | 'consoleBufferBytes'
  | 'consoleExcerptBytes'
  | 'registersBytes'
  | 'greetingMs'
  | 'commandMs'
  | 'dumpMs'
  | 'reconnectMinMs'
  | 'reconnectMaxMs'
  | 'consolePollMs'
  | 'consoleSettleMs'
  | 'crashHistory';
