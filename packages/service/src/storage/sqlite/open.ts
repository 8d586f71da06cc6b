import { Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type CompiledQuery, type Dialect } from 'kysely';
import type { Database } from '../schema.js';
import { SqliteThreadDriver } from './thread-driver.js';

/**
 * Runs statements in one transaction, all or none: a group commit's inserts in one round trip.
 * `durable: false` lets the commit return before it is synced (for rows that are durable
 * elsewhere already: the intake journal); a crash may lose such a commit, never half of it.
 */
export type AtomicBatch = (queries: readonly CompiledQuery[], options?: { durable?: boolean }) => Promise<void>;

const batches = new WeakMap<Kysely<Database>, AtomicBatch>();

/**
 * The embedded metadata store: one SQLite file (better-sqlite3), owned by a thread of its own so
 * a commit's fsync never stalls uploads. A PostgreSQL deployment swaps this file for one built on
 * Kysely's `PostgresDialect`; the queries, migrations and routes stay as they are.
 */
export function openSqlite(path: string): Kysely<Database> {
  let driver: SqliteThreadDriver | undefined;
  const dialect: Dialect = {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => (driver = new SqliteThreadDriver(path)),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
  const db = new Kysely<Database>({ dialect });
  batches.set(db, async (queries, options) => {
    if (!driver) await db.selectNoFrom((eb) => eb.lit(1).as('one')).execute(); // Kysely creates its driver on first use
    await driver!.runBatch(queries, options?.durable ?? true);
  });
  return db;
}

/**
 * The one-round-trip batch of a database opened here; for any other Kysely (a PostgreSQL
 * dialect), the same statements in an ordinary (synced) transaction.
 */
export function atomicBatch(db: Kysely<Database>): AtomicBatch {
  return (
    batches.get(db) ??
    (async (queries) => {
      await db.transaction().execute(async (trx) => {
        for (const q of queries) await trx.executeQuery(q);
      });
    })
  );
}
