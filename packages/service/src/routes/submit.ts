import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServiceContext } from '../context.js';
import { productOfIngestKey } from '../auth/tokens.js';
import { IngestError } from '../ingest/errors.js';
import { errorSchema, sendError, sendIngestError } from './errors.js';

/**
 * `POST /submit`: the Breakpad/Crashpad/Electron upload (multipart/form-data, optionally gzip)
 * or a raw body (any other content type; annotations from the query string). The reply is the
 * report id as plain text, which those clients record as the report's id (answers: routes/answers.ts).
 */
export async function submitRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  // The body is streamed by the intake, not parsed by Fastify: every content type passes through.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_req, _payload, done) => done(null));

  app.post(
    '/submit',
    {
      schema: {
        summary: 'Submit a crash report (Breakpad/Crashpad/Electron multipart, or a raw dump or kernel log body)',
        tags: ['ingest'],
        querystring: { type: 'object', additionalProperties: { type: 'string' } },
        response: { 200: { type: 'string', description: 'the report id' }, '4xx': errorSchema },
      },
    },
    async (request, reply) => {
      let keyProduct: string | null = null;
      if (ctx.config.requireIngestKeys) {
        const key = ingestKeyOf(request);
        keyProduct = key ? await productOfIngestKey(ctx.db, key) : null;
        if (!keyProduct) {
          request.raw.resume();
          ctx.metrics.refusedUpload('CULPRIT_ERR_INGEST_KEY');
          reply.header('connection', 'close');
          return sendError(reply, 401, 'CULPRIT_ERR_INGEST_KEY', 'this service needs an ingest key: send X-Culprit-Ingest-Key or ?key=.');
        }
      }
      try {
        const accepted = await ctx.intake.receive({
          body: request.raw,
          headers: request.headers,
          query: request.query as Record<string, string>,
          authorize: (product) => {
            if (keyProduct !== null && product !== keyProduct) {
              throw new IngestError('CULPRIT_ERR_INGEST_KEY', 403, `this ingest key is for '${keyProduct}', not '${product ?? '(no product)'}'.`);
            }
          },
        });
        ctx.metrics.uploaded('submit', accepted.bytes);
        return reply.type('text/plain; charset=utf-8').send(accepted.id);
      } catch (err) {
        if (err instanceof IngestError) {
          request.raw.resume();
          ctx.metrics.refusedUpload(err.code);
          return sendIngestError(reply, err);
        }
        throw err;
      }
    },
  );
}

function ingestKeyOf(request: FastifyRequest): string | undefined {
  const header = request.headers['x-culprit-ingest-key'];
  if (typeof header === 'string' && header) return header;
  const q = (request.query as Record<string, unknown>).key;
  return typeof q === 'string' && q ? q : undefined;
}
