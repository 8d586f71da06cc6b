import type { CrashReport, ReportKind } from '../report/model.js';
import { analyzeKernelDumpReport } from './bugcheck/kernel-dump-report.js';

/**
 * Analyses that run on a report after its reader, per report kind (`analyze()` runs them): the
 * reader produces the parsed facts, the analysis decides who is to blame and how to bucket it.
 * Kinds without an entry get the generic analyses only (Socorro-style signature).
 */
const REPORT_ANALYSES: Partial<Record<ReportKind, (report: CrashReport) => void>> = {
  'windows-kernel-dump': analyzeKernelDumpReport,
};

export function runReportAnalysis(report: CrashReport): void {
  REPORT_ANALYSES[report.kind]?.(report);
}
