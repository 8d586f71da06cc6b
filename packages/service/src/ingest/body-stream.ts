import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { IngestError } from './errors.js';
import type { IngestLimits } from './limits.js';

/**
 * The request body as the parser should see it: wire bytes counted against `maxBodyBytes`, then
 * gunzipped when `Content-Encoding: gzip` (Electron compresses uploads by default) and counted
 * again against `maxDecompressedBytes`, so a gzip bomb stops at the limit, not at memory's end.
 */
export function decodedBody(raw: Readable, headers: Record<string, string | string[] | undefined>, limits: IngestLimits): Readable {
  const declared = Number(headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.maxBodyBytes) {
    throw bodyTooLarge(limits);
  }
  const encoding = String(headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  const wire = raw.pipe(byteLimit(limits.maxBodyBytes, () => bodyTooLarge(limits)));
  raw.on('error', (err) => wire.destroy(err));
  if (encoding === 'identity' || encoding === '') return wire;
  if (encoding !== 'gzip' && encoding !== 'x-gzip') {
    throw new IngestError('CULPRIT_ERR_UNSUPPORTED_ENCODING', 415, `Content-Encoding '${encoding}' is not supported; send gzip or no encoding.`);
  }
  const gunzip = createGunzip();
  const plain = gunzip.pipe(
    byteLimit(limits.maxDecompressedBytes, () =>
      new IngestError('CULPRIT_ERR_DECOMPRESSED_TOO_LARGE', 413, `the body expands past ${limits.maxDecompressedBytes} bytes when decompressed.`),
    ),
  );
  wire.on('error', (err) => plain.destroy(err));
  gunzip.on('error', (err) =>
    plain.destroy(err instanceof IngestError ? err : new IngestError('CULPRIT_ERR_BAD_GZIP', 400, `the gzip body is damaged: ${err.message}.`)),
  );
  wire.pipe(gunzip);
  return plain;
}

function bodyTooLarge(limits: IngestLimits): IngestError {
  return new IngestError('CULPRIT_ERR_BODY_TOO_LARGE', 413, `the body is over the ${limits.maxBodyBytes}-byte limit.`);
}

/** Passes bytes through until `max`, then fails with `error()`. */
function byteLimit(max: number, error: () => Error): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback) {
      seen += chunk.length;
      if (seen > max) cb(error());
      else cb(null, chunk);
    },
  });
}
