import {
  CLOCK_LABELS,
  type ClockKind,
  DEMAND_AUDIENCE_LABELS,
  DEMAND_CHANNEL_LABELS,
  DEMAND_STATE_LABELS,
  type DemandAudience,
  type DemandChannel,
  type DemandFilters,
  type DemandState,
} from '@pioneer/domain';
import { sql } from 'kysely';
import { type Actor, can } from '../../core/actor';
import { forbidden, notFound } from '../../core/errors';
import type { Context } from '../../core/module';
import * as repo from './demands.repository';

type Ctx = Pick<Context, 'db'>;
/** The list filter that shows the needs behind a figure (merged with the report's own filters by the page). */
type Filter = Partial<Record<keyof DemandFilters, string | number | boolean>>;

const CLOCK_STATES: Record<ClockKind, DemandState[]> = {
  triage: ['submitted', 'triaged', 'reopened'],
  claim: ['published'],
  complete: ['claimed', 'in_progress'],
};
const STAGES = [
  { stage: 'triage', label: '提交→分拣', from: 'd.submitted_at', to: 'd.triaged_at', reached: 'triaged' },
  { stage: 'claim', label: '发布→认领', from: 'd.published_at', to: 'd.claimed_at', reached: 'claimed' },
  { stage: 'complete', label: '认领→完成', from: 'd.claimed_at', to: 'd.completed_at', reached: 'completed' },
] as const;

/**
 * Figures for a unit's subtree (needs whose responsible unit lies in it): by state, channel, audience, category,
 * time to each step, satisfaction, overdue, per child unit and per month. Each figure carries the list filter that
 * opens the needs behind it, so every number can be traced to its rows.
 */
