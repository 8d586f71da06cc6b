import type { Kysely } from 'kysely';
import type { AnalysisSummary } from '../workers/protocol.js';
import type { Database } from '../storage/schema.js';

/** Where a processed report landed: its bucket, and whether this report opened it. */
export interface Recorded {
  bucketId: number;
  bucketCreated: boolean;
}

/**
 * Stores a processed report: its indexed facts, its module list, and its place in a bucket
 * (created on first sight of the signature). A reprocessed report leaves its old bucket first.
 */
export async function recordProcessed(db: Kysely<Database>, reportId: string, summary: AnalysisSummary, resultKey: string, now: number): Promise<Recorded | null> {
  return db.transaction().execute(async (trx) => {
    const report = await trx.selectFrom('reports').select(['received_at', 'bucket_id']).where('id', '=', reportId).executeTakeFirst();
    if (!report) return null; // deleted while it was being processed
    if (report.bucket_id !== null) {
      await trx.updateTable('buckets').set((eb) => ({ report_count: eb('report_count', '-', 1) })).where('id', '=', report.bucket_id).execute();
    }
    const seen = Number(report.received_at);
    const thirdParty = summary.culpritThirdParty === null ? null : summary.culpritThirdParty ? 1 : 0;
    let bucketCreated = false;
    let bucket = await trx.selectFrom('buckets').select(['id', 'first_seen', 'last_seen']).where('signature', '=', summary.signature).executeTakeFirst();
    if (bucket) {
      await trx
        .updateTable('buckets')
        .set((eb) => ({
          report_count: eb('report_count', '+', 1),
          first_seen: Math.min(Number(bucket!.first_seen), seen),
          last_seen: Math.max(Number(bucket!.last_seen), seen),
          culprit_name: summary.culpritName,
          culprit_version: summary.culpritVersion,
          culprit_third_party: thirdParty,
        }))
        .where('id', '=', bucket.id)
        .execute();
    } else {
      const inserted = await trx
        .insertInto('buckets')
        .values({
          signature: summary.signature,
          kind: summary.kind,
          first_seen: seen,
          last_seen: seen,
          report_count: 1,
          first_report_id: reportId,
          culprit_name: summary.culpritName,
          culprit_version: summary.culpritVersion,
          culprit_third_party: thirdParty,
        })
        .returning(['id', 'first_seen', 'last_seen'])
        .executeTakeFirstOrThrow();
      bucket = inserted;
      bucketCreated = true;
    }
    await trx
      .updateTable('reports')
      .set({
        status: 'processed',
        error: null,
        kind: summary.kind,
        format: summary.format,
        signature: summary.signature,
        bucket_id: bucket.id,
        crash_reason: summary.crashReason,
        os_name: summary.osName,
        os_version: summary.osVersion,
        cpu_arch: summary.cpuArch,
        culprit_name: summary.culpritName,
        culprit_version: summary.culpritVersion,
        culprit_timestamp: summary.culpritTimestamp,
        culprit_build_id: summary.culpritBuildId,
        culprit_main: summary.culpritMain ? 1 : 0,
        culprit_third_party: thirdParty,
        result_key: resultKey,
        processed_at: now,
      })
      .where('id', '=', reportId)
      .execute();
    await trx.deleteFrom('report_modules').where('report_id', '=', reportId).execute();
    if (summary.modules.length > 0) {
      await trx
        .insertInto('report_modules')
        .values(
          summary.modules.map((m) => ({
            report_id: reportId,
            code_file: m.codeFile,
            debug_file: m.debugFile,
            debug_id: m.debugId,
            version: m.version,
            has_symbols: m.hasSymbols ? 1 : 0,
          })),
        )
        .execute();
    }
    return { bucketId: bucket.id, bucketCreated };
  });
}

export async function recordFailed(db: Kysely<Database>, reportId: string, error: string, now: number): Promise<void> {
  await db.updateTable('reports').set({ status: 'failed', error, processed_at: now }).where('id', '=', reportId).execute();
}
