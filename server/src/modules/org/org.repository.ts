import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../core/actor';
import { inScope } from '../../core/scope';
import type { DB } from '../../db/types';

type Db = Kysely<DB> | Transaction<DB>;

const UNIT_COLUMNS = [
  'u.id',
  'u.parent_id as parentId',
  'u.path',
  'u.depth',
  'u.type',
  'u.branch_kind as branchKind',
  'u.name',
  'u.code',
  'u.partner_id as partnerId',
  'u.closed_at as closedAt',
  'u.created_at as createdAt',
] as const;

export type UnitRow = Awaited<ReturnType<typeof findUnit>> & {};

/** Units the actor may view, open ones by default, in tree order. */
export function listUnits(db: Db, actor: Actor, opts: { includeClosed?: boolean } = {}) {
  let q = db
    .selectFrom('org_unit as u')
    .select(UNIT_COLUMNS)
    .select((eb) =>
      eb
        .selectFrom('person as p')
        .whereRef('p.unit_id', '=', 'u.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('peopleCount'),
    )
    .where((eb) => inScope(eb, 'u.path', actor, 'org.view'));
  if (!opts.includeClosed) q = q.where('u.closed_at', 'is', null);
  return q.orderBy('u.path').execute();
}

/** One unit, only if it lies in the actor's view scope (otherwise undefined → 404). */
export function findUnit(db: Db, actor: Actor, id: number) {
  return db
    .selectFrom('org_unit as u')
    .select(UNIT_COLUMNS)
    .where('u.id', '=', id)
    .where((eb) => inScope(eb, 'u.path', actor, 'org.view'))
    .executeTakeFirst();
}

/** Unscoped read for rules that must see the whole tree (e.g. checking a code is free). */
export function findUnitByCode(db: Db, code: string) {
  return db.selectFrom('org_unit').select(['id']).where('code', '=', code).executeTakeFirst();
}

export function countOpenChildren(db: Db, unitId: number) {
  return db
    .selectFrom('org_unit')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', unitId)
    .where('closed_at', 'is', null)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

export function countPeopleIn(db: Db, unitId: number) {
  return db
    .selectFrom('person')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('unit_id', '=', unitId)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

export function listPartners(db: Db, actor: Actor) {
  return db
    .selectFrom('partner as p')
    .innerJoin('org_unit as u', 'u.id', 'p.owner_unit_id')
    .select([
      'p.id',
      'p.name',
      'p.kind',
      'p.owner_unit_id as ownerUnitId',
      'u.name as ownerUnitName',
      'u.path as ownerPath',
      'p.address',
      'p.contact_name as contactName',
      'p.contact_phone as contactPhone',
    ])
    .where((eb) => inScope(eb, 'u.path', actor, 'org.view'))
    .orderBy('p.id')
    .execute();
}

export function findPartner(db: Db, actor: Actor, id: number) {
  return db
    .selectFrom('partner as p')
    .innerJoin('org_unit as u', 'u.id', 'p.owner_unit_id')
    .select([
      'p.id',
      'p.name',
      'p.kind',
      'p.owner_unit_id as ownerUnitId',
      'u.path as ownerPath',
      'p.address',
      'p.contact_name as contactName',
      'p.contact_phone as contactPhone',
    ])
    .where('p.id', '=', id)
    .where((eb) => inScope(eb, 'u.path', actor, 'org.view'))
    .executeTakeFirst();
}

/** Grid units owned within `path`'s subtree, with their covering branch and contact member. */
export function listGridUnits(db: Db, actor: Actor, path: string) {
  return db
    .selectFrom('grid_unit as g')
    .innerJoin('org_unit as o', 'o.id', 'g.owner_unit_id')
    .leftJoin('org_unit as b', 'b.id', 'g.covering_branch_id')
    .leftJoin('person as c', 'c.id', 'g.contact_person_id')
    .select([
      'g.id',
      'g.name',
      'g.kind',
      'g.campus',
      'g.owner_unit_id as ownerUnitId',
      'o.name as ownerUnitName',
      'o.path as ownerPath',
      'g.covering_branch_id as coveringBranchId',
      'b.name as coveringBranchName',
      'b.closed_at as coveringBranchClosedAt',
      'g.contact_person_id as contactPersonId',
      'c.name as contactPersonName',
    ])
    .where('o.path', 'like', `${path}%`)
    .where((eb) => inScope(eb, 'o.path', actor, 'org.view'))
    .orderBy('o.path')
    .orderBy('g.id')
    .execute();
}

export function findGridUnit(db: Db, actor: Actor, id: number) {
  return db
    .selectFrom('grid_unit as g')
    .innerJoin('org_unit as o', 'o.id', 'g.owner_unit_id')
    .select([
      'g.id',
      'g.name',
      'g.kind',
      'g.campus',
      'g.owner_unit_id as ownerUnitId',
      'o.path as ownerPath',
      'g.covering_branch_id as coveringBranchId',
      'g.contact_person_id as contactPersonId',
    ])
    .where('g.id', '=', id)
    .where((eb) => inScope(eb, 'o.path', actor, 'org.view'))
    .executeTakeFirst();
}