export async function demandReport(ctx: Ctx, actor: Actor, unitId: number, filters: DemandFilters) {
  const unit = await repo.findUnit(ctx.db, actor, unitId);
  if (!unit) throw notFound('组织');
  if (!can(actor, 'report.view', unit.path) && !can(actor, 'demand.view', unit.path))
    throw forbidden('您不能查看该组织的统计');
  const f = { ...filters, unitPath: unit.path };
  const q = () => repo.base(ctx.db).where((eb) => repo.applyFilters(eb, f));
  const count = sql<number>`count(*)::int`;

  const [byState, byChannel, byAudience, byCategory, totals] = await Promise.all([
    q()
      .select(['d.state as key', count.as('count')])
      .groupBy('d.state')
      .execute(),
    q()
      .select(['d.channel as key', count.as('count')])
      .groupBy('d.channel')
      .execute(),
    q()
      .select(['d.audience as key', count.as('count')])
      .groupBy('d.audience')
      .execute(),
    q()
      .select(['d.category_id as key', 'cat.name as name', 'cat.grp as grp', count.as('count')])
      .groupBy(['d.category_id', 'cat.name', 'cat.grp'])
      .orderBy('count', 'desc')
      .execute(),
    q()
      .select([
        count.as('total'),
        sql<number | null>`avg(d.last_rating_score)::float8`.as('avgScore'),
        sql<number>`count(d.last_rating_score)::int`.as('rated'),
        sql<number>`coalesce(sum(d.minutes_total), 0)::int`.as('minutes'),
        ...([1, 2, 3, 4, 5] as const).map((s) =>
          sql<number>`count(*) filter (where d.last_rating_score = ${s})::int`.as(`s${s}`),
        ),
        ...(Object.keys(CLOCK_STATES) as ClockKind[]).map((k) =>
          sql<number>`count(*) filter (where d.state in (${sql.join(CLOCK_STATES[k])}) and d.due_at < now())::int`.as(
            `o_${k}`,
          ),
        ),
        ...STAGES.flatMap((s) => [
          sql<number | null>`round(avg(extract(epoch from (${sql.ref(s.to)} - ${sql.ref(s.from)})) / 60))::int`.as(
            `avg_${s.stage}`,
          ),
          sql<
            number | null
          >`round(percentile_cont(0.5) within group (order by extract(epoch from (${sql.ref(s.to)} - ${sql.ref(s.from)})) / 60))::int`.as(
            `med_${s.stage}`,
          ),
          sql<number>`count(${sql.ref(s.to)})::int`.as(`n_${s.stage}`),
        ]),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  const t = totals as unknown as Record<string, number | null>;
  const n = (k: string) => Number(t[k] ?? 0);

  const byUnit = await q()
    .innerJoin('org_unit as child', (j) =>
      j.on(sql<boolean>`child.parent_id = ${unit.id} and r.path like child.path || '%'`),
    )
    .select([
      'child.id as unitId',
      'child.name as name',
      count.as('total'),
      sql<number>`count(*) filter (where d.state in ('claimed', 'in_progress'))::int`.as('inService'),
      sql<number>`count(*) filter (where d.state in ('completed', 'rated', 'closed'))::int`.as('done'),
      sql<number>`count(*) filter (where d.state in (${sql.join(repo.CLOCK_STATES)}) and d.due_at < now())::int`.as(
        'overdue',
      ),
      sql<number | null>`avg(d.last_rating_score)::float8`.as('avgScore'),
    ])
    .groupBy(['child.id', 'child.name', 'child.path'])
    .orderBy('child.path')
    .execute();
  const month = sql<string>`to_char(d.submitted_at at time zone 'Asia/Shanghai', 'YYYY-MM')`;
  const byMonth = await q()
    .select([month.as('month'), count.as('count')])
    .groupBy(month)
    .orderBy(month)
    .execute();

  const overdueTotal = (Object.keys(CLOCK_STATES) as ClockKind[]).reduce((a, k) => a + n(`o_${k}`), 0);
  return {
    unit: { id: unit.id, name: unit.name },
    filters,
    total: n('total'),
    minutesTotal: n('minutes'),
    byState: byState.map((r) => ({
      key: r.key,
      label: DEMAND_STATE_LABELS[r.key as DemandState],
      count: r.count,
      filter: { state: r.key } as Filter,
    })),
    byChannel: byChannel.map((r) => ({
      key: r.key,
      label: DEMAND_CHANNEL_LABELS[r.key as DemandChannel],
      count: r.count,
      filter: { channel: r.key } as Filter,
    })),
    byAudience: byAudience.map((r) => ({
      key: r.key,
      label: DEMAND_AUDIENCE_LABELS[r.key as DemandAudience],
      count: r.count,
      filter: { audience: r.key } as Filter,
    })),
    byCategory: byCategory.map((r) => ({
      key: r.key ?? 0,
      label: r.name ?? '未分类',
      group: r.grp ?? '',
      count: r.count,
      filter: { categoryId: r.key ?? 0 } as Filter,
    })),
    times: STAGES.map((s) => ({
      stage: s.stage,
      label: s.label,
      avgMinutes: t[`avg_${s.stage}`] ?? null,
      medianMinutes: t[`med_${s.stage}`] ?? null,
      count: n(`n_${s.stage}`),
      filter: { reached: s.reached } as Filter,
    })),
    satisfaction: {
      average: t.avgScore === null ? null : Math.round(Number(t.avgScore) * 100) / 100,
      count: n('rated'),
      filter: { reached: 'rated' } as Filter,
      distribution: [1, 2, 3, 4, 5].map((score) => ({
        score,
        count: n(`s${score}`),
        filter: { rated: score } as Filter,
      })),
    },
    overdue: {
      total: overdueTotal,
      filter: { overdue: true } as Filter,
      byClock: (Object.keys(CLOCK_STATES) as ClockKind[]).map((k) => ({
        clock: k,
        label: CLOCK_LABELS[k],
        count: n(`o_${k}`),
        filter: { overdue: true, state: CLOCK_STATES[k].join(',') } as Filter,
      })),
    },
    byUnit: byUnit.map((u) => ({
      ...u,
      avgScore: u.avgScore === null ? null : Math.round(Number(u.avgScore) * 100) / 100,
      filter: { unitId: u.unitId } as Filter,
    })),
    byMonth: everyMonth(byMonth).map((m) => ({ ...m, filter: monthFilter(m.month) })),
  };
}

/** The months from the first to the last with needs, the quiet ones as 0, so a trend line does not skip them. */
function everyMonth(rows: { month: string; count: number }[]) {
  if (rows.length === 0) return [];
  const counts = new Map(rows.map((r) => [r.month, r.count]));
  const out: { month: string; count: number }[] = [];
  let [y, m] = (rows[0] as { month: string }).month.split('-').map(Number) as [number, number];
  const last = (rows.at(-1) as { month: string }).month;
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    out.push({ month, count: counts.get(month) ?? 0 });
    if (month >= last) return out;
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
}

function monthFilter(month: string): Filter {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}
