import type { Actor } from '../../../core/actor';
import { inScope } from '../../../core/scope';
import type { Db } from '../shared';

function base(db: Db) {
  return db
    .selectFrom('funding_allocation as a')
    .innerJoin('org_unit as t', 't.id', 'a.to_unit_id')
    .leftJoin('org_unit as f', 'f.id', 'a.from_unit_id')
    .leftJoin('person as p', 'p.id', 'a.recorded_by')
    .leftJoin('funding_allocation as r', 'r.reverses_id', 'a.id')
    .select([
      'a.id',
      'a.year',
      'a.from_unit_id as fromUnitId',
      'f.name as fromName',
      'f.path as fromPath',
      'a.to_unit_id as toUnitId',
      't.name as toName',
      't.path as toPath',
      'a.purpose',
      'a.amount_fen as amountFen',
      'a.allocated_on as allocatedOn',
      'a.note',
      'a.reverses_id as reversesId',
      'r.id as reversedById',
      'p.name as recordedByName',
      'a.recorded_at as recordedAt',
    ]);
}
export type AllocationRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

/** Allocations the actor sees: those received by or given from a unit in their funding.view scope. */
export function listAllocations(db: Db, actor: Actor, f: { year: number; unitPath?: string }) {
  return base(db)
    .where('a.year', '=', f.year)
    .where((eb) => eb.or([inScope(eb, 't.path', actor, 'funding.view'), inScope(eb, 'f.path', actor, 'funding.view')]))
    .$if(f.unitPath !== undefined, (q) =>
      q.where((eb) => eb.or([eb('t.path', 'like', `${f.unitPath}%`), eb('f.path', 'like', `${f.unitPath}%`)])),
    )
    .orderBy('a.allocated_on', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
}

export function findAllocation(db: Db, actor: Actor, id: number) {
  return base(db)
    .where('a.id', '=', id)
    .where((eb) => eb.or([inScope(eb, 't.path', actor, 'funding.view'), inScope(eb, 'f.path', actor, 'funding.view')]))
    .executeTakeFirst();
}
