import type { FastifyInstance } from 'fastify';
import { parseJournalKey } from '../storage/journal-key.js';
import { reclaimSegment } from '../storage/journal-reclaim.js';
import type { ServiceContext } from '../context.js';
import { requireRole } from '../auth/require-role.js';
import { loadAnswer } from '../answers/answer-for.js';
import { errorSchema, sendError } from './errors.js';
import { reportDetailSchema, reportSummarySchema } from './schemas.js';
import { reportSummary } from './report-row.js';
import { NO_DUMP_KEY } from '../ingest/fileless.js';
import { VM_GUEST_KIND, vmFactsFrom } from '../vm-guests/vm-facts.js';

const idParams = { type: 'object', properties: { id: { type: 'string', format: 'uuid' } }, required: ['id'] } as const;

interface ListQuery {
  product?: string;
  version?: string;
  signature?: string;
  module?: string;
  kind?: string;
  guest?: string;
  status?: string;
  bucket?: number;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** Reports: list with filters, one with its processed result and annotations, raw download (admin), delete (admin). */
export async function reportRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  const read = requireRole(ctx.db, 'read');
  const admin = requireRole(ctx.db, 'admin');

  app.get(
    '/api/reports',
    {
      onRequest: read,
      schema: {
        summary: 'List reports, newest first',
        tags: ['reports'],
        security: [{ bearer: [] }],
        querystring: {
          type: 'object',
          properties: {
            product: { type: 'string' },
            version: { type: 'string' },
            signature: { type: 'string' },
            module: { type: 'string', description: 'code or debug file name of a loaded module' },
            kind: { type: 'string', description: "report kind (minidump, windows-kernel-dump, linux-kernel-log), or vm-guest: reports sent by culprit vm watch" },
            guest: { type: 'string', description: 'vm-guest reports of this guest (its key: SMBIOS UUID, else name@host)' },
            status: { type: 'string', enum: ['queued', 'processing', 'processed', 'failed'] },
            bucket: { type: 'integer' },
            from: { type: 'string', format: 'date-time' },
            to: { type: 'string', format: 'date-time' },
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
            offset: { type: 'integer', minimum: 0, default: 0 },
          },
          additionalProperties: false,
        },
        response: { 200: { type: 'object', properties: { reports: { type: 'array', items: reportSummarySchema } }, required: ['reports'] } },
      },
    },
    async (request) => {
      const q = request.query as ListQuery;
      let sel = ctx.db.selectFrom('reports').selectAll();
      if (q.product) sel = sel.where('product', '=', q.product);
      if (q.version) sel = sel.where('version', '=', q.version);
      if (q.signature) sel = sel.where('signature', '=', q.signature);
      // `vm-guest` is what the sender says (culprit vm watch), not a report kind: the client's kind is filtered.
      if (q.kind === VM_GUEST_KIND) sel = sel.where('client_kind', '=', VM_GUEST_KIND);
      else if (q.kind) sel = sel.where('kind', '=', q.kind);
      if (q.guest) sel = sel.where('vm_guest', '=', q.guest);
      if (q.status) sel = sel.where('status', '=', q.status as 'queued');
      if (q.bucket !== undefined) sel = sel.where('bucket_id', '=', q.bucket);
      if (q.from) sel = sel.where('received_at', '>=', Date.parse(q.from));
      if (q.to) sel = sel.where('received_at', '<', Date.parse(q.to));
      if (q.module) {
        const m = q.module;
        sel = sel.where('id', 'in', ctx.db.selectFrom('report_modules').select('report_id').where((eb) => eb.or([eb('debug_file', '=', m), eb('code_file', '=', m), eb('code_file', 'like', `%/${m}`), eb('code_file', 'like', `%\\${m}`)])));
      }
      const rows = await sel.orderBy('received_at', 'desc').limit(q.limit).offset(q.offset).execute();
      return { reports: rows.map(reportSummary) };
    },
  );

