import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';

/**
 * admin: everything; developer: read, upload symbols, write solutions; read: the JSON API read-only;
 * vendor: bound to one vendor, sees only that vendor's buckets (and only routes that admit vendors).
 */
export type Role = 'admin' | 'developer' | 'read' | 'vendor';
/** Roles `POST /api/tokens` hands out; vendor tokens come from `POST /api/vendors/:id/tokens`. */
export const ROLES: readonly Role[] = ['admin', 'developer', 'read'];

/** A vendor ranks below read: no route built on the role ladder admits it by accident. */
const RANK: Record<Role, number> = { vendor: 0, read: 1, developer: 2, admin: 3 };
export const roleAllows = (have: Role, need: Role): boolean => RANK[have] >= RANK[need];

/** Who is asking: the token's role and name, and the vendor a vendor token speaks for. */
export interface Principal {
  role: Role;
  name: string;
  vendorId: number | null;
}

/** Only hashes are stored: a copied database does not hand out working tokens. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export const newSecret = (prefix: string): string => `${prefix}_${randomBytes(24).toString('base64url')}`;

export async function createToken(db: Kysely<Database>, role: Role, name: string, vendorId: number | null = null): Promise<string> {
  const token = newSecret('cul');
  await db.insertInto('tokens').values({ token_hash: hashSecret(token), role, name, created_at: Date.now(), vendor_id: vendorId }).execute();
  return token;
}

export async function addToken(db: Kysely<Database>, token: string, role: Role, name: string): Promise<void> {
  await db
    .insertInto('tokens')
    .values({ token_hash: hashSecret(token), role, name, created_at: Date.now() })
    .onConflict((oc) => oc.column('token_hash').doUpdateSet({ role, name }))
    .execute();
}

export async function principalOf(db: Kysely<Database>, token: string): Promise<Principal | null> {
  const row = await db.selectFrom('tokens').select(['role', 'name', 'vendor_id']).where('token_hash', '=', hashSecret(token)).executeTakeFirst();
  if (!row) return null;
  // A vendor token without its vendor is no token (fail closed).
  if (row.role === 'vendor' && row.vendor_id === null) return null;
  return { role: row.role, name: row.name, vendorId: row.role === 'vendor' ? row.vendor_id : null };
}

export async function hasAdmin(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('tokens').select('role').where('role', '=', 'admin').executeTakeFirst()) !== undefined;
}

/** Per-product ingest keys, required on /submit only when the service is configured so. */
export async function createIngestKey(db: Kysely<Database>, product: string): Promise<string> {
  const key = newSecret('ing');
  await db.insertInto('ingest_keys').values({ key_hash: hashSecret(key), product, created_at: Date.now() }).execute();
  return key;
}

export async function productOfIngestKey(db: Kysely<Database>, key: string): Promise<string | null> {
  const row = await db.selectFrom('ingest_keys').select('product').where('key_hash', '=', hashSecret(key)).executeTakeFirst();
  return row?.product ?? null;
}
