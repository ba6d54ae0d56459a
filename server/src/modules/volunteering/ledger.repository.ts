import { type ExpressionBuilder, sql } from 'kysely';
import type { Actor } from '../../core/actor';
import { inScope } from '../../core/scope';
import type { DB } from '../../db/types';
import type { Db } from './shared';

type EntryEb = ExpressionBuilder<DB & { e: DB['volunteer_hours_entry']; u: DB['org_unit'] }, 'e' | 'u'>;

const ENTRY_COLUMNS = [
  'e.id',
  'e.person_id as personId',
  'e.person_seq as personSeq',
  'e.kind',
  'e.minutes',
  'e.category',
  'e.source',
  'e.source_id as sourceId',
  'e.activity_id as activityId',
  'e.unit_id as unitId',
  'u.name as unitName',
  'u.path as unitPath',
  'e.service_start as serviceStart',
  'e.service_end as serviceEnd',
  'e.service_year as serviceYear',
  'e.basis',
  'e.description',
  'e.reverses_id as reversesId',
  'e.recorded_by as recordedBy',
  'e.recorded_by_name as recordedByName',
  'e.confirmed_by_name as confirmedByName',
  'e.recorded_at as recordedAt',
  'e.hash',
] as const;

function entries(db: Db) {
  return db
    .selectFrom('volunteer_hours_entry as e')
    .innerJoin('org_unit as u', 'u.id', 'e.unit_id')
    .leftJoin('volunteer_activity as a', 'a.id', 'e.activity_id')
    .select(ENTRY_COLUMNS)
    .select([
      'a.title as activityTitle',
      'a.starts_at as activityStart',
      'a.ends_at as activityEnd',
      (eb) =>
        eb
          .selectFrom('volunteer_hours_entry as r')
          .select('r.id')
          .whereRef('r.reverses_id', '=', 'e.id')
          .as('reversedBy'),
    ]);
}
export type EntryRow = Awaited<ReturnType<ReturnType<typeof entries>['execute']>>[number];

/** Entries the actor may see: recorded by a unit in their volunteer.view scope, or their own. */
const visible = (eb: EntryEb, actor: Actor) =>
  eb.or([inScope(eb, 'u.path', actor, 'volunteer.view'), eb('e.person_id', '=', actor.personId)]);

export function findEntry(db: Db, actor: Actor, id: number) {
  return entries(db)
    .where('e.id', '=', id)
    .where((eb) => visible(eb, actor))
    .executeTakeFirst();
}

export function myEntries(db: Db, personId: number, year?: number) {
  return entries(db)
    .where('e.person_id', '=', personId)
    .$if(year !== undefined, (q) => q.where('e.service_year', '=', year!))
    .orderBy('e.service_start', 'desc')
    .orderBy('e.id', 'desc')
    .execute();
}

/** Net minutes per service year (reversals are negative, so corrections net out). */
export async function myYearTotals(db: Db, personId: number) {
  const rows = await db
    .selectFrom('volunteer_hours_entry')
    .select([
      'service_year as year',
      sql<number>`sum(minutes)::int`.as('minutes'),
      sql<number>`count(*) filter (where kind = 'credit')::int`.as('credits'),
    ])
    .where('person_id', '=', personId)
    .groupBy('service_year')
    .orderBy('service_year', 'desc')
    .execute();
  return rows.map((r) => ({ year: r.year, minutes: Number(r.minutes), credits: Number(r.credits) }));
}

export interface LedgerFilter {
  unitPath?: string;
  year?: number;
  personId?: number;
}

export function listInScope(db: Db, actor: Actor, f: LedgerFilter) {
  return entries(db)
    .innerJoin('person as p', 'p.id', 'e.person_id')
    .leftJoin('volunteer as v', 'v.person_id', 'e.person_id')
    .select(['p.name as personName', 'v.volunteer_no as volunteerNo'])
    .where((eb) => inScope(eb, 'u.path', actor, 'volunteer.view'))
    .$if(f.unitPath !== undefined, (q) => q.where('u.path', 'like', `${f.unitPath}%`))
    .$if(f.year !== undefined, (q) => q.where('e.service_year', '=', f.year!))
    .$if(f.personId !== undefined, (q) => q.where('e.person_id', '=', f.personId!))
    .orderBy('e.recorded_at', 'desc')
    .orderBy('e.id', 'desc')
    .execute();
}

/** Per-person net minutes for a year, over entries recorded in the actor's scope (optionally one subtree). */
export async function totalsInScope(db: Db, actor: Actor, f: { unitPath?: string; year: number }) {
  const rows = await db
    .selectFrom('volunteer_hours_entry as e')
    .innerJoin('org_unit as u', 'u.id', 'e.unit_id')
    .innerJoin('person as p', 'p.id', 'e.person_id')
    .leftJoin('volunteer as v', 'v.person_id', 'e.person_id')
    .select([
      'e.person_id as personId',
      'p.name',
      'v.volunteer_no as volunteerNo',
      sql<number>`sum(e.minutes)::int`.as('minutes'),
      sql<number>`count(*) filter (where e.kind = 'credit')::int`.as('credits'),
    ])
    .where((eb) => inScope(eb, 'u.path', actor, 'volunteer.view'))
    .$if(f.unitPath !== undefined, (q) => q.where('u.path', 'like', `${f.unitPath}%`))
    .where('e.service_year', '=', f.year)
    .groupBy(['e.person_id', 'p.name', 'v.volunteer_no'])
    .orderBy('minutes', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, minutes: Number(r.minutes), credits: Number(r.credits) }));
}

export const isEffectiveCredit = (e: Pick<EntryRow, 'kind' | 'reversedBy'>) =>
  e.kind === 'credit' && e.reversedBy === null;
