import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema.js';

/**
 * The embedded metadata store: one SQLite file. WAL with synchronous=FULL makes every commit
 * durable before it returns, which ingest relies on (a report is acknowledged after its commit).
 * A PostgreSQL deployment swaps this file for a `PostgresDialect` one; nothing else changes.
 */
export function openSqlite(path: string): Kysely<Database> {
  const database = new SqliteDatabase(path);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
}
