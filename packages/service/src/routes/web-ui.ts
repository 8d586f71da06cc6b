import { existsSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Paths the service itself answers; every other GET belongs to the web UI (a single-page app). */
const SERVICE_PREFIXES = ['/api', '/submit', '/healthz', '/metrics', '/openapi.json'];

/** `packages/web/dist`, seen from `packages/service/{src,dist}/routes/`. */
export const DEFAULT_WEB_ROOT = join(import.meta.dirname, '../../../web/dist');

export const isServicePath = (url: string): boolean => {
  const path = url.split('?')[0]!;
  return SERVICE_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));
};

/** The built app's `index.html`, read once; null when the web UI is not built. */
let indexCache: { root: string; html: string | null } | undefined;
export function webUiIndex(root: string = process.env.CULPRIT_WEB_ROOT ?? DEFAULT_WEB_ROOT): string | null {
  if (indexCache?.root !== root) {
    const path = join(root, 'index.html');
    indexCache = { root, html: existsSync(path) ? readFileSync(path, 'utf8') : null };
  }
  return indexCache.html;
}

/**
 * Serves the built web UI at `/`: hashed assets with a year's cache (their names change when
 * they do), gzip/brotli copies when the build made them, and `index.html` for every other
 * page path so client-side routes (`/r/<id>`, `/buckets/7`) survive a reload. API paths keep
 * Fastify's JSON 404. Called on the root instance: the not-found handler applies everywhere.
 */
export async function webUiRoutes(app: FastifyInstance, root: string = process.env.CULPRIT_WEB_ROOT ?? DEFAULT_WEB_ROOT): Promise<void> {
  const built = existsSync(join(root, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      index: ['index.html'],
      preCompressed: true,
      cacheControl: false,
      setHeaders(reply, path) {
        reply.header('cache-control', path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
      schemaHide: true,
    });
  }
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    // A missing hashed asset is a stale page asking for an old build: a 404, not the app.
    if ((request.method === 'GET' || request.method === 'HEAD') && !isServicePath(request.url) && !request.url.startsWith('/assets/')) {
      if (!built) return reply.code(404).type('text/plain; charset=utf-8').send('The web UI is not built: run `npm run build`.\n');
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.code(404).send({ statusCode: 404, code: 'CULPRIT_ERR_NO_ROUTE', error: 'Not Found', message: `no route ${request.method} ${request.url.split('?')[0]}.` });
  });
}
