import type { Kysely, Selectable } from 'kysely';
import type { Database, SolutionsTable } from '../storage/schema.js';
import { solutionView, type SolutionView } from './solution-view.js';

export type SolutionRow = Selectable<SolutionsTable>;

/** Fields whose changes the history records, by their API names. */
const TRACKED: Record<string, keyof SolutionRow> = {
  bucketId: 'bucket_id',
  module: 'module',
  'versionRange.from': 'version_from',
  'versionRange.to': 'version_to',
  kind: 'kind',
  'title.en': 'title_en',
  'title.ja': 'title_ja',
  'text.en': 'text_en',
  'text.ja': 'text_ja',
  link: 'link',
  fixedIn: 'fixed_in',
  status: 'status',
};

export async function getSolution(db: Kysely<Database>, id: number): Promise<SolutionRow | null> {
  return (await db.selectFrom('solutions').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function deliveredCounts(db: Kysely<Database>, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('solution_reports')
    .select((eb) => ['solution_id', eb.fn.countAll<number>().as('n')])
    .where('solution_id', 'in', ids)
    .where('outcome', '=', 'delivered')
    .groupBy('solution_id')
    .execute();
  return new Map(rows.map((r) => [r.solution_id, Number(r.n)]));
}

export async function viewsOf(db: Kysely<Database>, rows: SolutionRow[]): Promise<SolutionView[]> {
  const counts = await deliveredCounts(db, rows.map((r) => r.id));
  return rows.map((r) => solutionView(r, counts.get(r.id) ?? 0));
}

export async function insertSolution(db: Kysely<Database>, row: Omit<SolutionRow, 'id'>): Promise<SolutionRow> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx.insertInto('solutions').values(row).returningAll().executeTakeFirstOrThrow();
    const created: Record<string, unknown> = {};
    for (const [field, col] of Object.entries(TRACKED)) if (inserted[col] !== null) created[field] = inserted[col];
    await trx.insertInto('solution_history').values({ solution_id: inserted.id, action: 'created', author: row.author, at: row.created_at, changes: JSON.stringify(created) }).execute();
    return inserted;
  });
}

/** Applies a change and records what it changed (nothing recorded when nothing changed). */
export async function updateSolution(db: Kysely<Database>, before: SolutionRow, set: Partial<SolutionRow>, author: string, now: number, action: 'edited' | 'withdrawn'): Promise<SolutionRow> {
  return db.transaction().execute(async (trx) => {
    const after = await trx.updateTable('solutions').set({ ...set, updated_at: now }).where('id', '=', before.id).returningAll().executeTakeFirstOrThrow();
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [field, col] of Object.entries(TRACKED)) if (before[col] !== after[col]) changes[field] = { from: before[col], to: after[col] };
    if (Object.keys(changes).length > 0) {
      await trx.insertInto('solution_history').values({ solution_id: before.id, action, author, at: now, changes: JSON.stringify(changes) }).execute();
    }
    return after;
  });
}

export async function historyOf(db: Kysely<Database>, id: number) {
  const rows = await db.selectFrom('solution_history').selectAll().where('solution_id', '=', id).orderBy('id').execute();
  return rows.map((h) => ({ action: h.action, author: h.author, at: new Date(Number(h.at)).toISOString(), changes: JSON.parse(h.changes) as Record<string, unknown> }));
}
