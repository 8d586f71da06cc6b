import type { CompiledQuery, Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';
import type { Job, WorkQueue } from './work-queue.js';

/** Delay before attempt n+1: 1 s, 4 s, 16 s... — a dump that killed a worker is not retried at once. */
const backoffMs = (attempts: number): number => 1000 * 4 ** Math.max(0, attempts - 1);

/** The work queue as a `jobs` table; one process claims, so no row locking is needed yet. */
export class SqlWorkQueue implements WorkQueue {
  constructor(private readonly db: Kysely<Database>) {}

  async enqueue(trx: Kysely<Database>, reportIds: readonly string[], now: number): Promise<void> {
    if (reportIds.length === 0) return;
    await trx.executeQuery(this.enqueueStatement(reportIds, now));
  }

  enqueueStatement(reportIds: readonly string[], now: number): CompiledQuery {
    return this.db
      .insertInto('jobs')
      .values(reportIds.map((report_id) => ({ report_id, state: 'queued' as const, attempts: 0, available_at: now, last_error: null })))
      .onConflict((oc) => oc.column('report_id').doUpdateSet({ state: 'queued', attempts: 0, available_at: now, last_error: null }))
      .compile();
  }

  async claim(limit: number, now: number): Promise<Job[]> {
    if (limit <= 0) return [];
    return this.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('jobs')
        .select(['report_id', 'attempts'])
        .where('state', '=', 'queued')
        .where('available_at', '<=', now)
        .orderBy('available_at')
        .limit(limit)
        .execute();
      if (rows.length === 0) return [];
      const ids = rows.map((r) => r.report_id);
      await trx.updateTable('jobs').set((eb) => ({ state: 'running', attempts: eb('attempts', '+', 1) })).where('report_id', 'in', ids).execute();
      await trx.updateTable('reports').set({ status: 'processing' }).where('id', 'in', ids).execute();
      return rows.map((r) => ({ reportId: r.report_id, attempts: r.attempts + 1 }));
    });
  }

  async complete(reportId: string): Promise<void> {
    await this.db.deleteFrom('jobs').where('report_id', '=', reportId).execute();
  }

  async retry(reportId: string, error: string, maxAttempts: number, now: number): Promise<boolean> {
    const row = await this.db.selectFrom('jobs').select('attempts').where('report_id', '=', reportId).executeTakeFirst();
    if (!row || row.attempts >= maxAttempts) {
      await this.complete(reportId);
      return false;
    }
    await this.db
      .updateTable('jobs')
      .set({ state: 'queued', available_at: now + backoffMs(row.attempts), last_error: error })
      .where('report_id', '=', reportId)
      .execute();
    await this.db.updateTable('reports').set({ status: 'queued', error }).where('id', '=', reportId).execute();
    return true;
  }

  async recoverRunning(): Promise<number> {
    const r = await this.db.updateTable('jobs').set({ state: 'queued' }).where('state', '=', 'running').executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  async depth(): Promise<number> {
    const r = await this.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
