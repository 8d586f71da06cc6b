import type { FastifyReply } from 'fastify';
import { IngestError } from '../ingest/errors.js';

/** The one error body every route sends: `{ statusCode, code, error, message }`, as Fastify's own errors. */
export function sendError(reply: FastifyReply, statusCode: number, code: string, message: string): FastifyReply {
  return reply.code(statusCode).send({ statusCode, code, error: httpReason(statusCode), message });
}

export function sendIngestError(reply: FastifyReply, err: IngestError): FastifyReply {
  // The rest of a refused body is not read: close the connection rather than leave it dangling.
  if (err.statusCode === 413) reply.header('connection', 'close');
  return sendError(reply, err.statusCode, err.code, err.message);
}

function httpReason(status: number): string {
  return { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 413: 'Payload Too Large', 415: 'Unsupported Media Type' }[status] ?? 'Error';
}

export const errorSchema = {
  type: 'object',
  properties: { statusCode: { type: 'integer' }, code: { type: 'string' }, error: { type: 'string' }, message: { type: 'string' } },
  required: ['statusCode', 'message'],
} as const;

export { IngestError };
