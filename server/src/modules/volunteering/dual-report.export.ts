import { type SqlBool, sql } from 'kysely';
import { z } from 'zod';
import { requireActor } from '../../core/auth/auth.plugin';
import type { App, Context } from '../../core/module';
import { inScope } from '../../core/scope';
import { MAX_EXPORT_ROWS, sendListXlsx } from '../../core/xlsx';

/**
 * 双报到名册 for offices: members of units in my volunteering view who reported to a community, with the
 * community, the slip, and what they did there (claims, confirmed hours). Read-only; one list, one Excel twin.
 */
const query = z.object({
  unitId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  partnerId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});

function roster(ctx: Context, actor: Parameters<typeof inScope>[2], q: z.infer<typeof query>) {
  let rows = ctx.db
    .selectFrom('dual_report as r')
    .innerJoin('person as p', 'p.id', 'r.person_id')
    .innerJoin('org_unit as u', 'u.id', 'p.unit_id')
    .innerJoin('partner as pa', 'pa.id', 'r.partner_id')
    .select([
      'r.id',
      'p.name as personName',
      'p.staff_no as staffNo',
      'u.name as unitName',
      'pa.name as communityName',
      'r.slip_no as slipNo',
      'r.reported_at as reportedAt',
      sql<number>`(select count(*)::int from community_post_claim c where c.dual_report_id = r.id)`.as('claims'),
      sql<number>`(select coalesce(sum(c.minutes), 0)::int from community_post_claim c
        where c.dual_report_id = r.id and c.confirmed_at is not null)`.as('confirmedMinutes'),
    ])
    .where('r.ended_at', 'is', null)
    .where((eb) => inScope(eb, 'u.path', actor, 'volunteer.view'));
  if (q.unitId) {
    rows = rows.where(sql<SqlBool>`u.path like (select f.path || '%' from org_unit f where f.id = ${q.unitId})`);
  }
  if (q.partnerId) rows = rows.where('r.partner_id', '=', q.partnerId);
  return rows.orderBy('u.path').orderBy('p.name').limit(MAX_EXPORT_ROWS);
}

export function dualReportExportRoutes(app: App, ctx: Context) {
  const tags = ['志愿服务'];
  app.get(
    '/api/volunteer/dual-reports',
    { schema: { tags, summary: '双报到名册（本单位及下级党员的报到情况）', querystring: query } },
    async (request) => ({ items: await roster(ctx, requireActor(request), request.query).execute() }),
  );
  app.get(
    '/api/volunteer/dual-reports.xlsx',
    { schema: { tags, summary: '导出双报到名册（与列表相同的筛选）', querystring: query } },
    async (request, reply) => {
      const rows = await roster(ctx, requireActor(request), request.query).execute();
      const day = new Date().toISOString().slice(0, 10);
      return sendListXlsx(reply, {
        sheet: '双报到名册',
        fileName: `双报到名册_${day}.xlsx`,
        asciiName: `dual-reports-${day}.xlsx`,
        rows,
        columns: [
          { header: '姓名', width: 10, value: (r) => r.personName },
          { header: '工号/学号', width: 14, text: true, value: (r) => r.staffNo },
          { header: '所在党支部', width: 28, value: (r) => r.unitName },
          { header: '报到社区', width: 24, value: (r) => r.communityName },
          { header: '报到单号', width: 18, text: true, value: (r) => r.slipNo },
          { header: '报到日期', width: 12, value: (r) => r.reportedAt.slice(0, 10) },
          { header: '认领岗位数', width: 10, value: (r) => r.claims },
          { header: '社区确认时长（小时）', width: 12, value: (r) => Math.round(r.confirmedMinutes / 6) / 10 },
        ],
      });
    },
  );
}
