import { sql } from 'kysely';
import type { Actor } from '../../core/actor';
import { inScope } from '../../core/scope';
import type { Db } from './shared';

/** Sign-ups: an activity's roster, one sign-up for an action on it, and a person's own list. */
export function rosterOf(db: Db, activityId: number) {
  return db
    .selectFrom('volunteer_signup as g')
    .innerJoin('volunteer_shift as s', 's.id', 'g.shift_id')
    .innerJoin('person as p', 'p.id', 'g.person_id')
    .leftJoin('volunteer as v', 'v.person_id', 'g.person_id')
    .select([
      'g.id',
      'g.person_id as personId',
      'p.name',
      'v.volunteer_no as volunteerNo',
      'g.shift_id as shiftId',
      's.post',
      's.starts_at as shiftStart',
      's.ends_at as shiftEnd',
      'g.status',
      'g.created_at as createdAt',
      'g.checked_in_at as checkedInAt',
      'g.checked_out_at as checkedOutAt',
      'g.checkin_kind as checkinKind',
      'g.checkin_review as checkinReview',
      'g.review_note as reviewNote',
      'g.attendance',
      'g.credited_minutes as creditedMinutes',
    ])
    .where('g.activity_id', '=', activityId)
    .orderBy('s.starts_at')
    .orderBy('g.id')
    .execute();
}

/** One sign-up with its activity, for actions on it; visibility as for the activity. */
export function findSignup(db: Db, actor: Actor, signupId: number) {
  return db
    .selectFrom('volunteer_signup as g')
    .innerJoin('volunteer_shift as s', 's.id', 'g.shift_id')
    .innerJoin('volunteer_activity as a', 'a.id', 'g.activity_id')
    .innerJoin('org_unit as ou', 'ou.id', 'a.org_unit_id')
    .innerJoin('org_unit as au', 'au.id', 'a.audience_unit_id')
    .select([
      'g.id',
      'g.person_id as personId',
      'g.shift_id as shiftId',
      'g.activity_id as activityId',
      'g.status',
      'g.checked_in_at as checkedInAt',
      'g.checked_out_at as checkedOutAt',
      'g.checkin_review as checkinReview',
      's.starts_at as shiftStart',
      's.ends_at as shiftEnd',
      'a.title',
      'a.status as activityStatus',
      'ou.path as orgPath',
    ])
    .where('g.id', '=', signupId)
    .where((eb) => eb.or([eb('g.person_id', '=', actor.personId), inScope(eb, 'ou.path', actor, 'volunteer.view')]))
    .executeTakeFirst();
}

export function mySignups(db: Db, personId: number) {
  return db
    .selectFrom('volunteer_signup as g')
    .innerJoin('volunteer_shift as s', 's.id', 'g.shift_id')
    .innerJoin('volunteer_activity as a', 'a.id', 'g.activity_id')
    .innerJoin('org_unit as ou', 'ou.id', 'a.org_unit_id')
    .select([
      'g.id',
      'g.person_id as personId',
      'g.status',
      'g.checked_in_at as checkedInAt',
      'g.checked_out_at as checkedOutAt',
      'g.checkin_review as checkinReview',
      'g.attendance',
      'g.credited_minutes as creditedMinutes',
      'g.created_at as createdAt',
      's.post',
      's.starts_at as shiftStart',
      's.ends_at as shiftEnd',
      'a.id as activityId',
      'a.title',
      'a.place',
      'a.status as activityStatus',
      'ou.name as unitName',
      'ou.path as orgPath',
      (eb) =>
        eb
          .selectFrom('volunteer_signup as w')
          .whereRef('w.shift_id', '=', 'g.shift_id')
          .where('w.status', '=', 'waiting')
          .whereRef('w.id', '<=', 'g.id')
          .select(sql<number>`count(*)::int`.as('n'))
          .as('waitingPosition'),
    ])
    .where('g.person_id', '=', personId)
    .where('g.status', '<>', 'cancelled')
    .orderBy('s.starts_at', 'desc')
    .execute();
}
