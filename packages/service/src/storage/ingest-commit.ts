import type { Insertable, Kysely } from 'kysely';
import { existsSync } from 'node:fs';
import { NO_DUMP_KEY } from '../ingest/fileless.js';
import type { ReceivedFile } from '../ingest/multipart.js';
import type { IngestDraft, ReportCommitter } from '../ingest/report-committer.js';
import type { WorkQueue } from '../queue/work-queue.js';
import type { BlobStore } from './blob-store.js';
import type { IntakeJournal, RecordPlace } from './intake-journal.js';
import { journalKey, parseJournalKey } from './journal-key.js';
import type { Database, ReportsTable } from './schema.js';
import { atomicBatch, type AtomicBatch } from './sqlite/open.js';


/** What start-up recovery did: reports re-inserted, rows dropped, bytes cut from the journal's tail. */
export interface IntakeRecovery {
  replayed: number;
  dropped: number;
  cutBytes: number;
  /** False after a clean stop, when the journal need not be read. */
  journalRead: boolean;
}

/** What a journal record's header holds: the report's row, replayed into the database if it is missing. */
interface RecordHeader {
  v: 1;
  row: Insertable<ReportsTable>;
}

interface Pending {
  draft: IngestDraft;
  resolve: () => void;
  reject: (err: unknown) => void;
}

const utf8 = new TextEncoder();
const utf8Text = new TextDecoder();

/** Rows per INSERT statement: well under SQLite's 32766 bound parameters at ~30 columns a row. */
const INSERT_CHUNK = 500;

/**
 * Group commit for ingest. Uploads that arrive together become records of the intake journal
 * (bytes and row in one record: intake-journal.ts), written with one synced write; side by side,
 * their rows go into the database in one transaction, which need not be synced itself since the
 * journal holds the rows. A report is acknowledged once both are done (so it can be read back at
 * once). A crash between the two leaves either a record without a row (replayed at start) or a
 * row whose record never reached the disk (never acknowledged: dropped at start), see `recover`.
 */
