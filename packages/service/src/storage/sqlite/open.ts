import { Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type Dialect } from 'kysely';
import type { Database } from '../schema.js';
import { SqliteThreadDriver } from './thread-driver.js';

/**
 * The embedded metadata store: one SQLite file (better-sqlite3), owned by a thread of its own so
 * a commit's fsync never stalls uploads. A PostgreSQL deployment swaps this file for one built on
 * Kysely's `PostgresDialect`; the queries, migrations and routes stay as they are.
 */
export function openSqlite(path: string): Kysely<Database> {
  const dialect: Dialect = {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new SqliteThreadDriver(path),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
  return new Kysely<Database>({ dialect });
}
