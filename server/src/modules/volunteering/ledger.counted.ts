import { type RawBuilder, sql } from 'kysely';
import type { Db } from './shared';

/**
 * "Hours that count" — the one definition every reader of volunteer hours uses (totals, certificates, team
 * figures, and later the measures registry): credits that are not reversed and not waiting for review. It is
 * the SQL view `volunteer_hours_counted` (migration 0620); a reader selects from it instead of repeating the
 * filter. Because a reversal only ever cancels one credit, the sum of counted credits equals the net ledger
 * minus what is pending.
 *
 * ✅ `countedHours(db).where('e.person_id', '=', id).select(sql<number>\`coalesce(sum(e.minutes), 0)::int\`.as('m'))`
 * ❌ `selectFrom('volunteer_hours_entry')` with `kind = 'credit'` and a reversal check copied into the query.
 */
export const countedHours = (db: Db) => db.selectFrom('volunteer_hours_counted as e');

/** Credits flagged and not yet decided (view `volunteer_hours_pending`): shown as pending, never counted. */
export const pendingHours = (db: Db) => db.selectFrom('volunteer_hours_pending as e');

/**
 * Where an entry stands, for display (alias `e` for the entry): `reversal` for a reversal row; otherwise
 * `reversed`, `pending` (flagged, no decision), `accepted` (flagged, accepted by a reviewer) or `clean`.
 * Whether it counts is `state in ('clean', 'accepted')` — the same rule as the view.
 */
export type ReviewState = 'clean' | 'pending' | 'accepted' | 'reversed' | 'reversal';
export const reviewStateOf = (entry = 'e'): RawBuilder<ReviewState> =>
  sql<ReviewState>`case
    when ${sql.ref(`${entry}.kind`)} = 'reversal' then 'reversal'
    when exists (select 1 from volunteer_hours_entry rv where rv.reverses_id = ${sql.ref(`${entry}.id`)}) then 'reversed'
    when exists (select 1 from volunteer_hours_flag fl where fl.entry_id = ${sql.ref(`${entry}.id`)} and fl.decision is null) then 'pending'
    when exists (select 1 from volunteer_hours_flag fl where fl.entry_id = ${sql.ref(`${entry}.id`)}) then 'accepted'
    else 'clean' end`;

export const counts = (state: ReviewState) => state === 'clean' || state === 'accepted';
