import { useMemo, useState } from 'preact/hooks';
import { query } from '../api/client.js';
import type { Bucket } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { useI18n } from '../i18n/i18n.js';
import { LoadError, NeedsToken } from '../layout/needs-token.js';
import { useSession } from '../session/session.js';
import { BucketTrend } from './bucket-trend.js';
import { kindGroupOf, KIND_GROUPS, matchesSearch, type KindGroup } from './filters.js';

const WINDOWS = [1, 7, 30, 90] as const;
/** Rows that get a trend line (each costs one request for the bucket's daily series). */
const TRENDS_SHOWN = 25;

/** Top crashers: buckets over a window, ranked by reports, with trend, installs and filters. */
export function TopCrashersPage() {
  const { t, tk, number, percent, day } = useI18n();
  const { token } = useSession();
  const [days, setDays] = useState<number>(7);
  const [kind, setKind] = useState<KindGroup | 'all'>('all');
  const [culprit, setCulprit] = useState<'all' | 'third' | 'os'>('all');
  const [search, setSearch] = useState('');
  const { data, error } = useApi<{ buckets: Bucket[] }>(token ? `/api/buckets${query({ days, limit: 200 })}` : null, token);

  const all = data?.buckets ?? [];
  const knowsThirdParty = all.some((b) => b.culprit?.thirdParty !== undefined);
  const shown = useMemo(
    () =>
      all.filter(
        (b) =>
          (kind === 'all' || kindGroupOf(b.kind) === kind) &&
          (culprit === 'all' || (culprit === 'third' ? b.culprit?.thirdParty === true : b.culprit?.thirdParty === false)) &&
          matchesSearch(b, search),
      ),
    [all, kind, culprit, search],
  );
  const total = all.reduce((s, b) => s + (b.windowReports ?? 0), 0);

  if (!token) return <NeedsToken />;
  return (
    <>
      <h1>{t('crashersTitle')}</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()} role="search">
        <label>
          {t('window')}
          <select value={days} onChange={(e) => setDays(Number(e.currentTarget.value))}>
            {WINDOWS.map((d) => (
              <option key={d} value={d}>
                {t('lastDays', { n: d })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('kindFilter')}
          <select value={kind} onChange={(e) => setKind(e.currentTarget.value as KindGroup | 'all')} data-testid="kind-filter">
            <option value="all">{t('kind_all')}</option>
            {KIND_GROUPS.map((k) => (
              <option key={k} value={k}>
                {tk(`kind_${k}`, k)}
              </option>
            ))}
          </select>
        </label>
        {knowsThirdParty && (
          <label>
            {t('culpritFilter')}
            <select value={culprit} onChange={(e) => setCulprit(e.currentTarget.value as 'all' | 'third' | 'os')}>
              <option value="all">{t('culprit_all')}</option>
              <option value="third">{t('culprit_third')}</option>
              <option value="os">{t('culprit_os')}</option>
            </select>
          </label>
        )}
        <label class="grow">
          {t('searchLabel')}
          <input type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
        </label>
      </form>
      {error && <LoadError error={error} />}
      {!data && !error && <p>{t('loading')}</p>}
      {data && shown.length === 0 && <p>{t('noBuckets')}</p>}
      {shown.length > 0 && (
        <div class="scroll">
          <table class="crashers" data-testid="crashers">
            <thead>
              <tr>
                <th scope="col">{t('signature')}</th>
                <th scope="col">{t('culprit')}</th>
                <th scope="col" class="num">
                  {t('crashes')}
                </th>
                <th scope="col">{t('trend')}</th>
                <th scope="col" class="num">
                  {t('installs')}
                </th>
                <th scope="col" class="num">
                  {t('share')}
                </th>
                <th scope="col">{t('lastSeen')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((b, i) => (
                <tr key={b.id}>
                  <td class="sig">
                    <a href={`/buckets/${b.id}`}>{b.signature}</a>
                    <div class="hint">{tk(`kind_${kindGroupOf(b.kind)}`, b.kind ?? '')}</div>
                  </td>
                  <td>{b.culprit ? `${b.culprit.name}${b.culprit.version ? ` ${b.culprit.version}` : ''}` : ''}</td>
                  <td class="num">{number(b.windowReports ?? b.reports)}</td>
                  <td>{i < TRENDS_SHOWN ? <BucketTrend id={b.id} days={days} token={token} /> : null}</td>
                  <td class="num">{b.installs !== undefined ? number(b.installs) : ''}</td>
                  <td class="num">{total > 0 && b.windowReports !== undefined ? percent(b.windowReports / total) : ''}</td>
                  <td>{day(b.lastSeen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
