import type { PeopleFilter, PeopleSort } from '@pioneer/domain';
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql, type Transaction } from 'kysely';
import type { Actor } from '../../core/actor';
import { inScope } from '../../core/scope';
import type { DB } from '../../db/types';

type Db = Kysely<DB> | Transaction<DB>;
type PeopleEb = ExpressionBuilder<DB & { p: DB['person']; u: DB['org_unit'] }, 'p' | 'u'>;

const PERSON_COLUMNS = [
  'p.id',
  'p.name',
  'p.gender',
  'p.kind',
  'p.staff_no as staffNo',
  'p.id_number as idNumber',
  'p.phone',
  'p.political_status as politicalStatus',
  'p.cadre_level as cadreLevel',
  'p.fulltime_party_worker as fulltimePartyWorker',
  'p.skills',
  'p.specialty',
  'p.department',
  'p.major',
  'p.campus',
  'p.development_stage as developmentStage',
  'p.joined_party_on as joinedPartyOn',
  'p.unit_id as unitId',
  'u.name as unitName',
  'u.path as unitPath',
  'p.created_at as createdAt',
  'p.updated_at as updatedAt',
] as const;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');

/** A person is visible where the actor holds people.view over their unit; everyone sees themselves. */
const visibleTo = (eb: PeopleEb, actor: Actor) =>
  eb.or([inScope(eb, 'u.path', actor, 'people.view'), eb('p.id', '=', actor.personId)]);

function filtered(db: Db, actor: Actor, f: PeopleFilter) {
  return db
    .selectFrom('person as p')
    .innerJoin('org_unit as u', 'u.id', 'p.unit_id')
    .where((eb) => {
      const conds: Expression<SqlBool>[] = [visibleTo(eb, actor)];
      if (f.q) {
        const q = escapeLike(f.q);
        conds.push(eb.or([eb('p.name', 'ilike', `%${q}%`), eb('p.staff_no', 'ilike', `${q}%`)]));
      }
      if (f.unitId !== undefined) {
        conds.push(sql<SqlBool>`u.path like (select f.path || '%' from org_unit f where f.id = ${f.unitId})`);
      }
      if (f.kind) conds.push(eb('p.kind', '=', f.kind));
      if (f.politicalStatus) conds.push(eb('p.political_status', '=', f.politicalStatus));
      if (f.cadreLevel) conds.push(eb('p.cadre_level', '=', f.cadreLevel));
      if (f.fulltimePartyWorker !== undefined) conds.push(eb('p.fulltime_party_worker', '=', f.fulltimePartyWorker));
      if (f.skill) conds.push(sql<SqlBool>`p.skills @> array[${f.skill}]::text[]`);
      if (f.campus) conds.push(eb('p.campus', '=', f.campus));
      if (f.developmentStage) conds.push(eb('p.development_stage', '=', f.developmentStage));
      return eb.and(conds);
    });
}

export interface SearchOptions {
  sort: PeopleSort;
  order: 'asc' | 'desc';
  /** Omitted: every matching row (exports). */
  limit?: number;
  offset?: number;
}

export async function searchPeople(db: Db, actor: Actor, f: PeopleFilter, opts: SearchOptions) {
  let q = filtered(db, actor, f)
    .leftJoin('person_transfer as t', (j) => j.onRef('t.person_id', '=', 'p.id').on('t.status', '=', 'pending'))
    .select(PERSON_COLUMNS)
    .select('t.id as pendingTransferId');
  const { order } = opts;
  if (opts.sort === 'unit') q = q.orderBy('u.path', order).orderBy('p.name', order);
  else if (opts.sort === 'name') q = q.orderBy('p.name', order);
  else if (opts.sort === 'staffNo') q = q.orderBy('p.staff_no', order);
  else q = q.orderBy('p.created_at', order);
  q = q.orderBy('p.id', order);
  if (opts.limit !== undefined) q = q.limit(opts.limit).offset(opts.offset ?? 0);
  return q.execute();
}

export async function countPeople(db: Db, actor: Actor, f: PeopleFilter) {
  const row = await filtered(db, actor, f).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return row.n;
}

/** One person, if the actor may see them (otherwise undefined → 404). */
export function findPerson(db: Db, actor: Actor, id: number) {
  return db
    .selectFrom('person as p')
    .innerJoin('org_unit as u', 'u.id', 'p.unit_id')
    .leftJoin('person_transfer as t', (j) => j.onRef('t.person_id', '=', 'p.id').on('t.status', '=', 'pending'))
    .select(PERSON_COLUMNS)
    .select('t.id as pendingTransferId')
    .where('p.id', '=', id)
    .where((eb) => visibleTo(eb, actor))
    .executeTakeFirst();
}
export type PersonRow = NonNullable<Awaited<ReturnType<typeof findPerson>>>;

/** The unit and its ancestors, root first: names for the profile's breadcrumb. */
export function unitTrail(db: Db, unitPath: string) {
  return db
    .selectFrom('org_unit as o')
    .select(['o.id', 'o.name', 'o.type'])
    .where(sql<SqlBool>`${unitPath} like o.path || '%'`)
    .orderBy('o.depth')
    .execute();
}

/** Unscoped: a staff/student number is unique across the whole platform. */
export function findIdByStaffNo(db: Db, staffNo: string) {
  return db.selectFrom('person').select('id').where('staff_no', '=', staffNo).executeTakeFirst();
}

/** A unit the actor can see in the people tree (for creating a person in it). */
export function findUnitForPeople(db: Db, actor: Actor, id: number) {
  return db
    .selectFrom('org_unit as u')
    .select(['u.id', 'u.name', 'u.path', 'u.type', 'u.closed_at as closedAt'])
    .where('u.id', '=', id)
    .where((eb) => inScope(eb, 'u.path', actor, 'people.view'))
    .executeTakeFirst();
}
