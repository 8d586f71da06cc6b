import type { ReportSummary } from '../api/types.js';

/** Versions drawn as their own line; the rest are summed into one. */
export const VERSION_LINES = 6;

export interface VersionSeries {
  x: number[];
  lines: { version: string | null; counts: number[] }[];
}

/** Reports counted per UTC day (the service's `received_day`) and version, most frequent versions first. */
export function countsByDayAndVersion(reports: Pick<ReportSummary, 'receivedAt' | 'version'>[], days: number, now = Date.now()): VersionSeries {
  const DAY = 86_400_000;
  const today = Math.floor(now / DAY) * DAY;
  const start = today - (days - 1) * DAY;
  const x = Array.from({ length: days }, (_, i) => (start + i * DAY) / 1000);
  const totals = new Map<string | null, number>();
  for (const r of reports) totals.set(r.version, (totals.get(r.version) ?? 0) + 1);
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([v]) => v);
  const own = ranked.slice(0, VERSION_LINES);
  const hasOther = ranked.length > VERSION_LINES;
  const lines = own.map((version) => ({ version, counts: new Array<number>(days).fill(0) }));
  const other = { version: '…', counts: new Array<number>(days).fill(0) };
  for (const r of reports) {
    const i = Math.floor((Date.parse(r.receivedAt) - start) / DAY);
    if (i < 0 || i >= days) continue;
    const line = lines.find((l) => l.version === r.version) ?? other;
    line.counts[i]!++;
  }
  return { x, lines: hasOther ? [...lines, other] : lines };
}
