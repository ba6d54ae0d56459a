import { sql } from 'kysely';
import { countedHours, pendingHours } from './ledger.counted';
import type { Db } from './shared';

/**
 * A member's volunteering in a period, from the records only (for "my year on one page", issue 11 item 4):
 * hours that count and hours waiting for review, the activities they attended, venue duties, 双报到 and the
 * community posts they served. Other modules read this, never the tables.
 */
export async function volunteeringYear(db: Db, personId: number, from: string, to: string) {
  const [counted, pending, activities, duties, dualReport, posts] = await Promise.all([
    countedHours(db)
      .leftJoin('volunteer_activity as a', 'a.id', 'e.activity_id')
      .select([
        'e.id',
        'e.minutes',
        'e.description',
        'e.service_start as serviceStart',
        'e.source',
        'a.title as activityTitle',
      ])
      .where('e.person_id', '=', personId)
      .where('e.service_start', '>=', from)
      .where('e.service_start', '<', to)
      .orderBy('e.service_start')
      .execute(),
    pendingHours(db)
      .select([sql<number>`coalesce(sum(e.minutes), 0)::int`.as('minutes'), sql<number>`count(*)::int`.as('entries')])
      .where('e.person_id', '=', personId)
      .where('e.service_start', '>=', from)
      .where('e.service_start', '<', to)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('volunteer_signup as s')
      .innerJoin('volunteer_shift as sh', 'sh.id', 's.shift_id')
      .innerJoin('volunteer_activity as a', 'a.id', 's.activity_id')
      .select([
        'a.id',
        'a.title',
        'sh.post',
        'sh.starts_at as startsAt',
        's.attendance',
        's.credited_minutes as creditedMinutes',
      ])
      .where('s.person_id', '=', personId)
      .where('s.status', '=', 'confirmed')
      .where('sh.starts_at', '>=', from)
      .where('sh.starts_at', '<', to)
      .orderBy('sh.starts_at')
      .execute(),
    db
      .selectFrom('venue_duty as d')
      .innerJoin('venue as v', 'v.id', 'd.venue_id')
      .select(['d.id', 'v.name as venue', 'd.post', 'd.starts_at as startsAt', 'd.status'])
      .where('d.person_id', '=', personId)
      .where('d.starts_at', '>=', from)
      .where('d.starts_at', '<', to)
      .orderBy('d.starts_at')
      .execute(),
    db
      .selectFrom('dual_report as r')
      .innerJoin('partner as p', 'p.id', 'r.partner_id')
      .select(['r.id', 'p.name as community', 'r.reported_at as reportedAt', 'r.ended_at as endedAt'])
      .where('r.person_id', '=', personId)
      .where('r.reported_at', '<', to)
      .where((eb) => eb.or([eb('r.ended_at', 'is', null), eb('r.ended_at', '>=', from)]))
      .orderBy('r.reported_at', 'desc')
      .execute(),
    db
      .selectFrom('community_post_claim as c')
      .innerJoin('community_post as p', 'p.id', 'c.post_id')
      .select(['c.id', 'p.title', 'c.status', 'c.served_on as servedOn', 'c.minutes', 'c.rating', 'c.feedback'])
      .where('c.person_id', '=', personId)
      .where('c.claimed_at', '<', to)
      .where((eb) => eb.or([eb('c.served_on', 'is', null), eb('c.served_on', '>=', from.slice(0, 10))]))
      .orderBy('c.claimed_at')
      .execute(),
  ]);
  return {
    hours: {
      countedMinutes: counted.reduce((a, e) => a + e.minutes, 0),
      pendingMinutes: Number(pending.minutes),
      pendingEntries: Number(pending.entries),
      entries: counted,
    },
    activities,
    venueDuties: duties,
    dualReports: dualReport,
    communityPosts: posts,
  };
}
