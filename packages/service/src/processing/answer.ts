import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';

/**
 * What the service tells whoever sent a report, from the moment it is stored. `solutions` is
 * where vendor-attached fixes for the bucket will go; it is empty until that feature lands.
 */
export interface Answer {
  reportId: string;
  status: 'queued' | 'processing' | 'processed' | 'failed';
  /** 'received' until processed; then 'new' (first report of its bucket) or 'known'. */
  verdict: 'received' | 'new' | 'known' | 'failed';
  text: string;
  signature: string | null;
  bucketId: number | null;
  bucketReports: number | null;
  culprit: { name: string; version: string | null } | null;
  solutions: { title: string; url?: string; vendor?: string }[];
}

export async function answerFor(db: Kysely<Database>, reportId: string): Promise<Answer | null> {
  const r = await db
    .selectFrom('reports')
    .leftJoin('buckets', 'buckets.id', 'reports.bucket_id')
    .select(['reports.id', 'reports.status', 'reports.error', 'reports.signature', 'reports.bucket_id', 'reports.culprit_name', 'reports.culprit_version', 'buckets.report_count', 'buckets.first_report_id'])
    .where('reports.id', '=', reportId)
    .executeTakeFirst();
  if (!r) return null;
  const base = {
    reportId: r.id,
    status: r.status,
    signature: r.signature,
    bucketId: r.bucket_id,
    bucketReports: r.report_count === null ? null : Number(r.report_count),
    culprit: r.culprit_name ? { name: r.culprit_name, version: r.culprit_version } : null,
    solutions: [],
  };
  if (r.status === 'failed') return { ...base, verdict: 'failed', text: `Received, but the report could not be analyzed: ${r.error ?? 'unknown error'}.` };
  if (r.status !== 'processed' || r.bucket_id === null) return { ...base, verdict: 'received', text: 'Received; analysis is pending.' };
  const n = Number(r.report_count ?? 1);
  if (r.first_report_id === r.id) return { ...base, verdict: 'new', text: `New problem, now tracked: ${r.signature}${n > 1 ? ` (${n} reports since)` : ''}.` };
  return { ...base, verdict: 'known', text: `Known problem, ${n} reports: ${r.signature}.` };
}
