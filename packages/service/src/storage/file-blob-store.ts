import { createReadStream, createWriteStream, promises as fsp } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { BlobStore, LocalFile } from './blob-store.js';
import { bufferUpTo, SMALL_BLOB_BYTES, writeSynced } from './synced-file.js';

/** Blobs as plain files under one folder: `write` syncs the file, `syncNames` syncs its folder. */
export class FileBlobStore implements BlobStore {
  readonly root: string;
  private readonly madeDirs = new Set<string>();

  constructor(root: string) {
    this.root = resolve(root);
  }

  private pathOf(key: string): string {
    const full = resolve(this.root, ...key.split('/'));
    if (!full.startsWith(this.root + sep)) throw new Error(`blob key leaves the store: ${key}`);
    return full;
  }

  private async ensureDir(dir: string): Promise<void> {
    if (this.madeDirs.has(dir)) return;
    await fsp.mkdir(dir, { recursive: true });
    this.madeDirs.add(dir);
  }

  async write(key: string, data: Readable | Uint8Array): Promise<number> {
    const path = this.pathOf(key);
    await this.ensureDir(dirname(path));
    // Most dumps are small: held in memory, they go to disk as one open, writev, fsync, close
    // (what a bare write-and-sync server does), without a write stream's per-chunk round trips.
    const head = data instanceof Uint8Array ? { chunks: [data], size: data.length, ended: true } : await bufferUpTo(data, SMALL_BLOB_BYTES);
    if (head.ended) {
      await writeSynced(path, head.chunks, head.size);
      return head.size;
    }
    // A large one streams on; flush: fsync before close (Node >= 20.10), so the bytes are on disk when this resolves.
    const out = createWriteStream(path, { flush: true });
    for (const c of head.chunks) out.write(c);
    await pipeline(data as Readable, out);
    return out.bytesWritten;
  }

  async syncNames(keys: readonly string[]): Promise<void> {
    const dirs = new Set(keys.map((k) => dirname(this.pathOf(k))));
    await Promise.all([...dirs].map((d) => syncDir(d)));
  }

  read(key: string): Promise<Buffer> {
    return fsp.readFile(this.pathOf(key));
  }

  openRead(key: string): Readable {
    return createReadStream(this.pathOf(key));
  }

  localFile(key: string): LocalFile {
    return { path: this.pathOf(key) };
  }

  async delete(key: string): Promise<void> {
    await fsp.rm(this.pathOf(key), { force: true });
  }

  async list(prefix: string): Promise<string[]> {
    const base = this.pathOf(prefix);
    const out: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      let entries;
      try {
        entries = await fsp.readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const p = join(dir, e.name);
        if (e.isDirectory()) await walk(p);
        else out.push(relative(this.root, p).split(sep).join('/'));
      }
    };
    await walk(base);
    return out;
  }
}

async function syncDir(dir: string): Promise<void> {
  const fh = await fsp.open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
