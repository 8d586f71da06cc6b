import { useMemo } from 'preact/hooks';
import type { BucketDetail, Count, ReportSummary, Solution } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { versionSeriesOnDays } from '../charts/by-version.js';
import { VersionChart } from '../charts/version-chart.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/en.js';
import { LoadError, NeedsToken } from '../layout/needs-token.js';
import { useSession } from '../session/session.js';
import { SolutionList } from '../vendor/solution-list.js';

const DAYS = 30;
const EXAMPLES = 10;

/** One bucket: crashes over time by version, breakdowns, culprit, repeats, examples and solutions. */
export function BucketPage({ id }: { id: string }) {
  const { t, lang, number, date } = useI18n();
  const { token, me } = useSession();
  const detail = useApi<BucketDetail>(token ? `/api/buckets/${encodeURIComponent(id)}?days=${DAYS}` : null, token);
  // Reports themselves are staff-only; a vendor sees the bucket's figures, not its reports.
  const staff = me !== null && me.role !== 'vendor';
  const reports = useApi<{ reports: ReportSummary[] }>(token && staff ? `/api/reports?bucket=${encodeURIComponent(id)}&limit=${EXAMPLES}` : null, token);
  const solutions = useApi<{ solutions: Solution[] }>(token ? `/api/solutions?bucket=${encodeURIComponent(id)}` : null, token);
  const series = useMemo(() => (detail.data ? versionSeriesOnDays(detail.data.versionSeries, DAYS) : null), [detail.data]);

  if (!token) return <NeedsToken />;
  if (detail.error) return <LoadError error={detail.error} />;
  if (!detail.data) return <p>{t('loading')}</p>;
  const { bucket } = detail.data;
  const list = reports.data?.reports ?? [];
  const lineName = (l: { version: string | null; other: boolean }) => (l.other ? t('otherVersions') : (l.version ?? t('valueUnknown')));
  return (
    <>
      <h1>{t('bucketTitle', { id: bucket.id })}</h1>
      <p class="sig-title">
        <code>{bucket.signature}</code>
      </p>
      <dl class="facts card">
        <dt>{t('culprit')}</dt>
        <dd>
          {bucket.culprit ? `${bucket.culprit.name}${bucket.culprit.version ? ` ${bucket.culprit.version}` : ''}` : '—'}
          {bucket.culprit?.thirdParty !== undefined && <span class="tag">{t(bucket.culprit.thirdParty ? 'thirdParty' : 'systemCode')}</span>}
        </dd>
        <dt>{t('totalReports')}</dt>
        <dd>{number(bucket.reports)}</dd>
        <dt>{t('windowReports')}</dt>
        <dd>
          {number(bucket.windowReports)} ({t('lastDays', { n: DAYS })})
        </dd>
        <dt>{t('installs')}</dt>
        <dd>{number(bucket.installs)}</dd>
        <dt>{t('firstSeen')}</dt>
        <dd>{date(bucket.firstSeen)}</dd>
        <dt>{t('lastSeen')}</dt>
        <dd>{date(bucket.lastSeen)}</dd>
        <dt>{t('reproducibleShort')}</dt>
        <dd data-testid="reproducible">{t('reproducibleCounts', { installs: number(bucket.reproducible.installs), reports: number(bucket.reproducible.reports) })}</dd>
      </dl>
      <section aria-labelledby="time-h">
        <h2 id="time-h">{t('overTime')}</h2>
        {series && series.lines.length > 0 ? (
          <VersionChart
            data={series}
            lang={lang}
            unknown={t('valueUnknown')}
            others={t('otherVersions')}
            label={`${t('overTime')}: ${series.lines.map((l) => `${lineName(l)} ${number(l.counts.reduce((a, b) => a + b, 0))}`).join(', ')}`}
          />
        ) : (
          <p>{t('noBuckets')}</p>
        )}
      </section>
      <div class="grid">
        <Breakdown title="versions" rows={detail.data.versions} />
        <Breakdown title="osNames" rows={detail.data.osNames} />
        <Breakdown title="osVersions" rows={detail.data.osVersions} />
        <Breakdown title="cpuArchs" rows={detail.data.cpuArchs} />
        <Breakdown title="platforms" rows={detail.data.platforms} />
        <Breakdown title="products" rows={detail.data.products} />
      </div>
      <section aria-labelledby="sol-h">
        <h2 id="sol-h">{t('solutions')}</h2>
        {solutions.data ? <SolutionList solutions={solutions.data.solutions.filter((s) => s.status !== 'draft')} /> : <p>{t('noSolution')}</p>}
      </section>
      {staff && (
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
                {list.map((r) => (
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
        </section>
      )}
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
