import { sql } from 'kysely';
import type { Actor } from '../../core/actor';
import { inScope } from '../../core/scope';
import type { Db } from './shared';

export const COMMUNITY_KINDS = ['community', 'village'];

export function communities(db: Db) {
  return db
    .selectFrom('partner')
    .select(['id', 'name', 'kind', 'address', 'contact_name as contactName'])
    .where('kind', 'in', COMMUNITY_KINDS)
    .orderBy('id')
    .execute();
}

export function partnerWithOwner(db: Db, partnerId: number) {
  return db
    .selectFrom('partner as pt')
    .innerJoin('org_unit as u', 'u.id', 'pt.owner_unit_id')
    .select([
      'pt.id',
      'pt.name',
      'pt.kind',
      'pt.contact_name as contactName',
      'pt.owner_unit_id as ownerUnitId',
      'u.path as ownerPath',
    ])
    .where('pt.id', '=', partnerId)
    .executeTakeFirst();
}

export function activeReport(db: Db, personId: number) {
  return db
    .selectFrom('dual_report as r')
    .innerJoin('partner as pt', 'pt.id', 'r.partner_id')
    .innerJoin('person as p', 'p.id', 'r.person_id')
    .innerJoin('org_unit as u', 'u.id', 'p.unit_id')
    .leftJoin('volunteer as v', 'v.person_id', 'r.person_id')
    .select([
      'r.id',
      'r.slip_no as slipNo',
      'r.address',
      'r.reported_at as reportedAt',
      'r.partner_id as partnerId',
      'pt.name as communityName',
      'pt.address as communityAddress',
      'pt.contact_name as communityContact',
      'p.name as personName',
      'u.name as unitName',
      'v.volunteer_no as volunteerNo',
    ])
    .where('r.person_id', '=', personId)
    .where('r.ended_at', 'is', null)
    .executeTakeFirst();
}

export async function nextSlipSeq(db: Db) {
  return (await sql<{ n: number }>`select nextval('dual_report_slip_seq')::int as n`.execute(db)).rows[0].n;
}

function posts(db: Db) {
  return db
    .selectFrom('community_post as cp')
    .innerJoin('partner as pt', 'pt.id', 'cp.partner_id')
    .innerJoin('org_unit as u', 'u.id', 'pt.owner_unit_id')
    .select([
      'cp.id',
      'cp.partner_id as partnerId',
      'pt.name as communityName',
      'u.path as ownerPath',
      'cp.title',
      'cp.category',
      'cp.description',
      'cp.slots',
      'cp.taken',
      'cp.starts_on as startsOn',
      'cp.ends_on as endsOn',
      'cp.status',
    ]);
}
export type PostRow = Awaited<ReturnType<ReturnType<typeof posts>['executeTakeFirstOrThrow']>>;

/** Posts of the community the person reported to, plus those the actor manages through the partner's owner unit. */
export function visiblePosts(db: Db, actor: Actor, partnerId?: number) {
  return posts(db)
    .where((eb) =>
      eb.or([
        inScope(eb, 'u.path', actor, 'volunteer.view'),
        eb.exists(
          eb
            .selectFrom('dual_report as r')
            .select('r.id')
            .whereRef('r.partner_id', '=', 'cp.partner_id')
            .where('r.person_id', '=', actor.personId)
            .where('r.ended_at', 'is', null),
        ),
      ]),
    )
    .$if(partnerId !== undefined, (q) => q.where('cp.partner_id', '=', partnerId!))
    .orderBy('cp.starts_on', 'desc')
    .orderBy('cp.id', 'desc') // a stable order: a post keeps its place (and page) when it is closed
    .execute();
}

export function findPost(db: Db, id: number) {
  return posts(db).where('cp.id', '=', id).executeTakeFirst();
}

/** A claim with its post and community: the columns the member's list and the confirmation link both read. */
function claims(db: Db) {
  return db
    .selectFrom('community_post_claim as c')
    .innerJoin('community_post as cp', 'cp.id', 'c.post_id')
    .innerJoin('partner as pt', 'pt.id', 'cp.partner_id')
    .select([
      'c.id',
      'c.status',
      'c.served_on as servedOn',
      'c.minutes',
      'c.note',
      'c.confirmed_at as confirmedAt',
      'cp.id as postId',
      'cp.title as postTitle',
      'cp.category',
      'pt.name as communityName',
    ]);
}

export function findClaim(db: Db, id: number) {
  return claims(db)
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .leftJoin('volunteer as v', 'v.person_id', 'c.person_id')
    .select([
      'c.person_id as personId',
      'c.confirmed_by_name as confirmedByName',
      'cp.id as postId',
      'pt.id as partnerId',
      'pt.owner_unit_id as ownerUnitId',
      'p.name as personName',
      'v.volunteer_no as volunteerNo',
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export function myClaims(db: Db, personId: number) {
  return claims(db)
    .select('c.claimed_at as claimedAt')
    .where('c.person_id', '=', personId)
    .where('c.status', '<>', 'cancelled')
    .orderBy('c.claimed_at', 'desc')
    .execute();
}

/** 季度反馈: every Party member under the unit, with their community and the quarter's confirmed service. */
export function quarterFeedback(db: Db, actor: Actor, unitPath: string, from: string, to: string) {
  return db
    .selectFrom('person as p')
    .innerJoin('org_unit as u', 'u.id', 'p.unit_id')
    .leftJoin('dual_report as r', (j) => j.onRef('r.person_id', '=', 'p.id').on('r.ended_at', 'is', null))
    .leftJoin('partner as pt', 'pt.id', 'r.partner_id')
    .leftJoin('volunteer as v', 'v.person_id', 'p.id')
    .select([
      'p.id as personId',
      'p.name',
      'u.name as unitName',
      'v.volunteer_no as volunteerNo',
      'pt.name as communityName',
      'r.reported_at as reportedAt',
    ])
    .select((eb) => {
      // The person's services the community confirmed within the quarter; each figure aggregates these.
      const confirmed = () =>
        eb
          .selectFrom('community_post_claim as c')
          .whereRef('c.person_id', '=', 'p.id')
          .where('c.status', '=', 'confirmed')
          .where('c.served_on', '>=', from)
          .where('c.served_on', '<=', to);
      return [
        confirmed()
          .select([sql<number>`count(*)::int`.as('n')])
          .as('confirmedServices'),
        confirmed().select(sql<number>`coalesce(sum(c.minutes), 0)::int`.as('m')).as('minutes'),
        confirmed().select(sql<number | null>`round(avg(c.rating), 1)::float8`.as('r')).as('averageRating'),
        confirmed()
          .where('c.feedback', '<>', '')
          .select(sql<string[]>`coalesce(array_agg(c.feedback order by c.served_on), '{}')`.as('f'))
          .as('feedback'),
      ];
    })
    .where('u.path', 'like', `${unitPath}%`)
    .where((eb) => inScope(eb, 'u.path', actor, 'volunteer.view'))
    .where('p.political_status', 'in', ['member', 'probationary'])
    .orderBy('u.path')
    .orderBy('p.id')
    .execute();
}
