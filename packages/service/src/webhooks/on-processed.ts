import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';
import type { Recorded } from '../processing/record-result.js';
import { loadAnswer } from '../answers/answer-for.js';
import type { WebhookDispatcher } from './dispatcher.js';
import { bucketNew, checkSpike, solutionsContradicted } from './events.js';

/**
 * What a freshly processed report can tell vendors: it opened a bucket, it pushed its bucket into
 * a spike, or it crashed on a version a solution says is fixed. Runs in the service process, from
 * what was stored.
 */
export async function onProcessed(db: Kysely<Database>, hooks: WebhookDispatcher, reportId: string, recorded: Recorded, spikeMinReports: number, now: number): Promise<void> {
  if (recorded.bucketCreated) {
    const b = await db.selectFrom('buckets').select(['id', 'signature', 'culprit_name']).where('id', '=', recorded.bucketId).executeTakeFirst();
    if (b) bucketNew(hooks, b, reportId);
  }
  await checkSpike(db, hooks, recorded.bucketId, spikeMinReports, now);
  const composed = await loadAnswer(db, reportId);
  if (composed) await solutionsContradicted(db, hooks, composed, now);
}
