import { useMemo, useRef, useState } from 'preact/hooks';
import { query } from '../api/client.js';
import type { Bucket, Count } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { useI18n } from '../i18n/i18n.js';
import { LoadError, NeedsToken } from '../layout/needs-token.js';
import { useSession } from '../session/session.js';
import { BucketTrend } from './bucket-trend.js';
import { kindGroupOf, KIND_FILTERS, matchesSearch, type CulpritFilter, type KindFilter } from './filters.js';

const WINDOWS = [1, 7, 30, 90] as const;
/** Rows that get a trend line (each costs one request for the bucket's daily series). */
const TRENDS_SHOWN = 25;

interface Crashers {
  buckets: Bucket[];
  totals: { reports: number; installs: number };
  facets: { products: Count[]; versions: Count[]; osNames: Count[] };
}

/**
 * Top crashers: buckets over a window, ranked by reports, with trend, installs and their share.
 * The service filters (product, version, OS, kind, culprit) and counts the window's totals; the
 * search box narrows the rows already shown.
 */
export function TopCrashersPage() {
  const { t, tk, number, percent, day } = useI18n();
  const { token } = useSession();
  const [days, setDays] = useState<number>(7);
  const [product, setProduct] = useState('');
  const [version, setVersion] = useState('');
  const [os, setOs] = useState('');
  const [kind, setKind] = useState<KindFilter | ''>('');
  const [culprit, setCulprit] = useState<CulpritFilter | ''>('');
  const [search, setSearch] = useState('');
  const path = token ? `/api/buckets${query({ days, limit: 200, product, version, os, kind, culprit })}` : null;
  const { data, error } = useApi<Crashers>(path, token);
  // Keep the choices of the last answer while a new one loads, so the drop-downs do not flicker.
  const lastFacets = useRef<Crashers['facets'] | null>(null);
  if (data) lastFacets.current = data.facets;
  const facets = lastFacets.current;

  const shown = useMemo(() => (data?.buckets ?? []).filter((b) => matchesSearch(b, search)), [data, search]);
  if (!token) return <NeedsToken />;
  const totals = data?.totals;
  return (
    <>
      <h1>{t('crashersTitle')}</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()} role="search" data-testid="crasher-filters">
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
        <FacetSelect label={t('productFilter')} value={product} onChange={setProduct} values={facets?.products} />
        <FacetSelect label={t('versionFilter')} value={version} onChange={setVersion} values={facets?.versions} />
        <FacetSelect label={t('osFilter')} value={os} onChange={setOs} values={facets?.osNames} />
        <label>
          {t('kindFilter')}
          <select value={kind} onChange={(e) => setKind(e.currentTarget.value as KindFilter | '')}>
            <option value="">{t('kind_all')}</option>
            {KIND_FILTERS.map((k) => (
              <option key={k} value={k}>
                {tk(`kind_${k}`, k)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('culpritFilter')}
          <select value={culprit} onChange={(e) => setCulprit(e.currentTarget.value as CulpritFilter | '')}>
            <option value="">{t('culprit_all')}</option>
            <option value="third-party">{t('culprit_third-party')}</option>
            <option value="system">{t('culprit_system')}</option>
          </select>
        </label>
        <label class="grow">
          {t('searchLabel')}
          <input type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
        </label>
      </form>
      {error && <LoadError error={error} />}
      {!data && !error && <p>{t('loading')}</p>}
      {totals && (
        <p class="hint" aria-live="polite" data-testid="window-totals">
          {t('windowTotals', { reports: number(totals.reports), installs: number(totals.installs) })}
        </p>
      )}
      {data && shown.length === 0 && <p>{t('noBuckets')}</p>}
      {totals && shown.length > 0 && (
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
                  {t('shareInstalls')}
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
                  <td>
                    {b.culprit ? `${b.culprit.name}${b.culprit.version ? ` ${b.culprit.version}` : ''}` : ''}
                    {b.culprit?.thirdParty !== undefined && <div class="hint">{t(b.culprit.thirdParty ? 'culprit_third-party' : 'culprit_system')}</div>}
                  </td>
                  <td class="num">{number(b.windowReports)}</td>
                  <td>{i < TRENDS_SHOWN ? <BucketTrend id={b.id} days={days} token={token} /> : null}</td>
                  <td class="num">{number(b.installs)}</td>
                  <td class="num" data-testid="share-installs">
                    {totals.installs > 0 ? percent(b.installs / totals.installs) : ''}
                  </td>
                  <td class="num">{totals.reports > 0 ? percent(b.windowReports / totals.reports) : ''}</td>
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

/** A drop-down of the values the window holds; the current choice stays listed even when absent. */
function FacetSelect({ label, value, values, onChange }: { label: string; value: string; values: Count[] | undefined; onChange(v: string): void }) {
  const { t, number } = useI18n();
  const listed = (values ?? []).filter((c): c is Count & { value: string } => c.value !== null);
  const options = value && !listed.some((c) => c.value === value) ? [{ value, count: 0 }, ...listed] : listed;
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{t('anyValue')}</option>
        {options.map((c) => (
          <option key={c.value} value={c.value}>
            {c.value} ({number(c.count)})
          </option>
        ))}
      </select>
    </label>
  );
}
