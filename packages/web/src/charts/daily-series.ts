/** Fills the days without reports with zeros, so a chart's x axis is every day of the window. */
export function dailySeries(points: { day: string; count: number }[], days: number, now = Date.now()): { x: number[]; y: number[]; first: string; last: string } {
  const DAY = 86_400_000;
  const byDay = new Map(points.map((p) => [p.day.slice(0, 10), p.count]));
  const x: number[] = [];
  const y: number[] = [];
  const today = Math.floor(now / DAY) * DAY;
  for (let i = days - 1; i >= 0; i--) {
    const t = today - i * DAY;
    x.push(t / 1000);
    y.push(byDay.get(new Date(t).toISOString().slice(0, 10)) ?? 0);
  }
  return { x, y, first: new Date(x[0]! * 1000).toISOString(), last: new Date(x[x.length - 1]! * 1000).toISOString() };
}
