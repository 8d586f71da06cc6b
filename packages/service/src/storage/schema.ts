import type { Generated } from 'kysely';

/** Table shapes as Kysely sees them; migrations.ts creates them. Times are milliseconds since the epoch. */
export interface Database {
  reports: ReportsTable;
  jobs: JobsTable;
  buckets: BucketsTable;
  report_modules: ReportModulesTable;
  tokens: TokensTable;
  ingest_keys: IngestKeysTable;
  vendors: VendorsTable;
  solutions: SolutionsTable;
  solution_history: SolutionHistoryTable;
  solution_reports: SolutionReportsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
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
  /** The culprit module's PE TimeDateStamp (drivers without a version resource compare by it). */
  culprit_timestamp: number | null;
  /** The culprit module's ELF build id (Linux, Android): compared for equality only. */
  culprit_build_id: string | null;
  /** 1 when the culprit is the main executable: the product version annotation then describes it too. */
  culprit_main: number | null;
  culprit_third_party: number | null;
  /** The `kind` annotation the sender set: `vm-guest` from `culprit vm watch`. */
  client_kind: string | null;
  /** The guest of a `vm-guest` report: its SMBIOS UUID, else `name@host` (vm-guests/vm-facts.ts). */
  vm_guest: string | null;
  result_key: string | null;
  processed_at: number | null;
  /** The report's intake journal record (storage/intake-journal.ts): its segment and offset. */
  journal_segment: number | null;
  journal_offset: number | null;
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
  /** 1 when the culprit is not the operating system's (from the latest report), null when unknown. */
  culprit_third_party: number | null;
  /** When the last spike webhook went out for this bucket (one per day at most). */
  spike_notified_at: number | null;
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
  role: 'admin' | 'developer' | 'read' | 'vendor';
  name: string;
  created_at: number;
  /** The vendor a 'vendor' token speaks for. */
  vendor_id: number | null;
}

export interface IngestKeysTable {
  key_hash: string;
  product: string;
  created_at: number;
}

export interface VendorsTable {
  id: Generated<number>;
  name: string;
  /** JSON array of module file name patterns (`nvlddmkm.sys`, `libfoo.so*`). */
  modules: string;
  created_at: number;
  updated_at: number;
}

export type SolutionKind = 'update' | 'workaround' | 'information' | 'investigating';
export type SolutionStatus = 'published' | 'draft' | 'withdrawn';

export interface SolutionsTable {
  id: Generated<number>;
  bucket_id: number | null;
  /** Module file name or pattern the solution covers (with `version_from`..`version_to`). */
  module: string | null;
  version_from: string | null;
  version_to: string | null;
  kind: SolutionKind;
  title_en: string;
  title_ja: string | null;
  text_en: string;
  text_ja: string | null;
  link: string | null;
  fixed_in: string | null;
  status: SolutionStatus;
  author: string;
  vendor_id: number | null;
  created_at: number;
  updated_at: number;
}

export interface SolutionHistoryTable {
  id: Generated<number>;
  solution_id: number;
  action: 'created' | 'edited' | 'withdrawn';
  author: string;
  at: number;
  /** JSON object: field → { from, to } (for 'created': field → value). */
  changes: string;
}

/** Which report was answered with which solution ('delivered'), or contradicted it (crashed at or past its fixed version). */
export interface SolutionReportsTable {
  solution_id: number;
  report_id: string;
  outcome: 'delivered' | 'contradicted';
  at: number;
}

export interface WebhooksTable {
  id: Generated<number>;
  url: string;
  /** JSON array of event names. */
  events: string;
  vendor_id: number | null;
  author: string;
  /** The role of the token that registered it: a vendor's webhook reaches public addresses only. */
  registered_by: Generated<'admin' | 'vendor'>;
  created_at: number;
}

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  webhook_id: number;
  event: string;
  status_code: number | null;
  error: string | null;
  attempts: number;
  at: number;
}
