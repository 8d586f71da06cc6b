import { useMemo } from 'preact/hooks';
import type { BucketDetail, Count, ReportSummary, Solution } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { countsByDayAndVersion } from '../charts/by-version.js';
import { VersionChart } from '../charts/version-chart.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/en.js';
import { LoadError, NeedsToken } from '../layout/needs-token.js';
import { useSession } from '../session/session.js';
import { SolutionList } from '../vendor/solution-list.js';
import { repeatInstalls } from './repeats.js';

const DAYS = 30;
/** Reports fetched for the per-version chart and the reproducible count (the API's page maximum). */
const REPORTS_FOR_CHART = 500;

/** One bucket: crashes over time by version, breakdowns, culprit, repeats, examples and solutions. */
export function BucketPage({ id }: { id: string }) {
  const { t, lang, number, date, day } = useI18n();
  const { token } = useSession();
  const detail = useApi<BucketDetail>(token ? `/api/buckets/${encodeURIComponent(id)}?days=${DAYS}` : null, token);
  const reports = useApi<{ reports: ReportSummary[] }>(token ? `/api/reports?bucket=${encodeURIComponent(id)}&limit=${REPORTS_FOR_CHART}` : null, token);
  const solutions = useApi<{ solutions: Solution[] }>(token ? `/api/solutions?bucket=${encodeURIComponent(id)}` : null, token);
  const series = useMemo(() => (reports.data ? countsByDayAndVersion(reports.data.reports, DAYS) : null), [reports.data]);

  if (!token) return <NeedsToken />;
  if (detail.error) return <LoadError error={detail.error} />;
  if (!detail.data) return <p>{t('loading')}</p>;
  const { bucket } = detail.data;
  const list = reports.data?.reports ?? [];
  const repeats = repeatInstalls(list);
  return (
    <>
      <h1>{t('bucketTitle', { id: bucket.id })}</h1>
      <p class="sig-title">
        <code>{bucket.signature}</code>
      </p>
      <dl class="facts card">
        <dt>{t('culprit')}</dt>
        <dd>{bucket.culprit ? `${bucket.culprit.name}${bucket.culprit.version ? ` ${bucket.culprit.version}` : ''}` : '—'}</dd>
        <dt>{t('totalReports')}</dt>
        <dd>{number(bucket.reports)}</dd>
        <dt>{t('windowReports')}</dt>
        <dd>
          {number(bucket.windowReports ?? 0)} ({t('lastDays', { n: DAYS })})
        </dd>
        <dt>{t('installs')}</dt>
        <dd>{number(bucket.installs ?? 0)}</dd>
        <dt>{t('firstSeen')}</dt>
        <dd>{date(bucket.firstSeen)}</dd>
        <dt>{t('lastSeen')}</dt>
        <dd>{date(bucket.lastSeen)}</dd>
        {list.length > 0 && (
          <>
            <dt>{t('repeatInstalls')}</dt>
            <dd data-testid="repeats">{number(repeats)}</dd>
          </>
        )}
      </dl>
      <section aria-labelledby="time-h">
        <h2 id="time-h">{t('overTime')}</h2>
        {series && series.lines.length > 0 && (
          <>
            <VersionChart data={series} lang={lang} unknown={t('valueUnknown')} label={`${t('overTime')}: ${series.lines.map((l) => `${l.version ?? t('valueUnknown')} ${l.counts.reduce((a, b) => a + b, 0)}`).join(', ')}`} />
            <p class="hint">{t('overTimeNote', { n: number(list.length) })}</p>
          </>
        )}
      </section>
      <div class="grid">
        <Breakdown title="versions" rows={detail.data.versions} />
        <Breakdown title="osVersions" rows={detail.data.osVersions} />
        <Breakdown title="platforms" rows={detail.data.platforms} />
        <Breakdown title="products" rows={detail.data.products} />
      </div>
      <section aria-labelledby="sol-h">
        <h2 id="sol-h">{t('solutions')}</h2>
        {solutions.data ? <SolutionList solutions={solutions.data.solutions.filter((s) => s.status !== 'draft')} /> : <p>{t('noSolution')}</p>}
      </section>
      <section aria-labelledby="examples-h">
        <h2 id="examples-h">{t('exampleReports')}</h2>
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('received')}</th>
                <th scope="col">{t('product')}</th>
                <th scope="col">{t('version')}</th>
                <th scope="col">{t('os')}</th>
                <th scope="col">{t('status')}</th>
              </tr>
            </thead>
            <tbody>
              {list.slice(0, 10).map((r) => (
                <tr key={r.id}>
                  <td>
                    <a href={`/r/${r.id}`}>{date(r.receivedAt)}</a>
                  </td>
                  <td>{r.product ?? ''}</td>
                  <td>{r.version ?? ''}</td>
                  <td>{[r.osName, r.osVersion].filter(Boolean).join(' ')}</td>
                  <td>{t(`status_${r.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {list.length === 0 && <p>{day(bucket.lastSeen)}</p>}
      </section>
    </>
  );
}

function Breakdown({ title, rows }: { title: MessageKey; rows: Count[] }) {
  const { t, number } = useI18n();
  const id = `bd-${title}`;
  return (
    <section aria-labelledby={id} class="card">
      <h3 id={id}>{t(title)}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t(title)}</th>
            <th scope="col" class="num">
              {t('count')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td>{r.value ?? t('valueUnknown')}</td>
              <td class="num">{number(r.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
