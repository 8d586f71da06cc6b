/**
 * Every refusal at the door, with a stable code and its HTTP status (as Fastify's FST_ERR_* do).
 * The message is one sentence a client developer can act on.
 */
export class IngestError extends Error {
  constructor(
    readonly code: IngestErrorCode,
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'IngestError';
  }
}

export type IngestErrorCode =
  | 'CULPRIT_ERR_BODY_TOO_LARGE'
  | 'CULPRIT_ERR_DECOMPRESSED_TOO_LARGE'
  | 'CULPRIT_ERR_TOO_MANY_PARTS'
  | 'CULPRIT_ERR_TOO_MANY_FILES'
  | 'CULPRIT_ERR_FIELD_NAME_TOO_LONG'
  | 'CULPRIT_ERR_FIELD_VALUE_TOO_LONG'
  | 'CULPRIT_ERR_BAD_MULTIPART'
  | 'CULPRIT_ERR_BAD_GZIP'
  | 'CULPRIT_ERR_UNSUPPORTED_ENCODING'
  | 'CULPRIT_ERR_NO_DUMP'
  | 'CULPRIT_ERR_EMPTY_DUMP'
  | 'CULPRIT_ERR_BAD_BUGCHECK'
  | 'CULPRIT_ERR_INGEST_KEY';
