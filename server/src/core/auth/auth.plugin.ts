import type {} from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../actor';
import { AppError, unauthorized } from '../errors';
import type { App, Context } from '../module';
import { followSessionChanges } from './session-cache';
import { CSRF_HEADER, resolveSession, SESSION_COOKIE } from './sessions';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const CSRF_EXEMPT = new Set(['/api/auth/login']);

/**
 * Resolves the session cookie into `request.actor` on every API request, and refuses a state-changing request
 * made with the cookie unless it carries the session's CSRF token in a header (a cross-site form cannot).
 */
export const authPlugin = fp(async (app: App, ctx: Context) => {
  // Without the subscription, cached sessions simply live no longer than a few seconds.
  followSessionChanges(ctx.listen).catch(() => {});
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token || !request.url.startsWith('/api/')) return;
    const session = await resolveSession(ctx.db, ctx.config, token);
    if (!session) return;
    if (!SAFE_METHODS.has(request.method) && !CSRF_EXEMPT.has(request.url.split('?')[0])) {
      if (request.headers[CSRF_HEADER] !== session.csrfToken) {
        throw new AppError(403, 'CSRF', '页面已过期或请求来源不可信，请刷新页面后重试');
      }
    }
    request.actor = session.actor;
    request.csrfToken = session.csrfToken;
  });
});

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}
