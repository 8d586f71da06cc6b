import type { FastifyInstance } from 'fastify';
import type { Kysely, Selectable } from 'kysely';
import type { ServiceContext } from '../context.js';
import type { BucketsTable, Database } from '../storage/schema.js';
import { requireRole } from '../auth/require-role.js';
import { errorSchema, sendError } from './errors.js';
import { bucketSchema, countsSchema, dailySchema, nullableString } from './schemas.js';
import { crasherCondition, crasherFilterProperties, type CrasherFilter } from '../buckets/crasher-filter.js';
import { versionSeries, VERSION_LINES } from '../buckets/version-series.js';
import { columnMatchesAny } from '../vendors/module-pattern.js';
import { scopeOf, seesModule } from '../vendors/scope.js';
import { reproducibleCounts } from '../answers/reproducible.js';

const DAY_MS = 86_400_000;
/** Values offered per filter drop-down (most reports first). */
const FACET_LIMIT = 50;
const windowProperties = {
  days: { type: 'integer', minimum: 1, maximum: 3650, default: 7 },
  limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
} as const;

const facetsSchema = {
  type: 'object',
  description: 'values seen in the window (before filtering), for filter choices',
  properties: { products: countsSchema, versions: countsSchema, osNames: countsSchema },
  required: ['products', 'versions', 'osNames'],
} as const;

type BucketRow = Pick<Selectable<BucketsTable>, 'id' | 'signature' | 'kind' | 'first_seen' | 'last_seen' | 'report_count' | 'culprit_name' | 'culprit_version' | 'culprit_third_party'>;

function bucketView(b: BucketRow, windowReports: number, installs: number, reproducible: { installs: number; reports: number } | undefined) {
  const culprit = b.culprit_name ? { name: b.culprit_name, version: b.culprit_version, ...(b.culprit_third_party !== null ? { thirdParty: Number(b.culprit_third_party) === 1 } : {}) } : null;
  return {
    id: b.id,
    signature: b.signature,
    kind: b.kind,
    firstSeen: new Date(Number(b.first_seen)).toISOString(),
    lastSeen: new Date(Number(b.last_seen)).toISOString(),
    reports: Number(b.report_count),
    windowReports,
    installs,
    culprit,
    reproducible: reproducible ?? { installs: 0, reports: 0 },
  };
}

const BUCKET_COLUMNS = ['buckets.id', 'buckets.signature', 'buckets.kind', 'buckets.first_seen', 'buckets.last_seen', 'buckets.report_count', 'buckets.culprit_name', 'buckets.culprit_version', 'buckets.culprit_third_party'] as const;

/**
 * Buckets: top crashers over a window, filtered by product, version, OS, kind and culprit; one
 * bucket with its daily series, per-version series and breakdowns. A vendor token sees only
 * buckets whose culprit module is the vendor's; any other is "not found".
 */
