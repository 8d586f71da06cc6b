import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../context.js';
import { requireRole } from '../auth/require-role.js';
import { scopeOf } from '../vendors/scope.js';
import { getVendor } from '../vendors/vendor-store.js';
import { WEBHOOK_EVENTS } from '../webhooks/dispatcher.js';
import { registrationHostRefusal } from '../webhooks/url-host.js';
import { errorSchema, sendError } from './errors.js';

const webhookSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    url: { type: 'string' },
    events: { type: 'array', items: { type: 'string' } },
    vendorId: { type: 'integer' },
    createdAt: { type: 'string', format: 'date-time' },
    deliveries: { type: 'array', items: { type: 'object', properties: { event: { type: 'string' }, statusCode: { type: ['integer', 'null'] }, error: { type: ['string', 'null'] }, attempts: { type: 'integer' }, at: { type: 'string' } } } },
  },
  required: ['id', 'url', 'events', 'createdAt'],
} as const;

/** Webhooks (admin; a vendor token registers its own, scoped to its modules). */
export async function webhookRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  const admin = requireRole(ctx.db, 'admin', { vendors: true });

  app.post(
    '/api/webhooks',
    {
      onRequest: admin,
      schema: {
        summary: 'Register a webhook (Slack-compatible JSON POST): new bucket, spike, solution published, solution contradicted',
        tags: ['webhooks'],
        security: [{ bearer: [] }],
        body: {
          type: 'object',
          properties: {
            url: { type: 'string', minLength: 1, maxLength: 2000 },
            events: { type: 'array', items: { type: 'string', enum: [...WEBHOOK_EVENTS] }, minItems: 1, uniqueItems: true },
            vendorId: { type: 'integer' },
          },
          required: ['url', 'events'],
          additionalProperties: false,
        },
        response: { 201: webhookSchema, 400: errorSchema, 403: errorSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const scope = await scopeOf(ctx.db, request);
      const body = request.body as { url: string; events: string[]; vendorId?: number };
      if (!isHttpUrl(body.url)) return sendError(reply, 400, 'CULPRIT_ERR_BAD_URL', `'${body.url}' is not an http(s) URL.`);
      let vendorId = body.vendorId ?? null;
      if (scope.kind === 'vendor') {
        if (vendorId !== null && vendorId !== scope.vendor.id) return sendError(reply, 403, 'CULPRIT_ERR_FORBIDDEN', 'a vendor token registers webhooks for its own vendor only.');
        vendorId = scope.vendor.id;
      } else if (vendorId !== null && !(await getVendor(ctx.db, vendorId))) {
        return sendError(reply, 404, 'CULPRIT_ERR_NOT_FOUND', `no vendor ${vendorId}.`);
      }
      // Vendors are outside parties: their webhooks must not reach the service's own network. The
      // literal cases are refused here; a name is checked on the connection at each delivery.
      const registeredBy = scope.kind === 'vendor' ? 'vendor' : 'admin';
      const refusal = registeredBy === 'vendor' || ctx.config.webhooksPublicOnly ? registrationHostRefusal(new URL(body.url)) : null;
      if (refusal !== null) {
        const rule = registeredBy === 'vendor' ? 'webhooks registered by a vendor may reach public addresses only' : 'this service lets webhooks reach public addresses only (CULPRIT_WEBHOOKS_PUBLIC_ONLY=1)';
        return sendError(reply, 400, 'CULPRIT_ERR_WEBHOOK_NOT_PUBLIC', `'${body.url}' points at ${refusal}; ${rule}. Give the receiver's public host name or address.`);
      }
      const now = Date.now();
      const row = await ctx.db
        .insertInto('webhooks')
        .values({ url: body.url, events: JSON.stringify(body.events), vendor_id: vendorId, author: request.principal!.name, registered_by: registeredBy, created_at: now })
        .returningAll()
        .executeTakeFirstOrThrow();
      return reply.code(201).send({ id: row.id, url: row.url, events: body.events, ...(vendorId !== null && { vendorId }), createdAt: new Date(now).toISOString() });
    },
  );

  app.get(
    '/api/webhooks',
    {
      onRequest: admin,
      schema: { summary: 'Registered webhooks with their last deliveries (a vendor token: its own)', tags: ['webhooks'], security: [{ bearer: [] }], response: { 200: { type: 'object', properties: { webhooks: { type: 'array', items: webhookSchema } } } } },
    },
    async (request) => {
      const scope = await scopeOf(ctx.db, request);
      let q = ctx.db.selectFrom('webhooks').selectAll().orderBy('id');
      if (scope.kind === 'vendor') q = q.where('vendor_id', '=', scope.vendor.id);
      const hooks = await q.execute();
      const out = [];
      for (const h of hooks) {
        const deliveries = await ctx.db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', h.id).orderBy('id', 'desc').limit(20).execute();
        out.push({
          id: h.id,
          url: h.url,
          events: JSON.parse(h.events) as string[],
          ...(h.vendor_id !== null && { vendorId: h.vendor_id }),
          createdAt: new Date(Number(h.created_at)).toISOString(),
          deliveries: deliveries.map((d) => ({ event: d.event, statusCode: d.status_code, error: d.error, attempts: d.attempts, at: new Date(Number(d.at)).toISOString() })),
        });
      }
      return { webhooks: out };
    },
  );
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}
