import { z } from 'zod';
import { requireActor } from '../auth/auth.plugin';
import type { App, Context } from '../module';
import { offsetOf, pageOf, pageQuery } from '../paging';
import { inScope } from '../scope';
import { sealPending, verifyChain } from './chain';

const auditQuery = pageQuery.extend({
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(50).optional(),
  action: z.string().max(80).optional(),
  actor: z.string().max(50).optional(),
});

export function auditRoutes(app: App, ctx: Context) {
  app.get(
    '/api/audit',
    { schema: { tags: ['审计'], summary: '审计日志（按查看人的范围过滤）', querystring: auditQuery } },
    async (request) => {
      const actor = requireActor(request);
      const q = request.query;
      await sealPending(ctx.db);
      let query = ctx.db.selectFrom('audit_event').where((eb) => inScope(eb, 'unit_path', actor, 'audit.view'));
      if (q.entityType) query = query.where('entity_type', '=', q.entityType);
      if (q.entityId) query = query.where('entity_id', '=', q.entityId);
      if (q.action) query = query.where('action', 'like', `${q.action}%`);
      if (q.actor) query = query.where('actor_name', 'like', `%${q.actor}%`);
      const [items, total] = await Promise.all([
        query.selectAll().orderBy('id', 'desc').limit(q.pageSize).offset(offsetOf(q)).execute(),
        query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return pageOf(items, Number(total.n), q);
    },
  );

  app.get('/api/audit/verify', { schema: { tags: ['审计'], summary: '校验审计哈希链' } }, async (request) => {
    const actor = requireActor(request);
    if (!actor.isSystemAdmin) return { ok: null, message: '仅系统管理员可校验全链' };
    await sealPending(ctx.db);
    return verifyChain(ctx.db);
  });
}
