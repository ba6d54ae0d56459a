import { createHash } from 'node:crypto';
import type {} from '@fastify/cookie';
import { PERMISSIONS, type Permission, ROLE_LABELS } from '@pioneer/domain';
import { z } from 'zod';
import { servesHttps } from '../../config';
import { type Actor, scopePaths } from '../actor';
import { AppError } from '../errors';
import type { App, Context } from '../module';
import { requireActor } from './auth.plugin';
import { changePassword, login } from './auth.service';
import { DEVICE_COOKIE, DEVICE_COOKIE_DAYS } from './known-devices';
import { deleteSession, SESSION_COOKIE } from './sessions';
import { throttleRoutes } from './throttle.routes';

const loginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(128),
});

export function authRoutes(app: App, ctx: Context) {
  // Secure whenever served over https: PUBLIC_URL says so, or the request came as https (directly, or via
  // X-Forwarded-Proto from a trusted proxy — request.protocol believes no one else).
  const secure = servesHttps(ctx.config) ? true : ('auto' as const);
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure };

  app.post(
    '/api/auth/login',
    { schema: { tags: ['登录与账号'], summary: '登录（设置会话 Cookie）', body: loginBody } },
    async (request, reply) => {
      const { token, csrfToken, deviceToken } = await login(ctx.db, ctx.config, {
        ...request.body,
        ip: request.ip,
        deviceToken: request.cookies[DEVICE_COOKIE],
      }).catch((error) => {
        if (error instanceof AppError && error.code === 'TOO_MANY_ATTEMPTS') {
          reply.header('retry-after', String((error.details as { retryAfterSeconds: number }).retryAfterSeconds));
        }
        throw error;
      });
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: ctx.config.SESSION_MAX_HOURS * 3600 });
      reply.setCookie(DEVICE_COOKIE, deviceToken, {
        ...cookieOptions,
        path: '/api/auth',
        sameSite: 'strict',
        maxAge: DEVICE_COOKIE_DAYS * 24 * 3600,
      });
      return { ok: true, csrfToken };
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['登录与账号'], summary: '退出登录' } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await deleteSession(ctx.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['登录与账号'],
        summary: '修改密码（其他设备上的会话随之失效）',
        body: z.object({ currentPassword: z.string().min(1).max(128), newPassword: z.string().min(1).max(128) }),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const token = request.cookies[SESSION_COOKIE] ?? '';
      await changePassword(ctx.db, actor, request.body, createHash('sha256').update(token).digest('hex'));
      return { ok: true };
    },
  );

  throttleRoutes(app, ctx);

  app.get('/api/me', { schema: { tags: ['登录与账号'], summary: '当前登录人、角色与范围' } }, async (request) =>
    presentMe(ctx, requireActor(request), request.csrfToken),
  );

  // The web app asks this on every first load: signed out is an answer (200), not an error, so public pages
  // log no failed request in the browser.
  app.get(
    '/api/session',
    { schema: { tags: ['登录与账号'], summary: '会话状态：未登录时 {signedIn:false}，已登录时同 /api/me' } },
    async (request) =>
      request.actor
        ? { signedIn: true, ...(await presentMe(ctx, request.actor, request.csrfToken)) }
        : { signedIn: false },
  );
}

async function presentMe(ctx: Context, actor: Actor, csrfToken: string | null) {
  const scopes = Object.fromEntries((Object.keys(PERMISSIONS) as Permission[]).map((p) => [p, scopePaths(actor, p)]));
  // The header shows the person's own unit by name, even to people who hold no grant that could read it.
  const unit = await ctx.db.selectFrom('org_unit').select('name').where('id', '=', actor.unitId).executeTakeFirst();
  return {
    person: { id: actor.personId, name: actor.name, unitId: actor.unitId, unitName: unit?.name ?? '' },
    username: actor.username,
    isSystemAdmin: actor.isSystemAdmin,
    roles: actor.grants.map((g) => ({ ...g, roleLabel: ROLE_LABELS[g.role] })),
    scopes,
    csrfToken,
  };
}
