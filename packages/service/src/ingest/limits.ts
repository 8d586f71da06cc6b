/** Limits that protect the intake; each refusal names the limit it hit (see ingest/errors.ts). */
export interface IngestLimits {
  /** Bytes on the wire, before any Content-Encoding is undone. */
  maxBodyBytes: number;
  /** Bytes after gunzip: a small gzip body can expand a thousandfold (gzip bomb). */
  maxDecompressedBytes: number;
  /** Multipart parts, fields and files together. */
  maxParts: number;
  /** File parts (the dump plus attachments). */
  maxFiles: number;
  maxFieldNameBytes: number;
  maxFieldValueBytes: number;
}

export const DEFAULT_INGEST_LIMITS: IngestLimits = {
  maxBodyBytes: 256 * 1024 * 1024,
  maxDecompressedBytes: 1024 * 1024 * 1024,
  maxParts: 1000,
  maxFiles: 32,
  maxFieldNameBytes: 256,
  maxFieldValueBytes: 64 * 1024,
};
