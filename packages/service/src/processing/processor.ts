import type { Kysely } from 'kysely';
import type { BlobStore } from '../storage/blob-store.js';
import type { Database } from '../storage/schema.js';
import type { WorkQueue } from '../queue/work-queue.js';
import { WorkerLostError, type WorkerPool } from '../workers/pool.js';
import type { Metrics } from '../metrics/metrics.js';
import { recordFailed, recordProcessed, type Recorded } from './record-result.js';
import { analyzeFileless } from './fileless-analysis.js';
import { NO_DUMP_KEY } from '../ingest/fileless.js';

export interface ProcessorOptions {
  symbolPaths: () => string[];
  maxAttempts: number;
  testHooks: boolean;
  /** After a report is stored as processed (webhooks); its failure is logged, never fails the report. */
  onProcessed?: (reportId: string, recorded: Recorded) => Promise<void>;
}

/** Checks for due retries this often even when nothing new arrives. */
const POLL_MS = 500;

/**
 * Feeds queued reports to idle workers and records what comes back. A parse error is final
 * (the bytes will not change); a lost worker (crash, hang, memory) is retried up to
 * `maxAttempts`, then the report is marked failed with the reason.
 */
export class Processor {
  private timer: NodeJS.Timeout | null = null;
  private pumping = false;
  private pumpDone: Promise<void> = Promise.resolve();
  private again = false;
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly blobs: BlobStore,
    private readonly queue: WorkQueue,
    private readonly pool: WorkerPool,
    private readonly metrics: Metrics,
    private readonly opts: ProcessorOptions,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.timer.unref();
    this.kick();
  }

  /** New work may be waiting (called after every ingest commit). */
  kick(): void {
    if (this.stopped) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    this.pumpDone = this.pump().finally(() => {
      this.pumping = false;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    // A claim under way may still hand out jobs: wait for it before waiting for the jobs, so no
    // job touches the database after the service closes it.
    await this.pumpDone;
    await Promise.allSettled([...this.inFlight]);
  }

  private async pump(): Promise<void> {
    try {
      // Never more jobs in flight than workers: a job between its claim and its worker counts too.
      const free = Math.min(this.pool.idle, this.pool.size - this.inFlight.size);
      if (free <= 0) return;
      const jobs = await this.queue.claim(free, Date.now());
      // Stopping: leave claimed jobs 'running'; the next start requeues them (recoverRunning).
      if (this.stopped) return;
      for (const job of jobs) {
        const p = this.process(job.reportId).finally(() => {
          this.inFlight.delete(p);
          this.kick();
        });
        this.inFlight.add(p);
      }
    } catch (err) {
      if (!this.stopped) process.emitWarning(`culprit: claiming work failed: ${(err as Error).message}`);
    }
  }

  private async process(reportId: string): Promise<void> {
    const started = process.hrtime.bigint();
    const row = await this.db.selectFrom('reports').select(['dump_key', 'annotations']).where('id', '=', reportId).executeTakeFirst();
    if (!row) return this.queue.complete(reportId);
    const fileless = row.dump_key === NO_DUMP_KEY;
    const dump = fileless ? null : this.blobs.localFile(row.dump_key);
    if (!fileless && !dump) throw new Error('the worker pool needs a local blob store');
    try {
      const res = fileless ? analyzeFileless(row.annotations) : await this.pool.run(dump!, this.opts.symbolPaths(), this.opts.testHooks);
      if (this.stopped) return;
      if (res.ok) {
        const resultKey = `results/${reportId}.json`;
        await this.blobs.write(resultKey, Buffer.from(res.reportJson, 'utf8'));
        const recorded = await recordProcessed(this.db, reportId, res.summary, resultKey, Date.now());
        await this.queue.complete(reportId);
        this.metrics.processed(res.summary.kind, Number(process.hrtime.bigint() - started) / 1e9);
        if (recorded && this.opts.onProcessed) {
          await this.opts.onProcessed(reportId, recorded).catch((err) => process.emitWarning(`culprit: after processing ${reportId}: ${(err as Error).message}`));
        }
      } else {
        await recordFailed(this.db, reportId, res.error, Date.now());
        await this.queue.complete(reportId);
        this.metrics.failed('parse');
      }
    } catch (err) {
      if (this.stopped) return;
      const reason = err instanceof WorkerLostError ? err.reason : 'internal';
      const message = (err as Error).message;
      this.metrics.failed(reason);
      const retried = await this.queue.retry(reportId, message, this.opts.maxAttempts, Date.now());
      if (!retried) await recordFailed(this.db, reportId, message, Date.now());
    }
  }
}
