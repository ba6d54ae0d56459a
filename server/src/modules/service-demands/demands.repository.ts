import {
  BOARD_STATES,
  type DemandAudience,
  type DemandFilters,
  type DemandListQuery,
  type DemandState,
} from '@pioneer/domain';
import { type Expression, type Kysely, type SqlBool, sql, type Transaction } from 'kysely';
import type { Actor } from '../../core/actor';
import { inScope } from '../../core/scope';
import type { DB } from '../../db/types';
import { type DemandRef, openNeedPaths } from './demands.policy';

type Db = Kysely<DB> | Transaction<DB>;

/** States a time-limit clock runs in (see domain clockOf): only these can be overdue. */
export const CLOCK_STATES: DemandState[] = ['submitted', 'triaged', 'reopened', 'published', 'claimed', 'in_progress'];

const REACHED = {
  triaged: 'd.triaged_at',
  published: 'd.published_at',
  claimed: 'd.claimed_at',
  completed: 'd.completed_at',
  rated: 'd.last_rating_score',
} as const;

/** Needs with the units they touch (handling h, responsible r, claiming c, origin o), category and claimer. */
export function base(db: Db) {
  return db
    .selectFrom('demand as d')
    .innerJoin('org_unit as h', 'h.id', 'd.handling_unit_id')
    .innerJoin('org_unit as r', 'r.id', 'd.responsible_unit_id')
    .leftJoin('org_unit as c', 'c.id', 'd.claim_unit_id')
    .leftJoin('org_unit as o', 'o.id', 'd.origin_unit_id')
    .leftJoin('demand_category as cat', 'cat.id', 'd.category_id')
    .leftJoin('person as cp', 'cp.id', 'd.claim_person_id');
}
type Base = ReturnType<typeof base>;
export type EB = Base extends { where(cb: (eb: infer E) => unknown): unknown } ? E : never;

export const COLUMNS = [
  'd.id',
  'd.tracking_code as trackingCode',
  'd.title',
  'd.description',
  'd.audience',
  'd.channel',
  'd.state',
  'd.round',
  'd.category_id as categoryId',
  'cat.name as categoryName',
  'cat.grp as categoryGroup',
  'cat.required_skills as requiredSkills',
  'cat.triage_minutes as triageMinutes',
  'cat.claim_minutes as claimMinutes',
  'cat.complete_minutes as completeMinutes',
  'd.handling_unit_id as handlingUnitId',
  'h.name as handlingUnitName',
  'h.path as handlingPath',
  'd.claim_unit_id as claimUnitId',
  'c.name as claimUnitName',
  'c.path as claimPath',
  'd.claim_team as claimTeam',
  'd.claim_team_id as claimTeamId',
  'd.claim_person_id as claimPersonId',
  'cp.name as claimPersonName',
  'd.origin_unit_id as originUnitId',
  'o.name as originUnitName',
  'o.path as originPath',
  'd.responsible_unit_id as responsibleUnitId',
  'r.name as responsibleUnitName',
  'r.path as responsiblePath',
  'd.requester_person_id as requesterPersonId',
  'd.requester_name as requesterName',
  'd.requester_phone as requesterPhone',
  'd.requester_email as requesterEmail',
  'd.requester_address as requesterAddress',
  'd.entered_by as enteredBy',
  'd.open311_client_id as open311ClientId',
  'd.campus',
  'd.location',
  'd.lat',
  'd.long',
  'd.address_id as addressId',
  'd.zipcode',
  'd.media_url as mediaUrl',
  'd.needed_on as neededOn',
  'd.duplicate_of as duplicateOf',
  'd.result',
  'd.minutes_total as minutesTotal',
  'd.last_rating_score as lastRatingScore',
  'd.due_at as dueAt',
  'd.overdue_notified_at as overdueNotifiedAt',
  'd.submitted_at as submittedAt',
  'd.triaged_at as triagedAt',
  'd.published_at as publishedAt',
  'd.claimed_at as claimedAt',
  'd.started_at as startedAt',
  'd.completed_at as completedAt',
  'd.rated_at as ratedAt',
  'd.closed_at as closedAt',
  'd.updated_at as updatedAt',
] as const;

