import { requireActor } from '../../core/auth/auth.plugin';
import type { App, Context } from '../../core/module';
import { sendListXlsx } from '../../core/xlsx';
import * as service from './certificate-requests.service';

const tags = ['志愿服务'];
const STATUS_LABELS = { pending: '待办理', issued: '已出具', declined: '已退回' } as const;
const SCOPE_LABELS = { per_unit: '各记录单位分别出具', school: '学校统一出具' } as const;

/** 申请志愿服务证明: the member's request and its preview; the issuing units' list, batch issue and decline. */
export function certificateRequestRoutes(app: App, ctx: Context) {
  app.get(
    '/api/volunteer/my/certificate-requests/preview',
    {
      schema: { tags, summary: '某期间我的时长由哪些单位记录（只含计入证明的时长）', querystring: service.periodQuery },
    },
    async (request) => {
      const actor = requireActor(request);
      return service.hoursByUnit(ctx.db, actor.personId, request.query.from, request.query.to);
    },
  );
  app.get('/api/volunteer/my/certificate-requests', { schema: { tags, summary: '我的证明申请' } }, async (request) =>
    service.myRequests(ctx, requireActor(request)),
  );
  app.post(
    '/api/volunteer/my/certificate-requests',
    { schema: { tags, summary: '申请志愿服务证明', body: service.requestInput } },
    async (request, reply) =>
      reply.code(201).send(await service.createRequest(ctx, requireActor(request), request.body)),
  );

  app.get(
    '/api/volunteer/certificate-requests',
    { schema: { tags, summary: '待本单位办理的证明申请', querystring: service.officeQuery } },
    async (request) => service.officeRequests(ctx, requireActor(request), request.query),
  );
  app.get(
    '/api/volunteer/certificate-requests.xlsx',
    { schema: { tags, summary: '导出证明申请（与列表相同的筛选）', querystring: service.officeQuery } },
    async (request, reply) => {
      const { items } = await service.officeRequests(ctx, requireActor(request), request.query);
      const today = new Date().toISOString().slice(0, 10);
      return sendListXlsx(reply, {
        sheet: '证明申请',
        fileName: `证明申请_${today}.xlsx`,
        asciiName: `certificate-requests-${today}.xlsx`,
        rows: items,
        columns: [
          { header: '申请人', width: 10, value: (r) => r.personName },
          { header: '工号/学号', width: 14, text: true, value: (r) => r.staffNo },
          { header: '所在组织', width: 26, value: (r) => r.personUnitName },
          { header: '期间', width: 24, value: (r) => `${r.from} 至 ${r.to}` },
          { header: '出具方式', width: 18, value: (r) => SCOPE_LABELS[r.scope] },
          { header: '出具单位', width: 26, value: (r) => r.unitName },
          { header: '时长（小时）', width: 12, value: (r) => Math.round(r.minutes / 6) / 10 },
          { header: '状态', width: 10, value: (r) => STATUS_LABELS[r.status] },
          { header: '证明编号', width: 28, text: true, value: (r) => r.serial ?? '' },
          { header: '用途', width: 20, value: (r) => r.purpose },
        ],
      });
    },
  );
  app.post(
    '/api/volunteer/certificate-requests/issue-batch',
    { schema: { tags, summary: '批量出具证明（逐项出具，失败的项说明原因）', body: service.issueBatchInput } },
    async (request) => service.issueParts(ctx, requireActor(request), request.body),
  );
  app.post(
    '/api/volunteer/certificate-requests/decline-batch',
    { schema: { tags, summary: '批量退回证明申请（全部或全不）', body: service.declineBatchInput } },
    async (request) => service.declineParts(ctx, requireActor(request), request.body),
  );
}
