import { createReadStream, promises as fsp } from 'node:fs';
import { Readable } from 'node:stream';
import type { BlobStore, LocalFile } from './blob-store.js';
import type { FileBlobStore } from './file-blob-store.js';
import type { IntakeJournal } from './intake-journal.js';
import { parseJournalKey } from './journal-key.js';

/**
 * The service's blob store: uploads taken in through the intake journal are ranges of its
 * segments (journal-key.ts); everything else (large uploads, results, temporary files) is a file.
 * Journal ranges are read-only; deleting one erases its whole record.
 */
export class IntakeBlobStore implements BlobStore {
  constructor(
    private readonly files: FileBlobStore,
    readonly journal: IntakeJournal,
  ) {}

  write(key: string, data: Readable | Uint8Array): Promise<number> {
    if (parseJournalKey(key)) return Promise.reject(new Error(`journal ranges are written by the intake only: ${key}`));
    return this.files.write(key, data);
  }

  syncNames(keys: readonly string[]): Promise<void> {
    return this.files.syncNames(keys.filter((k) => !parseJournalKey(k)));
  }

  async read(key: string): Promise<Buffer> {
    const r = parseJournalKey(key);
    if (!r) return this.files.read(key);
    const fh = await fsp.open(this.journal.pathOf(r.segment), 'r');
    try {
      const out = Buffer.alloc(r.length);
      let done = 0;
      while (done < r.length) {
        const { bytesRead } = await fh.read(out, done, r.length - done, r.start + done);
        if (bytesRead === 0) throw new Error(`journal segment ${r.segment} ends before ${key}`);
        done += bytesRead;
      }
      return out;
    } finally {
      await fh.close();
    }
  }

  openRead(key: string): Readable {
    const r = parseJournalKey(key);
    if (!r) return this.files.openRead(key);
    if (r.length === 0) return Readable.from([]);
    return createReadStream(this.journal.pathOf(r.segment), { start: r.start, end: r.start + r.length - 1 });
  }

  localFile(key: string): LocalFile | null {
    const r = parseJournalKey(key);
    if (!r) return this.files.localFile(key);
    return { path: this.journal.pathOf(r.segment), window: { offset: r.start, length: r.length } };
  }

  delete(key: string): Promise<void> {
    const r = parseJournalKey(key);
    return r ? this.journal.erase(r.segment, r.record) : this.files.delete(key);
  }

  list(prefix: string): Promise<string[]> {
    return this.files.list(prefix);
  }
}
