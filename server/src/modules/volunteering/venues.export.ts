import { VENUE_TYPE_LABELS, VENUE_TYPES, type VenueType } from '@pioneer/domain';
import { z } from 'zod';
import { requireActor } from '../../core/auth/auth.plugin';
import type { App, Context } from '../../core/module';
import { sendListXlsx } from '../../core/xlsx';
import { listVenues } from './venues.repository';

/** The venues list's Excel twin: the same filters as GET /api/volunteer/venues. */
export function venueExportRoutes(app: App, ctx: Context) {
  app.get(
    '/api/volunteer/venues.xlsx',
    {
      schema: {
        tags: ['志愿服务'],
        summary: '导出服务阵地（与列表相同的筛选）',
        querystring: z.object({
          type: z.enum(VENUE_TYPES).optional(),
          includeClosed: z.stringbool().default(false),
        }),
      },
    },
    async (request, reply) => {
      const rows = await listVenues(ctx.db, requireActor(request), request.query);
      const day = new Date().toISOString().slice(0, 10);
      return sendListXlsx(reply, {
        sheet: '服务阵地',
        fileName: `服务阵地_${day}.xlsx`,
        asciiName: `venues-${day}.xlsx`,
        rows,
        columns: [
          { header: '名称', width: 28, value: (v) => v.name },
          { header: '类型', width: 18, value: (v) => VENUE_TYPE_LABELS[v.type as VenueType] ?? v.type },
          { header: '所属组织', width: 26, value: (v) => v.unitName },
          { header: '共建单位', width: 20, value: (v) => v.partnerName ?? '' },
          { header: '地址', width: 30, value: (v) => v.address },
          { header: '开放时间', width: 18, value: (v) => v.openingHours },
          { header: '负责人', width: 10, value: (v) => v.responsibleName },
          { header: '状态', width: 8, value: (v) => (v.closedAt ? '已关闭' : '开放') },
        ],
      });
    },
  );
}
