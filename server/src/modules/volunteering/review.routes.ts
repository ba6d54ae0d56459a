import { formatMinutes, reasonInput } from '@pioneer/domain';
import { z } from 'zod';
import type { Actor } from '../../core/actor';
import { requireActor } from '../../core/auth/auth.plugin';
import type { App, Context } from '../../core/module';
import { type ExportColumn, sendListXlsx } from '../../core/xlsx';
import { FLAG_CODES, FLAG_LABELS } from './ledger.flags';
import { isOverdue, REVIEW_OVERDUE_DAYS, reviewAbilities } from './review.policy';
import * as repo from './review.repository';
import * as service from './review.service';
import { unitForAction } from './shared';

const tags = ['志愿服务时长复核'];
const idParams = z.object({ id: z.coerce.number().int().positive() });
const queueQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  state: z.enum(['pending', 'accepted', 'reversed', 'all']).default('pending'),
  flag: z.enum(FLAG_CODES).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  personId: z.coerce.number().int().positive().optional(),
});
const batchInput = z.object({
  ids: z.array(z.number().int().positive()).min(1, '请至少选择一条记录').max(500, '一次最多复核 500 条'),
  decision: z.enum(['accept', 'reverse']),
  reason: reasonInput.shape.reason,
});

const STATE_LABELS: Record<string, string> = {
  pending: '待复核',
  accepted: '已认定',
  reversed: '已冲销',
  clean: '无疑点',
  reversal: '冲销记录',
};

type Row = ReturnType<typeof present>[number];
const EXPORT_COLUMNS: ExportColumn<Row>[] = [
  { header: '记录编号', width: 10, value: (r) => r.id },
  { header: '姓名', width: 10, value: (r) => r.personName },
  { header: '志愿者编号', width: 22, text: true, value: (r) => r.volunteerNo },
  { header: '服务内容', width: 32, value: (r) => r.activityTitle ?? r.description },
  { header: '时长', width: 12, value: (r) => formatMinutes(r.minutes) },
  { header: '分钟', width: 8, value: (r) => r.minutes },
  { header: '服务开始', width: 18, value: (r) => new Date(r.serviceStart) },
  { header: '记录单位', width: 24, value: (r) => r.unitName },
  { header: '录入人', width: 10, value: (r) => r.recordedByName },
  { header: '录入时间', width: 18, value: (r) => new Date(r.recordedAt) },
  { header: '疑点', width: 40, value: (r) => r.flags.map((f) => f.reason).join('；') },
  { header: '状态', width: 10, value: (r) => STATE_LABELS[r.state] ?? r.state },
  { header: '超期', width: 6, value: (r) => (r.overdue ? '是' : '') },
  { header: '复核人', width: 10, value: (r) => r.decidedByName },
  { header: '复核时间', width: 18, value: (r) => (r.decidedAt ? new Date(r.decidedAt) : null) },
  { header: '复核意见', width: 30, value: (r) => r.decisionReason },
];

function present(actor: Actor, rows: repo.FlaggedRow[]) {
  const now = Date.now();
  return rows.map((r) => {
    const ref = { ...r, recordedBy: r.recordedBy, state: r.state };
    return {
      ...r,
      id: Number(r.id),
      flags: r.flags ?? [],
      checkins: r.checkins ?? [],
      overdue: r.state === 'pending' && isOverdue(r.flaggedAt, now),
      abilities: reviewAbilities(actor, ref),
    };
  });
}

export function reviewRoutes(app: App, ctx: Context) {
  const load = async (actor: Actor, q: z.infer<typeof queueQuery>) => {
    const { unitId, ...f } = q;
    const unitPath = unitId ? (await unitForAction(ctx.db, actor, unitId, 'volunteer.view')).path : undefined;
    return present(actor, await repo.queue(ctx.db, actor, { ...f, unitPath }));
  };

  app.get(
    '/api/volunteer/hours-review',
    { schema: { tags, summary: '疑点时长复核队列（本组织及下级）', querystring: queueQuery } },
    async (request) => {
      const items = await load(requireActor(request), request.query);
      return {
        items,
        total: items.length,
        overdueDays: REVIEW_OVERDUE_DAYS,
        flagLabels: FLAG_LABELS,
      };
    },
  );
  app.get(
    '/api/volunteer/hours-review.xlsx',
    { schema: { tags, summary: '导出复核队列（与列表相同的筛选）', querystring: queueQuery } },
    async (request, reply) => {
      const rows = await load(requireActor(request), request.query);
      const day = new Date().toISOString().slice(0, 10);
      return sendListXlsx(reply, {
        sheet: '疑点时长复核',
        fileName: `疑点时长复核_${day}.xlsx`,
        asciiName: `hours-review-${day}.xlsx`,
        columns: EXPORT_COLUMNS,
        rows,
      });
    },
  );
  app.post(
    '/api/volunteer/hours-review/:id/accept',
    { schema: { tags, summary: '复核认定（计入时长），须写明理由', params: idParams, body: reasonInput } },
    async (request) => service.decide(ctx, requireActor(request), request.params.id, 'accept', request.body.reason),
  );
  app.post(
    '/api/volunteer/hours-review/:id/reverse',
    { schema: { tags, summary: '复核不予认定（冲销该记录）', params: idParams, body: reasonInput } },
    async (request) => service.decide(ctx, requireActor(request), request.params.id, 'reverse', request.body.reason),
  );
  app.post(
    '/api/volunteer/hours-review/batch',
    { schema: { tags, summary: '批量复核：同一理由认定或冲销多条', body: batchInput } },
    async (request) => {
      const { ids, decision, reason } = request.body;
      return service.decideBatch(ctx, requireActor(request), ids, decision, reason);
    },
  );
}
