import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';
import type { Composed } from '../answers/compose.js';
import type { SolutionRow } from '../solutions/solution-store.js';
import type { WebhookDispatcher } from './dispatcher.js';

/** A spike: at least this many reports in the last hour... */
export const SPIKE_WINDOW_MS = 3_600_000;
/** ...and at least this many times the bucket's hourly average over the week before. */
const SPIKE_FACTOR = 4;
const BASELINE_MS = 7 * 24 * SPIKE_WINDOW_MS;
/** One spike message per bucket per day. */
const SPIKE_QUIET_MS = 24 * SPIKE_WINDOW_MS;

interface BucketFacts {
  id: number;
  signature: string;
  culprit_name: string | null;
}

export function bucketNew(hooks: WebhookDispatcher, b: BucketFacts, reportId: string): void {
  hooks.emit({
    event: 'bucket.new',
    module: b.culprit_name,
    text: `New crash bucket${b.culprit_name ? ` in ${b.culprit_name}` : ''}: ${b.signature}`,
    data: { bucketId: b.id, signature: b.signature, module: b.culprit_name, reportId },
  });
}

/** Emits `bucket.spike` when the last hour's reports pass the threshold (at most once a day per bucket). */
export async function checkSpike(db: Kysely<Database>, hooks: WebhookDispatcher, bucketId: number, minReports: number, now: number): Promise<void> {
  const b = await db.selectFrom('buckets').select(['id', 'signature', 'culprit_name', 'spike_notified_at']).where('id', '=', bucketId).executeTakeFirst();
  if (!b || (b.spike_notified_at !== null && now - Number(b.spike_notified_at) < SPIKE_QUIET_MS)) return;
  const count = async (from: number, to: number) =>
    Number(
      (await db.selectFrom('reports').select((eb) => eb.fn.countAll<number>().as('n')).where('bucket_id', '=', bucketId).where('received_at', '>=', from).where('received_at', '<', to).executeTakeFirstOrThrow()).n,
    );
  const recent = await count(now - SPIKE_WINDOW_MS, now + 1);
  if (recent < minReports) return;
  const hourlyBefore = (await count(now - SPIKE_WINDOW_MS - BASELINE_MS, now - SPIKE_WINDOW_MS)) / (BASELINE_MS / SPIKE_WINDOW_MS);
  if (recent < SPIKE_FACTOR * hourlyBefore) return;
  const claimed = await db
    .updateTable('buckets')
    .set({ spike_notified_at: now })
    .where('id', '=', bucketId)
    .where((eb) => eb.or([eb('spike_notified_at', 'is', null), eb('spike_notified_at', '<=', now - SPIKE_QUIET_MS)]))
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 0) return; // another report of the spike got there first
  hooks.emit({
    event: 'bucket.spike',
    module: b.culprit_name,
    text: `Spike: ${recent} reports in the last hour (usual: ${hourlyBefore.toFixed(1)} an hour) — ${b.signature}`,
    data: { bucketId: b.id, signature: b.signature, module: b.culprit_name, lastHour: recent, hourlyAverage: hourlyBefore },
  });
}

export function solutionPublished(hooks: WebhookDispatcher, s: SolutionRow, module: string | null): void {
  hooks.emit({
    event: 'solution.published',
    module,
    text: `Solution published (${s.kind}): ${s.title_en}${s.fixed_in ? ` — fixed in ${s.fixed_in}` : ''}`,
    data: { solutionId: s.id, kind: s.kind, bucketId: s.bucket_id, module, fixedIn: s.fixed_in, title: s.title_en, link: s.link },
  });
}

/** Each report contradicting a solution is told once (reprocessing does not repeat it). */
export async function solutionsContradicted(db: Kysely<Database>, hooks: WebhookDispatcher, composed: Composed, now: number): Promise<void> {
  const a = composed.answer;
  for (const id of composed.contradicted) {
    const inserted = await db
      .insertInto('solution_reports')
      .values({ solution_id: id, report_id: a.reportId, outcome: 'contradicted', at: now })
      .onConflict((oc) => oc.columns(['solution_id', 'report_id']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) continue;
    const s = a.solutions.find((x) => x.id === id);
    hooks.emit({
      event: 'solution.contradicted',
      module: a.culprit?.name ?? null,
      text: `Crash on ${a.culprit?.name ?? 'a module'} ${a.culprit?.version ?? ''} which should be fixed (fixed in ${s?.fixedIn ?? '?'}): ${a.bucket?.signature ?? ''}`,
      data: { solutionId: id, reportId: a.reportId, bucketId: a.bucket?.id, module: a.culprit?.name, installedVersion: a.culprit?.version, fixedIn: s?.fixedIn },
    });
  }
}
