import { requireActor } from '../auth/auth.plugin';
import type { App, Context } from '../module';
import { offsetOf, pageOf, pageQuery } from '../paging';
import { MAX_EXPORT_ROWS, sendListXlsx } from '../xlsx';
import { AUDIT_EXPORT_COLUMNS, auditFilters, auditQuery, presentEvents } from './audit.list';
import { sealPending, verifyChain } from './chain';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from './labels';

const today = () => new Date().toISOString().slice(0, 10);

export function auditRoutes(app: App, ctx: Context) {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['审计'],
        summary: '审计日志（按查看人的范围过滤；操作、对象均给出中文名称）',
        querystring: pageQuery.extend(auditFilters.shape),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const q = request.query;
      await sealPending(ctx.db);
      const query = await auditQuery(ctx.db, actor, q);
      const [items, total] = await Promise.all([
        query.selectAll().orderBy('id', q.order).limit(q.pageSize).offset(offsetOf(q)).execute(),
        query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return pageOf(await presentEvents(ctx.db, items), Number(total.n), q);
    },
  );

  app.get(
    '/api/audit.xlsx',
    { schema: { tags: ['审计'], summary: '导出审计日志（与列表相同的筛选）', querystring: auditFilters } },
    async (request, reply) => {
      const actor = requireActor(request);
      const q = request.query;
      await sealPending(ctx.db);
      const query = await auditQuery(ctx.db, actor, q);
      const rows = await query.selectAll().orderBy('id', q.order).limit(MAX_EXPORT_ROWS).execute();
      return sendListXlsx(reply, {
        sheet: '审计日志',
        fileName: `审计日志_${today()}.xlsx`,
        asciiName: `audit-${today()}.xlsx`,
        columns: AUDIT_EXPORT_COLUMNS,
        rows: await presentEvents(ctx.db, rows),
      });
    },
  );

  app.get('/api/audit/labels', { schema: { tags: ['审计'], summary: '操作与对象类型的中文名称' } }, async (request) => {
    requireActor(request);
    return { actions: AUDIT_ACTION_LABELS, entities: AUDIT_ENTITY_LABELS };
  });

  app.get('/api/audit/verify', { schema: { tags: ['审计'], summary: '校验审计哈希链' } }, async (request) => {
    const actor = requireActor(request);
    if (!actor.isSystemAdmin) return { ok: null, message: '仅系统管理员可校验全链' };
    await sealPending(ctx.db);
    return verifyChain(ctx.db);
  });
}
