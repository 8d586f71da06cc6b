import type { CompiledQuery, Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';

export interface Job {
  reportId: string;
  attempts: number;
}

/**
 * Reports waiting for analysis. The embedded queue is a table in the metadata database, so a
 * report and its job commit together (sql-work-queue.ts). A NATS JetStream queue implements the
 * same interface, with `enqueue` writing an outbox row that a relay publishes.
 */
export interface WorkQueue {
  /** Adds jobs inside the caller's transaction (the one that stores the reports). */
  enqueue(trx: Kysely<Database>, reportIds: readonly string[], now: number): Promise<void>;
  /** The statement `enqueue` runs, for a caller that sends its transaction as one batch (ingest). */
  enqueueStatement(reportIds: readonly string[], now: number): CompiledQuery;
  /** Takes up to `limit` due jobs and marks them running. */
  claim(limit: number, now: number): Promise<Job[]>;
  complete(reportId: string): Promise<void>;
  /** Puts a failed job back for a later attempt; false once it has used `maxAttempts`. */
  retry(reportId: string, error: string, maxAttempts: number, now: number): Promise<boolean>;
  /** On start: jobs that were running when the service stopped run again. */
  recoverRunning(): Promise<number>;
  depth(): Promise<number>;
}