function select(db: Db) {
  return base(db)
    .select(COLUMNS)
    .select(
      sql<number[]>`coalesce((select array_agg(a.person_id order by a.person_id) from demand_assignee a
        where a.demand_id = d.id and a.round = d.round), '{}')`.as('assigneeIds'),
    );
}
export type DemandRow = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;

export const toRef = (row: DemandRow): DemandRef => ({
  state: row.state as DemandState,
  audience: row.audience as DemandAudience,
  handlingPath: row.handlingPath,
  claimPath: row.claimPath,
  originPath: row.originPath,
  claimPersonId: row.claimPersonId,
  requesterPersonId: row.requesterPersonId,
  enteredBy: row.enteredBy,
  assigneeIds: row.assigneeIds,
});

const involves = (eb: EB, actor: Actor) =>
  eb.or([
    eb('d.requester_person_id', '=', actor.personId),
    eb('d.entered_by', '=', actor.personId),
    eb('d.claim_person_id', '=', actor.personId),
    eb.exists(
      eb
        .selectFrom('demand_assignee as a')
        .select('a.person_id')
        .whereRef('a.demand_id', '=', 'd.id')
        .where('a.person_id', '=', actor.personId),
    ),
  ]);

/** Needs the actor oversees: handled, claimed or raised in their demand.view scope, or reported in their report scope. */
const overseen = (eb: EB, actor: Actor) =>
  eb.or([
    inScope(eb, 'h.path', actor, 'demand.view'),
    inScope(eb, 'c.path', actor, 'demand.view'),
    inScope(eb, 'o.path', actor, 'demand.view'),
    inScope(eb, 'r.path', actor, 'report.view'),
  ]);

/** Published needs in the part of the tree the actor belongs to or leads: theirs to take up. */
const openTo = (eb: EB, actor: Actor, states: readonly DemandState[]): Expression<SqlBool> => {
  if (actor.isSystemAdmin) return eb('d.state', 'in', states);
  const paths = openNeedPaths(actor);
  return paths.length === 0 ? sql<SqlBool>`false` : eb.and([eb('d.state', 'in', states), eb('h.path', 'in', paths)]);
};

/** Every need the actor may open: overseen, involving them, or published to their part of the tree. */
export const visible = (eb: EB, actor: Actor) =>
  eb.or([overseen(eb, actor), involves(eb, actor), openTo(eb, actor, BOARD_STATES)]);

export function findDemand(db: Db, actor: Actor, id: number) {
  return select(db)
    .where('d.id', '=', id)
    .where((eb) => visible(eb, actor))
    .executeTakeFirst();
}

/** Unscoped: for the public tracking page, signed links and the sweeper, which carry their own proof. */
export function findDemandById(db: Db, id: number) {
  return select(db).where('d.id', '=', id).executeTakeFirst();
}
export function findDemandByCode(db: Db, trackingCode: string) {
  return select(db).where('d.tracking_code', '=', trackingCode).executeTakeFirst();
}

/** The shared filters of the list and the figures: the unit filter is the responsible unit's subtree. */
export function applyFilters(eb: EB, f: DemandFilters & { unitPath?: string }) {
  const conds: Expression<SqlBool>[] = [];
  if (f.unitPath) conds.push(eb('r.path', 'like', `${f.unitPath}%`));
  if (f.state?.length) conds.push(eb('d.state', 'in', f.state));
  if (f.audience) conds.push(eb('d.audience', '=', f.audience));
  if (f.channel) conds.push(eb('d.channel', '=', f.channel));
  if (f.categoryId === 0) conds.push(eb('d.category_id', 'is', null));
  else if (f.categoryId) conds.push(eb('d.category_id', '=', f.categoryId));
  if (f.reached) conds.push(eb(REACHED[f.reached], 'is not', null));
  if (f.overdue === true)
    conds.push(eb.and([eb('d.state', 'in', CLOCK_STATES), eb('d.due_at', '<', sql<string>`now()`)]));
  if (f.overdue === false) {
    conds.push(
      eb.or([
        eb('d.state', 'not in', CLOCK_STATES),
        eb('d.due_at', '>=', sql<string>`now()`),
        eb('d.due_at', 'is', null),
      ]),
    );
  }
  if (f.rated) conds.push(eb('d.last_rating_score', '=', f.rated));
  if (f.from) conds.push(eb('d.submitted_at', '>=', sql<string>`${`${f.from}T00:00:00+08:00`}::timestamptz`));
  if (f.to)
    conds.push(eb('d.submitted_at', '<', sql<string>`${`${f.to}T00:00:00+08:00`}::timestamptz + interval '1 day'`));
  return eb.and(conds);
}

