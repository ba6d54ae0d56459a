import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/types';

/**
 * A member's service on needs in a period, from the records (for "my year on one page", issue 11 item 4): the
 * needs they served (with minutes) and the ratings the people served gave them. Requesters' personal data
 * is not included.
 */
export async function demandsYear(db: Kysely<DB> | Transaction<DB>, personId: number, from: string, to: string) {
  const [served, ratings] = await Promise.all([
    db
      .selectFrom('demand_service as s')
      .innerJoin('demand as d', 'd.id', 's.demand_id')
      .select([
        'd.id',
        'd.tracking_code as trackingCode',
        'd.title',
        'd.state',
        's.minutes',
        's.recorded_at as recordedAt',
      ])
      .where('s.person_id', '=', personId)
      .where('s.recorded_at', '>=', from)
      .where('s.recorded_at', '<', to)
      .orderBy('s.recorded_at')
      .execute(),
    db
      .selectFrom('demand_rating_member as m')
      .innerJoin('demand_rating as r', 'r.id', 'm.rating_id')
      .innerJoin('demand as d', 'd.id', 'r.demand_id')
      .select(['r.id', 'd.title', 'r.score', 'r.comment', 'r.created_at as ratedAt'])
      .where('m.person_id', '=', personId)
      .where('r.created_at', '>=', from)
      .where('r.created_at', '<', to)
      .orderBy('r.created_at')
      .execute(),
  ]);
  const scores = ratings.map((r) => r.score);
  return {
    served,
    servedMinutes: served.reduce((a, s) => a + s.minutes, 0),
    ratings,
    averageScore: scores.length ? Math.round((scores.reduce((a, s) => a + s, 0) / scores.length) * 100) / 100 : null,
  };
}
