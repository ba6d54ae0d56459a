import { allocationInput, fundingReasonInput } from '@pioneer/domain';
import { z } from 'zod';
import { requireActor } from '../../../core/auth/auth.plugin';
import type { App, Context } from '../../../core/module';
import * as service from './allocations.service';

const tags = ['经费保障'];
const idParams = z.object({ id: z.coerce.number().int().positive() });

export function allocationRoutes(app: App, ctx: Context) {
  app.get(
    '/api/funding/allocations',
    {
      schema: {
        tags,
        summary: '经费下拨记录（某年度，可按组织及下级筛选）',
        querystring: z.object({
          year: z.coerce.number().int().min(2000).max(2100),
          unitId: z.coerce.number().int().positive().optional(),
        }),
      },
    },
    async (request) => service.listAllocations(ctx, requireActor(request), request.query),
  );
  app.post(
    '/api/funding/allocations',
    { schema: { tags, summary: '向直属下级下拨经费', body: allocationInput } },
    async (request, reply) => reply.code(201).send(await service.allocate(ctx, requireActor(request), request.body)),
  );
  app.post(
    '/api/funding/allocations/:id/reverse',
    { schema: { tags, summary: '冲销一笔下拨（追加一条负数记录）', params: idParams, body: fundingReasonInput } },
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.reverseAllocation(ctx, requireActor(request), request.params.id, request.body.reason)),
  );
}
