import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { VersionSeries } from './by-version.js';

const COLOURS = ['#1b5e9e', '#b3261e', '#2e7d32', '#8a4baf', '#b26a00', '#00796b', '#616161'];

/** Crashes per day, one line per version (uPlot), with a legend naming each version. */
export function VersionChart({ data, lang, unknown, others, label }: { data: VersionSeries; lang: string; unknown: string; others: string; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const fmt = new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', timeZone: 'UTC' });
    const width = Math.max(280, Math.min(900, el.clientWidth || 600));
    const plot = new uPlot(
      {
        width,
        height: 260,
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
        axes: [{ values: (_u, ticks) => ticks.map((s) => fmt.format(new Date(s * 1000))) }, { values: (_u, ticks) => ticks.map((v) => (Number.isInteger(v) ? String(v) : '')) }],
        series: [
          { value: (_u, v) => (v == null ? '' : fmt.format(new Date(v * 1000))) },
          ...data.lines.map((l, i) => ({ label: l.other ? others : (l.version ?? unknown), stroke: COLOURS[i % COLOURS.length], width: 2, points: { show: true, size: 4 } })),
        ],
      },
      [data.x, ...data.lines.map((l) => l.counts)],
      el,
    );
    return () => plot.destroy();
  }, [data, lang, unknown, others]);
  return <div ref={host} class="chart" role="img" aria-label={label} />;
}
