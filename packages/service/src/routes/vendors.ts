import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../context.js';
import { requireRole } from '../auth/require-role.js';
import { createToken } from '../auth/tokens.js';
import { isValidPattern, MAX_PATTERNS } from '../vendors/module-pattern.js';
import { createVendor, getVendor, listVendors, updateVendor } from '../vendors/vendor-store.js';
import { errorSchema, sendError } from './errors.js';

const vendorSchema = {
  type: 'object',
  properties: { id: { type: 'integer' }, name: { type: 'string' }, modules: { type: 'array', items: { type: 'string' } } },
  required: ['id', 'name', 'modules'],
} as const;
const modulesInput = { type: 'array', items: { type: 'string', minLength: 1, maxLength: 200 }, maxItems: MAX_PATTERNS } as const;
const idParams = { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] } as const;

/** Vendors (admin) and `GET /api/me`, which tells any token who it is. */
export async function vendorRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  const admin = requireRole(ctx.db, 'admin');
  const anyone = requireRole(ctx.db, 'read', { vendors: true });
  const badPattern = (modules: string[] | undefined) => modules?.find((m) => !isValidPattern(m));

  app.post(
    '/api/vendors',
    {
      onRequest: admin,
      schema: {
        summary: 'Create a vendor owning modules by file name pattern (admin)',
        tags: ['vendors'],
        security: [{ bearer: [] }],
        body: { type: 'object', properties: { name: { type: 'string', minLength: 1, maxLength: 200 }, modules: modulesInput }, required: ['name', 'modules'], additionalProperties: false },
        response: { 201: vendorSchema, 400: errorSchema, 409: errorSchema },
      },
    },
    async (request, reply) => {
      const { name, modules } = request.body as { name: string; modules: string[] };
      const bad = badPattern(modules);
      if (bad !== undefined) return sendError(reply, 400, 'CULPRIT_ERR_BAD_PATTERN', `'${bad}' is not a module file name or pattern (no paths; '*' alone would claim every module).`);
      const v = await createVendor(ctx.db, name, modules, Date.now());
      if (!v) return sendError(reply, 409, 'CULPRIT_ERR_EXISTS', `a vendor named '${name}' exists.`);
      return reply.code(201).send(v);
    },
  );

  app.get(
    '/api/vendors',
    { onRequest: admin, schema: { summary: 'All vendors (admin)', tags: ['vendors'], security: [{ bearer: [] }], response: { 200: { type: 'object', properties: { vendors: { type: 'array', items: vendorSchema } } } } } },
    async () => ({ vendors: await listVendors(ctx.db) }),
  );

  app.patch(
    '/api/vendors/:id',
    {
      onRequest: admin,
      schema: {
        summary: "Rename a vendor or replace its module patterns (admin)",
        tags: ['vendors'],
        security: [{ bearer: [] }],
        params: idParams,
        body: { type: 'object', properties: { name: { type: 'string', minLength: 1, maxLength: 200 }, modules: modulesInput }, additionalProperties: false },
        response: { 200: vendorSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      const patch = request.body as { name?: string; modules?: string[] };
      const bad = badPattern(patch.modules);
      if (bad !== undefined) return sendError(reply, 400, 'CULPRIT_ERR_BAD_PATTERN', `'${bad}' is not a module file name or pattern.`);
      const v = await updateVendor(ctx.db, id, patch, Date.now());
      if (!v) return sendError(reply, 404, 'CULPRIT_ERR_NOT_FOUND', `no vendor ${id}.`);
      return v;
    },
  );

  app.post(
    '/api/vendors/:id/tokens',
    {
      onRequest: admin,
      schema: {
        summary: "Create a token bound to this vendor (admin): it sees only the vendor's buckets",
        tags: ['vendors'],
        security: [{ bearer: [] }],
        params: idParams,
        body: { type: ['object', 'null'], properties: { name: { type: 'string', maxLength: 200 } }, additionalProperties: false },
        response: { 201: { type: 'object', properties: { token: { type: 'string' } }, required: ['token'] }, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      const v = await getVendor(ctx.db, id);
      if (!v) return sendError(reply, 404, 'CULPRIT_ERR_NOT_FOUND', `no vendor ${id}.`);
      const name = (request.body as { name?: string } | null)?.name || v.name;
      return reply.code(201).send({ token: await createToken(ctx.db, 'vendor', name, v.id) });
    },
  );

  app.get(
    '/api/me',
    {
      onRequest: anyone,
      schema: {
        summary: "The token's role, and its vendor for a vendor token",
        tags: ['vendors'],
        security: [{ bearer: [] }],
        response: { 200: { type: 'object', properties: { role: { type: 'string' }, vendor: vendorSchema }, required: ['role'] } },
      },
    },
    async (request) => {
      const p = request.principal!;
      const vendor = p.vendorId !== null ? await getVendor(ctx.db, p.vendorId) : null;
      return vendor ? { role: p.role, vendor } : { role: p.role };
    },
  );
}
