import type { Kysely } from 'kysely';
import type { ServiceConfig } from './config.js';
import type { Intake } from './ingest/intake.js';
import type { Metrics } from './metrics/metrics.js';
import type { Processor } from './processing/processor.js';
import type { WorkQueue } from './queue/work-queue.js';
import type { BlobStore } from './storage/blob-store.js';
import type { IntakeJournal } from './storage/intake-journal.js';
import type { Database } from './storage/schema.js';
import type { WebhookDispatcher } from './webhooks/dispatcher.js';

/** What routes share: built once by service.ts, handed to every route plugin. */
export interface ServiceContext {
  config: ServiceConfig;
  db: Kysely<Database>;
  blobs: BlobStore;
  /** Where uploads are kept (their blob keys in `blobs` name ranges of it). */
  journal: IntakeJournal;
  /** The uploaded-symbols folder, a Breakpad store searched before `config.symbolPaths`. */
  symbols: BlobStore;
  symbolPaths: () => string[];
  queue: WorkQueue;
  intake: Intake;
  metrics: Metrics;
  processor: Processor | null;
  webhooks: WebhookDispatcher;
}
