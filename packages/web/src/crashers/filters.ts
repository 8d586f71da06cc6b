import type { Bucket } from '../api/types.js';

/** The kinds people filter by, from the report kinds the core emits (CrashReport.kind). */
export type KindGroup = 'application' | 'kernel-dump' | 'oops';
export const KIND_GROUPS: readonly KindGroup[] = ['application', 'kernel-dump', 'oops'];

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
