import { NO_DUMP_KEY } from '../ingest/fileless.js';
import { existsSync } from 'node:fs';
import type { Insertable, Kysely } from 'kysely';
import type { WorkQueue } from '../queue/work-queue.js';
import type { BlobStore } from './blob-store.js';
import type { Database, ReportsTable } from './schema.js';

interface Pending {
  row: Insertable<ReportsTable>;
  keys: string[];
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit for ingest. Each upload has already synced its own bytes; what remains is to make
 * the new file names and the metadata rows durable. Uploads arriving together share one folder
 * sync and one database transaction (one WAL fsync), and the two run side by side, which is what
 * lets the service keep up with a bare write-and-fsync server. A report is acknowledged only once
 * both are done. A crash between them can leave a committed row whose file name never reached the
 * disk: such a report was never acknowledged, and `recoverUnacknowledged` drops it at start.
 */
export class IngestCommitter {
  private batch: Pending[] = [];
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly blobs: BlobStore,
    private readonly queue: WorkQueue,
    private readonly onCommitted: (ids: string[]) => void,
  ) {}

  commit(row: Insertable<ReportsTable>, keys: string[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.batch.push({ row, keys, resolve, reject });
      if (!this.flushing) this.flushing = this.flushLoop();
    });
  }

  private async flushLoop(): Promise<void> {
    // Yield once so uploads finishing in the same turn join this batch.
    await new Promise((r) => setImmediate(r));
    while (this.batch.length > 0) {
      const batch = this.batch;
      this.batch = [];
      const ids = batch.map((p) => p.row.id);
      const now = Date.now();
      const [names, rows] = await Promise.allSettled([
        this.blobs.syncNames(batch.flatMap((p) => p.keys)),
        this.db.transaction().execute(async (trx) => {
          await trx.insertInto('reports').values(batch.map((p) => p.row)).execute();
          await this.queue.enqueue(trx, ids, now);
        }),
      ]);
      if (names.status === 'fulfilled' && rows.status === 'fulfilled') {
        for (const p of batch) p.resolve();
        this.onCommitted(ids);
        continue;
      }
      // The caller deletes the files of a refused upload, so its rows must go too.
      if (rows.status === 'fulfilled') await this.dropRows(ids).catch(() => undefined);
      const err = names.status === 'rejected' ? names.reason : (rows as PromiseRejectedResult).reason;
      for (const p of batch) p.reject(err);
    }
    this.flushing = null;
  }

  private async dropRows(ids: readonly string[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('jobs').where('report_id', 'in', ids).execute();
      await trx.deleteFrom('reports').where('id', 'in', ids).execute();
    });
  }

  /**
   * At start, before processing: a queued report whose dump or attachment file is missing was
   * committed while its folder sync was cut off by a crash, so it was never acknowledged. Its row
   * and job are removed (the client retries). Only local stores can lose a name this way.
   */
  async recoverUnacknowledged(): Promise<number> {
    const queued = await this.db.selectFrom('reports').select(['id', 'dump_key', 'attachments']).where('status', '=', 'queued').execute();
    const lost = queued.filter((r) => [r.dump_key, ...attachmentKeys(r.attachments)].some((k) => !this.present(k))).map((r) => r.id);
    for (let i = 0; i < lost.length; i += 500) await this.dropRows(lost.slice(i, i + 500));
    return lost.length;
  }

  private present(key: string): boolean {
    // A file-less report (a VM guest's bug check sent without a dump) has no bytes to lose.
    if (key === NO_DUMP_KEY) return true;
    const path = this.blobs.localPath(key);
    return path === null || existsSync(path);
  }
}

function attachmentKeys(json: string): string[] {
  try {
    const list = JSON.parse(json) as { key?: unknown }[];
    return Array.isArray(list) ? list.flatMap((a) => (typeof a?.key === 'string' ? [a.key] : [])) : [];
  } catch {
    return [];
  }
}
