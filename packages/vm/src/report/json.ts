import type { VmCrashReport } from './vm-report.js';

/** JSON of a report: bigints as 0x hex (as the CLI's JSON output writes them). */
export function reportToJson(r: VmCrashReport, opts: { withAnalysis?: boolean; pretty?: boolean } = {}): string {
  const value = opts.withAnalysis === false ? { ...r, analysis: undefined, console: r.console && { ...r.console, excerpt: undefined } } : r;
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? '0x' + v.toString(16) : v), opts.pretty ? 2 : undefined);
}
