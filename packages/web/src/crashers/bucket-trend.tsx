import type { BucketDetail } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { dailySeries } from '../charts/daily-series.js';
import { Sparkline } from '../charts/sparkline.js';
import { useI18n } from '../i18n/i18n.js';

/** One bucket's crashes per day over the window, as a sparkline. */
export function BucketTrend({ id, days, token }: { id: number; days: number; token: string }) {
  const { t, day, number } = useI18n();
  const { data } = useApi<BucketDetail>(`/api/buckets/${id}?days=${days}`, token);
  if (!data) return null;
  const s = dailySeries(data.series, days);
  const label = `${t('trendLabel', { from: day(s.first), to: day(s.last) })}: ${s.y.map(number).join(', ')}`;
  return <Sparkline days={s.x} counts={s.y} label={label} />;
}
