import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../context.js';
import { requireRole } from '../auth/require-role.js';
import { createIngestKey, createToken, ROLES, type Role } from '../auth/tokens.js';

/** `/healthz` (open), `/metrics` (Prometheus text, read role), token and ingest-key creation (admin). */
export async function operationRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  const read = requireRole(ctx.db, 'read');
  const admin = requireRole(ctx.db, 'admin');

  app.get(
    '/healthz',
    { schema: { summary: 'Liveness: the database answers', tags: ['operations'], response: { 200: { type: 'object', properties: { status: { type: 'string' }, queued: { type: 'integer' } } } } } },
    async () => ({ status: 'ok', queued: await ctx.queue.depth() }),
  );

  app.get('/metrics', { onRequest: read, schema: { summary: 'Prometheus metrics', tags: ['operations'], security: [{ bearer: [] }] } }, async (_request, reply) => {
    return reply.type(ctx.metrics.registry.contentType).send(await ctx.metrics.registry.metrics());
  });

  app.post(
    '/api/tokens',
    {
      onRequest: admin,
      schema: {
        summary: 'Create an API token (admin)',
        tags: ['operations'],
        security: [{ bearer: [] }],
        body: { type: 'object', properties: { role: { type: 'string', enum: [...ROLES] }, name: { type: 'string', maxLength: 200 } }, required: ['role', 'name'], additionalProperties: false },
        response: { 201: { type: 'object', properties: { token: { type: 'string' }, role: { type: 'string' } }, required: ['token', 'role'] } },
      },
    },
    async (request, reply) => {
      const { role, name } = request.body as { role: Role; name: string };
      return reply.code(201).send({ token: await createToken(ctx.db, role, name), role });
    },
  );

  app.post(
    '/api/ingest-keys',
    {
      onRequest: admin,
      schema: {
        summary: 'Create an ingest key for one product (admin); required on /submit when the service runs with ingest keys on',
        tags: ['operations'],
        security: [{ bearer: [] }],
        body: { type: 'object', properties: { product: { type: 'string', minLength: 1, maxLength: 200 } }, required: ['product'], additionalProperties: false },
        response: { 201: { type: 'object', properties: { key: { type: 'string' }, product: { type: 'string' } }, required: ['key', 'product'] } },
      },
    },
    async (request, reply) => {
      const { product } = request.body as { product: string };
      return reply.code(201).send({ key: await createIngestKey(ctx.db, product), product });
    },
  );
}
