import { DEFAULT_TIME_LIMITS } from '@pioneer/domain';
import { sql } from 'kysely';
import type { Measure, MeasureFilter } from '../../core/measures/measure';

/**
 * Needs count for the unit responsible for them (the same attribution as the figures page); ratings count for
 * the unit the rating credits (the claiming branch or team's unit), else the responsible unit.
 */
const completedIn = (f: MeasureFilter) => sql`
  from demand d
  join org_unit r on r.id = d.responsible_unit_id
  left join demand_category cat on cat.id = d.category_id
  where r.path like ${`${f.unitPath}%`}
    and d.completed_at >= ${f.from} and d.completed_at < ${f.to}
    and d.state in ('completed', 'rated', 'closed', 'reopened')`;

// A category without all three limits uses the defaults, as the clocks do (demands.transition.ts limitsOf).
const completeMinutes = sql`case when cat.triage_minutes > 0 and cat.claim_minutes > 0 and cat.complete_minutes > 0
  then cat.complete_minutes else ${DEFAULT_TIME_LIMITS.completeMinutes} end`;

const ratingsIn = (f: MeasureFilter) => sql`
  from demand_rating rt
  join demand d on d.id = rt.demand_id
  join org_unit u on u.id = coalesce(rt.unit_id, d.responsible_unit_id)
  where u.path like ${`${f.unitPath}%`} and rt.created_at >= ${f.from} and rt.created_at < ${f.to}`;

const ratingColumns = [
  { key: 'title', header: '需求' },
  { key: 'unit', header: '评价对象组织' },
  { key: 'comment', header: '评价意见' },
  { key: 'rated_at', header: '评价时间' },
];

export const demandMeasures: Measure[] = [
  {
    key: 'demands.completed',
    name: '完成的服务需求',
    nameEn: 'Needs completed',
    unit: 'count',
    aggregate: 'count',
    description: '本组织及下级负责的服务需求中，在期间内完成服务的件数',
    counts: ['demand'],
    columns: [
      { key: 'tracking_code', header: '受理编号' },
      { key: 'title', header: '需求' },
      { key: 'unit', header: '负责组织' },
      { key: 'completed_at', header: '完成时间' },
    ],
    rows: (f) =>
      sql`select d.id, d.tracking_code, d.title, r.name as unit, d.completed_at::text as completed_at ${completedIn(f)}`,
  },
  {
    key: 'demands.on_time_rate',
    name: '服务需求按时完成率',
    nameEn: 'Needs completed on time',
    unit: 'ratio',
    aggregate: 'ratio',
    description: '期间内完成的服务需求中，自认领起在该类别“完成服务”时限内完成的比例',
    counts: ['demand'],
    columns: [
      { key: 'tracking_code', header: '受理编号' },
      { key: 'title', header: '需求' },
      { key: 'claimed_at', header: '认领时间' },
      { key: 'completed_at', header: '完成时间' },
      { key: 'limit_minutes', header: '时限（分钟）' },
    ],
    rows: (f) => sql`
      select d.id, d.tracking_code, d.title, d.claimed_at::text as claimed_at, d.completed_at::text as completed_at,
        ${completeMinutes} as limit_minutes,
        (d.completed_at <= d.claimed_at + make_interval(mins => ${completeMinutes}))::int as num, 1 as den
      ${completedIn(f)} and d.claimed_at is not null`,
  },
  {
    key: 'demands.satisfaction_avg',
    name: '服务对象满意度（平均分）',
    nameEn: 'Satisfaction of the people served (average)',
    unit: 'score',
    aggregate: 'avg',
    description: '期间内服务对象对本组织及下级所作评价的平均分（1–5 分）',
    counts: ['demand_rating'],
    columns: ratingColumns,
    rows: (f) => sql`
      select rt.id, d.title, u.name as unit, rt.comment, rt.created_at::text as rated_at, rt.score as amount
      ${ratingsIn(f)}`,
  },
  {
    key: 'demands.ratings',
    name: '服务对象评价数',
    nameEn: 'Ratings by the people served',
    unit: 'count',
    aggregate: 'count',
    description: '期间内服务对象对本组织及下级所作评价的条数',
    counts: ['demand_rating'],
    columns: [...ratingColumns, { key: 'score', header: '评分' }],
    rows: (f) => sql`
      select rt.id, d.title, u.name as unit, rt.comment, rt.created_at::text as rated_at, rt.score
      ${ratingsIn(f)}`,
  },
];
