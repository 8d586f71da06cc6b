import type { ReportSummary } from '../api/types.js';

/** Installs (by `guid`) that sent this crash more than once: the crash reproduces for them. */
export function repeatInstalls(reports: Pick<ReportSummary, 'guid'>[]): number {
  const seen = new Map<string, number>();
  for (const r of reports) if (r.guid) seen.set(r.guid, (seen.get(r.guid) ?? 0) + 1);
  let n = 0;
  for (const c of seen.values()) if (c > 1) n++;
  return n;
}
