import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { resolveConfig, type ServiceConfig, type ServiceOptions } from './config.js';
import type { ServiceContext } from './context.js';
import { addToken, createToken, hasAdmin } from './auth/tokens.js';
import { Intake } from './ingest/intake.js';
import { Metrics } from './metrics/metrics.js';
import { Processor } from './processing/processor.js';
import { SqlWorkQueue } from './queue/sql-work-queue.js';
import { FileBlobStore } from './storage/file-blob-store.js';
import { IngestCommitter, type IntakeRecovery } from './storage/ingest-commit.js';
import { IntakeBlobStore } from './storage/intake-blob-store.js';
import { IntakeJournal } from './storage/intake-journal.js';
import { migrateToLatest } from './storage/migrations.js';
import { openSqlite } from './storage/sqlite/open.js';
import { WorkerPool } from './workers/pool.js';
import { WebhookDispatcher } from './webhooks/dispatcher.js';
import { onProcessed } from './webhooks/on-processed.js';

export interface Service {
  app: FastifyInstance;
  ctx: ServiceContext;
  /** The admin token created on first start (also written to `<data>/admin-token`), if one was. */
  bootstrapToken: string | null;
  /** What start-up recovery of the intake did (all zero after a clean stop). */
  recovery: IntakeRecovery;
  /** Stops workers and closes the database; the HTTP listener too when `listen` was used. */
  close(): Promise<void>;
}

/**
 * Opens storage (running migrations), recovers unfinished work, starts the worker pool and
 * builds the app. `processing: false` builds the app only (tests of the intake alone).
 */
export async function createService(options: ServiceOptions & { processing?: boolean } = {}): Promise<Service> {
  const config: ServiceConfig = resolveConfig(options);
  await fsp.mkdir(config.dataDir, { recursive: true });
  const db = openSqlite(join(config.dataDir, 'culprit.sqlite'));
  let pool: WorkerPool | null = null;
  let journal: IntakeJournal | null = null;
  try {
    await migrateToLatest(db);
    journal = new IntakeJournal(join(config.dataDir, 'journal'));
    const blobs = new IntakeBlobStore(new FileBlobStore(join(config.dataDir, 'blobs')), journal);
    const symbols = new FileBlobStore(join(config.dataDir, 'symbols'));
    await fsp.mkdir(symbols.root, { recursive: true });
    const symbolPaths = (): string[] => [symbols.root, ...config.symbolPaths];
    const queue = new SqlWorkQueue(db);
    await queue.recoverRunning();
    await db.updateTable('reports').set({ status: 'queued' }).where('status', '=', 'processing').execute();
    const metrics = new Metrics(() => queue.depth());

    const webhooks = new WebhookDispatcher(db, { publicOnlyForAll: config.webhooksPublicOnly });
    let processor: Processor | null = null;
    // Recovery runs before any worker exists: a start that fails here leaves nothing running.
    const committer = new IngestCommitter(db, blobs, journal, queue, (ids, seconds) => {
      metrics.committed(ids.length, seconds);
      processor?.kick();
    });
    const recovery = await committer.recover();
    if (options.processing !== false) {
      pool = new WorkerPool({ size: config.workers, timeoutMs: config.analysisTimeoutMs, memoryMb: config.analysisMemoryMb });
      processor = new Processor(db, blobs, queue, pool, metrics, {
        symbolPaths,
        maxAttempts: config.maxAttempts,
        testHooks: config.testHooks,
        onProcessed: (reportId, recorded) => onProcessed(db, webhooks, reportId, recorded, config.spikeMinReports, Date.now()),
      });
    }
    const intake = new Intake(blobs, committer, config.limits);
    const ctx: ServiceContext = { config, db, blobs, journal, symbols, symbolPaths, queue, intake, metrics, processor, webhooks };

    const bootstrapToken = await bootstrapAdmin(ctx);
    const app = await buildApp(ctx);
    processor?.start();
    const workers = pool;
    return {
      app,
      ctx,
      bootstrapToken,
      recovery,
      async close() {
        await app.close();
        await processor?.stop();
        await webhooks.drain();
        await workers?.close();
        journal?.close();
        await db.destroy();
        // Only now is every record written and every row committed: the next start may skip reading the journal.
        journal?.markCleanStop();
      },
    };
  } catch (err) {
    // A start that fails (migration, recovery, a bad config) leaves no workers and no open database.
    await pool?.close();
    journal?.close();
    await db.destroy();
    throw err;
  }
}

/** `culprit serve`: the service listening on host:port until the process ends. */
export async function startService(options: ServiceOptions = {}): Promise<Service> {
  const service = await createService(options);
  const { host, port, dataDir } = service.ctx.config;
  await service.app.listen({ host, port });
  const addr = service.app.server.address();
  const shown = typeof addr === 'object' && addr ? `http://${host}:${addr.port}` : `http://${host}:${port}`;
  process.stderr.write(`culprit: serving on ${shown} (data in ${dataDir}, ${service.ctx.config.workers} analysis workers)\n`);
  const { replayed, dropped, cutBytes } = service.recovery;
  if (replayed + dropped + cutBytes > 0) {
    process.stderr.write(
      `culprit: after an unclean stop: ${replayed} acknowledged report(s) restored from the intake journal, ${dropped} never-acknowledged row(s) dropped, ${cutBytes} byte(s) of a torn journal tail cut\n`,
    );
  }
  if (service.bootstrapToken) {
    process.stderr.write(`culprit: admin token (also in ${join(dataDir, 'admin-token')}): ${service.bootstrapToken}\n`);
  }
  return service;
}

/** CULPRIT_ADMIN_TOKEN sets the admin token; otherwise the first start creates one and writes it down. */
async function bootstrapAdmin(ctx: ServiceContext): Promise<string | null> {
  const fromEnv = process.env.CULPRIT_ADMIN_TOKEN;
  if (fromEnv) {
    await addToken(ctx.db, fromEnv, 'admin', 'CULPRIT_ADMIN_TOKEN');
    return null;
  }
  if (await hasAdmin(ctx.db)) return null;
  const token = await createToken(ctx.db, 'admin', 'bootstrap');
  await fsp.writeFile(join(ctx.config.dataDir, 'admin-token'), token + '\n', { mode: 0o600 });
  return token;
}
