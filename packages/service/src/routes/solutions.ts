import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ServiceContext } from '../context.js';
import { requireRole } from '../auth/require-role.js';
import type { SolutionsTable } from '../storage/schema.js';
import { checkWhole, columnsOf, type SolutionInput } from '../solutions/solution-input.js';
import { getSolution, historyOf, insertSolution, updateSolution, viewsOf, type SolutionRow } from '../solutions/solution-store.js';
import { solutionInputProperties, solutionSchema } from '../solutions/solution-view.js';
import { matchesAnyPattern } from '../vendors/module-pattern.js';
import { ownsModuleField, scopeOf, seesModule, type Scope } from '../vendors/scope.js';
import { solutionPublished } from '../webhooks/events.js';
import { errorSchema, sendError } from './errors.js';

type Refusal = [status: number, code: string, message: string];

const idParams = { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] } as const;
const LIST_LIMIT = 500;

/**
 * Solutions: fixes, workarounds and notes attached to a bucket or to a module's version range.
 * Staff tokens read all of them, developers and admins write; a vendor token reads and writes
 * only those of its own buckets and modules. Every change is recorded in the history.
 */
export async function solutionRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  const read = requireRole(ctx.db, 'read', { vendors: true });
  const write = requireRole(ctx.db, 'developer', { vendors: true });

  const bucketCulprit = async (id: number) => (await ctx.db.selectFrom('buckets').select('culprit_name').where('id', '=', id).executeTakeFirst()) ?? null;

  /** A vendor sees a solution of one of its buckets, or of one of its modules. */
  const visible = async (scope: Scope, s: Pick<SolutionRow, 'bucket_id' | 'module'>): Promise<boolean> => {
    if (scope.kind === 'all') return true;
    if (s.module !== null && ownsModuleField(scope, s.module)) return true;
    if (s.bucket_id !== null) return seesModule(scope, (await bucketCulprit(s.bucket_id))?.culprit_name ?? null);
    return false;
  };

  /**
   * Writing needs the bucket to exist and, for a vendor, every target it names to be its own.
   * Returns the refusal, not a reply: a FastifyReply is thenable, so an async helper cannot return one.
   */
  const refusalOf = async (scope: Scope, s: Pick<SolutionRow, 'bucket_id' | 'module'>): Promise<Refusal | null> => {
    if (s.bucket_id !== null) {
      const b = await bucketCulprit(s.bucket_id);
      if (!b || !seesModule(scope, b.culprit_name)) return [404, 'CULPRIT_ERR_NOT_FOUND', `no bucket ${s.bucket_id}.`];
    }
    if (s.module !== null && !ownsModuleField(scope, s.module)) return [403, 'CULPRIT_ERR_NOT_YOUR_MODULE', `module '${s.module}' is not one of this vendor's modules.`];
    return null;
  };

  const loadVisible = async (scope: Scope, id: number): Promise<SolutionRow | null> => {
    const s = await getSolution(ctx.db, id);
    return s && (await visible(scope, s)) ? s : null;
  };
  const notFound = (reply: FastifyReply, id: number) => sendError(reply, 404, 'CULPRIT_ERR_NOT_FOUND', `no solution ${id}.`);

  app.get(
    '/api/solutions',
    {
      onRequest: read,
      schema: {
        summary: "Solutions of a bucket (its own and its culprit module's) or of a module; newest first",
        tags: ['solutions'],
        security: [{ bearer: [] }],
        querystring: { type: 'object', properties: { bucket: { type: 'integer' }, module: { type: 'string', maxLength: 200 } }, additionalProperties: false },
        response: { 200: { type: 'object', properties: { solutions: { type: 'array', items: solutionSchema } }, required: ['solutions'] } },
      },
    },
    async (request) => {
      const scope = await scopeOf(ctx.db, request);
      const q = request.query as { bucket?: number; module?: string };
      let rows = await ctx.db.selectFrom('solutions').selectAll().orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(LIST_LIMIT).execute();
      if (q.bucket !== undefined) {
        const culprit = (await bucketCulprit(q.bucket))?.culprit_name ?? null;
        rows = rows.filter((s) => s.bucket_id === q.bucket || (s.bucket_id === null && s.module !== null && matchesAnyPattern(culprit, [s.module])));
      }
      if (q.module !== undefined) rows = rows.filter((s) => s.module !== null && (s.module.toLowerCase() === q.module!.toLowerCase() || matchesAnyPattern(q.module, [s.module])));
      const shown: SolutionRow[] = [];
      for (const s of rows) if (await visible(scope, s)) shown.push(s);
      return { solutions: await viewsOf(ctx.db, shown) };
    },
  );

  app.post(
    '/api/solutions',
    {
      onRequest: write,
      schema: {
        summary: 'Attach a solution to a bucket or to a module version range (developer, admin, or the vendor of the module)',
        tags: ['solutions'],
        security: [{ bearer: [] }],
        body: { type: 'object', properties: solutionInputProperties, required: ['kind', 'title', 'text'], additionalProperties: false },
        response: { 201: solutionSchema, 400: errorSchema, 403: errorSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const scope = await scopeOf(ctx.db, request);
      const cols = columnsOf(request.body as SolutionInput);
      if (typeof cols === 'string') return sendError(reply, 400, 'CULPRIT_ERR_BAD_SOLUTION', cols);
      const now = Date.now();
      const row: Omit<SolutionRow, 'id'> = {
        bucket_id: cols.bucket_id ?? null,
        module: cols.module ?? null,
        version_from: cols.version_from ?? null,
        version_to: cols.version_to ?? null,
        kind: cols.kind!,
        title_en: cols.title_en!,
        title_ja: cols.title_ja ?? null,
        text_en: cols.text_en!,
        text_ja: cols.text_ja ?? null,
        link: cols.link ?? null,
        fixed_in: cols.fixed_in ?? null,
        status: cols.status ?? 'published',
        author: request.principal!.name,
        vendor_id: scope.kind === 'vendor' ? scope.vendor.id : null,
        created_at: now,
        updated_at: now,
      };
      const rule = checkWhole(row);
      if (rule) return sendError(reply, 400, 'CULPRIT_ERR_BAD_SOLUTION', rule);
      const refused = await refusalOf(scope, row);
      if (refused) return sendError(reply, ...refused);
      const s = await insertSolution(ctx.db, row);
      if (s.status === 'published') await announce(s);
      return reply.code(201).send((await viewsOf(ctx.db, [s]))[0]);
    },
  );

  app.patch(
    '/api/solutions/:id',
    {
      onRequest: write,
      schema: {
        summary: 'Edit a solution (recorded in its history)',
        tags: ['solutions'],
        security: [{ bearer: [] }],
        params: idParams,
        body: { type: 'object', properties: solutionInputProperties, additionalProperties: false },
        response: { 200: solutionSchema, 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (request, reply) => {
      const scope = await scopeOf(ctx.db, request);
      const { id } = request.params as { id: number };
      const before = await loadVisible(scope, id);
      if (!before) return notFound(reply, id);
      if (before.status === 'withdrawn') return sendError(reply, 409, 'CULPRIT_ERR_WITHDRAWN', `solution ${id} was withdrawn; publish a new one.`);
      const cols = columnsOf(request.body as SolutionInput);
      if (typeof cols === 'string') return sendError(reply, 400, 'CULPRIT_ERR_BAD_SOLUTION', cols);
      const merged = { ...before, ...cols } as SolutionRow;
      const rule = checkWhole(merged);
      if (rule) return sendError(reply, 400, 'CULPRIT_ERR_BAD_SOLUTION', rule);
      const refused = await refusalOf(scope, merged);
      if (refused) return sendError(reply, ...refused);
      const after = await updateSolution(ctx.db, before, cols as Partial<SolutionsTable> as Partial<SolutionRow>, request.principal!.name, Date.now(), 'edited');
      if (before.status !== 'published' && after.status === 'published') await announce(after);
      return (await viewsOf(ctx.db, [after]))[0];
    },
  );

  app.post(
    '/api/solutions/:id/withdraw',
    {
      onRequest: write,
      schema: { summary: 'Withdraw a solution: answers stop offering it (recorded in its history)', tags: ['solutions'], security: [{ bearer: [] }], params: idParams, response: { 200: solutionSchema, 404: errorSchema } },
    },
    async (request, reply) => {
      const scope = await scopeOf(ctx.db, request);
      const { id } = request.params as { id: number };
      const before = await loadVisible(scope, id);
      if (!before) return notFound(reply, id);
      const after = before.status === 'withdrawn' ? before : await updateSolution(ctx.db, before, { status: 'withdrawn' }, request.principal!.name, Date.now(), 'withdrawn');
      return (await viewsOf(ctx.db, [after]))[0];
    },
  );

  app.get(
    '/api/solutions/:id/history',
    {
      onRequest: read,
      schema: {
        summary: 'Who created, edited and withdrew a solution, and what changed',
        tags: ['solutions'],
        security: [{ bearer: [] }],
        params: idParams,
        response: {
          200: {
            type: 'object',
            properties: {
              history: {
                type: 'array',
                items: { type: 'object', properties: { action: { type: 'string', enum: ['created', 'edited', 'withdrawn'] }, author: { type: 'string' }, at: { type: 'string', format: 'date-time' }, changes: { type: 'object', additionalProperties: true } } },
              },
            },
          },
          404: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const scope = await scopeOf(ctx.db, request);
      const { id } = request.params as { id: number };
      if (!(await loadVisible(scope, id))) return notFound(reply, id);
      return { history: await historyOf(ctx.db, id) };
    },
  );

  async function announce(s: SolutionRow): Promise<void> {
    const module = s.module ?? (s.bucket_id !== null ? ((await bucketCulprit(s.bucket_id))?.culprit_name ?? null) : null);
    solutionPublished(ctx.webhooks, s, module);
  }
}
