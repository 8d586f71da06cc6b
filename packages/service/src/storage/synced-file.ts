import { close, fsync, open, writev } from 'node:fs';
import type { Readable } from 'node:stream';

/**
 * A blob up to this size is gathered in memory before it touches the disk. 1 MiB covers most
 * minidumps (Crashpad's are typically 50-500 KB) while bounding memory per upload in flight.
 */
export const SMALL_BLOB_BYTES = 1024 * 1024;

export interface Head {
  chunks: Uint8Array[];
  size: number;
  /** True when the stream ended within the limit: `chunks` is the whole blob. */
  ended: boolean;
}

/**
 * Reads `stream` until it ends or holds more than `max` bytes; in the second case the stream is
 * left paused after the chunks returned, for the caller to pipe on. A stream destroyed before its
 * end (a refused or cut-off upload) rejects.
 */
export function bufferUpTo(stream: Readable, max: number): Promise<Head> {
  return new Promise<Head>((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const done = (): void => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      stream.off('close', onClose);
    };
    const onData = (chunk: Uint8Array): void => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > max) {
        stream.pause();
        done();
        resolve({ chunks, size, ended: false });
      }
    };
    const onEnd = (): void => {
      done();
      resolve({ chunks, size, ended: true });
    };
    const onError = (err: Error): void => {
      done();
      reject(err);
    };
    const onClose = (): void => {
      done();
      reject(new Error('the stream closed before its end'));
    };
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', onError);
    stream.once('close', onClose);
  });
}

/**
 * Creates (or replaces) `path` with `chunks` and fsyncs it before resolving: one open, writev,
 * fsync and close on the thread pool, with the callback API (no FileHandle, no promise per step).
 * The folder entry is made durable separately (FileBlobStore.syncNames, once per group commit).
 */
export function writeSynced(path: string, chunks: readonly Uint8Array[], size: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    open(path, 'w', 0o644, (err, fd) => {
      if (err) return reject(err);
      const fail = (e: Error): void => close(fd, () => reject(e));
      let written = 0;
      const writeRest = (): void => {
        const rest = written === 0 ? chunks : remaining(chunks, written);
        writev(fd, rest as NodeJS.ArrayBufferView[], (e, n) => {
          if (e) return fail(e);
          written += n;
          if (written < size) return writeRest(); // a short write: go on from where it stopped
          fsync(fd, (e2) => {
            if (e2) return fail(e2);
            close(fd, (e3) => (e3 ? reject(e3) : resolve()));
          });
        });
      };
      if (size === 0) {
        fsync(fd, (e2) => (e2 ? fail(e2) : close(fd, (e3) => (e3 ? reject(e3) : resolve()))));
      } else writeRest();
    });
  });
}

/** The part of `chunks` after the first `skip` bytes (what is left to write after a short write). */
export function remaining(chunks: readonly Uint8Array[], skip: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const c of chunks) {
    if (skip >= c.length) skip -= c.length;
    else {
      out.push(skip > 0 ? c.subarray(skip) : c);
      skip = 0;
    }
  }
  return out;
}
