import type { FundingRuleInput } from '@pioneer/domain';
import { sql } from 'kysely';
import { type Actor, scopePaths } from '../../../core/actor';
import { inScope } from '../../../core/scope';
import { type Db, pathsUnder } from '../shared';

const RULE_COLUMNS = [
  'r.year',
  'r.staff_rate_fen as staffRateFen',
  'r.student_rate_fen as studentRateFen',
  'r.special_fund_fen as specialFundFen',
  'r.approval_threshold_fen as approvalThresholdFen',
  'r.reference_date as referenceDate',
  'r.note',
  'r.updated_at as updatedAt',
  'r.confirmed_at as confirmedAt',
] as const;

export function findRule(db: Db, year: number) {
  return db
    .selectFrom('funding_rule as r')
    .leftJoin('person as c', 'c.id', 'r.confirmed_by')
    .select(RULE_COLUMNS)
    .select('c.name as confirmedByName')
    .where('r.year', '=', year)
    .executeTakeFirst();
}
export type RuleRow = NonNullable<Awaited<ReturnType<typeof findRule>>>;

export function listRules(db: Db) {
  return db
    .selectFrom('funding_rule as r')
    .leftJoin('person as c', 'c.id', 'r.confirmed_by')
    .select(RULE_COLUMNS)
    .select('c.name as confirmedByName')
    .orderBy('r.year', 'desc')
    .execute();
}

/**
 * Party members (incl. probationary) of each open unit's subtree, staff and students, from the roster as it is
 * now (the roster keeps no membership history, so "at the reference date" is the roster when counted).
 */
const liveCounts = (rootPath: string) => sql<{ unitId: number; staff: number; student: number }>`
  select u.id as "unitId",
    count(p.id) filter (where p.kind = 'staff')::int as staff,
    count(p.id) filter (where p.kind = 'student')::int as student
  from org_unit u
  left join org_unit d on d.path like u.path || '%' and d.closed_at is null
  left join person p on p.unit_id = d.id and p.political_status in ('member', 'probationary')
  where u.closed_at is null and u.path like ${`${rootPath}%`}
  group by u.id`;

/** Counts per unit the actor may see: frozen ones for a confirmed year, else a live preview. */
export async function countsFor(db: Db, actor: Actor, year: number, frozen: boolean, rootPath: string) {
  if (frozen) {
    return db
      .selectFrom('funding_rule_count as c')
      .innerJoin('org_unit as u', 'u.id', 'c.unit_id')
      .select([
        'u.id as unitId',
        'u.name',
        'u.path',
        'u.depth',
        'c.staff_members as staff',
        'c.student_members as student',
        'c.minimum_fen as minimumFen',
      ])
      .where('c.year', '=', year)
      .where((eb) => inScope(eb, 'u.path', actor, 'funding.view'))
      .orderBy('u.path')
      .execute();
  }
  const { rows } = await sql<{
    unitId: number;
    name: string;
    path: string;
    depth: number;
    staff: number;
    student: number;
  }>`
    select c."unitId", u.name, u.path, u.depth, c.staff, c.student
    from (${liveCounts(rootPath)}) c join org_unit u on u.id = c."unitId"
    where ${pathsUnder('u.path', scopePaths(actor, 'funding.view'))}
    order by u.path`.execute(db);
  return rows.map((r) => ({ ...r, minimumFen: null as number | null }));
}

export async function saveDraft(db: Db, year: number, input: FundingRuleInput, actorId: number) {
  const values = {
    staff_rate_fen: input.staffRateFen,
    student_rate_fen: input.studentRateFen,
    special_fund_fen: input.specialFundFen,
    approval_threshold_fen: input.approvalThresholdFen,
    reference_date: input.referenceDate,
    note: input.note,
    updated_by: actorId,
    updated_at: new Date().toISOString(),
  };
  await db
    .insertInto('funding_rule')
    .values({ year, ...values })
    .onConflict((oc) => oc.column('year').doUpdateSet(values))
    .execute();
}

/** Freezes each unit's count and minimum into the year's rule; returns the committee's total minimum. */
export async function freezeCounts(db: Db, year: number, rates: { staff: number; student: number }, rootPath: string) {
  await sql`
    insert into funding_rule_count (year, unit_id, staff_members, student_members, minimum_fen)
    select ${year}, c."unitId", c.staff, c.student, c.staff * ${rates.staff}::int + c.student * ${rates.student}::int
    from (${liveCounts(rootPath)}) c`.execute(db);
  return db
    .selectFrom('funding_rule_count as c')
    .innerJoin('org_unit as u', 'u.id', 'c.unit_id')
    .select(['c.staff_members as staff', 'c.student_members as student', 'c.minimum_fen as minimumFen'])
    .where('c.year', '=', year)
    .where('u.path', '=', rootPath)
    .executeTakeFirstOrThrow();
}
