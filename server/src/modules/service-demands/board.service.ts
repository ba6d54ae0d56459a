import { BOARD_STATES, BOARD_STATUS_STATES, type BoardQuery, type DemandState } from '@pioneer/domain';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types';

export const BOARD_PAGE_SIZE = 20;

/**
 * The public board's two queries (page and count), built once here so the benchmark's bare baseline runs exactly
 * the same SQL. Only public columns: no requester name, phone, address, tracking code or internal notes.
 */
export function boardQueries(db: Kysely<DB>, q: BoardQuery) {
  const states: readonly DemandState[] = q.status ? BOARD_STATUS_STATES[q.status] : BOARD_STATES;
  const filtered = db
    .selectFrom('demand as d')
    // Always true on the board's states; stated so the partial publication-order indexes apply.
    .where('d.published_at', 'is not', null)
    .where('d.state', 'in', states)
    .$if(q.categoryId !== undefined, (b) => b.where('d.category_id', '=', q.categoryId as number))
    .$if(Boolean(q.campus), (b) => b.where('d.campus', '=', q.campus as string));
  // Pick the page first (an index walk in publication order), then join names and the rating onto 20 rows only.
  const picked = filtered
    .select([
      'd.id',
      'd.title',
      'd.description',
      'd.state',
      'd.category_id',
      'd.claim_unit_id',
      'd.claim_team',
      'd.campus',
      'd.location',
      'd.needed_on',
      'd.published_at',
      'd.completed_at',
      'd.minutes_total',
      'd.last_rating_score',
    ])
    .orderBy('d.published_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(BOARD_PAGE_SIZE)
    .offset((q.page - 1) * BOARD_PAGE_SIZE);
  const page = db
    .selectFrom(picked.as('p'))
    .leftJoin('demand_category as cat', 'cat.id', 'p.category_id')
    .leftJoin('org_unit as c', 'c.id', 'p.claim_unit_id')
    .select([
      'p.id',
      'p.title',
      sql<string>`left(p.description, 200)`.as('summary'),
      'p.state',
      'p.category_id as categoryId',
      'cat.name as categoryName',
      'cat.grp as categoryGroup',
      'p.campus',
      'p.location',
      'p.needed_on as neededOn',
      'p.published_at as publishedAt',
      'p.completed_at as completedAt',
      'c.name as servedBy',
      'p.claim_team as team',
      'p.minutes_total as minutesTotal',
      'p.last_rating_score as ratingScore',
      sql<
        string | null
      >`(select r.comment from demand_rating r where r.demand_id = p.id order by r.round desc limit 1)`.as(
        'ratingComment',
      ),
    ])
    .orderBy('p.published_at', 'desc')
    .orderBy('p.id', 'desc');
  const count = filtered.select(sql<number>`count(*)::int`.as('total'));
  return { page: page.compile(), count: count.compile() };
}

export async function boardPage(db: Kysely<DB>, q: BoardQuery) {
  const { page, count } = boardQueries(db, q);
  const [items, total] = await Promise.all([db.executeQuery(page), db.executeQuery(count)]);
  return {
    items: items.rows,
    total: (total.rows[0] as { total: number }).total,
    page: q.page,
    pageSize: BOARD_PAGE_SIZE,
  };
}

/** The campuses needs on the board are at, for the board's filter (a school's own campuses, not a fixed list). */
export async function boardCampuses(db: Kysely<DB>): Promise<string[]> {
  const rows = await db
    .selectFrom('demand')
    .select('campus')
    .distinct()
    .where('campus', '<>', '')
    .where('state', 'in', BOARD_STATES)
    .orderBy('campus')
    .execute();
  return rows.map((r) => r.campus);
}
