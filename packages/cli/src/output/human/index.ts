import type { CrashReport, ReportKind } from '@culprit/core';
import { renderMinidump } from './minidump.js';
import { renderWindowsKernelDump } from './windows-kernel-dump.js';
import { renderLinuxKernelLog } from './linux-kernel-log.js';

export interface HumanOptions {
  brief: boolean;
}

export type HumanRenderer = (report: CrashReport, opts: HumanOptions) => string;

/** One renderer file per report kind; a kind without one gets the generic summary. */
const RENDERERS: Partial<Record<ReportKind, HumanRenderer>> = {
  minidump: renderMinidump,
  'windows-kernel-dump': renderWindowsKernelDump,
  'linux-kernel-log': renderLinuxKernelLog,
};

/** Readable report, in the style of the reference tool for its kind. */
export function renderHuman(report: CrashReport, opts: HumanOptions): string {
  const render = RENDERERS[report.kind];
  if (render) return render(report, opts);
  const lines: string[] = [];
  lines.push(`Kind: ${report.kind} (${report.format})`);
  lines.push(`Operating system: ${report.system.os.platform}`);
  if (report.crash) lines.push(`Crash reason:  ${report.crash.reason}`);
  for (const w of report.warnings) lines.push(`Warning: ${w.message}`);
  return lines.join('\n');
}
