import type { Insertable } from 'kysely';
import type { ReportsTable } from '../storage/schema.js';
import type { ReceivedFile } from './multipart.js';

/** A report ready to commit: its row but for where its bytes go, which the committer decides. */
export interface IngestDraft {
  row: Omit<Insertable<ReportsTable>, 'dump_key' | 'attachments' | 'journal_segment' | 'journal_offset'>;
  dump: ReceivedFile;
  attachments: ReceivedFile[];
}

/**
 * Makes an accepted report durable — its bytes, its row and its job — and resolves only then: the
 * intake acknowledges on it. The embedded store commits through the intake journal
 * (storage/ingest-commit.ts); a scale-out store (object storage, PostgreSQL, JetStream) implements
 * the same promise its own way.
 */
export interface ReportCommitter {
  commit(draft: IngestDraft): Promise<void>;
}
