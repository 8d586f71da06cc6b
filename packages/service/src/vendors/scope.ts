import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';
import { hasWildcard, matchesAnyPattern } from './module-pattern.js';
import { getVendor, type Vendor } from './vendor-store.js';

/**
 * What a request may see: everything (staff tokens: read, developer, admin), or one vendor's
 * modules. A vendor token whose vendor is gone sees nothing (fail closed).
 */
export type Scope = { kind: 'all' } | { kind: 'vendor'; vendor: Vendor };

export async function scopeOf(db: Kysely<Database>, request: FastifyRequest): Promise<Scope> {
  const p = request.principal;
  if (!p || p.role !== 'vendor') return { kind: 'all' };
  const vendor = (p.vendorId !== null ? await getVendor(db, p.vendorId) : null) ?? { id: -1, name: '', modules: [] };
  return { kind: 'vendor', vendor };
}

/** The scope sees a bucket whose culprit module is this. */
export function seesModule(scope: Scope, culpritName: string | null): boolean {
  return scope.kind === 'all' || matchesAnyPattern(culpritName, scope.vendor.modules);
}

/** The scope owns a solution's module field: a name its patterns match, or one of its patterns itself. */
export function ownsModuleField(scope: Scope, module: string): boolean {
  if (scope.kind === 'all') return true;
  if (hasWildcard(module)) return scope.vendor.modules.some((p) => p.toLowerCase() === module.toLowerCase());
  return matchesAnyPattern(module, scope.vendor.modules);
}
