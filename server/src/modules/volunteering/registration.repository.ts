import { sql } from 'kysely';
import type { Actor } from '../../core/actor';
import { offsetOf, type PageQuery } from '../../core/paging';
import { inScope } from '../../core/scope';
import type { Db } from './shared';

const COLUMNS = [
  'v.id',
  'v.person_id as personId',
  'v.volunteer_no as volunteerNo',
  'v.skills',
  'v.availability',
  'v.service_areas as serviceAreas',
  'v.insured',
  'v.registered_at as registeredAt',
  'v.updated_at as updatedAt',
] as const;

export function findOwn(db: Db, personId: number) {
  return db.selectFrom('volunteer as v').select(COLUMNS).where('v.person_id', '=', personId).executeTakeFirst();
}

/** The person's own facts a registration starts from, with their unit path (for the number's school prefix). */
export function personFacts(db: Db, personId: number) {
  return db
    .selectFrom('person as p')
    .innerJoin('org_unit as u', 'u.id', 'p.unit_id')
    .select([
      'p.id',
      'p.name',
      'p.political_status as politicalStatus',
      'p.skills',
      'u.path as unitPath',
      'u.name as unitName',
    ])
    .where('p.id', '=', personId)
    .executeTakeFirstOrThrow();
}

export async function nextNumberSeq(db: Db): Promise<number> {
  const r = await sql<{ n: number }>`select nextval('volunteer_no_seq')::int as n`.execute(db);
  return r.rows[0].n;
}

/** Registered volunteers whose unit lies in the actor's volunteer.view scope, optionally under one unit. */
export async function listInScope(db: Db, actor: Actor, filter: { unitPath?: string; q?: string }, page: PageQuery) {
  const base = db
    .selectFrom('volunteer as v')
    .innerJoin('person as p', 'p.id', 'v.person_id')
    .innerJoin('org_unit as u', 'u.id', 'p.unit_id')
    .where((eb) => inScope(eb, 'u.path', actor, 'volunteer.view'))
    .$if(filter.unitPath !== undefined, (q) => q.where('u.path', 'like', `${filter.unitPath}%`))
    .$if(Boolean(filter.q), (q) =>
      q.where((eb) => eb.or([eb('p.name', 'like', `%${filter.q}%`), eb('v.volunteer_no', '=', String(filter.q))])),
    );
  const [items, total] = await Promise.all([
    base
      .select(COLUMNS)
      .select(['p.name', 'p.political_status as politicalStatus', 'u.name as unitName'])
      .orderBy('v.id')
      .limit(page.pageSize)
      .offset(offsetOf(page))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
