import type { CrashReport } from '@culprit/core';

export interface HumanOptions {
  brief: boolean;
}

/** Readable report; each report kind has its own renderer file. */
export function renderHuman(report: CrashReport, opts: HumanOptions): string {
  const lines: string[] = [];
  lines.push(`Kind: ${report.kind} (${report.format})`);
  lines.push(`Operating system: ${report.system.os.platform}`);
  if (report.crash) lines.push(`Crash reason:  ${report.crash.reason}`);
  for (const w of report.warnings) lines.push(`Warning: ${w.message}`);
  void opts;
  return lines.join('\n');
}