export class IngestCommitter implements ReportCommitter {
  private batch: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private readonly insertBatch: AtomicBatch;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly blobs: BlobStore,
    private readonly journal: IntakeJournal,
    private readonly queue: WorkQueue,
    private readonly onCommitted: (ids: string[], seconds: number) => void,
  ) {
    this.insertBatch = atomicBatch(db);
  }

  commit(draft: IngestDraft): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.batch.push({ draft, resolve, reject });
      if (!this.flushing) this.flushing = this.flushLoop();
    });
  }

  private async flushLoop(): Promise<void> {
    // Yield once so uploads finishing in the same turn join this batch.
    await new Promise((r) => setImmediate(r));
    while (this.batch.length > 0) {
      const batch: Pending[] = [];
      const rows: Insertable<ReportsTable>[] = [];
      const places: RecordPlace[] = [];
      for (const p of this.batch) {
        try {
          const { row, place } = this.place(p.draft);
          batch.push(p);
          rows.push(row);
          places.push(place);
        } catch (err) {
          p.reject(err);
        }
      }
      this.batch = [];
      if (batch.length === 0) continue;
      const journal = this.journal.flush();
      void this.settle(batch, rows, places, journal);
      // The next batch starts once the journal is free again; this one's rows may still be on their way.
      await journal.catch(() => undefined);
    }
    this.flushing = null;
  }

  /** Acknowledges a batch once its records are synced (`journal`) and its rows committed; else refuses it all. */
  private async settle(batch: Pending[], rows: Insertable<ReportsTable>[], places: RecordPlace[], journalSynced: Promise<void>): Promise<void> {
    const ids = rows.map((r) => r.id);
    const spilled = batch.flatMap((p) => [p.draft.dump, ...p.draft.attachments]).flatMap((f) => (f.chunks === null && f.key ? [f.key] : []));
    const now = Date.now();
    const started = process.hrtime.bigint();
    const [journal, names, inserted] = await Promise.allSettled([
      journalSynced,
      this.blobs.syncNames(spilled),
      // One round trip to the database: the rows and their jobs as one batch. Its commit need not
      // be synced: the journal record holds the row, and a start after a crash puts back rows a
      // lost commit took with it (`recover`).
      this.insertBatch(
        [
          ...chunks(rows, INSERT_CHUNK).map((c) => this.db.insertInto('reports').values(c).compile()),
          ...chunks(ids, INSERT_CHUNK).map((c) => this.queue.enqueueStatement(c, now)),
        ],
        { durable: false },
      ),
    ]);
    if (journal.status === 'fulfilled' && names.status === 'fulfilled' && inserted.status === 'fulfilled') {
      for (const p of batch) p.resolve();
      this.onCommitted(ids, Number(process.hrtime.bigint() - started) / 1e9);
      return;
    }
    // Refused uploads leave nothing behind: their rows go, their records are erased.
    if (inserted.status === 'fulfilled') await this.dropRows(ids).catch(() => undefined);
    if (journal.status === 'fulfilled') await Promise.allSettled(places.map((pl) => this.journal.erase(pl.segment, pl.offset)));
    const err = [journal, names, inserted].find((r): r is PromiseRejectedResult => r.status === 'rejected')!.reason;
    for (const p of batch) p.reject(err);
  }

  /** Appends the draft's record to the journal and returns its complete row. */
  private place(draft: IngestDraft): { row: Insertable<ReportsTable>; place: RecordPlace } {
    const held = [draft.dump, ...draft.attachments].filter((f) => f.chunks !== null);
    let row: Insertable<ReportsTable> | undefined;
    const place = this.journal.append(
      held.map((f) => f.chunks!),
      (at) => {
        const keyOf = (f: ReceivedFile): string => {
          const i = held.indexOf(f);
          if (i < 0) return f.key ?? NO_DUMP_KEY;
          return journalKey({ segment: at.segment, record: at.offset, start: at.files[i]!.start, length: at.files[i]!.length });
        };
        row = {
          ...draft.row,
          dump_key: keyOf(draft.dump),
          attachments: JSON.stringify(draft.attachments.map((f) => ({ name: f.field, filename: f.filename, key: keyOf(f), size: f.size }))),
          journal_segment: at.segment,
          journal_offset: at.offset,
        };
        return utf8.encode(JSON.stringify({ v: 1, row } satisfies RecordHeader));
      },
    );
    return { row: row!, place };
  }

  private async dropRows(ids: readonly string[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('jobs').where('report_id', 'in', ids).execute();
      await trx.deleteFrom('reports').where('id', 'in', ids).execute();
    });
  }

  /**
   * At start, before processing and before any upload:
   * - the journal is read from the segment of the newest report the database knows, each record
   *   whose row is missing (its transaction was cut off by a crash after the record was synced:
   *   an acknowledged report) is inserted again, queued;
   * - rows that do not find their own record where they point (the record was cut off: never
   *   acknowledged; or erased by a delete a crash interrupted) are dropped, and so are queued rows
   *   whose large-file blob is missing;
   * - the journal's torn tail is cut, and appending goes on from there.
   */
  async recover(): Promise<IntakeRecovery> {
    const newest = await this.db
      .selectFrom('reports')
      .select(['journal_segment', 'journal_offset'])
      .where('journal_segment', 'is not', null)
      .orderBy('journal_segment', 'desc')
      .orderBy('journal_offset', 'desc')
      .limit(1)
      .executeTakeFirst();
    let replayed = 0;
    let columns: Set<string> | undefined;
    /** The report id of each live record read, by `segment:offset`. */
    const idAt = new Map<string, string>();
    const { ends, cutBytes, scanned } = await this.journal.recover(newest?.journal_segment ?? null, async (records) => {
      const headers = records.flatMap((r) => {
        try {
          const h = JSON.parse(utf8Text.decode(r.header)) as RecordHeader;
          if (h?.v !== 1 || typeof h.row?.id !== 'string') return [];
          idAt.set(`${r.place.segment}:${r.place.offset}`, h.row.id);
          return [h];
        } catch {
          return []; // a record whose checksum holds but whose header is not ours: nothing to replay
        }
      });
      if (headers.length === 0) return;
      const known = new Set((await this.db.selectFrom('reports').select('id').where('id', 'in', headers.map((h) => h.row.id)).execute()).map((r) => r.id));
      const missingHeaders = headers.filter((h) => !known.has(h.row.id));
      if (missingHeaders.length === 0) return;
      // Only the columns this schema has: a record written by another version must not stop the start.
      columns ??= new Set((await this.db.introspection.getTables()).find((t) => t.name === 'reports')?.columns.map((c) => c.name) ?? []);
      const missing = missingHeaders.map((h) => ({ ...pick(h.row, columns!), status: 'queued' as const }) as Insertable<ReportsTable>);
      await this.db.transaction().execute(async (trx) => {
        await trx.insertInto('reports').values(missing).execute();
        await this.queue.enqueue(trx, missing.map((r) => r.id), Date.now());
      });
      replayed += missing.length;
    });

    // Rows that point into the segments read (or past the last) must find their own record there:
    // a row whose record was cut off (or erased) was never acknowledged (or was being deleted).
    // After a clean stop the journal was not read: only rows past its end could be wrong (none).
    const appending = Math.max(...ends.keys());
    const pointing = await this.db
      .selectFrom('reports')
      .select(['id', 'journal_segment', 'journal_offset'])
      .where((eb) => eb.or([eb('journal_segment', '>', appending), eb('journal_segment', 'in', [...ends.keys()])]))
      .execute();
    const ahead = pointing.filter((r) =>
      scanned ? idAt.get(`${r.journal_segment}:${r.journal_offset}`) !== r.id : r.journal_segment! > appending || r.journal_offset! >= ends.get(r.journal_segment!)!,
    );
    const queued = await this.db.selectFrom('reports').select(['id', 'dump_key', 'attachments']).where('status', '=', 'queued').execute();
    const lost = queued.filter((r) => [r.dump_key, ...attachmentKeys(r.attachments)].some((k) => !this.present(k))).map((r) => r.id);
    const dropped = [...new Set([...ahead.map((r) => r.id), ...lost])];
    for (let i = 0; i < dropped.length; i += INSERT_CHUNK) await this.dropRows(dropped.slice(i, i + INSERT_CHUNK));
    return { replayed, dropped: dropped.length, cutBytes, journalRead: scanned };
  }

  /** Whether a queued report's blob is there: a large upload's file could lose its name in a crash. */
  private present(key: string): boolean {
    // A file-less report (a VM guest's bug check sent without a dump) has no bytes to lose, and
    // journal ranges were checked against the journal's end above.
    if (key === NO_DUMP_KEY || parseJournalKey(key)) return true;
    const local = this.blobs.localFile(key);
    return local === null || existsSync(local.path);
  }
}

function attachmentKeys(json: string): string[] {
  try {
    const list = JSON.parse(json) as { key?: unknown }[];
    return Array.isArray(list) ? list.flatMap((a) => (typeof a?.key === 'string' ? [a.key] : [])) : [];
  } catch {
    return [];
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function pick<T extends object>(row: T, keys: ReadonlySet<string>): Partial<T> {
  return Object.fromEntries(Object.entries(row).filter(([k]) => keys.has(k))) as Partial<T>;
}
