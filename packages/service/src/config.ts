import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { DEFAULT_INGEST_LIMITS, type IngestLimits } from './ingest/limits.js';

/** Everything `culprit serve` can be told; flags win over environment variables, which win over defaults. */
export interface ServiceConfig {
  host: string;
  port: number;
  /** Folder holding `culprit.sqlite` (metadata) and `blobs/` (dumps, attachments, results). */
  dataDir: string;
  /** Extra Breakpad symbol store folders, searched after the uploaded-symbols folder. */
  symbolPaths: string[];
  /** Analysis worker processes; default: one per core, at least one. */
  workers: number;
  /** Per-analysis limits: a worker past either is killed and the report marked failed. */
  analysisTimeoutMs: number;
  analysisMemoryMb: number;
  /** Attempts before a report whose worker crashed or hung stays failed. */
  maxAttempts: number;
  /** Require a per-product ingest key on /submit (off for a local install). */
  requireIngestKeys: boolean;
  limits: IngestLimits;
  /** Enables the test-only poison hooks in workers (see workers/test-only-poison.ts). */
  testHooks: boolean;
  /** Fastify request logging. */
  log: boolean;
  /** Reports in one hour that make a bucket spike (also at least 4x its usual hourly rate). */
  spikeMinReports: number;
  /**
   * Every webhook, an admin's too, may reach public addresses only. Off by default: vendors'
   * webhooks are always held to it, while an admin's may post to a chat bridge on the LAN.
   */
  webhooksPublicOnly: boolean;
}

export type ServiceOptions = Partial<Omit<ServiceConfig, 'limits'>> & { limits?: Partial<IngestLimits> };

export function resolveConfig(opts: ServiceOptions = {}, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const num = (v: string | undefined): number | undefined => (v !== undefined && v !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined);
  return {
    host: opts.host ?? env.CULPRIT_HOST ?? 'localhost',
    port: opts.port ?? num(env.CULPRIT_PORT ?? env.PORT) ?? 8080,
    dataDir: resolve(opts.dataDir ?? env.CULPRIT_DATA ?? 'culprit-data'),
    symbolPaths: opts.symbolPaths ?? (env.CULPRIT_SYMBOLS ? env.CULPRIT_SYMBOLS.split(':').filter(Boolean) : []),
    workers: opts.workers ?? num(env.CULPRIT_WORKERS) ?? Math.max(1, availableParallelism()),
    analysisTimeoutMs: opts.analysisTimeoutMs ?? num(env.CULPRIT_ANALYSIS_TIMEOUT_MS) ?? 60_000,
    analysisMemoryMb: opts.analysisMemoryMb ?? num(env.CULPRIT_ANALYSIS_MEMORY_MB) ?? 1024,
    maxAttempts: opts.maxAttempts ?? num(env.CULPRIT_MAX_ATTEMPTS) ?? 3,
    requireIngestKeys: opts.requireIngestKeys ?? env.CULPRIT_REQUIRE_INGEST_KEYS === '1',
    limits: { ...DEFAULT_INGEST_LIMITS, ...opts.limits },
    testHooks: opts.testHooks ?? env.CULPRIT_TEST_HOOKS === '1',
    log: opts.log ?? false,
    spikeMinReports: opts.spikeMinReports ?? num(env.CULPRIT_SPIKE_MIN_REPORTS) ?? 20,
    webhooksPublicOnly: opts.webhooksPublicOnly ?? env.CULPRIT_WEBHOOKS_PUBLIC_ONLY === '1',
  };
}
