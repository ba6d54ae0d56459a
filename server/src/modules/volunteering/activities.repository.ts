import { type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Actor } from '../../core/actor';
import { offsetOf, type PageQuery } from '../../core/paging';
import { inScope } from '../../core/scope';
import type { DB } from '../../db/types';
import type { RefusalCode } from './activities.policy';
import { actorUnitPath, type Db } from './shared';

type ActivityEb = ExpressionBuilder<
  DB & { a: DB['volunteer_activity']; ou: DB['org_unit']; au: DB['org_unit'] },
  'a' | 'ou' | 'au'
>;

const LIVE = ['confirmed', 'waiting'];

/**
 * Who sees an activity: volunteer.view over the organizing unit, anyone whose unit lies in its audience,
 * and anyone signed up for it.
 */
function visible(eb: ActivityEb, actor: Actor) {
  return eb.or([
    inScope(eb, 'ou.path', actor, 'volunteer.view'),
    sql<SqlBool>`${actorUnitPath(actor)} like au.path || '%'`,
    eb.exists(
      eb
        .selectFrom('volunteer_signup as ms')
        .select('ms.id')
        .whereRef('ms.activity_id', '=', 'a.id')
        .where('ms.person_id', '=', actor.personId),
    ),
  ]);
}

function base(db: Db) {
  return db
    .selectFrom('volunteer_activity as a')
    .innerJoin('org_unit as ou', 'ou.id', 'a.org_unit_id')
    .innerJoin('org_unit as au', 'au.id', 'a.audience_unit_id')
    .leftJoin('volunteer_team as t', 't.id', 'a.team_id')
    .leftJoin('venue as vn', 'vn.id', 'a.venue_id')
    .select([
      'a.id',
      'a.title',
      'a.description',
      'a.category',
      'a.status',
      'a.place',
      'a.latitude',
      'a.longitude',
      'a.checkin_radius_m as checkinRadiusM',
      'a.starts_at as startsAt',
      'a.ends_at as endsAt',
      'a.signup_opens_at as signupOpensAt',
      'a.signup_closes_at as signupClosesAt',
      'a.members_only as membersOnly',
      'a.required_skill as requiredSkill',
      'a.demand_id as demandId',
      'a.org_unit_id as unitId',
      'ou.name as unitName',
      'ou.path as orgPath',
      'a.audience_unit_id as audienceUnitId',
      'au.name as audienceName',
      'au.path as audiencePath',
      'a.team_id as teamId',
      't.name as teamName',
      'a.venue_id as venueId',
      'vn.name as venueName',
      'a.closed_at as closedAt',
      'a.cancel_reason as cancelReason',
      (eb) =>
        eb
          .selectFrom('volunteer_shift as s')
          .whereRef('s.activity_id', '=', 'a.id')
          .select(sql<number>`coalesce(sum(s.capacity), 0)::int`.as('n'))
          .as('capacity'),
      (eb) =>
        eb
          .selectFrom('volunteer_shift as s')
          .whereRef('s.activity_id', '=', 'a.id')
          .select(sql<number>`coalesce(sum(s.taken), 0)::int`.as('n'))
          .as('taken'),
    ]);
}
export type ActivityRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

export interface ActivityFilter {
  view: 'all' | 'open' | 'managed' | 'mine';
  status?: string;
  unitPath?: string;
  teamId?: number;
  venueId?: number;
}

