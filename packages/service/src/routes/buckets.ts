import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { ServiceContext } from '../context.js';
import type { Database } from '../storage/schema.js';
import { requireRole } from '../auth/require-role.js';
import { errorSchema, sendError } from './errors.js';
import { bucketSchema, countsSchema } from './schemas.js';
import { columnMatchesAny } from '../vendors/module-pattern.js';
import { scopeOf, seesModule } from '../vendors/scope.js';
import { reproducibleCounts } from '../answers/reproducible.js';

const DAY_MS = 86_400_000;
const windowQuery = {
  type: 'object',
  properties: { days: { type: 'integer', minimum: 1, maximum: 3650, default: 7 }, limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
  additionalProperties: false,
} as const;

/**
 * Buckets: top crashers over a window; one bucket with its daily series and breakdowns. A vendor
 * token sees only buckets whose culprit module is the vendor's; any other is "not found".
 */
export async function bucketRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  const read = requireRole(ctx.db, 'read', { vendors: true });

  app.get(
    '/api/buckets',
    {
      onRequest: read,
      schema: {
        summary: 'Top crashers: buckets ranked by reports received in the last `days` days',
        tags: ['buckets'],
        security: [{ bearer: [] }],
        querystring: windowQuery,
        response: { 200: { type: 'object', properties: { buckets: { type: 'array', items: bucketSchema } }, required: ['buckets'] } },
      },
    },
    async (request) => {
      const { days, limit } = request.query as { days: number; limit: number };
      const since = Date.now() - days * DAY_MS;
      const scope = await scopeOf(ctx.db, request);
      let sel = ctx.db
        .selectFrom('reports')
        .innerJoin('buckets', 'buckets.id', 'reports.bucket_id')
        .select((eb) => [
          'buckets.id',
          'buckets.signature',
          'buckets.kind',
          'buckets.first_seen',
          'buckets.last_seen',
          'buckets.report_count',
          'buckets.culprit_name',
          'buckets.culprit_version',
          eb.fn.countAll<number>().as('window_reports'),
          eb.fn.count<number>('reports.guid').distinct().as('installs'),
        ])
        .where('reports.received_at', '>=', since);
      if (scope.kind === 'vendor') sel = sel.where(columnMatchesAny('buckets.culprit_name', scope.vendor.modules));
      const rows = await sel
        .groupBy(['buckets.id', 'buckets.signature', 'buckets.kind', 'buckets.first_seen', 'buckets.last_seen', 'buckets.report_count', 'buckets.culprit_name', 'buckets.culprit_version'])
        .orderBy('window_reports', 'desc')
        .limit(limit)
        .execute();
      const reproducible = await reproducibleCounts(ctx.db, rows.map((b) => b.id));
      return {
        buckets: rows.map((b) => ({
          id: b.id,
          signature: b.signature,
          kind: b.kind,
          firstSeen: new Date(Number(b.first_seen)).toISOString(),
          lastSeen: new Date(Number(b.last_seen)).toISOString(),
          reports: Number(b.report_count),
          windowReports: Number(b.window_reports),
          installs: Number(b.installs),
          culprit: b.culprit_name ? { name: b.culprit_name, version: b.culprit_version } : null,
          reproducible: reproducible.get(b.id) ?? { installs: 0, reports: 0 },
        })),
      };
    },
  );

  app.get(
    '/api/buckets/:id',
    {
      onRequest: read,
      schema: {
        summary: 'One bucket: daily counts and breakdowns by product, version, OS version and platform',
        tags: ['buckets'],
        security: [{ bearer: [] }],
        params: { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] },
        querystring: { type: 'object', properties: { days: { type: 'integer', minimum: 1, maximum: 3650, default: 30 } }, additionalProperties: false },
        response: {
          200: {
            type: 'object',
            properties: {
              bucket: bucketSchema,
              series: { type: 'array', items: { type: 'object', properties: { day: { type: 'string' }, count: { type: 'integer' } }, required: ['day', 'count'] } },
              products: countsSchema,
              versions: countsSchema,
              osVersions: countsSchema,
              platforms: countsSchema,
            },
            required: ['bucket', 'series', 'products', 'versions', 'osVersions', 'platforms'],
          },
          404: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      const { days } = request.query as { days: number };
      const b = await ctx.db.selectFrom('buckets').selectAll().where('id', '=', id).executeTakeFirst();
      if (!b || !seesModule(await scopeOf(ctx.db, request), b.culprit_name)) return sendError(reply, 404, 'CULPRIT_ERR_NOT_FOUND', `no bucket ${id}.`);
      const since = Date.now() - days * DAY_MS;
      const inWindow = ctx.db.selectFrom('reports').where('bucket_id', '=', id).where('received_at', '>=', since);
      const totals = await inWindow.select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('guid').distinct().as('installs')]).executeTakeFirstOrThrow();
      const series = await inWindow.select((eb) => ['received_day', eb.fn.countAll<number>().as('n')]).groupBy('received_day').orderBy('received_day').execute();
      return {
        bucket: {
          id: b.id,
          signature: b.signature,
          kind: b.kind,
          firstSeen: new Date(Number(b.first_seen)).toISOString(),
          lastSeen: new Date(Number(b.last_seen)).toISOString(),
          reports: Number(b.report_count),
          windowReports: Number(totals.n),
          installs: Number(totals.installs),
          culprit: b.culprit_name ? { name: b.culprit_name, version: b.culprit_version } : null,
          reproducible: (await reproducibleCounts(ctx.db, [id])).get(id) ?? { installs: 0, reports: 0 },
        },
        series: series.map((s) => ({ day: s.received_day, count: Number(s.n) })),
        products: await breakdown(ctx.db, id, since, 'product'),
        versions: await breakdown(ctx.db, id, since, 'version'),
        osVersions: await breakdown(ctx.db, id, since, 'os_version'),
        platforms: await breakdown(ctx.db, id, since, 'platform'),
      };
    },
  );
}

/** Reports of a bucket in the window, counted by one column, most frequent first (top 20). */
async function breakdown(db: Kysely<Database>, bucketId: number, since: number, column: 'product' | 'version' | 'os_version' | 'platform') {
  const rows = await db
    .selectFrom('reports')
    .select((eb) => [eb.ref(column).as('value'), eb.fn.countAll<number>().as('n')])
    .where('bucket_id', '=', bucketId)
    .where('received_at', '>=', since)
    .groupBy(column)
    .orderBy('n', 'desc')
    .limit(20)
    .execute();
  return rows.map((r) => ({ value: r.value as string | null, count: Number(r.n) }));
}