export async function listDemands(db: Db, actor: Actor, q: DemandListQuery & { unitPath?: string }) {
  const where = (eb: EB) => {
    const view =
      q.view === 'open'
        ? openTo(eb, actor, ['published'])
        : q.view === 'mine'
          ? involves(eb, actor)
          : overseen(eb, actor);
    const search = q.q ? eb('d.title', 'ilike', `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`) : sql<SqlBool>`true`;
    return eb.and([view, applyFilters(eb, q), search]);
  };
  let items = select(db).where(where);
  items = q.overdue ? items.orderBy('d.due_at', 'asc') : items.orderBy('d.submitted_at', 'desc');
  const rows = await items
    .orderBy('d.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const { total } = await base(db)
    .select(sql<number>`count(*)::int`.as('total'))
    .where(where)
    .executeTakeFirstOrThrow();
  return { rows, total };
}

export function timeline(db: Db, demandId: number, includeInternal: boolean) {
  return db
    .selectFrom('demand_event')
    .select([
      'id',
      'at',
      'actor_label as actor',
      'action',
      'from_state as fromState',
      'to_state as toState',
      'note',
      'public',
    ])
    .where('demand_id', '=', demandId)
    .$if(!includeInternal, (q) => q.where('public', '=', true))
    .orderBy('id')
    .execute();
}

export async function peopleOf(db: Db, demandId: number) {
  const assignees = await db
    .selectFrom('demand_assignee as a')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .select(['a.round', 'a.person_id as personId', 'p.name', 'a.assigned_at as assignedAt'])
    .where('a.demand_id', '=', demandId)
    .orderBy('a.round')
    .orderBy('p.id')
    .execute();
  const services = await db
    .selectFrom('demand_service as s')
    .innerJoin('person as p', 'p.id', 's.person_id')
    .select(['s.round', 's.person_id as personId', 'p.name', 's.minutes'])
    .where('s.demand_id', '=', demandId)
    .orderBy('s.round')
    .orderBy('p.id')
    .execute();
  const ratings = await db
    .selectFrom('demand_rating as r')
    .leftJoin('org_unit as u', 'u.id', 'r.unit_id')
    .select([
      'r.id',
      'r.round',
      'r.score',
      'r.comment',
      'r.via',
      'r.team',
      'u.name as unitName',
      'r.created_at as createdAt',
    ])
    .where('r.demand_id', '=', demandId)
    .orderBy('r.round')
    .execute();
  const photos = await db
    .selectFrom('demand_photo')
    .select(['id', 'round', 'url', 'file_name as fileName'])
    .where('demand_id', '=', demandId)
    .orderBy('id')
    .execute();
  return { assignees, services, ratings, photos };
}

/** A unit by id, only if the actor sees it in the org tree (otherwise undefined → 404). */
export function findUnit(db: Db, actor: Actor, id: number) {
  return db
    .selectFrom('org_unit as u')
    .select(['u.id', 'u.path', 'u.name', 'u.type', 'u.closed_at as closedAt'])
    .where('u.id', '=', id)
    .where((eb) => inScope(eb, 'u.path', actor, 'org.view'))
    .executeTakeFirst();
}
