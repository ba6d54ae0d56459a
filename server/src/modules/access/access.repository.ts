import { type Kysely, type SqlBool, sql, type Transaction } from 'kysely';
import type { Actor } from '../../core/actor';
import { inScope } from '../../core/scope';
import type { DB } from '../../db/types';
import { GRANT_COLUMNS, grantToday } from './role-grants';

type Db = Kysely<DB> | Transaction<DB>;

/** Grants the actor may see: on units where they manage grants or view the organization, and their own. */
function visible(db: Db, actor: Actor) {
  return db
    .selectFrom('role_grant as g')
    .innerJoin('org_unit as u', 'u.id', 'g.unit_id')
    .innerJoin('person as p', 'p.id', 'g.person_id')
    .leftJoin('person as by', 'by.id', 'g.granted_by')
    .select([...GRANT_COLUMNS, 'g.person_id as personId', 'p.name as personName', 'p.staff_no as staffNo'])
    .where((eb) =>
      eb.or([
        inScope(eb, 'u.path', actor, 'grants.manage'),
        inScope(eb, 'u.path', actor, 'org.view'),
        eb('g.person_id', '=', actor.personId),
      ]),
    );
}
export type GrantRow = NonNullable<Awaited<ReturnType<typeof findGrant>>>;

export interface GrantListQuery {
  unitId?: number;
  personId?: number;
  includeInactive: boolean;
}

export function listGrants(db: Db, actor: Actor, q: GrantListQuery) {
  let query = visible(db, actor);
  if (q.unitId !== undefined) {
    query = query.where(sql<SqlBool>`u.path like (select f.path || '%' from org_unit f where f.id = ${q.unitId})`);
  }
  if (q.personId !== undefined) query = query.where('g.person_id', '=', q.personId);
  if (!q.includeInactive) {
    const today = grantToday();
    query = query
      .where('g.revoked_at', 'is', null)
      .where('u.closed_at', 'is', null)
      .where('g.valid_from', '<=', today)
      .where((eb) => eb.or([eb('g.valid_to', 'is', null), eb('g.valid_to', '>=', today)]));
  }
  return query.orderBy('u.path').orderBy('g.role').orderBy('p.name').orderBy('g.id').limit(2000).execute();
}

export function findGrant(db: Db, actor: Actor, id: number) {
  return visible(db, actor).where('g.id', '=', id).executeTakeFirst();
}

/** Serializes two revokers of the same grant. */
export function lockGrant(db: Db, id: number) {
  return db.selectFrom('role_grant').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
}

/** A unit the actor can see, to grant a role on it. */
export function findUnit(db: Db, actor: Actor, id: number) {
  return db
    .selectFrom('org_unit as u')
    .select(['u.id', 'u.name', 'u.path', 'u.closed_at as closedAt'])
    .where('u.id', '=', id)
    .where((eb) => eb.or([inScope(eb, 'u.path', actor, 'grants.manage'), inScope(eb, 'u.path', actor, 'org.view')]))
    .executeTakeFirst();
}

/** An unrevoked grant of the same role on the same unit whose dates overlap [from, to]. */
export function overlappingGrant(
  db: Db,
  g: { personId: number; role: string; unitId: number; validFrom: string; validTo: string | null },
) {
  let q = db
    .selectFrom('role_grant')
    .select('id')
    .where('person_id', '=', g.personId)
    .where('role', '=', g.role)
    .where('unit_id', '=', g.unitId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', g.validFrom)]));
  if (g.validTo !== null) q = q.where('valid_from', '<=', g.validTo);
  return q.executeTakeFirst();
}

export async function isSystemAdmin(db: Db, personId: number) {
  const row = await db
    .selectFrom('account')
    .select('is_system_admin')
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row?.is_system_admin ?? false;
}
