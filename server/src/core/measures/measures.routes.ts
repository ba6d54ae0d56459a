import { z } from 'zod';
import { can } from '../actor';
import { requireActor } from '../auth/auth.plugin';
import { badRequest, forbidden, notFound } from '../errors';
import type { App, Context } from '../module';
import { inScope } from '../scope';
import { MAX_EXPORT_ROWS, sendListXlsx } from '../xlsx';
import { MEASURE_UNIT_LABELS, type MeasureFilter } from './measure';
import { measureRows, measureValue, type RegisteredMeasure } from './registry';

const tags = ['指标口径'];
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const keyParams = z.object({ key: z.string().max(80) });
const filterQuery = z.object({
  unitId: z.coerce.number().int().positive(),
  /** First day of the period (inclusive); default: 1 January of this year. */
  from: date.optional(),
  /** Last day of the period (inclusive); default: 31 December of this year. */
  to: date.optional(),
});
const rowsQuery = filterQuery.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

const shanghaiYear = () => Number(new Date().toLocaleString('en-CA', { timeZone: 'Asia/Shanghai' }).slice(0, 4));
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** A day in Asia/Shanghai as a timestamptz bound: people mean local calendar days. */
export function periodBounds(from?: string, to?: string): { from: string; to: string; fromDay: string; toDay: string } {
  const year = shanghaiYear();
  const fromDay = from ?? `${year}-01-01`;
  const toDay = to ?? `${year}-12-31`;
  if (fromDay > toDay) throw badRequest('to', '结束日期不能早于开始日期');
  return { from: `${fromDay}T00:00:00+08:00`, to: `${nextDay(toDay)}T00:00:00+08:00`, fromDay, toDay };
}

function present(m: RegisteredMeasure) {
  return {
    key: m.key,
    module: m.module,
    name: m.name,
    nameEn: m.nameEn,
    unit: m.unit,
    unitLabel: MEASURE_UNIT_LABELS[m.unit],
    aggregate: m.aggregate,
    description: m.description,
    columns: [...m.columns, ...valueColumns(m)],
  };
}

/** The columns that carry the aggregated numbers, shown after the declared ones. */
function valueColumns(m: RegisteredMeasure) {
  if (m.aggregate === 'ratio')
    return [
      { key: 'num', header: '分子' },
      { key: 'den', header: '分母' },
    ];
  if (m.aggregate === 'count') return [];
  return [{ key: 'amount', header: m.unit === 'minutes' ? '分钟' : m.unit === 'fen' ? '金额（分）' : '数值' }];
}

export function measureRoutes(app: App, ctx: Context) {
  const registry = ctx.measures;
  /** The measure and the unit (report.view over it, else 403; out of reach, 404) and the period. */
  async function resolve(actor: ReturnType<typeof requireActor>, key: string, q: z.infer<typeof filterQuery>) {
    const measure = registry.get(key);
    if (!measure) throw notFound('指标');
    const unit = await ctx.db
      .selectFrom('org_unit as u')
      .select(['u.id', 'u.name', 'u.path'])
      .where('u.id', '=', q.unitId)
      .where((eb) => eb.or([inScope(eb, 'u.path', actor, 'report.view'), inScope(eb, 'u.path', actor, 'org.view')]))
      .executeTakeFirst();
    if (!unit) throw notFound('组织');
    if (!can(actor, 'report.view', unit.path)) throw forbidden('您不能查看该组织的统计');
    const period = periodBounds(q.from, q.to);
    const filter: MeasureFilter = { unitPath: unit.path, from: period.from, to: period.to };
    return { measure, unit, period, filter };
  }

  app.get('/api/measures', { schema: { tags, summary: '指标库：各模块声明的全部指标' } }, async (request) => {
    requireActor(request);
    return { items: registry.all().map(present) };
  });

  app.get(
    '/api/measures/:key',
    { schema: { tags, summary: '某组织（含下级）在某期间的指标值', params: keyParams, querystring: filterQuery } },
    async (request) => {
      const actor = requireActor(request);
      const { measure, unit, period, filter } = await resolve(actor, request.params.key, request.query);
      const { value, rowCount } = await measureValue(ctx.db, measure, filter);
      return {
        measure: present(measure),
        unit: { id: unit.id, name: unit.name },
        from: period.fromDay,
        to: period.toDay,
        value,
        rowCount,
      };
    },
  );

  app.get(
    '/api/measures/:key/rows',
    { schema: { tags, summary: '指标值背后的记录（逐行）', params: keyParams, querystring: rowsQuery } },
    async (request) => {
      const actor = requireActor(request);
      const q = request.query;
      const { measure, filter } = await resolve(actor, request.params.key, q);
      const [items, { rowCount }] = await Promise.all([
        measureRows(ctx.db, measure, filter, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
        measureValue(ctx.db, measure, filter),
      ]);
      return { items, total: rowCount, page: q.page, pageSize: q.pageSize, columns: present(measure).columns };
    },
  );

  app.get(
    '/api/measures/:key/rows.xlsx',
    { schema: { tags, summary: '导出指标值背后的记录（.xlsx）', params: keyParams, querystring: filterQuery } },
    async (request, reply) => {
      const actor = requireActor(request);
      const { measure, unit, period, filter } = await resolve(actor, request.params.key, request.query);
      const rows = await measureRows(ctx.db, measure, filter, { limit: MAX_EXPORT_ROWS, offset: 0 });
      const columns = [{ key: 'id', header: '记录编号' }, ...present(measure).columns];
      return sendListXlsx(reply, {
        sheet: measure.name.slice(0, 31),
        fileName: `${measure.name}_${unit.name}_${period.fromDay}至${period.toDay}.xlsx`,
        asciiName: `${measure.key}-${period.fromDay}-${period.toDay}.xlsx`,
        columns: columns.map((c) => ({ header: c.header, value: (r: Record<string, unknown>) => cell(r[c.key]) })),
        rows,
      });
    },
  );
}

const cell = (v: unknown) =>
  v === null || v === undefined ? null : typeof v === 'number' ? v : v instanceof Date ? v : String(v);
