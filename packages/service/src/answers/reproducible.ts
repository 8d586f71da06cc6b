import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';
import { REPRODUCIBLE_AFTER } from './compose.js';

/**
 * Per bucket: installs (guid) that hit it at least REPRODUCIBLE_AFTER times, and how many of their
 * reports were reproducible ones (the third and later of each install).
 */
export async function reproducibleCounts(db: Kysely<Database>, bucketIds: number[]): Promise<Map<number, { installs: number; reports: number }>> {
  const out = new Map<number, { installs: number; reports: number }>();
  if (bucketIds.length === 0) return out;
  const rows = await db
    .selectFrom('reports')
    .select((eb) => ['bucket_id', eb.fn.countAll<number>().as('n')])
    .where('bucket_id', 'in', bucketIds)
    .where('guid', 'is not', null)
    .groupBy(['bucket_id', 'guid'])
    .having((eb) => eb.fn.countAll(), '>=', REPRODUCIBLE_AFTER)
    .execute();
  for (const r of rows) {
    const c = out.get(r.bucket_id!) ?? { installs: 0, reports: 0 };
    c.installs += 1;
    c.reports += Number(r.n) - (REPRODUCIBLE_AFTER - 1);
    out.set(r.bucket_id!, c);
  }
  return out;
}
