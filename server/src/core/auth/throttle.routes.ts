import { z } from 'zod';
import type { Actor } from '../actor';
import type { App, Context } from '../module';
import { requireActor } from './auth.plugin';
import { clearLoginThrottle, managedTarget, targetOfAccount, throttleState } from './throttle.service';

const tags = ['登录与账号'];

/** The owner (/api/auth/login-throttle) and administrators (/api/access/login-throttle) see and clear it. */
export function throttleRoutes(app: App, ctx: Context) {
  const own = async (actor: Actor) => (await targetOfAccount(ctx.db, { accountId: actor.accountId }))!;

  app.get(
    '/api/auth/login-throttle',
    { schema: { tags, summary: '我的账号的登录限速状态（失败次数、来源地址、限制到何时）' } },
    async (request) => throttleState(ctx.db, ctx.config, await own(requireActor(request))),
  );
  app.post(
    '/api/auth/login-throttle/clear',
    { schema: { tags, summary: '清除我的账号的登录限速' } },
    async (request) => {
      const actor = requireActor(request);
      return clearLoginThrottle(ctx.db, ctx.config, actor, await own(actor));
    },
  );

  const personQuery = z.object({ personId: z.coerce.number().int().positive() });
  app.get(
    '/api/access/login-throttle',
    { schema: { tags, summary: '某人账号的登录限速状态（管理员）', querystring: personQuery } },
    async (request) => {
      const actor = requireActor(request);
      return throttleState(ctx.db, ctx.config, await managedTarget(ctx.db, actor, request.query.personId));
    },
  );
  app.post(
    '/api/access/login-throttle/clear',
    { schema: { tags, summary: '清除某人账号的登录限速（管理员）', body: personQuery } },
    async (request) => {
      const actor = requireActor(request);
      return clearLoginThrottle(ctx.db, ctx.config, actor, await managedTarget(ctx.db, actor, request.body.personId));
    },
  );
}
