import { sql } from 'kysely';
import type { Measure, MeasureFilter } from '../../core/measures/measure';

/** Party members (incl. probationary) of the subtree with their counted minutes in the period. */
const memberMinutes = (f: MeasureFilter) => sql<Record<string, unknown>>`
  select p.id, p.name, u.name as unit,
    coalesce((select sum(e.minutes) from volunteer_hours_counted e
      where e.person_id = p.id and e.service_start >= ${f.from} and e.service_start < ${f.to}), 0)::int as amount
  from person p
  join org_unit u on u.id = p.unit_id
  where u.path like ${`${f.unitPath}%`} and p.political_status in ('member', 'probationary')`;

/**
 * Volunteering's measures. Activities count for the organizing unit, venue services for the venue's owner unit,
 * 双报到 for the member's own unit. Hours measures read the ledger through the one definition of hours that
 * count (see ledger code and docs/volunteering.md).
 */
export const volunteeringMeasures: Measure[] = [
  {
    key: 'volunteering.hours',
    name: '志愿服务时长',
    nameEn: 'Volunteer hours',
    unit: 'minutes',
    aggregate: 'sum',
    description: '本组织及下级人员在期间内的志愿服务时长（只计有效时长：未冲销、且不在待审核中）',
    counts: ['volunteer_hours_counted'],
    columns: [
      { key: 'name', header: '姓名' },
      { key: 'unit', header: '所在组织' },
      { key: 'description', header: '服务内容' },
      { key: 'service_start', header: '服务时间' },
      { key: 'recorded_by_name', header: '记录人' },
    ],
    rows: (f) => sql`
      select e.id, p.name, u.name as unit, e.description, e.service_start::text as service_start,
        e.recorded_by_name, e.minutes as amount
      from volunteer_hours_counted e
      join person p on p.id = e.person_id
      join org_unit u on u.id = p.unit_id
      where u.path like ${`${f.unitPath}%`} and e.service_start >= ${f.from} and e.service_start < ${f.to}`,
  },
  {
    key: 'volunteering.hours_per_member',
    name: '党员人均志愿服务时长',
    nameEn: 'Volunteer hours per Party member',
    unit: 'minutes',
    aggregate: 'avg',
    description: '本组织及下级党员（含预备党员）在期间内有效志愿服务时长的人均值（没有时长的党员按 0 计入）',
    counts: ['person', 'volunteer_hours_counted'],
    columns: [
      { key: 'name', header: '姓名' },
      { key: 'unit', header: '所在组织' },
    ],
    rows: memberMinutes,
  },
  {
    key: 'volunteering.members_with_hours',
    name: '有志愿服务时长的党员',
    nameEn: 'Party members with volunteer hours',
    unit: 'count',
    aggregate: 'count',
    description: '本组织及下级党员（含预备党员）中，期间内有有效志愿服务时长的人数',
    counts: ['person', 'volunteer_hours_counted'],
    columns: [
      { key: 'name', header: '姓名' },
      { key: 'unit', header: '所在组织' },
      { key: 'minutes', header: '有效时长（分钟）' },
    ],
    rows: (f) => sql`select m.id, m.name, m.unit, m.amount as minutes from (${memberMinutes(f)}) m where m.amount > 0`,
  },
  {
    key: 'volunteering.activities_held',
    name: '开展的志愿服务活动',
    nameEn: 'Volunteer activities held',
    unit: 'count',
    aggregate: 'count',
    description: '本组织及下级组织的、在期间内已开始且未取消的志愿服务活动数',
    counts: ['volunteer_activity'],
    columns: [
      { key: 'title', header: '活动' },
      { key: 'unit', header: '组织单位' },
      { key: 'starts_at', header: '开始时间' },
    ],
    rows: (f) => sql`
      select a.id, a.title, u.name as unit, a.starts_at::text as starts_at
      from volunteer_activity a
      join org_unit u on u.id = a.org_unit_id
      where u.path like ${`${f.unitPath}%`} and a.status <> 'cancelled'
        and a.starts_at >= ${f.from} and a.starts_at < ${f.to} and a.starts_at <= now()`,
  },
  {
    key: 'volunteering.venue_services',
    name: '服务阵地服务记录',
    nameEn: 'Services logged at venues',
    unit: 'count',
    aggregate: 'count',
    description: '本组织及下级所属服务阵地在期间内登记的服务次数',
    counts: ['venue_service_log'],
    columns: [
      { key: 'venue', header: '服务阵地' },
      { key: 'title', header: '服务内容' },
      { key: 'served_at', header: '服务时间' },
      { key: 'people_served', header: '服务人数' },
    ],
    rows: (f) => sql`
      select l.id, v.name as venue, l.title, l.served_at::text as served_at, l.people_served
      from venue_service_log l
      join venue v on v.id = l.venue_id
      join org_unit u on u.id = v.owner_unit_id
      where u.path like ${`${f.unitPath}%`} and l.served_at >= ${f.from} and l.served_at < ${f.to}`,
  },
  {
    key: 'volunteering.dual_report_rate',
    name: '党员双报到率',
    nameEn: 'Members reported to their community (双报到)',
    unit: 'ratio',
    aggregate: 'ratio',
    description: '本组织及下级的党员（含预备党员）中，期末时已向居住地社区报到且未结束报到的比例',
    counts: ['person', 'dual_report'],
    columns: [
      { key: 'name', header: '姓名' },
      { key: 'unit', header: '所在支部' },
      { key: 'community', header: '报到社区' },
    ],
    rows: (f) => sql`
      select p.id, p.name, u.name as unit, pt.name as community,
        (dr.id is not null)::int as num, 1 as den
      from person p
      join org_unit u on u.id = p.unit_id
      left join lateral (
        select r.id, r.partner_id from dual_report r
        where r.person_id = p.id and r.reported_at < ${f.to} and (r.ended_at is null or r.ended_at >= ${f.to})
        order by r.reported_at desc limit 1
      ) dr on true
      left join partner pt on pt.id = dr.partner_id
      where u.path like ${`${f.unitPath}%`} and p.political_status in ('member', 'probationary')`,
  },
];
