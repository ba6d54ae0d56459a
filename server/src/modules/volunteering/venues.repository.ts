import { sql } from 'kysely';
import type { Actor } from '../../core/actor';
import { inScope } from '../../core/scope';
import type { Db } from './shared';

function venues(db: Db) {
  return db
    .selectFrom('venue as v')
    .innerJoin('org_unit as u', 'u.id', 'v.owner_unit_id')
    .innerJoin('person as r', 'r.id', 'v.responsible_person_id')
    .leftJoin('partner as pt', 'pt.id', 'v.partner_id')
    .select([
      'v.id',
      'v.name',
      'v.type',
      'v.owner_unit_id as unitId',
      'u.name as unitName',
      'u.path as ownerPath',
      'v.partner_id as partnerId',
      'pt.name as partnerName',
      'v.address',
      'v.latitude',
      'v.longitude',
      'v.opening_hours as openingHours',
      'v.responsible_person_id as responsiblePersonId',
      'r.name as responsibleName',
      'v.description',
      'v.is_public as isPublic',
      'v.closed_at as closedAt',
    ]);
}
export type VenueRow = Awaited<ReturnType<ReturnType<typeof venues>['executeTakeFirstOrThrow']>>;

/** Managers and viewers of the owner unit, the responsible person, and people on its roster see a venue. */
function visibleVenues(db: Db, actor: Actor) {
  return venues(db).where((eb) =>
    eb.or([
      inScope(eb, 'u.path', actor, 'volunteer.view'),
      inScope(eb, 'u.path', actor, 'venue.manage'),
      eb('v.responsible_person_id', '=', actor.personId),
      eb.exists(
        eb
          .selectFrom('venue_duty as d')
          .select('d.id')
          .whereRef('d.venue_id', '=', 'v.id')
          .where('d.person_id', '=', actor.personId),
      ),
    ]),
  );
}

/** Open venues; closed ones too when asked (their history stays readable), after the open ones. */
export const listVenues = (db: Db, actor: Actor, filter: { type?: string; includeClosed?: boolean } = {}) =>
  visibleVenues(db, actor)
    .$if(filter.type !== undefined, (q) => q.where('v.type', '=', filter.type!))
    .$if(!filter.includeClosed, (q) => q.where('v.closed_at', 'is', null))
    .orderBy(sql`v.closed_at is not null`)
    .orderBy('u.path')
    .orderBy('v.id')
    .execute();
/** A venue the actor may see, open or closed. */
export const findVenue = (db: Db, actor: Actor, id: number) =>
  visibleVenues(db, actor).where('v.id', '=', id).executeTakeFirst();

/** The public list: open venues marked public, with no private data (the responsible person's name only). */
export function publicVenues(db: Db) {
  return venues(db)
    .select((eb) =>
      eb
        .selectFrom('venue_service_log as l')
        .whereRef('l.venue_id', '=', 'v.id')
        .where('l.served_at', '>', sql<string>`now() - interval '1 year'`)
        .select(sql<number>`count(*)::int`.as('n'))
        .as('servicesLastYear'),
    )
    .where('v.is_public', '=', true)
    .where('v.closed_at', 'is', null)
    .orderBy('v.type')
    .orderBy('v.id')
    .execute();
}

/** A duty with its venue and the venue's owner unit, whose path decides who manages the duty. */
function duties(db: Db) {
  return db
    .selectFrom('venue_duty as d')
    .innerJoin('venue as v', 'v.id', 'd.venue_id')
    .innerJoin('org_unit as u', 'u.id', 'v.owner_unit_id')
    .select([
      'd.id',
      'd.venue_id as venueId',
      'v.name as venueName',
      'd.person_id as personId',
      'd.post',
      'd.starts_at as startsAt',
      'd.ends_at as endsAt',
      'd.status',
      'u.path as ownerPath',
    ]);
}

/** A swap request with the duty it is about and that duty's venue. */
function swaps(db: Db) {
  return db
    .selectFrom('venue_duty_swap as s')
    .innerJoin('venue_duty as d', 'd.id', 's.duty_id')
    .innerJoin('venue as v', 'v.id', 'd.venue_id')
    .select(['s.id', 'd.starts_at as startsAt', 'd.ends_at as endsAt', 'v.name as venueName']);
}

export function dutiesOf(db: Db, venueId: number) {
  return db
    .selectFrom('venue_duty as d')
    .innerJoin('person as p', 'p.id', 'd.person_id')
    .leftJoin('venue_duty_swap as s', (j) => j.onRef('s.duty_id', '=', 'd.id').on('s.status', '=', 'pending'))
    .leftJoin('person as sp', 'sp.id', 's.to_person_id')
    .select([
      'd.id',
      'd.person_id as personId',
      'p.name as personName',
      'd.post',
      'd.starts_at as startsAt',
      'd.ends_at as endsAt',
      'd.status',
      'd.confirmed_at as confirmedAt',
      's.id as pendingSwapId',
      'sp.name as pendingSwapTo',
    ])
    .where('d.venue_id', '=', venueId)
    .orderBy('d.starts_at', 'desc')
    .limit(100)
    .execute();
}

export function findDuty(db: Db, id: number) {
  return duties(db)
    .select(['v.type as venueType', 'v.owner_unit_id as unitId'])
    .where('d.id', '=', id)
    .executeTakeFirst();
}

/** Does the person already have a duty (anywhere) overlapping [start, end)? */
export async function hasOverlappingDuty(db: Db, personId: number, start: string, end: string, exceptDutyId = 0) {
  const row = await db
    .selectFrom('venue_duty')
    .select('id')
    .where('person_id', '=', personId)
    .where('id', '<>', exceptDutyId)
    .where('status', '=', 'scheduled')
    .where('starts_at', '<', end)
    .where('ends_at', '>', start)
    .executeTakeFirst();
  return Boolean(row);
}

export function findSwap(db: Db, id: number) {
  return swaps(db)
    .innerJoin('org_unit as u', 'u.id', 'v.owner_unit_id')
    .select([
      's.duty_id as dutyId',
      's.from_person_id as fromPersonId',
      's.to_person_id as toPersonId',
      's.status',
      'u.path as ownerPath',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
}

export function myDuties(db: Db, personId: number) {
  return duties(db)
    .leftJoin('venue_duty_swap as s', (j) => j.onRef('s.duty_id', '=', 'd.id').on('s.status', '=', 'pending'))
    .leftJoin('person as sp', 'sp.id', 's.to_person_id')
    .select(['s.id as pendingSwapId', 'sp.name as pendingSwapTo'])
    .where('d.person_id', '=', personId)
    .orderBy('d.starts_at', 'desc')
    .limit(100)
    .execute();
}

export function swapsToMe(db: Db, personId: number) {
  return swaps(db)
    .innerJoin('person as f', 'f.id', 's.from_person_id')
    .select(['s.reason', 's.created_at as createdAt', 'f.name as fromName', 'd.post'])
    .where('s.to_person_id', '=', personId)
    .where('s.status', '=', 'pending')
    .orderBy('d.starts_at')
    .execute();
}

export function serviceLog(db: Db, venueId: number) {
  return db
    .selectFrom('venue_service_log as l')
    .innerJoin('person as p', 'p.id', 'l.recorded_by')
    .select([
      'l.id',
      'l.served_at as servedAt',
      'l.title',
      'l.description',
      'l.people_served as peopleServed',
      'l.minutes',
      'l.demand_id as demandId',
      'p.name as recordedByName',
    ])
    .where('l.venue_id', '=', venueId)
    .orderBy('l.served_at', 'desc')
    .limit(100)
    .execute();
}
