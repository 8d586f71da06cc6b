import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/**
 * A trend line drawn by uPlot: no axes, no legend, no cursor. The numbers it draws are also in
 * the accessible label (`label`), since a canvas says nothing to a screen reader.
 */
export function Sparkline({ days, counts, label }: { days: number[]; counts: number[]; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const plot = new uPlot(
      {
        width: 120,
        height: 28,
        pxAlign: false,
        cursor: { show: false },
        legend: { show: false },
        select: { show: false, left: 0, top: 0, width: 0, height: 0 },
        scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
        axes: [{ show: false }, { show: false }],
        series: [{}, { stroke: '#b3261e', width: 1.5, fill: 'rgba(179,38,30,0.12)', points: { show: false } }],
      },
      [days, counts],
      host.current,
    );
    return () => plot.destroy();
  }, [days, counts]);
  return <div ref={host} class="sparkline" role="img" aria-label={label} />;
}
