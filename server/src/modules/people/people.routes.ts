import {
  peopleFilter,
  peopleSortQuery,
  personInput,
  personUpdateInput,
  TRANSFER_DIRECTIONS,
  TRANSFER_STATUSES,
  transferApproveInput,
  transferRejectInput,
  transferRequestInput,
} from '@pioneer/domain';
import { z } from 'zod';
import { requireActor } from '../../core/auth/auth.plugin';
import type { App, Context } from '../../core/module';
import { offsetOf, pageOf, pageQuery } from '../../core/paging';
import * as service from './people.service';
import { listTargets } from './transfer.repository';
import * as transfers from './transfer.service';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const tags = ['人员'];
const transferTags = ['组织关系转接'];

export function peopleRoutes(app: App, ctx: Context) {
  app.get(
    '/api/people',
    {
      schema: {
        tags,
        summary: '人员名册：检索、筛选、分页（手机号、身份证号按权限脱敏）',
        querystring: peopleFilter.extend(peopleSortQuery.shape).extend(pageQuery.shape),
      },
    },
    async (request) => {
      const { items, total } = await service.searchPeople(ctx, requireActor(request), request.query);
      return pageOf(items, total, request.query);
    },
  );
  app.get('/api/people/:id', { schema: { tags, summary: '人员档案', params: idParams } }, async (request) =>
    service.getProfile(ctx, requireActor(request), request.params.id),
  );
  app.post('/api/people', { schema: { tags, summary: '录入人员', body: personInput } }, async (request, reply) =>
    reply.code(201).send(await service.createPerson(ctx, requireActor(request), request.body)),
  );
  app.put(
    '/api/people/:id',
    { schema: { tags, summary: '修改人员信息', params: idParams, body: personUpdateInput } },
    async (request) => service.updatePerson(ctx, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/people/:id/transfers',
    {
      schema: {
        tags: transferTags,
        summary: '发起组织关系转接（转出方）',
        params: idParams,
        body: transferRequestInput,
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await transfers.requestTransfer(ctx, requireActor(request), request.params.id, request.body)),
  );
  app.get(
    '/api/transfers',
    {
      schema: {
        tags: transferTags,
        summary: '组织关系转接：转入（待我方审批）与转出',
        querystring: z
          .object({ direction: z.enum(TRANSFER_DIRECTIONS).optional(), status: z.enum(TRANSFER_STATUSES).optional() })
          .extend(pageQuery.shape),
      },
    },
    async (request) => {
      const q = request.query;
      const { items, total } = await transfers.listTransfers(ctx, requireActor(request), {
        direction: q.direction,
        status: q.status,
        limit: q.pageSize,
        offset: offsetOf(q),
      });
      return pageOf(items, total, q);
    },
  );
  app.post(
    '/api/transfers/:id/approve',
    { schema: { tags: transferTags, summary: '同意转入（接收方）', params: idParams, body: transferApproveInput } },
    async (request) => transfers.approveTransfer(ctx, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/transfers/:id/reject',
    { schema: { tags: transferTags, summary: '退回转接申请（接收方）', params: idParams, body: transferRejectInput } },
    async (request) => transfers.rejectTransfer(ctx, requireActor(request), request.params.id, request.body),
  );
  app.get(
    '/api/transfer-targets',
    {
      schema: {
        tags: transferTags,
        summary: '可转入的党支部（全校范围，仅名称）',
        querystring: z.object({ q: z.string().trim().max(50).optional() }),
      },
    },
    async (request) => {
      requireActor(request);
      return { items: await listTargets(ctx.db, request.query.q, 50) };
    },
  );

  app.get(
    '/api/reports/staffing',
    {
      schema: {
        tags: ['统计报表'],
        summary: '专职党务、思政工作人员配备比例（目标 1%）',
        querystring: z.object({ unitId: z.coerce.number().int().positive() }),
      },
    },
    async (request) => service.staffingReport(ctx, requireActor(request), request.query.unitId),
  );
}
