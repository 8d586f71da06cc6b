import type { ByteSource } from '../../io/byte-source.js';
import { CulpritParseError, type ParseErrorCode, type ReportWarning } from '../../io/errors.js';
import { sourceLines } from './lines.js';
import { MICRODUMP_LIMITS } from './limits.js';
import { logcatPrefix, payloadOf, type PrefixMode } from './logcat.js';
import { emptyMicrodump, type RawMicrodump } from './raw.js';
import { addRecord } from './records.js';

export const MICRODUMP_BEGIN = '-----BEGIN BREAKPAD MICRODUMP-----';
export const MICRODUMP_END = '-----END BREAKPAD MICRODUMP-----';

/** Where each dump of the file sits; only the chosen one is parsed. */
export interface DumpSpan {
  beginLine: number;
  endLine?: number;
  pid?: number;
}

export interface MicrodumpScan {
  /** The dump the report is about, or undefined when the file has no BEGIN marker. */
  dump?: RawMicrodump;
  /** Index of `dump` in `spans`. */
  chosen: number;
  spans: DumpSpan[];
  lines: number;
  /** Lines inside the chosen dump that belong to other logcat tags (interleaved log output). */
  foreignLines: number;
  warnings: ReportWarning[];
}

/**
 * Finds the dumps in a log and parses one. Breakpad's Microdump constructor reads from the first
 * BEGIN to the next END; a logcat often holds several crashes, so Culprit reports the first
 * *complete* dump (the first one, when none is complete) and lists where the others are.
 * A BEGIN before the previous dump's END closes that dump as cut short.
 */
export function scanMicrodumps(source: ByteSource): MicrodumpScan {
  const scan: MicrodumpScan = { chosen: -1, spans: [], lines: 0, foreignLines: 0, warnings: [] };
  const warn = (code: ParseErrorCode, detail: string, line: number, part = 'microdump'): void => {
    if (scan.warnings.length === MICRODUMP_LIMITS.warnings) {
      scan.warnings.push({ code: 'CULPRIT_ERR_LIMIT', message: `microdump: more than ${MICRODUMP_LIMITS.warnings} warnings; the rest are not listed` });
    }
    if (scan.warnings.length > MICRODUMP_LIMITS.warnings) return;
    const e = new CulpritParseError(code, detail, { format: 'microdump', part, line });
    scan.warnings.push({ code: e.code, message: e.message, part, line });
  };

  let current: { dump: RawMicrodump; mode: PrefixMode; parse: boolean; stackBytes: number } | undefined;
  const close = (endLine: number | undefined, lastLine: number): void => {
    if (!current) return;
    const span = scan.spans[scan.spans.length - 1];
    if (endLine !== undefined) {
      span.endLine = endLine;
      current.dump.endLine = endLine;
    } else if (current.parse) {
      warn('CULPRIT_ERR_TRUNCATED', `the dump that begins on line ${current.dump.beginLine} has no END marker (it is cut after line ${lastLine})`, lastLine);
    }
    if (current.parse) choose(scan, current.dump, scan.spans.length - 1);
    current = undefined;
  };

  for (const l of sourceLines(source)) {
    scan.lines = l.line;
    if (l.line > MICRODUMP_LIMITS.lines) {
      warn('CULPRIT_ERR_LIMIT', `more than ${MICRODUMP_LIMITS.lines} lines; the rest of the file is not read`, l.line);
      break;
    }
    if (l.tooLong !== undefined) {
      if (current?.parse) warn('CULPRIT_ERR_LIMIT', `line of ${l.tooLong} bytes is longer than ${MICRODUMP_LIMITS.lineBytes}; skipped`, l.line);
      continue;
    }
    const begin = l.text.indexOf(MICRODUMP_BEGIN);
    if (begin >= 0) {
      if (current) close(undefined, l.line - 1);
      if (scan.spans.length >= MICRODUMP_LIMITS.dumps) {
        warn('CULPRIT_ERR_LIMIT', `more than ${MICRODUMP_LIMITS.dumps} dumps; the rest are not listed`, l.line);
        break;
      }
      const prefix = logcatPrefix(l.text.slice(0, begin));
      const dump = emptyMicrodump(l.line);
      if (prefix.pid !== undefined) dump.pid = prefix.pid;
      scan.spans.push({ beginLine: l.line, pid: prefix.pid });
      // Parse this one unless an earlier dump is already chosen and complete.
      const chosen = scan.dump;
      const parse = chosen === undefined || chosen.endLine === undefined;
      current = { dump, mode: prefix.mode, parse, stackBytes: 0 };
      continue;
    }
    if (!current) continue;
    const payload = payloadOf(l.text, current.mode);
    if (payload === undefined) {
      if (current.parse) scan.foreignLines++;
      continue;
    }
    if (payload.includes(MICRODUMP_END)) {
      close(l.line, l.line);
      continue;
    }
    if (!current.parse || payload.trim() === '') continue;
    const problem = addRecord(current.dump, payload, l.line, current.stackBytes);
    if (problem) warn(problem.code, problem.detail, l.line, `microdump ${payload.charAt(0)} line`);
    const last = current.dump.stackChunks[current.dump.stackChunks.length - 1];
    if (last?.line === l.line) current.stackBytes += last.bytes.length;
  }
  close(undefined, scan.lines);
  return scan;
}

/** Keeps the first dump, replacing it only when it is incomplete and `dump` is complete. */
function choose(scan: MicrodumpScan, dump: RawMicrodump, index: number): void {
  if (scan.dump === undefined || (scan.dump.endLine === undefined && dump.endLine !== undefined)) {
    scan.dump = dump;
    scan.chosen = index;
  }
}
