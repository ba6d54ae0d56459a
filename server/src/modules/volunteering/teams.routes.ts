import { TEAM_KINDS, teamInput, teamMemberInput } from '@pioneer/domain';
import { z } from 'zod';
import { requireActor } from '../../core/auth/auth.plugin';
import { notFound } from '../../core/errors';
import type { App, Context } from '../../core/module';
import { activityAbilities } from './activities.policy';
import * as activities from './activities.repository';
import { shanghaiYear } from './shared';
import { teamAbilities } from './teams.policy';
import * as repo from './teams.repository';
import * as service from './teams.service';

const tags = ['志愿服务队'];
const idParams = z.object({ id: z.coerce.number().int().positive() });

export function teamRoutes(app: App, ctx: Context) {
  app.get(
    '/api/volunteer/teams',
    {
      schema: {
        tags,
        summary: '服务团队（示范团队、先锋队、志愿服务队）',
        querystring: z.object({ kind: z.enum(TEAM_KINDS).optional() }),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const items = await repo.listTeams(ctx.db, actor, request.query.kind);
      return { items: items.map((t) => ({ ...t, abilities: teamAbilities(actor, t) })) };
    },
  );
  app.get(
    '/api/volunteer/teams/:id',
    {
      schema: {
        tags,
        summary: '团队详情：成员、活动与服务时长',
        params: idParams,
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const team = await repo.findTeam(ctx.db, actor, request.params.id);
      if (!team) throw notFound('团队');
      const year = request.query.year ?? shanghaiYear(Date.now());
      const [members, totals, list] = await Promise.all([
        repo.membersOf(ctx.db, team.id, year),
        repo.teamTotals(ctx.db, team.id),
        activities.listActivities(ctx.db, actor, { view: 'all', teamId: team.id }, { page: 1, pageSize: 50 }),
      ]);
      return {
        ...team,
        year,
        members,
        totals,
        activities: list.items.map((a) => ({ ...a, abilities: activityAbilities(actor, a) })),
        abilities: teamAbilities(actor, team),
      };
    },
  );
  app.post('/api/volunteer/teams', { schema: { tags, summary: '组建团队', body: teamInput } }, async (request, reply) =>
    reply.code(201).send(await service.createTeam(ctx, requireActor(request), request.body)),
  );
  app.put(
    '/api/volunteer/teams/:id',
    { schema: { tags, summary: '修改团队', params: idParams, body: teamInput } },
    async (request) => service.updateTeam(ctx, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/volunteer/teams/:id/members',
    { schema: { tags, summary: '加入成员', params: idParams, body: teamMemberInput } },
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.addMember(ctx, requireActor(request), request.params.id, request.body.personId)),
  );
  app.delete(
    '/api/volunteer/teams/:id/members/:personId',
    {
      schema: { tags, summary: '移出成员', params: idParams.extend({ personId: z.coerce.number().int().positive() }) },
    },
    async (request) => service.removeMember(ctx, requireActor(request), request.params.id, request.params.personId),
  );
}
