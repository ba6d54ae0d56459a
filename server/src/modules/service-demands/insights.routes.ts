import { demandFilters } from '@pioneer/domain';
import { z } from 'zod';
import { scopePaths } from '../../core/actor';
import { requireActor } from '../../core/auth/auth.plugin';
import { forbidden } from '../../core/errors';
import type { App, Context } from '../../core/module';
import { idParams } from './demands.routes';
import { claimTeams, fitMe, matchesFor } from './matching.service';
import { sweep } from './overdue.service';
import { demandReport } from './reports.service';
import { servingCandidates } from './serving.service';

const tags = ['服务需求'];

/** Matching (量体裁衣), the figures, and the clock sweep. */
export function insightRoutes(app: App, ctx: Context) {
  app.get(
    '/api/demands/fit-me',
    { schema: { tags, summary: '适合我的需求：可认领的需求按匹配度排序，附理由' } },
    async (request) => fitMe(ctx, requireActor(request)),
  );
  app.get(
    '/api/demands/:id/matches',
    {
      schema: {
        tags,
        summary: '需求匹配：按技能特长、地点、空闲、在办负担、同类满意度排序的党支部、志愿服务团队与党员，附理由',
        params: idParams,
      },
    },
    async (request) => matchesFor(ctx, requireActor(request), request.params.id),
  );
  app.get(
    '/api/demands/:id/claim-teams',
    { schema: { tags, summary: '可用于认领此需求的团队（本人任队长，或可代表团队所属组织认领）', params: idParams } },
    async (request) => claimTeams(ctx, requireActor(request), request.params.id),
  );
  app.get(
    '/api/demands/:id/candidates',
    { schema: { tags, summary: '可安排服务的党员（认领组织及其下级的党员）', params: idParams } },
    async (request) => servingCandidates(ctx, requireActor(request), request.params.id),
  );
  app.get(
    '/api/reports/demands',
    {
      schema: {
        tags: ['服务需求', '统计报表'],
        summary: '服务需求统计（某组织及其下级）：每个数字附带打开明细列表的筛选条件',
        querystring: demandFilters.omit({ unitId: true }).extend({ unitId: z.coerce.number().int().positive() }),
      },
    },
    async (request) => {
      const { unitId, ...filters } = request.query;
      return demandReport(ctx, requireActor(request), unitId, filters);
    },
  );
  app.post(
    '/api/demands/sweep',
    { schema: { tags, summary: '立即执行时限检查（过期、超时提醒、逾期未评价办结）' } },
    async (request) => {
      const actor = requireActor(request);
      if (!actor.isSystemAdmin && scopePaths(actor, 'demand.assign').length === 0)
        throw forbidden('只有组织部或系统管理员可以执行');
      return sweep(ctx);
    },
  );
}
