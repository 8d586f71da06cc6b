import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';
import { matchesAnyPattern } from '../vendors/module-pattern.js';
import { vendorsOwning } from '../vendors/vendor-store.js';
import { composeAnswer, type CandidateSolution, type Composed } from './compose.js';
import { installedVersions } from './solution-match.js';

/** Module solutions considered per report; more than this for one module is not a real catalogue. */
const MAX_MODULE_SOLUTIONS = 500;

/**
 * Loads what the answer for a report needs — its culprit facts, bucket, repeat count and the
 * published solutions of its bucket and culprit module — and composes it. Null: no such report.
 */
export async function loadAnswer(db: Kysely<Database>, reportId: string): Promise<Composed | null> {
  const r = await db
    .selectFrom('reports')
    .leftJoin('buckets', 'buckets.id', 'reports.bucket_id')
    .select([
      'reports.id',
      'reports.status',
      'reports.error',
      'reports.guid',
      'reports.received_at',
      'reports.version',
      'reports.bucket_id',
      'reports.culprit_name',
      'reports.culprit_version',
      'reports.culprit_timestamp',
      'reports.culprit_build_id',
      'reports.culprit_main',
      'reports.culprit_third_party',
      'buckets.signature as bucket_signature',
      'buckets.report_count',
      'buckets.first_report_id',
    ])
    .where('reports.id', '=', reportId)
    .executeTakeFirst();
  if (!r) return null;

  const processed = r.status === 'processed' && r.bucket_id !== null;
  const productVersion = r.culprit_main === 1 ? r.version : null;
  const vendor = processed ? ((await vendorsOwning(db, r.culprit_name))[0]?.name ?? null) : null;
  return composeAnswer({
    reportId: r.id,
    status: r.status,
    error: r.error,
    culprit: r.culprit_name
      ? { name: r.culprit_name, version: r.culprit_version ?? productVersion, vendor, thirdParty: r.culprit_third_party === null ? null : r.culprit_third_party === 1 }
      : null,
    installed: installedVersions({ moduleVersion: r.culprit_version, productVersion, timestamp: r.culprit_timestamp === null ? null : Number(r.culprit_timestamp), buildId: r.culprit_build_id }),
    bucket: processed ? { id: r.bucket_id!, signature: r.bucket_signature!, count: Number(r.report_count), firstReportId: r.first_report_id! } : null,
    repeatCount: processed ? await repeatCount(db, r.guid, r.bucket_id!, Number(r.received_at), r.id) : 0,
    solutions: processed ? await candidates(db, r.bucket_id!, r.culprit_name) : [],
  });
}

/** How many times this install (guid) has hit this bucket, counting this report and those before it. */
async function repeatCount(db: Kysely<Database>, guid: string | null, bucketId: number, receivedAt: number, id: string): Promise<number> {
  if (!guid) return 1;
  const row = await db
    .selectFrom('reports')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('guid', '=', guid)
    .where('bucket_id', '=', bucketId)
    .where((eb) => eb.or([eb('received_at', '<', receivedAt), eb.and([eb('received_at', '=', receivedAt), eb('id', '<=', id)])]))
    .executeTakeFirstOrThrow();
  return Math.max(1, Number(row.n));
}

async function candidates(db: Kysely<Database>, bucketId: number, culpritName: string | null): Promise<CandidateSolution[]> {
  const rows = await db
    .selectFrom('solutions')
    .selectAll()
    .where('status', '=', 'published')
    .where((eb) => eb.or([eb('bucket_id', '=', bucketId), eb.and([eb('bucket_id', 'is', null), eb('module', 'is not', null)])]))
    .orderBy('updated_at', 'desc')
    .limit(MAX_MODULE_SOLUTIONS)
    .execute();
  return rows
    .filter((s) => s.bucket_id === bucketId || matchesAnyPattern(culpritName, [s.module!]))
    // A bucket solution that also names a module applies only when the culprit is that module.
    .filter((s) => s.module === null || matchesAnyPattern(culpritName, [s.module]))
    .map((s) => ({
      id: s.id,
      kind: s.kind,
      title: { en: s.title_en, ja: s.title_ja },
      text: { en: s.text_en, ja: s.text_ja },
      link: s.link,
      fixedIn: s.fixed_in,
      from: s.version_from,
      to: s.version_to,
    }));
}

/** Records which solutions this report's answer delivered (idempotent: polling counts once). */
export async function recordDelivered(db: Kysely<Database>, composed: Composed, now: number): Promise<void> {
  const ids = composed.answer.solutions.filter((s) => s.applies !== 'no').map((s) => s.id);
  if (ids.length === 0 || composed.answer.status !== 'processed') return;
  await db
    .insertInto('solution_reports')
    .values(ids.map((id) => ({ solution_id: id, report_id: composed.answer.reportId, outcome: 'delivered' as const, at: now })))
    .onConflict((oc) => oc.columns(['solution_id', 'report_id']).doNothing())
    .execute();
}
