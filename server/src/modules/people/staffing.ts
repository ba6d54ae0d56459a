import { STAFFING_TARGET, staffingRatio } from '@pioneer/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Actor } from '../../core/actor';
import { notFound } from '../../core/errors';
import type { Context } from '../../core/module';
import { inScope } from '../../core/scope';
import type { DB } from '../../db/types';
import { staffingNeeded } from './people.policy';

/** Staffing ratio (seed 三(一)): full-time Party/ideological workers ÷ (staff + students), against 1 %. */
type Db = Kysely<DB> | Transaction<DB>;

interface Counts {
  id: number;
  name: string;
  type: string;
  population: number;
  fulltime: number;
}

/** Head counts over each listed unit's whole subtree. */
async function countsUnder(db: Db, where: ReturnType<typeof sql>) {
  const { rows } = await sql<Counts & { path: string }>`
    select o.id, o.name, o.type, o.path,
      count(p.id)::int as population,
      (count(p.id) filter (where p.fulltime_party_worker))::int as fulltime
    from org_unit o
    left join org_unit d on d.path like (o.path || '%')
    left join person p on p.unit_id = d.id and p.kind in ('staff', 'student')
    where ${where}
    group by o.id, o.name, o.type, o.path
    order by o.path`.execute(db);
  return rows;
}

function line({ id, name, type, population, fulltime }: Counts) {
  const ratio = staffingRatio(fulltime, population);
  return {
    unitId: id,
    unitName: name,
    unitType: type,
    population,
    fulltime,
    ratio,
    // An empty unit has nobody to serve, so it owes no full-time staff.
    meetsTarget: population === 0 || ratio >= STAFFING_TARGET,
    needed: population === 0 ? 0 : staffingNeeded(fulltime, population),
  };
}

/**
 * The unit (report.view over it, else 404), each of its open child units, and the school-wide total
 * (the tree's root). The school total is a head count only, shown so a unit can compare itself.
 */
export async function staffingReport(ctx: Pick<Context, 'db'>, actor: Actor, unitId: number) {
  const unit = await ctx.db
    .selectFrom('org_unit as u')
    .select(['u.id', 'u.path'])
    .where('u.id', '=', unitId)
    .where((eb) => inScope(eb, 'u.path', actor, 'report.view'))
    .executeTakeFirst();
  if (!unit) throw notFound('组织');
  const rootPath = `/${unit.path.split('/')[1]}/`;
  const rows = await countsUnder(
    ctx.db,
    sql`o.id = ${unit.id} or (o.parent_id = ${unit.id} and o.closed_at is null) or o.path = ${rootPath}`,
  );
  const self = rows.find((r) => r.id === unit.id)!;
  const school = rows.find((r) => r.path === rootPath)!;
  return {
    target: STAFFING_TARGET,
    unit: line(self),
    children: rows.filter((r) => r.id !== unit.id && r.path !== rootPath).map(line),
    school: line(school),
  };
}
