/** Messages between the SQLite driver (service thread) and the thread that owns the database. */
export type SqliteRequest =
  | { id: number; sql: string; parameters: readonly unknown[] }
  /** Statements run in one transaction, all or none (one round trip for a whole group commit). */
  | { id: number; batch: { sql: string; parameters: readonly unknown[] }[]; durable: boolean }
  | { id: number; close: true };

export type SqliteResponse =
  | { id: number; rows: unknown[]; changes?: number; lastInsertRowid?: number }
  | { id: number; error: { message: string; code?: string } };
