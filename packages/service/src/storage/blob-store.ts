import type { Readable } from 'node:stream';

/**
 * Where report bytes live: dumps, attachments, processed results, uploaded symbols. Keys are
 * '/'-separated relative paths. The embedded store is a folder (file-blob-store.ts); an object
 * store (S3) for scale-out implements the same interface.
 */
export interface BlobStore {
  /** Streams `data` into `key`; resolves with its size once the bytes are synced to disk. */
  write(key: string, data: Readable | Uint8Array): Promise<number>;
  /**
   * Makes the names of keys written since their `write` durable (a new file's folder entry is
   * only on disk once its folder is synced). Called once per group commit, not per key.
   */
  syncNames(keys: readonly string[]): Promise<void>;
  read(key: string): Promise<Buffer>;
  openRead(key: string): Readable;
  /** Where a blob is on the local disk, for workers to read lazily; null for remote stores. */
  localFile(key: string): LocalFile | null;
  delete(key: string): Promise<void>;
  /** Every key under a prefix (tests; a sweep of files never acknowledged will use it). */
  list(prefix: string): Promise<string[]>;
}

/** A blob on the local disk: a whole file, or a window of one (a dump inside the intake journal). */
export interface LocalFile {
  path: string;
  window?: { offset: number; length: number };
}
