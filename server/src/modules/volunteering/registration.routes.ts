import { registrationInput } from '@pioneer/domain';
import { z } from 'zod';
import { requireActor } from '../../core/auth/auth.plugin';
import type { App, Context } from '../../core/module';
import { pageOf, pageQuery } from '../../core/paging';
import { myYearTotals } from './ledger.repository';
import * as repo from './registration.repository';
import * as service from './registration.service';
import { unitForAction } from './shared';

const tags = ['志愿服务'];

export function registrationRoutes(app: App, ctx: Context) {
  app.get('/api/volunteer/me', { schema: { tags, summary: '我的志愿者注册信息与各年度服务时长' } }, async (request) => {
    const actor = requireActor(request);
    const [registration, person, totals] = await Promise.all([
      repo.findOwn(ctx.db, actor.personId),
      repo.personFacts(ctx.db, actor.personId),
      myYearTotals(ctx.db, actor.personId),
    ]);
    return {
      registration: registration ?? null,
      person: {
        name: person.name,
        politicalStatus: person.politicalStatus,
        skills: person.skills,
        unitName: person.unitName,
      },
      totals,
      abilities: { register: !registration, update: Boolean(registration) },
    };
  });

  app.post(
    '/api/volunteer/registration',
    { schema: { tags, summary: '注册为志愿者', body: registrationInput } },
    async (request, reply) => reply.code(201).send(await service.register(ctx, requireActor(request), request.body)),
  );
  app.put(
    '/api/volunteer/registration',
    { schema: { tags, summary: '修改我的志愿者信息', body: registrationInput } },
    async (request) => service.updateRegistration(ctx, requireActor(request), request.body),
  );

  app.get(
    '/api/volunteer/volunteers',
    {
      schema: {
        tags,
        summary: '注册志愿者名单（本组织及下级）',
        querystring: pageQuery.extend({
          unitId: z.coerce.number().int().positive().optional(),
          q: z.string().trim().max(50).optional(),
        }),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { unitId, q, ...page } = request.query;
      const unitPath = unitId ? (await unitForAction(ctx.db, actor, unitId, 'volunteer.view')).path : undefined;
      const { items, total } = await repo.listInScope(ctx.db, actor, { unitPath, q }, page);
      return pageOf(items, total, page);
    },
  );
}
