import { type ExpressionBuilder, sql } from 'kysely';
import type { Actor } from '../../core/actor';
import { inScope } from '../../core/scope';
import type { DB } from '../../db/types';
import { countedHours, pendingHours, reviewStateOf } from './ledger.counted';
import type { Flag } from './ledger.flags';
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
    .leftJoin('volunteer_hours_flag as f', 'f.entry_id', 'e.id')
    .select(ENTRY_COLUMNS)
    .select([
      // The stored flags and the review decision, shown on the entry (migration 0620).
      sql<Flag[] | null>`f.flags`.as('flags'),
      'f.flagged_at as flaggedAt',
      'f.decision',
      'f.decided_by_name as decidedByName',
      'f.decided_at as decidedAt',
      'f.decision_reason as decisionReason',
      reviewStateOf('e').as('reviewState'),
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

/**
 * Minutes per service year that count (ledger.counted.ts), and beside them what waits for review: pending
 * hours are shown to the person but left out of the total.
 */
export async function myYearTotals(db: Db, personId: number) {
  const [counted, pending] = await Promise.all([
    countedHours(db)
      .select([
        'e.service_year as year',
        sql<number>`sum(e.minutes)::int`.as('minutes'),
        sql<number>`count(*)::int`.as('n'),
      ])
      .where('e.person_id', '=', personId)
      .groupBy('e.service_year')
      .execute(),
    pendingHours(db)
      .select([
        'e.service_year as year',
        sql<number>`sum(e.minutes)::int`.as('minutes'),
        sql<number>`count(*)::int`.as('n'),
      ])
      .where('e.person_id', '=', personId)
      .groupBy('e.service_year')
      .execute(),
  ]);
  const years = [...new Set([...counted, ...pending].map((r) => r.year))].sort((a, b) => b - a);
  const of = (rows: typeof counted, year: number) => rows.find((r) => r.year === year);
  return years.map((year) => ({
    year,
    minutes: Number(of(counted, year)?.minutes ?? 0),
    credits: Number(of(counted, year)?.n ?? 0),
    pendingMinutes: Number(of(pending, year)?.minutes ?? 0),
    pendingCount: Number(of(pending, year)?.n ?? 0),
  }));
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

/**
 * Per-person minutes that count for a year, over entries recorded in the actor's scope (optionally one subtree),
 * with the pending minutes beside them (not in the total).
 */
export async function totalsInScope(db: Db, actor: Actor, f: { unitPath?: string; year: number }) {
  const grouped = <Q extends ReturnType<typeof countedHours> | ReturnType<typeof pendingHours>>(q: Q) =>
    (q as ReturnType<typeof countedHours>)
      .innerJoin('org_unit as u', 'u.id', 'e.unit_id')
      .select([
        'e.person_id as personId',
        sql<number>`sum(e.minutes)::int`.as('minutes'),
        sql<number>`count(*)::int`.as('n'),
      ])
      .where((eb) => inScope(eb, 'u.path', actor, 'volunteer.view'))
      .$if(f.unitPath !== undefined, (q) => q.where('u.path', 'like', `${f.unitPath}%`))
      .where('e.service_year', '=', f.year)
      .groupBy('e.person_id')
      .execute();
  const [counted, pending] = await Promise.all([grouped(countedHours(db)), grouped(pendingHours(db))]);
  const ids = [...new Set([...counted, ...pending].map((r) => r.personId))];
  if (ids.length === 0) return [];
  const people = await db
    .selectFrom('person as p')
    .leftJoin('volunteer as v', 'v.person_id', 'p.id')
    .select(['p.id', 'p.name', 'v.volunteer_no as volunteerNo'])
    .where('p.id', 'in', ids)
    .execute();
  const byId = new Map(people.map((p) => [p.id, p]));
  return ids
    .map((personId) => {
      const c = counted.find((r) => r.personId === personId);
      const p = pending.find((r) => r.personId === personId);
      return {
        personId,
        name: byId.get(personId)?.name ?? '',
        volunteerNo: byId.get(personId)?.volunteerNo ?? null,
        minutes: Number(c?.minutes ?? 0),
        credits: Number(c?.n ?? 0),
        pendingMinutes: Number(p?.minutes ?? 0),
      };
    })
    .sort((a, b) => b.minutes - a.minutes || a.personId - b.personId);
}