export async function listActivities(db: Db, actor: Actor, f: ActivityFilter, page: PageQuery) {
  const q = base(db)
    .where((eb) => visible(eb, actor))
    .$if(f.view === 'open', (q) =>
      q
        .where('a.status', '=', 'published')
        .where('a.signup_closes_at', '>', new Date().toISOString())
        .where(sql<SqlBool>`${actorUnitPath(actor)} like au.path || '%'`),
    )
    .$if(f.view === 'managed', (q) => q.where((eb) => inScope(eb, 'ou.path', actor, 'volunteer.view')))
    .$if(f.view === 'mine', (q) =>
      q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('volunteer_signup as ms')
            .select('ms.id')
            .whereRef('ms.activity_id', '=', 'a.id')
            .where('ms.person_id', '=', actor.personId),
        ),
      ),
    )
    .$if(f.status !== undefined, (q) => q.where('a.status', '=', f.status!))
    .$if(f.unitPath !== undefined, (q) => q.where('ou.path', 'like', `${f.unitPath}%`))
    .$if(f.teamId !== undefined, (q) => q.where('a.team_id', '=', f.teamId!))
    .$if(f.venueId !== undefined, (q) => q.where('a.venue_id', '=', f.venueId!));
  const [items, total] = await Promise.all([
    q
      .orderBy('a.starts_at', f.view === 'open' ? 'asc' : 'desc')
      .orderBy('a.id')
      .limit(page.pageSize)
      .offset(offsetOf(page))
      .execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export function findActivity(db: Db, actor: Actor, id: number) {
  return base(db)
    .select('a.code_secret as codeSecret')
    .where('a.id', '=', id)
    .where((eb) => visible(eb, actor))
    .executeTakeFirst();
}

export function lockActivity(db: Db, id: number) {
  return db
    .selectFrom('volunteer_activity')
    .select(['id', 'status'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function shiftsOf(db: Db, activityId: number, personId: number) {
  return db
    .selectFrom('volunteer_shift as s')
    .leftJoin('volunteer_signup as m', (j) =>
      j.onRef('m.shift_id', '=', 's.id').on('m.person_id', '=', personId).on('m.status', 'in', LIVE),
    )
    .select([
      's.id',
      's.post',
      's.starts_at as startsAt',
      's.ends_at as endsAt',
      's.capacity',
      's.taken',
      'm.id as mySignupId',
      'm.status as myStatus',
      'm.checked_in_at as myCheckedInAt',
      'm.checked_out_at as myCheckedOutAt',
      'm.checkin_review as myCheckinReview',
      (eb) =>
        eb
          .selectFrom('volunteer_signup as w')
          .whereRef('w.shift_id', '=', 's.id')
          .where('w.status', '=', 'waiting')
          .select(sql<number>`count(*)::int`.as('n'))
          .as('waiting'),
      // My place in the waiting list (1 = next to get a freed seat), in the order people joined it.
      (eb) =>
        eb
          .selectFrom('volunteer_signup as w')
          .whereRef('w.shift_id', '=', 's.id')
          .where('w.status', '=', 'waiting')
          .where('m.status', '=', 'waiting')
          .whereRef('w.id', '<=', 'm.id')
          .select(sql<number>`count(*)::int`.as('n'))
          .as('myWaitingPosition'),
    ])
    .where('s.activity_id', '=', activityId)
    .orderBy('s.starts_at')
    .orderBy('s.id')
    .execute();
}

export interface SignupFacts {
  shiftId: number;
  activityId: number;
  post: string;
  shiftStart: string;
  shiftEnd: string;
  capacity: number;
  taken: number;
  title: string;
  status: string;
  signupOpensAt: string;
  signupClosesAt: string;
  membersOnly: boolean;
  requiredSkill: string | null;
  orgPath: string;
  audiencePath: string;
  politicalStatus: string;
  personSkills: string[];
  unitPath: string;
  volunteerId: number | null;
  volunteerSkills: string[] | null;
  existing: boolean;
  overlaps: boolean;
}

/**
 * Everything a sign-up decision needs, in one round trip, through a PL/pgSQL function (migration 0500) whose
 * plan each connection keeps: under a rush, planning this join cost more than running it.
 */
export async function signupFacts(db: Db, shiftId: number, personId: number): Promise<SignupFacts | undefined> {
  const r =
    await sql<SignupFacts>`select shift_id as "shiftId", activity_id as "activityId", post, shift_start as "shiftStart",
    shift_end as "shiftEnd", capacity, taken, title, status, signup_opens_at as "signupOpensAt", signup_closes_at as "signupClosesAt",
    members_only as "membersOnly", required_skill as "requiredSkill", org_path as "orgPath", audience_path as "audiencePath",
    political_status as "politicalStatus", person_skills as "personSkills", unit_path as "unitPath", volunteer_id as "volunteerId",
    volunteer_skills as "volunteerSkills", existing, "overlaps"
    from volunteer_signup_facts(${shiftId}::int, ${personId}::int)`.execute(db);
  return r.rows[0];
}

/**
 * The seat, won or lost in one call (migration 0510): the person's other sign-ups re-checked under a lock on
 * their volunteer row, the conditional UPDATE, the sign-up row, its audit event and notice (`events`, keyed
 * by the outcome 'confirmed' | 'waiting'). Refusals come back by name.
 */
export async function takeSeat(db: Db, shiftId: number, personId: number, waitlist: boolean, events: unknown) {
  const r = await sql<{ signupId: number; status: 'confirmed' | 'waiting'; refusal: RefusalCode | null }>`
    select out_signup_id as "signupId", out_status as "status", out_refusal as "refusal"
    from volunteer_take_seat(${shiftId}::int, ${personId}::int, ${waitlist}::boolean, ${JSON.stringify(events)}::jsonb)`.execute(
    db,
  );
  return r.rows[0];
}
