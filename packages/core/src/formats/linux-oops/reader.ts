import { analyzeOops } from '../../analysis/linux-oops/index.js';
import type { ByteSource } from '../../io/byte-source.js';
import type { ReportWarning } from '../../io/errors.js';
import type { CrashReport } from '../../report/model.js';
import type { FormatReader, ReadOptions } from '../format-reader.js';
import { OOPS_LIMITS } from './limits.js';
import { stripPrefix } from './line-prefix.js';
import { scanLines, type ScanStats } from './line-scanner.js';
import { ReportBuilder, type BuildResult } from './report-builder.js';
import { looksLikeKernelLog } from './sniff.js';
import { toCrashReport } from './to-crash-report.js';

/** Parses a whole kernel log into its reports (no analysis). */
export function parseKernelLog(source: ByteSource): { build: BuildResult; stats: ScanStats } {
  const stats: ScanStats = { lines: 0, cutLines: 0, unreadBytes: 0, binaryLines: 0 };
  const builder = new ReportBuilder();
  for (const raw of scanLines(source, stats)) builder.push(stripPrefix(raw.no, raw.text));
  return { build: builder.finish(), stats };
}

function scanWarnings(stats: ScanStats, build: BuildResult): ReportWarning[] {
  const w: ReportWarning[] = [];
  if (stats.unreadBytes > 0) w.push({ code: 'CULPRIT_ERR_LIMIT', message: `log longer than the read limit: ${stats.unreadBytes} bytes not read`, part: 'log' });
  if (stats.stoppedAtLine !== undefined) w.push({ code: 'CULPRIT_ERR_LIMIT', message: `stopped after ${OOPS_LIMITS.lines} lines`, part: 'log', line: stats.stoppedAtLine });
  if (stats.cutLines > 0) w.push({ code: 'CULPRIT_ERR_LIMIT', message: `${stats.cutLines} lines longer than ${OOPS_LIMITS.lineBytes} bytes were cut`, part: 'log' });
  if (stats.binaryLines > 0) w.push({ code: 'CULPRIT_ERR_BAD_VALUE', message: `${stats.binaryLines} lines hold control or binary bytes (console noise)`, part: 'log' });
  if (build.droppedReports > 0) w.push({ code: 'CULPRIT_ERR_LIMIT', message: `${build.droppedReports} reports beyond the first ${OOPS_LIMITS.reports} were not kept`, part: 'log' });
  build.reports.forEach((r, i) => {
    if (r.truncated) w.push({ code: 'CULPRIT_ERR_LIMIT', message: `report #${i + 1}: ${r.truncated}`, part: `report #${i + 1}`, line: r.firstLine });
    if (r.frames.length === 0 && r.kind !== 'panic') w.push({ code: 'CULPRIT_ERR_TRUNCATED', message: `report #${i + 1} (${r.header.slice(0, 80)}) has no call trace`, part: `report #${i + 1}`, line: r.firstLine });
  });
  if (build.reports.length === 0) w.push({ code: 'CULPRIT_ERR_BAD_VALUE', message: 'no oops, BUG, WARNING, panic, lockup or hung task report found in the log', part: 'log' });
  return w;
}

export function readKernelLog(source: ByteSource): CrashReport {
  const { build, stats } = parseKernelLog(source);
  const analyses = build.reports.map((r, i) => analyzeOops(r, build.satyrIps[i], i));
  return toCrashReport(build.reports, analyses, { ...stats, droppedReports: build.droppedReports }, scanWarnings(stats, build));
}

export const linuxKernelLogReader: FormatReader = {
  id: 'linux-kernel-log',
  name: 'Linux kernel log',
  sniff: looksLikeKernelLog,
  read(source: ByteSource, _options: ReadOptions): CrashReport {
    return readKernelLog(source);
  },
};
