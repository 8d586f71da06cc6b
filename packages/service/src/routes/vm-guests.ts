import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../context.js';
import { requireRole } from '../auth/require-role.js';
import { errorSchema, sendError } from './errors.js';
import { dailySchema, nullableString } from './schemas.js';
import { BUCKETS_PER_GUEST, guestHistory, listGuests } from '../vm-guests/guest-queries.js';

const DAY_MS = 86_400_000;
const nullableInt = { type: ['integer', 'null'] } as const;

const guestSchema = {
  type: 'object',
  properties: {
    key: { type: 'string', description: 'the SMBIOS UUID of the guest, else name@host' },
    name: nullableString,
    uuid: nullableString,
    qmp: nullableString,
    host: nullableString,
    guestOs: nullableString,
    crashes: { type: 'integer', description: 'reports received in the window' },
    firstCrash: { type: 'string', format: 'date-time' },
    lastCrash: { type: 'string', format: 'date-time' },
    lastChannel: nullableString,
    buckets: {
      type: 'array',
      description: `the guest's buckets in the window, most reports first (at most ${BUCKETS_PER_GUEST})`,
      items: { type: 'object', properties: { id: { type: 'integer' }, signature: { type: 'string' }, count: { type: 'integer' } }, required: ['id', 'signature', 'count'] },
    },
  },
  required: ['key', 'crashes', 'firstCrash', 'lastCrash', 'buckets'],
} as const;

const crashSchema = {
  type: 'object',
  properties: {
    reportId: { type: 'string' },
    receivedAt: { type: 'string', format: 'date-time' },
    status: { type: 'string' },
    channel: nullableString,
    detectedAt: nullableString,
    hostKeptRunning: { type: 'boolean' },
    crashReason: nullableString,
    signature: nullableString,
    bucketId: nullableInt,
    culprit: nullableString,
  },
  required: ['reportId', 'receivedAt', 'status', 'hostKeptRunning'],
} as const;

const windowProperties = {
  days: { type: 'integer', minimum: 1, maximum: 3650, default: 30 },
  limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
} as const;

/** VM guests that crashed (reports sent by `culprit vm watch`), grouped by guest, with their buckets and history. */
export async function vmGuestRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  const read = requireRole(ctx.db, 'read');

  app.get(
    '/api/vm-guests',
    {
      onRequest: read,
      schema: {
        summary: 'VM guests with crashes in the last `days` days (latest first): crash counts, last crash and buckets',
        tags: ['vm-guests'],
        security: [{ bearer: [] }],
        querystring: { type: 'object', properties: windowProperties, additionalProperties: false },
        response: { 200: { type: 'object', properties: { guests: { type: 'array', items: guestSchema } }, required: ['guests'] } },
      },
    },
    async (request) => {
      const { days, limit } = request.query as { days: number; limit: number };
      return { guests: await listGuests(ctx.db, Date.now() - days * DAY_MS, limit) };
    },
  );

  app.get(
    '/api/vm-guests/:key',
    {
      onRequest: read,
      schema: {
        summary: "One guest's crashes over time: newest first, and per UTC day",
        tags: ['vm-guests'],
        security: [{ bearer: [] }],
        params: { type: 'object', properties: { key: { type: 'string', minLength: 1, maxLength: 300 } }, required: ['key'] },
        querystring: { type: 'object', properties: windowProperties, additionalProperties: false },
        response: {
          200: { type: 'object', properties: { guest: guestSchema, crashes: { type: 'array', items: crashSchema }, series: dailySchema }, required: ['guest', 'crashes', 'series'] },
          404: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const { key } = request.params as { key: string };
      const { days, limit } = request.query as { days: number; limit: number };
      const since = Date.now() - days * DAY_MS;
      const [guest] = await listGuests(ctx.db, since, 1, key);
      if (!guest) return sendError(reply, 404, 'CULPRIT_ERR_NOT_FOUND', `no crash of VM guest '${key}' in the last ${days} days.`);
      return { guest, ...(await guestHistory(ctx.db, key, since, limit)) };
    },
  );
}
