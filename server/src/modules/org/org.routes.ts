import {
  gridUnitInput,
  partnerInput,
  unitCloseInput,
  unitCreateInput,
  unitMoveInput,
  unitRenameInput,
} from '@pioneer/domain';
import { z } from 'zod';
import { requireActor } from '../../core/auth/auth.plugin';
import { notFound } from '../../core/errors';
import type { App, Context } from '../../core/module';
import { canManageGrid, canManagePartners, unitAbilities } from './org.policy';
import * as repo from './org.repository';
import * as service from './org.service';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const tags = ['组织架构'];

export function orgRoutes(app: App, ctx: Context) {
  app.get(
    '/api/units',
    {
      schema: {
        tags,
        summary: '我能看到的组织（按树序，附每个组织上我的权限）',
        querystring: z.object({ includeClosed: z.stringbool().default(false) }),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const units = await repo.listUnits(ctx.db, actor, { includeClosed: request.query.includeClosed });
      return {
        items: units.map((u) => ({ ...u, peopleCount: Number(u.peopleCount), abilities: unitAbilities(actor, u) })),
      };
    },
  );

  app.get('/api/units/:id', { schema: { tags, summary: '组织详情', params: idParams } }, async (request) => {
    const actor = requireActor(request);
    const unit = await repo.findUnit(ctx.db, actor, request.params.id);
    if (!unit) throw notFound('组织');
    return { ...unit, abilities: unitAbilities(actor, unit) };
  });

  app.get(
    '/api/units/:id/history',
    { schema: { tags, summary: '组织的变更历史', params: idParams } },
    async (request) => {
      const actor = requireActor(request);
      const unit = await repo.findUnit(ctx.db, actor, request.params.id);
      if (!unit) throw notFound('组织');
      const items = await ctx.db
        .selectFrom('audit_event')
        .select(['id', 'at', 'actor_name as actorName', 'action', 'before', 'after', 'reason'])
        .where('entity_type', '=', 'org_unit')
        .where('entity_id', '=', String(unit.id))
        .orderBy('id', 'desc')
        .execute();
      return { items };
    },
  );

  app.post(
    '/api/units',
    { schema: { tags, summary: '新建下级组织', body: unitCreateInput } },
    async (request, reply) => {
      const result = await service.createUnit(ctx, requireActor(request), request.body);
      return reply.code(201).send(result);
    },
  );
  app.post(
    '/api/units/:id/rename',
    { schema: { tags, summary: '组织更名', params: idParams, body: unitRenameInput } },
    async (request) => {
      await service.renameUnit(ctx, requireActor(request), request.params.id, request.body);
      return { ok: true };
    },
  );
  app.post(
    '/api/units/:id/move',
    { schema: { tags, summary: '调整隶属关系（连同下级）', params: idParams, body: unitMoveInput } },
    async (request) => service.moveUnit(ctx, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/units/:id/close',
    { schema: { tags, summary: '撤销组织', params: idParams, body: unitCloseInput } },
    async (request) => {
      await service.closeUnit(ctx, requireActor(request), request.params.id, request.body);
      return { ok: true };
    },
  );

  app.get('/api/partners', { schema: { tags: ['共建单位'], summary: '共建单位列表' } }, async (request) => {
    const actor = requireActor(request);
    const items = await repo.listPartners(ctx.db, actor);
    return { items: items.map((p) => ({ ...p, abilities: { update: canManagePartners(actor, p.ownerPath) } })) };
  });
  app.post(
    '/api/partners',
    { schema: { tags: ['共建单位'], summary: '新增共建单位', body: partnerInput } },
    async (request, reply) =>
      reply.code(201).send(await service.savePartner(ctx, requireActor(request), null, request.body)),
  );
  app.put(
    '/api/partners/:id',
    { schema: { tags: ['共建单位'], summary: '修改共建单位', params: idParams, body: partnerInput } },
    async (request) => service.savePartner(ctx, requireActor(request), request.params.id, request.body),
  );

  const gridTags = ['网格覆盖'];
  app.get(
    '/api/grid-units',
    {
      schema: {
        tags: gridTags,
        summary: '网格单元（某组织及其下级）',
        querystring: z.object({ unitId: z.coerce.number().int().positive() }),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const unit = await repo.findUnit(ctx.db, actor, request.query.unitId);
      if (!unit) throw notFound('组织');
      const items = await repo.listGridUnits(ctx.db, actor, unit.path);
      return { items: items.map((g) => ({ ...g, abilities: { update: canManageGrid(actor, g.ownerPath) } })) };
    },
  );
  app.post(
    '/api/grid-units',
    { schema: { tags: gridTags, summary: '新增网格单元', body: gridUnitInput } },
    async (request, reply) =>
      reply.code(201).send(await service.saveGridUnit(ctx, requireActor(request), null, request.body)),
  );
  app.put(
    '/api/grid-units/:id',
    {
      schema: { tags: gridTags, summary: '修改网格单元（覆盖支部、联系党员）', params: idParams, body: gridUnitInput },
    },
    async (request) => service.saveGridUnit(ctx, requireActor(request), request.params.id, request.body),
  );
  app.get(
    '/api/reports/coverage',
    {
      schema: {
        tags: gridTags,
        summary: '网格覆盖报告：未覆盖的网格单元',
        querystring: z.object({ unitId: z.coerce.number().int().positive() }),
      },
    },
    async (request) => service.coverageReport(ctx, requireActor(request), request.query.unitId),
  );
}
