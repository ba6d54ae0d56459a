import { activityInput, reasonInput, signupInput } from '@pioneer/domain';
import { z } from 'zod';
import { requireActor } from '../../core/auth/auth.plugin';
import { forbidden, notFound } from '../../core/errors';
import type { App, Context } from '../../core/module';
import { pageOf, pageQuery } from '../../core/paging';
import { activityAbilities, canManageActivity, signupAbilities } from './activities.policy';
import * as repo from './activities.repository';
import * as service from './activities.service';
import { unitForAction } from './shared';
import * as signupService from './signup.service';
import * as signups from './signups.repository';

const tags = ['志愿活动'];
const idParams = z.object({ id: z.coerce.number().int().positive() });
const positive = z.coerce.number().int().positive();

export function activityRoutes(app: App, ctx: Context) {
  app.get(
    '/api/volunteer/activities',
    {
      schema: {
        tags,
        summary: '志愿活动列表（open 可报名 / managed 我组织的 / mine 我报名的）',
        querystring: pageQuery.extend({
          view: z.enum(['all', 'open', 'managed', 'mine']).default('all'),
          status: z.enum(['published', 'closed', 'cancelled']).optional(),
          unitId: positive.optional(),
          teamId: positive.optional(),
          venueId: positive.optional(),
        }),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { page, pageSize, unitId, ...filter } = request.query;
      const unitPath = unitId ? (await unitForAction(ctx.db, actor, unitId, 'volunteer.view')).path : undefined;
      const { items, total } = await repo.listActivities(ctx.db, actor, { ...filter, unitPath }, { page, pageSize });
      return pageOf(
        items.map((a) => ({ ...a, abilities: activityAbilities(actor, a) })),
        total,
        { page, pageSize },
      );
    },
  );

  app.get(
    '/api/volunteer/activities/:id',
    { schema: { tags, summary: '活动详情（岗位、名额、我的报名）', params: idParams } },
    async (request) => {
      const actor = requireActor(request);
      const row = await repo.findActivity(ctx.db, actor, request.params.id);
      if (!row) throw notFound('活动');
      const { codeSecret: _secret, ...found } = row;
      const now = Date.now();
      const shifts = await repo.shiftsOf(ctx.db, found.id, actor.personId);
      return {
        ...found,
        shifts: shifts.map((s) => ({
          ...s,
          mySignupAbilities: s.mySignupId
            ? signupAbilities(
                actor,
                found,
                {
                  personId: actor.personId,
                  status: s.myStatus!,
                  shiftStart: s.startsAt,
                  checkinReview: s.myCheckinReview!,
                },
                now,
              )
            : null,
        })),
        abilities: activityAbilities(actor, found),
      };
    },
  );

  app.get(
    '/api/volunteer/my/signups',
    { schema: { tags, summary: '我报名的岗位（含签到与结算）' } },
    async (request) => {
      const actor = requireActor(request);
      const now = Date.now();
      const items = await signups.mySignups(ctx.db, actor.personId);
      return {
        items: items.map((s) => ({
          ...s,
          abilities: signupAbilities(actor, { orgPath: s.orgPath, status: s.activityStatus }, s, now),
        })),
      };
    },
  );

  app.post(
    '/api/volunteer/activities',
    { schema: { tags, summary: '发布志愿活动（含岗位与名额）', body: activityInput } },
    async (request, reply) =>
      reply.code(201).send(await service.createActivity(ctx, requireActor(request), request.body)),
  );
  app.post(
    '/api/volunteer/activities/:id/cancel',
    { schema: { tags, summary: '取消活动', params: idParams, body: reasonInput } },
    async (request) => service.cancelActivity(ctx, requireActor(request), request.params.id, request.body.reason),
  );
  app.post(
    '/api/volunteer/activities/:id/close',
    { schema: { tags, summary: '结项：一次结算出勤并记入服务时长', params: idParams } },
    async (request) => service.closeActivity(ctx, requireActor(request), request.params.id),
  );

  app.get(
    '/api/volunteer/activities/:id/signups',
    { schema: { tags, summary: '报名与出勤名单（组织者）', params: idParams } },
    async (request) => {
      const actor = requireActor(request);
      const activity = await repo.findActivity(ctx.db, actor, request.params.id);
      if (!activity) throw notFound('活动');
      if (!canManageActivity(actor, activity)) throw forbidden('只有活动的组织单位才能查看名单');
      const now = Date.now();
      const items = await signups.rosterOf(ctx.db, activity.id);
      return {
        items: items.map((s) => ({
          ...s,
          abilities: signupAbilities(actor, activity, { ...s, shiftStart: s.shiftStart }, now),
        })),
      };
    },
  );

  app.post(
    '/api/volunteer/shifts/:id/signups',
    { schema: { tags, summary: '报名一个岗位（满员时可加入候补）', params: idParams, body: signupInput } },
    async (request, reply) =>
      reply.code(201).send(await signupService.signUp(ctx, requireActor(request), request.params.id, request.body)),
  );
  app.post(
    '/api/volunteer/signups/:id/cancel',
    { schema: { tags, summary: '取消报名（候补按顺序递补）', params: idParams } },
    async (request) => signupService.cancelSignup(ctx, requireActor(request), request.params.id),
  );
}
