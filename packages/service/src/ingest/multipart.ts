import { Busboy } from '@fastify/busboy';
import type { Readable } from 'node:stream';
import { IngestError } from './errors.js';
import type { IngestLimits } from './limits.js';

/** A file part as received: which form field carried it and where its bytes are now. */
export interface ReceivedFile extends StagedBytes {
  field: string;
  filename: string;
}

/**
 * Bytes of an upload before it is committed: small ones held in memory (they go into the intake
 * journal with the report's metadata), large ones already written and synced to a blob `key`.
 */
export interface StagedBytes {
  size: number;
  chunks: Uint8Array[] | null;
  key: string | null;
}

export interface ReceivedForm {
  /** Every non-file part, as a string, whatever (or no) Content-Type it carried. */
  fields: Record<string, string>;
  files: ReceivedFile[];
}

/** Takes one file part in; the caller deletes any blob it wrote when the form is refused. */
export type FileSink = (index: number, field: string, stream: Readable) => Promise<StagedBytes>;

/** The part name Breakpad, Crashpad and Electron give the minidump. */
export const DUMP_FIELD = 'upload_file_minidump';

/**
 * Reads a Breakpad/Crashpad `multipart/form-data` body. A part is a file when it has a filename
 * or its name starts with `upload_file_` (Breakpad's convention for every file it sends);
 * anything else is an annotation, even with `Content-Type: application/octet-stream`.
 */
export function receiveMultipart(body: Readable, contentType: string, limits: IngestLimits, sink: FileSink): Promise<ReceivedForm> {
  return new Promise<ReceivedForm>((resolvePromise, reject) => {
    let settled = false;
    const fields: Record<string, string> = Object.create(null);
    const pending: Promise<ReceivedFile>[] = [];
    const open = new Set<Readable>();
    const fail = (err: unknown): void => {
      if (settled) return;
      settled = true;
      const error = toIngestError(err);
      body.unpipe();
      body.resume(); // drain, so the connection can carry the refusal
      // A cut-off body never ends its open file part: end it, so its sink settles.
      for (const s of open) s.destroy(error);
      // Let every sink settle before reporting, so the caller can delete what they wrote.
      void Promise.allSettled(pending).then(() => reject(error));
    };

    let bb;
    try {
      bb = Busboy({
        headers: { 'content-type': contentType },
        isPartAFile: (name, _type, filename) => filename !== undefined || (name ?? '').startsWith('upload_file_'),
        limits: {
          parts: limits.maxParts,
          files: limits.maxFiles,
          fieldNameSize: limits.maxFieldNameBytes,
          fieldSize: limits.maxFieldValueBytes,
        },
      });
    } catch (err) {
      reject(new IngestError('CULPRIT_ERR_BAD_MULTIPART', 400, `the multipart body cannot be read: ${(err as Error).message}.`));
      return;
    }

    bb.on('field', (name, value, nameTruncated, valueTruncated) => {
      if (nameTruncated) return fail(new IngestError('CULPRIT_ERR_FIELD_NAME_TOO_LONG', 413, `a field name is over ${limits.maxFieldNameBytes} bytes.`));
      if (valueTruncated) return fail(new IngestError('CULPRIT_ERR_FIELD_VALUE_TOO_LONG', 413, `field '${name}' is over ${limits.maxFieldValueBytes} bytes.`));
      fields[name] = value;
    });
    bb.on('file', (name, stream, filename) => {
      if (settled) return stream.resume();
      const index = pending.length;
      open.add(stream);
      stream.once('close', () => open.delete(stream));
      const stored = sink(index, name, stream).then((staged) => ({ field: name, filename: filename ?? '', ...staged }));
      stored.catch(fail);
      pending.push(stored);
    });
    bb.on('partsLimit', () => fail(new IngestError('CULPRIT_ERR_TOO_MANY_PARTS', 413, `the body has more than ${limits.maxParts} parts.`)));
    bb.on('filesLimit', () => fail(new IngestError('CULPRIT_ERR_TOO_MANY_FILES', 413, `the body has more than ${limits.maxFiles} files.`)));
    bb.on('error', fail);
    bb.on('finish', () => {
      Promise.all(pending).then(
        (files) => {
          if (settled) return;
          settled = true;
          resolvePromise({ fields: { ...fields }, files });
        },
        fail,
      );
    });
    body.on('error', fail);
    body.pipe(bb);
  });
}

function toIngestError(err: unknown): IngestError {
  if (err instanceof IngestError) return err;
  return new IngestError('CULPRIT_ERR_BAD_MULTIPART', 400, `the multipart body cannot be read: ${(err as Error)?.message ?? String(err)}.`);
}
