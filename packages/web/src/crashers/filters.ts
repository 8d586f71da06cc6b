import type { Bucket } from '../api/types.js';

/** A bucket's kind as people name it, from the report kinds the core emits (CrashReport.kind). */
export type KindGroup = 'application' | 'kernel-dump' | 'oops';

/**
 * The `kind` filter of `GET /api/buckets`: the groups above, and VM guest reports (sent by
 * `culprit vm watch`), which the service counts apart from the kernel dumps and oopses.
 */
export type KindFilter = KindGroup | 'vm-guest';
export const KIND_FILTERS: readonly KindFilter[] = ['application', 'kernel-dump', 'oops', 'vm-guest'];
export type CulpritFilter = 'third-party' | 'system';

export function kindGroupOf(kind: string | null): KindGroup | 'other' {
  switch (kind) {
    case 'minidump':
      return 'application';
    case 'windows-kernel-dump':
      return 'kernel-dump';
    case 'linux-kernel-log':
      return 'oops';
    default:
      return 'other';
  }
}

/** Case-insensitive match on the signature or the culprit module's name. */
export function matchesSearch(b: Pick<Bucket, 'signature' | 'culprit'>, text: string): boolean {
  const q = text.trim().toLowerCase();
  if (!q) return true;
  return b.signature.toLowerCase().includes(q) || (b.culprit?.name.toLowerCase().includes(q) ?? false);
}
