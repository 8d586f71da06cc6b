import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import type { ServiceContext } from './context.js';
import { answerRoutes } from './routes/answers.js';
import { bucketRoutes } from './routes/buckets.js';
import { operationRoutes } from './routes/operations.js';
import { reportRoutes } from './routes/reports.js';
import { submitRoutes } from './routes/submit.js';
import { solutionRoutes } from './routes/solutions.js';
import { symbolRoutes } from './routes/symbols.js';
import { webUiRoutes } from './routes/web-ui.js';
import { vendorRoutes } from './routes/vendors.js';
import { webhookRoutes } from './routes/webhooks.js';
import { vmGuestRoutes } from './routes/vm-guests.js';

/** The HTTP surface: one plugin per resource, sharing the service context; `/openapi.json` describes it all. */
export async function buildApp(ctx: ServiceContext): Promise<FastifyInstance> {
  const app = Fastify({ logger: ctx.config.log, bodyLimit: 1024 * 1024, ajv: { customOptions: { removeAdditional: false } } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Culprit', version: '0.1.0', description: 'Crash reports in; what crashed, who is responsible, what to do about it out.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });
  app.decorateRequest('principal', null);
  await app.register(async (scope) => submitRoutes(scope, ctx));
  await app.register(async (scope) => answerRoutes(scope, ctx));
  await app.register(async (scope) => vendorRoutes(scope, ctx));
  await app.register(async (scope) => solutionRoutes(scope, ctx));
  await app.register(async (scope) => webhookRoutes(scope, ctx));
  await app.register(async (scope) => symbolRoutes(scope, ctx));
  await app.register(async (scope) => reportRoutes(scope, ctx));
  await app.register(async (scope) => bucketRoutes(scope, ctx));
  await app.register(async (scope) => vmGuestRoutes(scope, ctx));
  await app.register(async (scope) => operationRoutes(scope, ctx));
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await webUiRoutes(app);
  return app;
}
