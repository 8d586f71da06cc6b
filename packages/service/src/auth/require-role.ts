import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';
import { principalOf, roleAllows, type Principal, type Role } from './tokens.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `requireRole` once the token is checked. */
    principal: Principal | null;
  }
}

export interface RoleOptions {
  /** Vendor tokens are admitted too (the route itself limits what they see to their own vendor). */
  vendors?: boolean;
}

/**
 * An onRequest hook (before the body is read or validated) admitting requests whose token has at least `need`. The token comes as
 * `Authorization: Bearer <token>`, or `?token=` for tools that only take a URL (symupload).
 * Vendor tokens are refused unless the route says it handles them.
 */
export function requireRole(db: Kysely<Database>, need: Role, opts: RoleOptions = {}): onRequestAsyncHookHandler {
  return async function (request: FastifyRequest, reply: FastifyReply) {
    const header = request.headers.authorization;
    const fromQuery = (request.query as Record<string, unknown> | undefined)?.token;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : typeof fromQuery === 'string' ? fromQuery : undefined;
    if (!token) {
      return reply.code(401).send({ statusCode: 401, code: 'CULPRIT_ERR_NO_TOKEN', message: 'this endpoint needs a token: send Authorization: Bearer <token>.' });
    }
    const principal = await principalOf(db, token);
    if (!principal) return reply.code(401).send({ statusCode: 401, code: 'CULPRIT_ERR_BAD_TOKEN', message: 'the token is not known.' });
    const allowed = principal.role === 'vendor' ? opts.vendors === true : roleAllows(principal.role, need);
    if (!allowed) {
      return reply.code(403).send({ statusCode: 403, code: 'CULPRIT_ERR_FORBIDDEN', message: `this needs the '${need}' role; the token has '${principal.role}'.` });
    }
    request.principal = principal;
  };
}
