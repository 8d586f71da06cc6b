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
 * sync and one database transaction (one WAL fsync), which is what lets the service keep up
 * with a bare write-and-fsync server. A report is acknowledged only after its batch commits.
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
      try {
        await this.blobs.syncNames(batch.flatMap((p) => p.keys));
        const now = Date.now();
        await this.db.transaction().execute(async (trx) => {
          await trx.insertInto('reports').values(batch.map((p) => p.row)).execute();
          await this.queue.enqueue(trx, batch.map((p) => p.row.id), now);
        });
        for (const p of batch) p.resolve();
        this.onCommitted(batch.map((p) => p.row.id));
      } catch (err) {
        for (const p of batch) p.reject(err);
      }
    }
    this.flushing = null;
  }
}
