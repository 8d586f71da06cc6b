import type { VersionLine } from '../api/types.js';
import { dailySeries } from './daily-series.js';

export interface VersionSeries {
  x: number[];
  lines: { version: string | null; other: boolean; counts: number[] }[];
}

/** The service's per-version lines on every day of the window (days without reports are zeros). */
export function versionSeriesOnDays(lines: VersionLine[], days: number, now = Date.now()): VersionSeries {
  const x = dailySeries([], days, now).x;
  return { x, lines: lines.map((l) => ({ version: l.version, other: l.other === true, counts: dailySeries(l.points, days, now).y })) };
}