  app.get(
    '/api/reports/:id',
    {
      onRequest: read,
      schema: { summary: 'One report: annotations, answer and processed result', tags: ['reports'], security: [{ bearer: [] }], params: idParams, response: { 200: reportDetailSchema, 404: errorSchema } },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const r = await ctx.db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
      if (!r) return sendError(reply, 404, 'CULPRIT_ERR_NOT_FOUND', `no report ${id}.`);
      const result = r.result_key ? JSON.parse((await ctx.blobs.read(r.result_key)).toString('utf8')) : null;
      const attachments = (JSON.parse(r.attachments) as { name: string; filename: string; size: number }[]).map(({ name, filename, size }) => ({ name, filename, size }));
      const annotations = JSON.parse(r.annotations) as Record<string, string>;
      const vm = r.client_kind === VM_GUEST_KIND ? vmFactsFrom(annotations) : null;
      return { ...reportSummary(r), annotations, attachments, answer: (await loadAnswer(ctx.db, id))!.answer, vm, result };
    },
  );

  app.get(
    '/api/reports/:id/raw',
    {
      onRequest: admin,
      schema: {
        summary: 'Download the dump as received (admin); ?attachment=N for the Nth attachment',
        tags: ['reports'],
        security: [{ bearer: [] }],
        params: idParams,
        querystring: { type: 'object', properties: { attachment: { type: 'integer', minimum: 0 } } },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const { attachment } = request.query as { attachment?: number };
      const r = await ctx.db.selectFrom('reports').select(['dump_key', 'attachments']).where('id', '=', id).executeTakeFirst();
      if (!r) return sendError(reply, 404, 'CULPRIT_ERR_NOT_FOUND', `no report ${id}.`);
      let key = r.dump_key;
      if (attachment !== undefined) {
        const a = (JSON.parse(r.attachments) as { key: string }[])[attachment];
        if (!a) return sendError(reply, 404, 'CULPRIT_ERR_NOT_FOUND', `report ${id} has no attachment ${attachment}.`);
        key = a.key;
      }
      if (key === NO_DUMP_KEY) return sendError(reply, 404, 'CULPRIT_ERR_NOT_FOUND', `report ${id} came without a file (a bug check only): its facts are its annotations.`);
      return reply.type('application/octet-stream').header('content-disposition', `attachment; filename="${id}${attachment === undefined ? '.dmp' : `-${attachment}`}"`).send(ctx.blobs.openRead(key));
    },
  );

  app.delete(
    '/api/reports/:id',
    { onRequest: admin, schema: { summary: 'Delete a report and its files (admin)', tags: ['reports'], security: [{ bearer: [] }], params: idParams, response: { 204: { type: 'null' }, 404: errorSchema } } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const r = await ctx.db.selectFrom('reports').select(['dump_key', 'attachments', 'result_key', 'bucket_id', 'status', 'journal_segment', 'journal_offset']).where('id', '=', id).executeTakeFirst();
      if (!r) return sendError(reply, 404, 'CULPRIT_ERR_NOT_FOUND', `no report ${id}.`);
      // The journal record goes first: a crash after it leaves a row without bytes, never a deleted report replayed at start.
      if (r.journal_segment !== null && r.journal_offset !== null) await ctx.journal.erase(r.journal_segment, r.journal_offset);
      await ctx.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('reports').where('id', '=', id).execute();
        await trx.deleteFrom('report_modules').where('report_id', '=', id).execute();
        await trx.deleteFrom('jobs').where('report_id', '=', id).execute();
        if (r.bucket_id !== null) await trx.updateTable('buckets').set((eb) => ({ report_count: eb('report_count', '-', 1) })).where('id', '=', r.bucket_id).execute();
      });
      const keys = [r.dump_key, ...(JSON.parse(r.attachments) as { key: string }[]).map((a) => a.key), ...(r.result_key ? [r.result_key] : [])];
      await Promise.allSettled(keys.filter((k) => k !== NO_DUMP_KEY && !parseJournalKey(k)).map((k) => ctx.blobs.delete(k)));
      if (r.journal_segment !== null) await reclaimSegment(ctx.db, ctx.journal, r.journal_segment);
      return reply.code(204).send();
    },
  );
}
