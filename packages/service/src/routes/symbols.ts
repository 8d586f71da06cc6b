import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../context.js';
import { requireRole } from '../auth/require-role.js';
import { decodedBody } from '../ingest/body-stream.js';
import { IngestError } from '../ingest/errors.js';
import { receiveMultipart } from '../ingest/multipart.js';
import { symModule } from '../symbols/sym-file.js';
import { symEntriesOfZip } from '../symbols/zip-store.js';
import { censusOf, MAX_ENTRIES_WALKED } from '../symbols/store-census.js';
import { errorSchema, sendError, sendIngestError } from './errors.js';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * `POST /symbols`: Breakpad `symupload` (multipart, file part `symbol_file`), or a zip of a store
 * tree (multipart file or raw `application/zip` body). Reports that lacked the new modules'
 * symbols are queued again. `GET /symbols/missing`: modules ranked by reports lacking them.
 * `GET /symbols/stores`: the store folders searched and what they hold.
 */
export async function symbolRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_req, _payload, done) => done(null));
  const developer = requireRole(ctx.db, 'developer');
  const read = requireRole(ctx.db, 'read');

  app.post(
    '/api/symbols',
    {
      onRequest: developer,
      schema: {
        summary: 'Upload Breakpad symbols: symupload multipart (`symbol_file`) or a zipped store tree',
        tags: ['symbols'],
        security: [{ bearer: [] }],
        response: {
          200: {
            type: 'object',
            properties: {
              stored: { type: 'array', items: { type: 'object', properties: { debugFile: { type: 'string' }, debugId: { type: 'string' }, path: { type: 'string' } } } },
              skipped: { type: 'array', items: { type: 'string' } },
              requeued: { type: 'integer' },
            },
          },
          '4xx': errorSchema,
        },
      },
    },
    async (request, reply) => {
      const incoming: { name: string; bytes: Uint8Array }[] = [];
      try {
        const body = decodedBody(request.raw, request.headers, ctx.config.limits);
        const type = String(request.headers['content-type'] ?? '');
        const tmp = `incoming/${randomUUID()}`;
        if (/^multipart\/form-data/i.test(type)) {
          const form = await receiveMultipart(body, type, ctx.config.limits, async (i, _f, stream) => {
            const key = `${tmp}.${i}`;
            return { key, size: await ctx.blobs.write(key, stream), chunks: null };
          });
          for (const f of form.files) {
            incoming.push({ name: f.filename || f.field, bytes: await ctx.blobs.read(f.key!) });
            await ctx.blobs.delete(f.key!);
          }
        } else {
          await ctx.blobs.write(tmp, body);
          incoming.push({ name: 'body', bytes: await ctx.blobs.read(tmp) });
          await ctx.blobs.delete(tmp);
        }
      } catch (err) {
        if (err instanceof IngestError) return sendIngestError(reply, err);
        throw err;
      }

      const symFiles: { name: string; bytes: Uint8Array }[] = [];
      for (const f of incoming) {
        if (ZIP_MAGIC.every((b, i) => f.bytes[i] === b)) {
          try {
            for (const e of symEntriesOfZip(f.bytes)) symFiles.push({ name: e.path, bytes: e.bytes });
          } catch (err) {
            return sendError(reply, 400, 'CULPRIT_ERR_BAD_ZIP', `${f.name}: ${(err as Error).message}.`);
          }
        } else symFiles.push(f);
      }
      const stored: { debugFile: string; debugId: string; path: string }[] = [];
      const skipped: string[] = [];
      for (const f of symFiles) {
        const mod = symModule(f.bytes);
        if (!mod) {
          skipped.push(f.name);
          continue;
        }
        await ctx.symbols.write(mod.storePath, f.bytes);
        stored.push({ debugFile: mod.debugFile, debugId: mod.debugId, path: mod.storePath });
      }
      if (stored.length === 0) return sendError(reply, 400, 'CULPRIT_ERR_NO_SYMBOLS', 'no Breakpad .sym file (MODULE line first) in the upload.');
      await ctx.symbols.syncNames(stored.map((s) => s.path));
      const requeued = await requeueLacking(ctx, stored);
      return { stored, skipped, requeued };
    },
  );

  app.get(
    '/api/symbols/stores',
    {
      onRequest: developer,
      schema: {
        summary: 'The symbol stores searched, in order (uploads first, then the configured folders), with their .sym file counts (developer, admin)',
        tags: ['symbols'],
        security: [{ bearer: [] }],
        response: {
          200: {
            type: 'object',
            properties: {
              stores: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    path: { type: 'string' },
                    uploads: { type: 'boolean', description: 'the folder POST /api/symbols writes to' },
                    exists: { type: 'boolean' },
                    symFiles: { type: 'integer' },
                    bytes: { type: 'integer' },
                    partial: { type: 'boolean', description: `the count stopped after ${MAX_ENTRIES_WALKED} entries` },
                  },
                  required: ['path', 'uploads', 'exists', 'symFiles', 'bytes', 'partial'],
                },
              },
            },
            required: ['stores'],
          },
        },
      },
    },
    async () => {
      const paths = ctx.symbolPaths();
      const stores = [];
      for (const [i, path] of paths.entries()) stores.push({ ...(await censusOf(path)), uploads: i === 0 });
      return { stores };
    },
  );

  app.get(
    '/api/symbols/missing',
    {
      onRequest: read,
      schema: {
        summary: 'Modules without symbols, ranked by how many reports lack them',
        tags: ['symbols'],
        security: [{ bearer: [] }],
        querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } } },
        response: {
          200: {
            type: 'object',
            properties: {
              modules: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { debugFile: { type: 'string' }, debugId: { type: 'string' }, codeFile: { type: 'string' }, version: { type: ['string', 'null'] }, reports: { type: 'integer' } },
                },
              },
            },
          },
        },
      },
    },
    async (request) => {
      const { limit } = request.query as { limit: number };
      const rows = await ctx.db
        .selectFrom('report_modules')
        .select((eb) => ['debug_file', 'debug_id', eb.fn.max('code_file').as('code_file'), eb.fn.max('version').as('version'), eb.fn.count<number>('report_id').distinct().as('n')])
        .where('has_symbols', '=', 0)
        .where('debug_file', 'is not', null)
        .where('debug_id', 'is not', null)
        .groupBy(['debug_file', 'debug_id'])
        .orderBy('n', 'desc')
        .limit(limit)
        .execute();
      return { modules: rows.map((r) => ({ debugFile: r.debug_file!, debugId: r.debug_id!, codeFile: r.code_file as string, version: (r.version as string | null) ?? null, reports: Number(r.n) })) };
    },
  );
}

/** Queues again every processed or failed report that lacked one of these modules' symbols. */
async function requeueLacking(ctx: ServiceContext, mods: { debugFile: string; debugId: string }[]): Promise<number> {
  const ids = new Set<string>();
  for (const m of mods) {
    const rows = await ctx.db
      .selectFrom('report_modules')
      .select('report_id')
      .where('has_symbols', '=', 0)
      .where('debug_file', '=', m.debugFile)
      .where((eb) => eb.fn('upper', ['debug_id']), '=', m.debugId)
      .execute();
    for (const r of rows) ids.add(r.report_id);
  }
  if (ids.size === 0) return 0;
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.queue.enqueue(trx, [...ids], Date.now());
    await trx.updateTable('reports').set({ status: 'queued' }).where('id', 'in', [...ids]).execute();
  });
  ctx.processor?.kick();
  return ids.size;
}
