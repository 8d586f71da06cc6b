import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../storage/schema.js';

/**
 * The filters of the top crashers (`GET /api/buckets`). Product, version and OS select reports,
 * so a bucket's counts are those of the matching reports; the culprit filter selects buckets.
 * Kinds partition the reports: a VM guest's kernel dump or console log counts as `vm-guest`
 * (the `kind=vm-guest` annotation `culprit vm watch` sends), not as a kernel dump or oops.
 */
export const KIND_FILTERS = ['application', 'kernel-dump', 'oops', 'vm-guest'] as const;
export type KindFilter = (typeof KIND_FILTERS)[number];
export const CULPRIT_FILTERS = ['third-party', 'system'] as const;
export type CulpritFilter = (typeof CULPRIT_FILTERS)[number];

export const VM_GUEST = 'vm-guest';

/** The report kinds (CrashReport.kind) behind each kind filter other than `vm-guest`. */
const REPORT_KINDS: Record<Exclude<KindFilter, 'vm-guest'>, string> = {
  application: 'minidump',
  'kernel-dump': 'windows-kernel-dump',
  oops: 'linux-kernel-log',
};

export interface CrasherFilter {
  product?: string;
  version?: string;
  os?: string;
  kind?: KindFilter;
  culprit?: CulpritFilter;
}

const text = { type: 'string', minLength: 1, maxLength: 200 } as const;

/** Query-string properties (validated by Fastify, documented in /openapi.json). */
export const crasherFilterProperties = {
  product: { ...text, description: 'reports of this product only (exact)' },
  version: { ...text, description: 'reports of this product version only (exact)' },
  os: { ...text, description: "reports from this operating system only (the processed report's OS name, exact)" },
  kind: { type: 'string', enum: KIND_FILTERS, description: 'application (minidump), kernel-dump (Windows), oops (Linux kernel log), vm-guest (sent by culprit vm watch)' },
  culprit: { type: 'string', enum: CULPRIT_FILTERS, description: "buckets whose culprit is third-party, or the operating system's own" },
} as const;

type Eb = ExpressionBuilder<Database, 'reports' | 'buckets'>;

/** The WHERE condition for a filter over `reports` joined with `buckets` (true when empty). */
export function crasherCondition(eb: Eb, f: CrasherFilter): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [];
  if (f.product !== undefined) all.push(eb('reports.product', '=', f.product));
  if (f.version !== undefined) all.push(eb('reports.version', '=', f.version));
  if (f.os !== undefined) all.push(eb('reports.os_name', '=', f.os));
  if (f.kind === 'vm-guest') all.push(eb('reports.client_kind', '=', VM_GUEST));
  else if (f.kind !== undefined) {
    all.push(eb('reports.kind', '=', REPORT_KINDS[f.kind]));
    all.push(eb.or([eb('reports.client_kind', 'is', null), eb('reports.client_kind', '!=', VM_GUEST)]));
  }
  if (f.culprit !== undefined) all.push(eb('buckets.culprit_third_party', '=', f.culprit === 'third-party' ? 1 : 0));
  return eb.and(all);
}