export async function bucketRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  const read = requireRole(ctx.db, 'read', { vendors: true });

  app.get(
    '/api/buckets',
    {
      onRequest: read,
      schema: {
        summary: 'Top crashers: buckets ranked by reports received in the last `days` days, with the window totals',
        tags: ['buckets'],
        security: [{ bearer: [] }],
        querystring: { type: 'object', properties: { ...windowProperties, ...crasherFilterProperties }, additionalProperties: false },
        response: {
          200: {
            type: 'object',
            properties: {
              buckets: { type: 'array', items: bucketSchema },
              totals: {
                type: 'object',
                description: 'every matching report of the window (all buckets, not only those listed): reports and distinct installs (guid)',
                properties: { reports: { type: 'integer' }, installs: { type: 'integer' } },
                required: ['reports', 'installs'],
              },
              facets: facetsSchema,
            },
            required: ['buckets', 'totals', 'facets'],
          },
        },
      },
    },
    async (request) => {
      const { days, limit, ...filter } = request.query as { days: number; limit: number } & CrasherFilter;
      const since = Date.now() - days * DAY_MS;
      const scope = await scopeOf(ctx.db, request);
      const windowed = () => {
        const q = ctx.db.selectFrom('reports').innerJoin('buckets', 'buckets.id', 'reports.bucket_id').where('reports.received_at', '>=', since);
        return scope.kind === 'vendor' ? q.where(columnMatchesAny('buckets.culprit_name', scope.vendor.modules)) : q;
      };
      const matching = () => windowed().where((eb) => crasherCondition(eb, filter));
      const rows = await matching()
        .select((eb) => [...BUCKET_COLUMNS, eb.fn.countAll<number>().as('window_reports'), eb.fn.count<number>('reports.guid').distinct().as('installs')])
        .groupBy([...BUCKET_COLUMNS])
        .orderBy('window_reports', 'desc')
        .orderBy('buckets.id')
        .limit(limit)
        .execute();
      const totals = await matching()
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('reports.guid').distinct().as('installs')])
        .executeTakeFirstOrThrow();
      const facet = async (column: 'reports.product' | 'reports.version' | 'reports.os_name') => {
        const r = await windowed()
          .select((eb) => [eb.ref(column).as('value'), eb.fn.countAll<number>().as('n')])
          .where(column, 'is not', null)
          .groupBy(column)
          .orderBy('n', 'desc')
          .limit(FACET_LIMIT)
          .execute();
        return r.map((x) => ({ value: x.value as string | null, count: Number(x.n) }));
      };
      const reproducible = await reproducibleCounts(ctx.db, rows.map((b) => b.id));
      return {
        buckets: rows.map((b) => bucketView(b, Number(b.window_reports), Number(b.installs), reproducible.get(b.id))),
        totals: { reports: Number(totals.n), installs: Number(totals.installs) },
        facets: { products: await facet('reports.product'), versions: await facet('reports.version'), osNames: await facet('reports.os_name') },
      };
    },
  );

  app.get(
    '/api/buckets/:id',
    {
      onRequest: read,
      schema: {
        summary: 'One bucket: daily counts, daily counts per version, and breakdowns by product, version, OS, OS version, CPU architecture and the platform the client reported',
        tags: ['buckets'],
        security: [{ bearer: [] }],
        params: { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] },
        querystring: { type: 'object', properties: { days: { type: 'integer', minimum: 1, maximum: 3650, default: 30 } }, additionalProperties: false },
        response: {
          200: {
            type: 'object',
            properties: {
              bucket: bucketSchema,
              series: dailySchema,
              versionSeries: {
                type: 'array',
                description: `reports per UTC day for each of the ${VERSION_LINES} most frequent versions in the window (version null: none sent); the rest summed in one line with other: true`,
                items: { type: 'object', properties: { version: nullableString, other: { type: 'boolean' }, points: dailySchema }, required: ['version', 'points'] },
              },
              products: countsSchema,
              versions: countsSchema,
              osVersions: countsSchema,
              platforms: countsSchema,
              osNames: countsSchema,
              cpuArchs: countsSchema,
            },
            required: ['bucket', 'series', 'versionSeries', 'products', 'versions', 'osVersions', 'platforms', 'osNames', 'cpuArchs'],
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
        bucket: bucketView(b, Number(totals.n), Number(totals.installs), (await reproducibleCounts(ctx.db, [id])).get(id)),
        series: series.map((s) => ({ day: s.received_day, count: Number(s.n) })),
        versionSeries: await versionSeries(ctx.db, id, since),
        products: await breakdown(ctx.db, id, since, 'product'),
        versions: await breakdown(ctx.db, id, since, 'version'),
        osVersions: await breakdown(ctx.db, id, since, 'os_version'),
        platforms: await breakdown(ctx.db, id, since, 'platform'),
        // From the analysis, not from what the client said: the OS and CPU the dump records.
        osNames: await breakdown(ctx.db, id, since, 'os_name'),
        cpuArchs: await breakdown(ctx.db, id, since, 'cpu_arch'),
      };
    },
  );
}

/** Reports of a bucket in the window, counted by one column, most frequent first (top 20). */
async function breakdown(db: Kysely<Database>, bucketId: number, since: number, column: 'product' | 'version' | 'os_version' | 'platform' | 'os_name' | 'cpu_arch') {
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
