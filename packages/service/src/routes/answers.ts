import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../context.js';
import { loadAnswer, recordDelivered } from '../answers/answer-for.js';
import { pickLanguage, renderAnswerInApp, renderAnswerPage } from '../answers/answer-page.js';
import { webUiIndex } from './web-ui.js';
import { errorSchema, sendError } from './errors.js';
import { answerSchema } from './schemas.js';

const idParams = { type: 'object', properties: { id: { type: 'string', format: 'uuid' } }, required: ['id'] } as const;

/**
 * The answer for one report, to whoever sent it: no token, the unguessable report id is the
 * capability (a client polls it with the id `/submit` returned). JSON at
 * `/api/reports/:id/answer` (and `/api/answers/:id`), a page in the reader's language at `/r/:id`.
 */
export async function answerRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  const json = async (id: string) => {
    const composed = await loadAnswer(ctx.db, id);
    if (composed) await recordDelivered(ctx.db, composed, Date.now());
    return composed?.answer ?? null;
  };
  for (const url of ['/api/reports/:id/answer', '/api/answers/:id']) {
    app.get(
      url,
      {
        schema: {
          summary: url.startsWith('/api/answers') ? 'Alias of /api/reports/{id}/answer' : "The service's answer for one report: verdict, solutions that apply to the installed versions, repeat count",
          tags: ['answers'],
          params: idParams,
          response: { 200: answerSchema, 404: errorSchema },
        },
      },
      async (request, reply) => {
        const { id } = request.params as { id: string };
        const answer = await json(id);
        if (!answer) return sendError(reply, 404, 'CULPRIT_ERR_NOT_FOUND', `no report ${id}.`);
        return answer;
      },
    );
  }

  app.get(
    '/r/:id',
    { schema: { summary: 'The answer as a page in English or Japanese (Accept-Language)', tags: ['answers'], params: idParams, produces: ['text/html'] } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const lang = pickLanguage(request.headers['accept-language']);
      reply.header('vary', 'Accept-Language').header('content-language', lang).header('cache-control', 'no-store');
      const answer = await json(id);
      if (!answer) {
        return reply.code(404).type('text/html; charset=utf-8').send(lang === 'ja' ? '<!doctype html><html lang="ja"><meta charset="utf-8"><p>このレポートは見つかりません。</p></html>\n' : '<!doctype html><html lang="en"><meta charset="utf-8"><p>No such report.</p></html>\n');
      }
      // With the web UI built, its answer page (live, with the stack for signed-in users) is served
      // here too, with this answer already in it; without it, the standalone page.
      const index = webUiIndex();
      return reply.type('text/html; charset=utf-8').send(index ? renderAnswerInApp(index, answer, lang) : renderAnswerPage(answer, lang));
    },
  );
}
