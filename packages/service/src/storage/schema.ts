import type { Generated } from 'kysely';

/** Table shapes as Kysely sees them; migrations.ts creates them. Times are milliseconds since the epoch. */
export interface Database {
  reports: ReportsTable;
  jobs: JobsTable;
  buckets: BucketsTable;
  report_modules: ReportModulesTable;
  tokens: TokensTable;
  ingest_keys: IngestKeysTable;
}

export type ReportStatus = 'queued' | 'processing' | 'processed' | 'failed';

export interface ReportsTable {
  id: string;
  received_at: number;
  /** 'YYYY-MM-DD' (UTC): portable grouping for time series, no dialect date functions. */
  received_day: string;
  product: string | null;
  version: string | null;
  platform: string | null;
  process_type: string | null;
  guid: string | null;
  /** JSON object of every string annotation sent with the report. */
  annotations: string;
  /** JSON array of { name, filename, key, size } for file parts other than the dump. */
  attachments: string;
  dump_key: string;
  dump_size: number;
  status: ReportStatus;
  error: string | null;
  kind: string | null;
  format: string | null;
  signature: string | null;
  bucket_id: number | null;
  crash_reason: string | null;
  os_name: string | null;
  os_version: string | null;
  cpu_arch: string | null;
  culprit_name: string | null;
  culprit_version: string | null;
  result_key: string | null;
  processed_at: number | null;
}

export interface JobsTable {
  report_id: string;
  state: 'queued' | 'running' | 'done';
  attempts: number;
  available_at: number;
  last_error: string | null;
}

export interface BucketsTable {
  id: Generated<number>;
  signature: string;
  kind: string | null;
  first_seen: number;
  last_seen: number;
  report_count: number;
  first_report_id: string;
  culprit_name: string | null;
  culprit_version: string | null;
}

export interface ReportModulesTable {
  report_id: string;
  code_file: string;
  debug_file: string | null;
  debug_id: string | null;
  version: string | null;
  /** 1 when a symbol store held this module's .sym when the report was processed. */
  has_symbols: number;
}

export interface TokensTable {
  token_hash: string;
  role: 'admin' | 'developer' | 'read';
  name: string;
  created_at: number;
}

export interface IngestKeysTable {
  key_hash: string;
  product: string;
  created_at: number;
}
