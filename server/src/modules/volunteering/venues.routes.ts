import { dutyInput, swapInput, VENUE_TYPES, venueCloseInput, venueInput, venueServiceInput } from '@pioneer/domain';
import { z } from 'zod';
import { requireActor } from '../../core/auth/auth.plugin';
import { notFound } from '../../core/errors';
import type { App, Context } from '../../core/module';
import * as duties from './venue-duties.service';
import { dutyAbilities, venueAbilities } from './venues.policy';
import * as repo from './venues.repository';
import * as service from './venues.service';

const tags = ['服务阵地'];
const idParams = z.object({ id: z.coerce.number().int().positive() });

export function venueRoutes(app: App, ctx: Context) {
  app.get('/api/public/venues', { schema: { tags, summary: '服务阵地公开名录（无需登录）' } }, async () => {
    const items = await repo.publicVenues(ctx.db);
    return {
      items: items.map(({ ownerPath: _p, responsiblePersonId: _r, isPublic: _i, closedAt: _c, ...v }) => v),
    };
  });

  app.get(
    '/api/volunteer/venues',
    {
      schema: {
        tags,
        summary: '服务阵地（includeClosed=true 时含已关闭的）',
        querystring: z.object({
          type: z.enum(VENUE_TYPES).optional(),
          includeClosed: z.stringbool().default(false),
        }),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const items = await repo.listVenues(ctx.db, actor, request.query);
      return { items: items.map((v) => ({ ...v, abilities: venueAbilities(actor, v) })) };
    },
  );
  app.get(
    '/api/volunteer/venues/:id',
    { schema: { tags, summary: '阵地详情：值班表与服务记录', params: idParams } },
    async (request) => {
      const actor = requireActor(request);
      const venue = await repo.findVenue(ctx.db, actor, request.params.id);
      if (!venue) throw notFound('服务阵地');
      const [duties, services] = await Promise.all([
        repo.dutiesOf(ctx.db, venue.id),
        repo.serviceLog(ctx.db, venue.id),
      ]);
      const now = Date.now();
      return {
        ...venue,
        duties: duties.map((d) => ({
          ...d,
          abilities: dutyAbilities(actor, { ...d, ownerPath: venue.ownerPath }, now),
        })),
        services,
        abilities: venueAbilities(actor, venue),
      };
    },
  );
  app.post(
    '/api/volunteer/venues',
    { schema: { tags, summary: '新建服务阵地', body: venueInput } },
    async (request, reply) =>
      reply.code(201).send(await service.saveVenue(ctx, requireActor(request), null, request.body)),
  );
  app.put(
    '/api/volunteer/venues/:id',
    { schema: { tags, summary: '修改服务阵地', params: idParams, body: venueInput } },
    async (request) => service.saveVenue(ctx, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/volunteer/venues/:id/close',
    { schema: { tags, summary: '关闭服务阵地（保留值班与服务记录）', params: idParams, body: venueCloseInput } },
    async (request) => service.closeVenue(ctx, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/volunteer/venues/:id/duties',
    { schema: { tags, summary: '排班', params: idParams, body: dutyInput } },
    async (request, reply) =>
      reply.code(201).send(await duties.scheduleDuty(ctx, requireActor(request), request.params.id, request.body)),
  );
  app.post(
    '/api/volunteer/venues/:id/services',
    { schema: { tags, summary: '登记在阵地提供的服务', params: idParams, body: venueServiceInput } },
    async (request, reply) =>
      reply.code(201).send(await service.logService(ctx, requireActor(request), request.params.id, request.body)),
  );

  app.get('/api/volunteer/my/duties', { schema: { tags, summary: '我的值班与待我确认的换班' } }, async (request) => {
    const actor = requireActor(request);
    const [duties, swaps] = await Promise.all([
      repo.myDuties(ctx.db, actor.personId),
      repo.swapsToMe(ctx.db, actor.personId),
    ]);
    const now = Date.now();
    return { duties: duties.map((d) => ({ ...d, abilities: dutyAbilities(actor, d, now) })), swapsToMe: swaps };
  });
  app.post(
    '/api/volunteer/duties/:id/swap',
    { schema: { tags, summary: '申请换班', params: idParams, body: swapInput } },
    async (request, reply) =>
      reply.code(201).send(await duties.requestSwap(ctx, requireActor(request), request.params.id, request.body)),
  );
  app.post(
    '/api/volunteer/swaps/:id/accept',
    { schema: { tags, summary: '接受换班', params: idParams } },
    async (request) => duties.answerSwap(ctx, requireActor(request), request.params.id, true),
  );
  app.post(
    '/api/volunteer/swaps/:id/decline',
    { schema: { tags, summary: '婉拒换班', params: idParams } },
    async (request) => duties.answerSwap(ctx, requireActor(request), request.params.id, false),
  );
  app.post(
    '/api/volunteer/swaps/:id/cancel',
    { schema: { tags, summary: '撤回换班申请（对方答复之前）', params: idParams } },
    async (request) => duties.cancelSwap(ctx, requireActor(request), request.params.id),
  );
  app.post(
    '/api/volunteer/duties/:id/confirm',
    { schema: { tags, summary: '确认值班并记入服务时长', params: idParams } },
    async (request) => duties.confirmDuty(ctx, requireActor(request), request.params.id),
  );
}
