import { useState } from 'preact/hooks';
import { apiJson } from '../api/client.js';
import type { Bucket, Solution } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { useI18n } from '../i18n/i18n.js';
import { LoadError, NeedsToken } from '../layout/needs-token.js';
import { useSession } from '../session/session.js';
import { SolutionForm, type SolutionInput } from './solution-form.js';
import { SolutionList } from './solution-list.js';

const DAYS = 90;

/**
 * Vendor portal: with a vendor token the service returns only the buckets whose culprit is one
 * of the vendor's modules; here the vendor attaches, edits and withdraws solutions.
 */
export function VendorPage() {
  const { t, number } = useI18n();
  const { token, me } = useSession();
  const buckets = useApi<{ buckets: Bucket[] }>(token ? `/api/buckets?days=${DAYS}&limit=100` : null, token);
  if (!token) return <NeedsToken message={t('vendorNeedsToken')} />;
  return (
    <>
      <h1>{t('vendorTitle')}</h1>
      {me?.vendor ? <p data-testid="vendor-modules">{t('vendorModules', { name: me.vendor.name, list: me.vendor.modules.join(', ') })}</p> : me && <p class="hint">{t('vendorStaffView')}</p>}
      <h2>{t('vendorBuckets', { n: DAYS })}</h2>
      {buckets.error && <LoadError error={buckets.error} />}
      {buckets.data && buckets.data.buckets.length === 0 && <p>{t('noBuckets')}</p>}
      {buckets.data?.buckets.map((b) => (
        <section key={b.id} class="card" aria-labelledby={`vb-${b.id}`} data-testid="vendor-bucket">
          <h3 id={`vb-${b.id}`}>
            <code>{b.signature}</code>
          </h3>
          <dl class="facts">
            <dt>{t('culprit')}</dt>
            <dd data-testid="vendor-culprit">{b.culprit ? `${b.culprit.name}${b.culprit.version ? ` ${b.culprit.version}` : ''}` : '—'}</dd>
            <dt>{t('crashes')}</dt>
            <dd>{number(b.windowReports)}</dd>
            <dt>{t('installs')}</dt>
            <dd>{number(b.installs)}</dd>
            <dt>{t('reproducibleShort')}</dt>
            <dd>{t('reproducibleCounts', { installs: number(b.reproducible.installs), reports: number(b.reproducible.reports) })}</dd>
          </dl>
          <BucketSolutions bucket={b} token={token} />
        </section>
      ))}
    </>
  );
}

function BucketSolutions({ bucket, token }: { bucket: Bucket; token: string }) {
  const { t } = useI18n();
  const sols = useApi<{ solutions: Solution[] }>(`/api/solutions?bucket=${bucket.id}`, token);
  const [editing, setEditing] = useState<Solution | 'new' | null>(null);

  const save = async (input: SolutionInput) => {
    if (editing === 'new') await apiJson('POST', '/api/solutions', { bucketId: bucket.id, ...input }, token);
    else if (editing) await apiJson('PATCH', `/api/solutions/${editing.id}`, input, token);
    setEditing(null);
    sols.reload();
  };
  const withdraw = async (s: Solution) => {
    await apiJson('POST', `/api/solutions/${s.id}/withdraw`, {}, token);
    sols.reload();
  };
  return (
    <div>
      <h4>{t('solutionFor', { id: bucket.id })}</h4>
      {sols.error && <LoadError error={sols.error} />}
      {sols.data && (
        <SolutionList
          solutions={sols.data.solutions}
          actions={(s) =>
            s.status === 'withdrawn' ? null : (
              <div class="actions">
                <button type="button" onClick={() => setEditing(s)}>
                  {t('editSolution')}
                </button>
                <button type="button" onClick={() => void withdraw(s)}>
                  {t('withdraw')}
                </button>
              </div>
            )
          }
        />
      )}
      {editing ? (
        <SolutionForm key={editing === 'new' ? 'new' : editing.id} idPrefix={`s-${bucket.id}`} initial={editing === 'new' ? undefined : editing} onSave={save} onCancel={() => setEditing(null)} />
      ) : (
        <button type="button" class="primary" onClick={() => setEditing('new')}>
          {t('attachSolution')}
        </button>
      )}
    </div>
  );
}
