import { sql } from 'kysely';
import type { Actor } from '../../core/actor';
import { inScope } from '../../core/scope';
import { countedHours } from './ledger.counted';
import type { Db } from './shared';

function teams(db: Db, actor: Actor) {
  return db
    .selectFrom('volunteer_team as t')
    .innerJoin('org_unit as u', 'u.id', 't.owner_unit_id')
    .innerJoin('person as l', 'l.id', 't.leader_person_id')
    .leftJoin('partner as pt', 'pt.id', 't.partner_id')
    .select([
      't.id',
      't.name',
      't.kind',
      't.owner_unit_id as unitId',
      'u.name as unitName',
      'u.path as ownerPath',
      't.leader_person_id as leaderPersonId',
      'l.name as leaderName',
      't.specialties',
      't.partner_id as partnerId',
      'pt.name as partnerName',
      't.description',
      't.created_at as createdAt',
      (eb) =>
        eb
          .selectFrom('volunteer_team_member as m')
          .whereRef('m.team_id', '=', 't.id')
          .select(sql<number>`count(*)::int`.as('n'))
          .as('memberCount'),
    ])
    .where('t.closed_at', 'is', null)
    .where((eb) =>
      eb.or([
        inScope(eb, 'u.path', actor, 'volunteer.view'),
        eb.exists(
          eb
            .selectFrom('volunteer_team_member as me')
            .select('me.team_id')
            .whereRef('me.team_id', '=', 't.id')
            .where('me.person_id', '=', actor.personId),
        ),
      ]),
    );
}
export type TeamRow = Awaited<ReturnType<ReturnType<typeof teams>['executeTakeFirstOrThrow']>>;

export const listTeams = (db: Db, actor: Actor, kind?: string) =>
  teams(db, actor)
    .$if(kind !== undefined, (q) => q.where('t.kind', '=', kind!))
    .orderBy('u.path')
    .orderBy('t.id')
    .execute();

export const findTeam = (db: Db, actor: Actor, id: number) =>
  teams(db, actor).where('t.id', '=', id).executeTakeFirst();

/** Members with their minutes in the team's activities and their own total for the year. */
export function membersOf(db: Db, teamId: number, year: number) {
  return db
    .selectFrom('volunteer_team_member as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .leftJoin('volunteer as v', 'v.person_id', 'm.person_id')
    .innerJoin('volunteer_team as t', 't.id', 'm.team_id')
    .select([
      'm.person_id as personId',
      'p.name',
      'p.specialty',
      'v.volunteer_no as volunteerNo',
      'm.joined_at as joinedAt',
      sql<boolean>`m.person_id = t.leader_person_id`.as('isLeader'),
      (eb) =>
        eb
          // Hours that count (ledger.counted.ts): pending and reversed credits are left out.
          .selectFrom('volunteer_hours_counted as e')
          .innerJoin('volunteer_activity as a', 'a.id', 'e.activity_id')
          .whereRef('e.person_id', '=', 'm.person_id')
          .whereRef('a.team_id', '=', 'm.team_id')
          .where('e.service_year', '=', year)
          .select(sql<number>`coalesce(sum(e.minutes), 0)::int`.as('n'))
          .as('teamMinutes'),
    ])
    .where('m.team_id', '=', teamId)
    .orderBy(sql`m.person_id = t.leader_person_id`, 'desc')
    .orderBy('m.joined_at')
    .execute();
}

export async function teamTotals(db: Db, teamId: number) {
  const rows = await countedHours(db)
    .innerJoin('volunteer_activity as a', 'a.id', 'e.activity_id')
    .select([
      'e.service_year as year',
      sql<number>`sum(e.minutes)::int`.as('minutes'),
      sql<number>`count(distinct e.person_id)::int`.as('people'),
    ])
    .where('a.team_id', '=', teamId)
    .groupBy('e.service_year')
    .orderBy('e.service_year', 'desc')
    .execute();
  return rows.map((r) => ({ year: r.year, minutes: Number(r.minutes), people: Number(r.people) }));
}

/**
 * Open teams for other modules' matching (量体裁衣) and claiming: unscoped, the caller scopes by unit. A team's
 * campus is where most of its members are.
 */
export function teamsForMatching(
  db: Db,
  q: { unitPaths?: readonly string[]; ancestorsOf?: string; ids?: readonly number[] },
) {
  return db
    .selectFrom('volunteer_team as t')
    .innerJoin('org_unit as u', 'u.id', 't.owner_unit_id')
    .innerJoin('person as l', 'l.id', 't.leader_person_id')
    .select([
      't.id',
      't.name',
      't.kind',
      't.owner_unit_id as ownerUnitId',
      'u.name as ownerUnitName',
      'u.path as ownerPath',
      't.specialties',
      't.leader_person_id as leaderPersonId',
      'l.name as leaderName',
      (eb) =>
        eb
          .selectFrom('volunteer_team_member as m')
          .whereRef('m.team_id', '=', 't.id')
          .select(sql<number>`count(*)::int`.as('n'))
          .as('memberCount'),
      (eb) =>
        eb
          .selectFrom('volunteer_team_member as m')
          .innerJoin('person as p', 'p.id', 'm.person_id')
          .whereRef('m.team_id', '=', 't.id')
          .where('p.campus', '<>', '')
          .select(sql<string | null>`mode() within group (order by p.campus)`.as('c'))
          .as('campus'),
    ])
    .where('t.closed_at', 'is', null)
    .where('u.closed_at', 'is', null)
    .$if(q.unitPaths !== undefined || q.ancestorsOf !== undefined, (qb) =>
      qb.where((eb) =>
        eb.or([
          ...(q.unitPaths ?? []).map((p) => eb('u.path', 'like', `${p}%`)),
          ...(q.ancestorsOf === undefined
            ? []
            : [eb(sql<string>`${q.ancestorsOf}`, 'like', sql<string>`u.path || '%'`)]),
          sql<boolean>`false`,
        ]),
      ),
    )
    .$if(q.ids !== undefined, (qb) => qb.where('t.id', 'in', q.ids!.length ? [...q.ids!] : [0]))
    .orderBy('u.path')
    .orderBy('t.id')
    .execute();
}
