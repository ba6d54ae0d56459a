import { sql } from 'kysely';
import { type Actor, scopePaths } from '../../../core/actor';
import { type Db, pathsUnder, unitPathNames } from '../shared';

export interface UnitFigures {
  id: number;
  name: string;
  path: string;
  pathNames: string;
  depth: number;
  type: string;
  parentId: number | null;
  /** Allocations received for the year (the committee: the school's budget), net of reversals. */
  receivedFen: number;
  /** Passed down to direct children, net of reversals. */
  allocatedFen: number;
  /** Expenses that count: under the threshold, or approved; net of reversals. */
  spentFen: number;
  /** Expenses waiting for the level above: reserved, not yet spent. */
  pendingFen: number;
  /** Frozen when the year's rules were confirmed; null before. */
  minimumFen: number | null;
  staffMembers: number | null;
  studentMembers: number | null;
}

/** Every open unit in the actor's funding.view scope (under `unitPath` if given) with its money for the year. */
export async function unitFigures(db: Db, actor: Actor, year: number, unitPath?: string): Promise<UnitFigures[]> {
  const { rows } = await sql<UnitFigures>`
    with inflow as (
      select to_unit_id as uid, sum(amount_fen)::bigint as fen from funding_allocation where year = ${year} group by 1
    ), outflow as (
      select from_unit_id as uid, sum(amount_fen)::bigint as fen from funding_allocation
      where year = ${year} and from_unit_id is not null group by 1
    ), spending as (
      select e.unit_id as uid,
        coalesce(sum(e.amount_fen) filter (where d.decision = 'approved' or (d.decision is null and not e.needs_approval)), 0)::bigint as spent,
        coalesce(sum(e.amount_fen) filter (where d.decision is null and e.needs_approval), 0)::bigint as pending
      from funding_expense e
      left join funding_expense_decision d on d.expense_id = coalesce(e.reverses_id, e.id)
      where e.year = ${year}
      group by 1
    )
    select u.id, u.name, u.path, ${unitPathNames('u')} as "pathNames", u.depth, u.type, u.parent_id as "parentId",
      coalesce(i.fen, 0)::bigint as "receivedFen", coalesce(o.fen, 0)::bigint as "allocatedFen",
      coalesce(s.spent, 0)::bigint as "spentFen", coalesce(s.pending, 0)::bigint as "pendingFen",
      c.minimum_fen as "minimumFen", c.staff_members as "staffMembers", c.student_members as "studentMembers"
    from org_unit u
    left join inflow i on i.uid = u.id
    left join outflow o on o.uid = u.id
    left join spending s on s.uid = u.id
    left join funding_rule_count c on c.unit_id = u.id and c.year = ${year}
    where u.closed_at is null
      and ${pathsUnder('u.path', scopePaths(actor, 'funding.view'))}
      ${unitPath ? sql`and u.path like ${`${unitPath}%`}` : sql``}
    order by u.path`.execute(db);
  return rows.map((r) => ({
    ...r,
    receivedFen: Number(r.receivedFen),
    allocatedFen: Number(r.allocatedFen),
    spentFen: Number(r.spentFen),
    pendingFen: Number(r.pendingFen),
  }));
}
