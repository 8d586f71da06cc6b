import type { Kysely, Selectable } from 'kysely';
import type { Database, VendorsTable } from '../storage/schema.js';
import { matchesAnyPattern } from './module-pattern.js';

/** A vendor: an organisation that owns modules by file name pattern. */
export interface Vendor {
  id: number;
  name: string;
  modules: string[];
}

export const vendorOf = (row: Selectable<VendorsTable>): Vendor => ({ id: row.id, name: row.name, modules: JSON.parse(row.modules) as string[] });

export async function getVendor(db: Kysely<Database>, id: number): Promise<Vendor | null> {
  const row = await db.selectFrom('vendors').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? vendorOf(row) : null;
}

export async function listVendors(db: Kysely<Database>): Promise<Vendor[]> {
  return (await db.selectFrom('vendors').selectAll().orderBy('name').execute()).map(vendorOf);
}

export async function createVendor(db: Kysely<Database>, name: string, modules: string[], now: number): Promise<Vendor | null> {
  const existing = await db.selectFrom('vendors').select('id').where('name', '=', name).executeTakeFirst();
  if (existing) return null;
  const row = await db.insertInto('vendors').values({ name, modules: JSON.stringify(unique(modules)), created_at: now, updated_at: now }).returningAll().executeTakeFirstOrThrow();
  return vendorOf(row);
}

export async function updateVendor(db: Kysely<Database>, id: number, patch: { name?: string; modules?: string[] }, now: number): Promise<Vendor | null> {
  const set: { name?: string; modules?: string; updated_at: number } = { updated_at: now };
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.modules !== undefined) set.modules = JSON.stringify(unique(patch.modules));
  const row = await db.updateTable('vendors').set(set).where('id', '=', id).returningAll().executeTakeFirst();
  return row ? vendorOf(row) : null;
}

/** Every vendor owning this module file name (several may claim a shared one). */
export async function vendorsOwning(db: Kysely<Database>, moduleName: string | null): Promise<Vendor[]> {
  if (!moduleName) return [];
  return (await listVendors(db)).filter((v) => matchesAnyPattern(moduleName, v.modules));
}

const unique = (xs: string[]): string[] => [...new Set(xs)];
