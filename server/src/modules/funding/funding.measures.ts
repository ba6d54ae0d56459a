import { EXPENSE_CATEGORY_LABELS } from '@pioneer/domain';
import { type RawBuilder, sql } from 'kysely';
import type { Measure, MeasureFilter } from '../../core/measures/measure';

/** The period's bounds as Asia/Shanghai dates, for the date columns of the funding ledger. */
const fromDay = (f: MeasureFilter) => sql`(${f.from}::timestamptz at time zone 'Asia/Shanghai')::date`;
const toDay = (f: MeasureFilter) => sql`(${f.to}::timestamptz at time zone 'Asia/Shanghai')::date`;

const categoryLabel: RawBuilder<string> = sql`case e.category ${sql.join(
  Object.entries(EXPENSE_CATEGORY_LABELS).map(([k, v]) => sql`when ${sql.lit(k)} then ${sql.lit(v)}`),
  sql` `,
)} else e.category end`;

/** Expenses that count as spent: under the threshold, or approved by the level above (reversals follow them). */
const COUNTED = sql`(d.decision = 'approved' or (d.decision is null and not e.needs_approval))`;

/**
 * Funding's measures (经费保障). Allocations count on their date (allocated_on), expenses on theirs (spent_on);
 * the minimum counts per year whose 1 January lies in the period.
 */
export const fundingMeasures: Measure[] = [
  {
    key: 'funding.received_per_member',
    name: '党员人均到支部经费',
    nameEn: 'Funds reaching the branch per Party member',
    unit: 'fen',
    aggregate: 'avg',
    description:
      '本组织及下级的党员（含预备党员）所在单位在期间内收到的下拨经费，按该单位党员人数均分到每名党员（以分为单位整除，余数依次分给前几名）后的平均值',
    counts: ['person', 'funding_allocation'],
    columns: [
      { key: 'name', header: '党员' },
      { key: 'unit', header: '所在单位' },
      { key: 'unit_received', header: '单位收到经费（分）' },
      { key: 'unit_members', header: '单位党员数' },
    ],
    rows: (f) => sql`
      with received as (
        select a.to_unit_id as unit_id, sum(a.amount_fen)::bigint as fen
        from funding_allocation a
        where a.allocated_on >= ${fromDay(f)} and a.allocated_on < ${toDay(f)}
        group by 1
      ), members as (
        select p.id, p.name, p.unit_id, u.name as unit,
          count(*) over (partition by p.unit_id) as n,
          row_number() over (partition by p.unit_id order by p.id) as k
        from person p
        join org_unit u on u.id = p.unit_id
        where u.path like ${`${f.unitPath}%`} and p.political_status in ('member', 'probationary')
      )
      select m.id, m.name, m.unit, coalesce(r.fen, 0) as unit_received, m.n::int as unit_members,
        (coalesce(r.fen, 0) / m.n + case when m.k <= coalesce(r.fen, 0) % m.n then 1 else 0 end)::bigint as amount
      from members m
      left join received r on r.unit_id = m.unit_id`,
  },
  {
    key: 'funding.execution_rate',
    name: '经费执行率',
    nameEn: 'Funding execution rate',
    unit: 'ratio',
    aggregate: 'ratio',
    description:
      '期间内本组织及下级已生效的支出 ÷ 期间内从上级（党委为学校预算）拨入本组织的经费；每个单位一行，分母为其收到减去下拨给下级的部分，合计即为拨入本组织的经费',
    counts: ['funding_allocation', 'funding_expense'],
    columns: [
      { key: 'unit', header: '单位' },
      { key: 'received', header: '收到（分）' },
      { key: 'allocated', header: '下拨下级（分）' },
      { key: 'spent', header: '支出（分）' },
    ],
    rows: (f) => sql`
      with flows as (
        select u.id, u.name as unit,
          coalesce((select sum(a.amount_fen) from funding_allocation a where a.to_unit_id = u.id
            and a.allocated_on >= ${fromDay(f)} and a.allocated_on < ${toDay(f)}), 0)::bigint as received,
          coalesce((select sum(a.amount_fen) from funding_allocation a where a.from_unit_id = u.id
            and a.allocated_on >= ${fromDay(f)} and a.allocated_on < ${toDay(f)}), 0)::bigint as allocated,
          coalesce((select sum(e.amount_fen) from funding_expense e
            left join funding_expense_decision d on d.expense_id = coalesce(e.reverses_id, e.id)
            where e.unit_id = u.id and ${COUNTED}
              and e.spent_on >= ${fromDay(f)} and e.spent_on < ${toDay(f)}), 0)::bigint as spent
        from org_unit u
        where u.path like ${`${f.unitPath}%`}
      )
      select id, unit, received, allocated, spent, spent as num, received - allocated as den
      from flows
      where received <> 0 or allocated <> 0 or spent <> 0`,
  },
  {
    key: 'funding.minimum_met',
    name: '经费达标率',
    nameEn: 'Units that received at least their minimum',
    unit: 'ratio',
    aggregate: 'ratio',
    description:
      '本组织及下级（不含党委本身）中，年度收到的下拨经费不低于最低标准（确认年度标准时按党员人数冻结）的单位所占比例；每个单位每年一行',
    counts: ['funding_rule_count', 'funding_allocation'],
    columns: [
      { key: 'unit', header: '单位' },
      { key: 'year', header: '年度' },
      { key: 'minimum_fen', header: '最低标准（分）' },
      { key: 'received', header: '收到（分）' },
    ],
    rows: (f) => sql`
      select c.year::text || '-' || lpad(u.id::text, 8, '0') as id, u.name as unit, c.year, c.minimum_fen,
        coalesce(r.fen, 0)::bigint as received,
        (coalesce(r.fen, 0) >= c.minimum_fen)::int as num, 1 as den
      from funding_rule_count c
      join org_unit u on u.id = c.unit_id
      left join lateral (
        select sum(a.amount_fen) as fen from funding_allocation a where a.to_unit_id = u.id and a.year = c.year
      ) r on true
      where u.path like ${`${f.unitPath}%`} and u.parent_id is not null and c.minimum_fen > 0
        and make_date(c.year, 1, 1) >= ${fromDay(f)} and make_date(c.year, 1, 1) < ${toDay(f)}`,
  },
  {
    key: 'funding.expenses_total',
    name: '经费支出合计',
    nameEn: 'Expenses total',
    unit: 'fen',
    aggregate: 'sum',
    description: '本组织及下级在期间内（按支出日期）已生效的支出金额合计，冲销记录以负数计入',
    counts: ['funding_expense'],
    columns: [
      { key: 'unit', header: '单位' },
      { key: 'category', header: '类别' },
      { key: 'spent_on', header: '支出日期' },
      { key: 'payee', header: '收款方' },
      { key: 'link', header: '关联' },
    ],
    rows: (f) => sql`
      select e.id, u.name as unit, ${categoryLabel} as category, e.spent_on::text as spent_on, e.payee,
        coalesce(e.link_title, '') as link, e.amount_fen as amount
      from funding_expense e
      join org_unit u on u.id = e.unit_id
      left join funding_expense_decision d on d.expense_id = coalesce(e.reverses_id, e.id)
      where u.path like ${`${f.unitPath}%`} and ${COUNTED}
        and e.spent_on >= ${fromDay(f)} and e.spent_on < ${toDay(f)}`,
  },
];
