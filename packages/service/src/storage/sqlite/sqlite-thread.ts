// The thread that owns the SQLite database (better-sqlite3 is synchronous: a commit waits for its
// WAL fsync). Running it here keeps that wait off the event loop that takes uploads.
import { parentPort, workerData } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';
import type { SqliteRequest, SqliteResponse } from './protocol.js';

/** Prepared statements kept for reuse: Kysely sends the same few SQL texts over and over. */
const STATEMENT_CACHE = 256;

const db = new SqliteDatabase((workerData as { path: string }).path);
// WAL + synchronous=FULL: a commit returns only once it is durable (ingest acknowledges after it).
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
const statements = new Map<string, SqliteDatabase.Statement>();

function prepare(sql: string): SqliteDatabase.Statement {
  let stmt = statements.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    if (statements.size >= STATEMENT_CACHE) statements.delete(statements.keys().next().value!);
    statements.set(sql, stmt);
  }
  return stmt;
}

const runBatch = db.transaction((batch: { sql: string; parameters: readonly unknown[] }[]) => {
  for (const q of batch) prepare(q.sql).run(...q.parameters);
});

parentPort!.on('message', (req: SqliteRequest) => {
  let res: SqliteResponse;
  if ('close' in req) {
    db.close();
    parentPort!.postMessage({ id: req.id, rows: [] } satisfies SqliteResponse);
    parentPort!.close();
    return;
  }
  if ('batch' in req) {
    try {
      if (req.durable) runBatch(req.batch);
      else {
        // Not synced at commit (WAL, synchronous=NORMAL): the next synced commit carries it to disk.
        db.pragma('synchronous = NORMAL');
        try {
          runBatch(req.batch);
        } finally {
          db.pragma('synchronous = FULL');
        }
      }
      res = { id: req.id, rows: [] };
    } catch (err) {
      res = { id: req.id, error: { message: (err as Error).message, code: (err as { code?: string }).code } };
    }
    parentPort!.postMessage(res);
    return;
  }
  try {
    const stmt = prepare(req.sql);
    if (stmt.reader) res = { id: req.id, rows: stmt.all(...req.parameters) };
    else {
      const r = stmt.run(...req.parameters);
      res = { id: req.id, rows: [], changes: r.changes, lastInsertRowid: Number(r.lastInsertRowid) };
    }
  } catch (err) {
    res = { id: req.id, error: { message: (err as Error).message, code: (err as { code?: string }).code } };
  }
  parentPort!.postMessage(res);
});
