import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { CompiledQuery, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';
import type { SqliteRequest, SqliteResponse } from './protocol.js';

/**
 * A Kysely driver for SQLite whose database lives on its own thread (sqlite-thread.ts). SQLite
 * has one connection, so, like Kysely's own SqliteDriver, connections are handed out one at a
 * time; a transaction's statements therefore never interleave with anyone else's.
 */
export class SqliteThreadDriver implements Driver {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (r: SqliteResponse) => void; reject: (e: Error) => void }>();
  private lock: Promise<void> = Promise.resolve();
  private readonly connection: DatabaseConnection;

  constructor(private readonly path: string) {
    this.connection = {
      executeQuery: <R>(q: CompiledQuery) => this.execute<R>(q),
      streamQuery: () => {
        throw new Error('streaming queries are not supported by the SQLite thread driver');
      },
    };
  }

  async init(): Promise<void> {
    // Worker threads cannot load TypeScript through tsx on Node 20, so when the service itself
    // runs from source (tests) the thread still runs the compiled file (`npm test` builds first).
    const self = import.meta.url;
    const script = self.endsWith('.ts') ? new URL('../../../dist/storage/sqlite/sqlite-thread.js', self) : new URL('./sqlite-thread.js', self);
    this.worker = new Worker(fileURLToPath(script), { workerData: { path: this.path }, execArgv: [] });
    this.worker.on('message', (res: SqliteResponse) => {
      const w = this.waiting.get(res.id);
      this.waiting.delete(res.id);
      w?.resolve(res);
    });
    this.worker.on('error', (err) => {
      for (const w of this.waiting.values()) w.reject(err);
      this.waiting.clear();
    });
    // A first round trip: the database is open (and its pragmas set) before anyone uses it.
    await this.execute(CompiledQuery.raw('select 1'));
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    let release!: () => void;
    const previous = this.lock;
    this.lock = new Promise<void>((r) => (release = r));
    await previous;
    this.release = release;
    return this.connection;
  }

  private release: (() => void) | null = null;

  async releaseConnection(): Promise<void> {
    const r = this.release;
    this.release = null;
    r?.();
  }

  async beginTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('rollback'));
  }

  /**
   * Runs `queries` in one transaction on the database thread, in one round trip. Takes the
   * connection like any Kysely transaction, so it never runs inside someone else's.
   */
  async runBatch(queries: readonly CompiledQuery[], durable: boolean): Promise<void> {
    await this.acquireConnection();
    try {
      const res = await this.send({ id: this.nextId++, batch: queries.map((q) => ({ sql: q.sql, parameters: q.parameters })), durable });
      if ('error' in res) throw Object.assign(new Error(res.error.message), { code: res.error.code });
    } finally {
      await this.releaseConnection();
    }
  }

  async destroy(): Promise<void> {
    if (!this.worker) return;
    await this.send({ id: this.nextId++, close: true });
    await this.worker.terminate();
    this.worker = null;
  }

  private async execute<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    const res = await this.send({ id: this.nextId++, sql: q.sql, parameters: q.parameters });
    if ('error' in res) throw Object.assign(new Error(res.error.message), { code: res.error.code });
    return {
      rows: res.rows as R[],
      numAffectedRows: res.changes === undefined ? undefined : BigInt(res.changes),
      insertId: res.lastInsertRowid === undefined ? undefined : BigInt(res.lastInsertRowid),
    };
  }

  private send(req: SqliteRequest): Promise<SqliteResponse> {
    if (!this.worker) return Promise.reject(new Error('the database is closed'));
    return new Promise((resolve, reject) => {
      this.waiting.set(req.id, { resolve, reject });
      this.worker!.postMessage(req);
    });
  }
}
