import type { Kysely } from 'kysely';
import type { IntakeJournal } from './intake-journal.js';
import type { Database } from './schema.js';

/**
 * Removes a journal segment once no report row points into it (its reports were all deleted):
 * the space comes back a segment at a time. Segments still partly used keep their erased records
 * as zeros; compacting those is left for when retention policies make it worth it.
 */
export async function reclaimSegment(db: Kysely<Database>, journal: IntakeJournal, segment: number): Promise<boolean> {
  const used = await db.selectFrom('reports').select('id').where('journal_segment', '=', segment).limit(1).executeTakeFirst();
  return used ? false : journal.removeSegment(segment);
}
