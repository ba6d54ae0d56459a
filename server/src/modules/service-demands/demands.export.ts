import { demandListQuery } from '@pioneer/domain';
import { shanghaiTime } from '../../core/audit/audit.list';
import { requireActor } from '../../core/auth/auth.plugin';
import { notFound } from '../../core/errors';
import type { App, Context } from '../../core/module';
import { type ExportColumn, MAX_EXPORT_ROWS, sendListXlsx } from '../../core/xlsx';
import { presentDemand } from './demands.present';
import * as repo from './demands.repository';
import { overdueQueue } from './overdue.service';

/**
 * Excel twins of the needs ledger and the overdue list: the same filters as GET /api/demands and
 * GET /api/demands/overdue, no paging, through core/xlsx.ts — the file holds exactly what the list shows
 * (requester details masked as the list masks them).
 */
type Demand = ReturnType<typeof presentDemand>;
const at = (iso: string | null) => (iso ? shanghaiTime(iso) : '');

export const DEMAND_COLUMNS: ExportColumn<Demand>[] = [
  { header: '编号', width: 8, value: (d) => d.id },
  { header: '标题', width: 30, value: (d) => d.title },
  { header: '类别', width: 14, value: (d) => d.category?.name ?? '' },
  { header: '状态', width: 10, value: (d) => d.stateLabel },
  { header: '需求类型', width: 10, value: (d) => d.audienceLabel },
  { header: '登记方式', width: 12, value: (d) => d.channelLabel },
  { header: '需求人', width: 10, value: (d) => d.requester.name },
  { header: '来源组织', width: 24, value: (d) => d.originUnit?.name ?? '' },
  { header: '受理组织', width: 24, value: (d) => d.handlingUnit.name },
  { header: '责任组织', width: 24, value: (d) => d.responsibleUnit.name },
  { header: '承接', width: 24, value: (d) => d.claim?.unitName ?? d.claim?.personName ?? '' },
  { header: '提交时间', width: 18, value: (d) => at(d.submittedAt) },
  { header: '时限', width: 18, value: (d) => (d.clock ? at(d.clock.dueAt) : '') },
  { header: '是否超时', width: 8, value: (d) => (d.clock?.overdue ? '超时' : '') },
  { header: '服务时长（小时）', width: 10, value: (d) => (d.minutesTotal ? Math.round(d.minutesTotal / 6) / 10 : '') },
  { header: '满意度', width: 8, value: (d) => d.lastRatingScore ?? '' },
];

const today = () => new Date().toISOString().slice(0, 10);

export function demandExportRoutes(app: App, ctx: Context) {
  app.get(
    '/api/demands.xlsx',
    {
      schema: {
        tags: ['服务需求'],
        summary: '导出需求台账（与列表相同的筛选）',
        querystring: demandListQuery.omit({ page: true, pageSize: true }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const q = request.query;
      let unitPath: string | undefined;
      if (q.unitId) {
        const unit = await repo.findUnit(ctx.db, actor, q.unitId);
        if (!unit) throw notFound('组织');
        unitPath = unit.path;
      }
      const { rows } = await repo.listDemands(ctx.db, actor, { ...q, unitPath, page: 1, pageSize: MAX_EXPORT_ROWS });
      return sendListXlsx(reply, {
        sheet: '需求台账',
        fileName: `需求台账_${today()}.xlsx`,
        asciiName: `demands-${today()}.xlsx`,
        columns: DEMAND_COLUMNS,
        rows: rows.map((r) => presentDemand(r, actor)),
      });
    },
  );
  app.get(
    '/api/demands/overdue.xlsx',
    {
      schema: {
        tags: ['服务需求'],
        summary: '导出超时需求（与超时清单相同）',
        querystring: demandListQuery.pick({ unitId: true }),
      },
    },
    async (request, reply) => {
      const queue = await overdueQueue(ctx, requireActor(request), request.query.unitId);
      return sendListXlsx(reply, {
        sheet: '超时需求',
        fileName: `超时需求_${queue.unit?.name ?? ''}_${today()}.xlsx`,
        asciiName: `overdue-${today()}.xlsx`,
        columns: DEMAND_COLUMNS,
        rows: queue.items,
      });
    },
  );
}
