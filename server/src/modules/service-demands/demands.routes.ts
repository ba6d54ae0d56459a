import { demandCategoryInput, demandCreateInput, demandListQuery } from '@pioneer/domain';
import { z } from 'zod';
import { requireActor } from '../../core/auth/auth.plugin';
import { notFound } from '../../core/errors';
import type { App, Context } from '../../core/module';
import * as categories from './categories.service';
import { canPassRatingLink } from './demands.policy';
import { presentDemand } from './demands.present';
import * as repo from './demands.repository';
import * as intake from './intake.service';
import * as overdue from './overdue.service';
import { ratingLinkPath } from './rating.service';

export const idParams = z.object({ id: z.coerce.number().int().positive() });
const tags = ['服务需求'];

export function demandRoutes(app: App, ctx: Context) {
  app.get(
    '/api/demand-categories',
    {
      schema: {
        tags,
        summary: '需求类别（含时限、所需技能、默认承办组织）',
        querystring: z.object({ all: z.enum(['true', 'false']).default('false') }),
      },
    },
    async (request) => {
      requireActor(request);
      return { items: await categories.listCategories(ctx.db, { activeOnly: request.query.all !== 'true' }) };
    },
  );
  app.post(
    '/api/demand-categories',
    { schema: { tags, summary: '新增需求类别', body: demandCategoryInput } },
    async (request, reply) =>
      reply.code(201).send(await categories.saveCategory(ctx, requireActor(request), null, request.body)),
  );
  app.put(
    '/api/demand-categories/:id',
    { schema: { tags, summary: '修改需求类别', params: idParams, body: demandCategoryInput } },
    async (request) => categories.saveCategory(ctx, requireActor(request), request.params.id, request.body),
  );

  app.get(
    '/api/demands',
    {
      schema: {
        tags,
        summary: '服务需求列表（scope：我管辖的；open：可认领的；mine：我提交或参与的），筛选条件与统计图表一致',
        querystring: demandListQuery,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const q = request.query;
      let unitPath: string | undefined;
      if (q.unitId) {
        const unit = await repo.findUnit(ctx.db, actor, q.unitId);
        if (!unit) throw notFound('组织');
        unitPath = unit.path;
      }
      const { rows, total } = await repo.listDemands(ctx.db, actor, { ...q, unitPath });
      return { items: rows.map((r) => presentDemand(r, actor)), total, page: q.page, pageSize: q.pageSize };
    },
  );

  app.post(
    '/api/demands',
    { schema: { tags, summary: '提交服务需求（本人，或代他人登记）', body: demandCreateInput } },
    async (request, reply) => reply.code(201).send(await intake.createDemand(ctx, requireActor(request), request.body)),
  );

  app.get(
    '/api/demands/overdue',
    {
      schema: {
        tags,
        summary: '超时需求（某组织及其下级），附各下级组织的超时数',
        querystring: z.object({ unitId: z.coerce.number().int().positive().optional() }),
      },
    },
    async (request) => overdue.overdueQueue(ctx, requireActor(request), request.query.unitId),
  );

  app.get(
    '/api/demands/:id',
    { schema: { tags, summary: '需求详情：时间线、服务党员、评价与我的可办操作', params: idParams } },
    async (request) => {
      const actor = requireActor(request);
      const row = await repo.findDemand(ctx.db, actor, request.params.id);
      if (!row) throw notFound('服务需求');
      const demand = presentDemand(row, actor);
      const internal = demand.abilities.seeRequester;
      const [timeline, people] = await Promise.all([
        repo.timeline(ctx.db, row.id, internal),
        repo.peopleOf(ctx.db, row.id),
      ]);
      const ratingLink =
        row.state === 'completed' && canPassRatingLink(actor, repo.toRef(row))
          ? await ratingLinkPath(ctx.db, row.id, row.round)
          : null;
      return {
        ...demand,
        timeline,
        ...people,
        photos: people.photos.map((p) => ({ ...p, url: p.url ?? `/api/demands/${row.id}/photos/${p.id}` })),
        ratingLink,
      };
    },
  );
}
