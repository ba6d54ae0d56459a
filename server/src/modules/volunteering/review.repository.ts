import { sql } from 'kysely';
import type { Actor } from '../../core/actor';
import { inScope } from '../../core/scope';
import { MAX_EXPORT_ROWS } from '../../core/xlsx';
import { reviewStateOf } from './ledger.counted';
import { recorderLevelSql } from './ledger.flagging';
import type { Flag, FlagCode } from './ledger.flags';
import { REVIEW_OVERDUE_DAYS } from './review.policy';
import type { Db } from './shared';

/**
 * The review queue: flagged credits with their evidence — the activity, the person's check-ins on it, who
 * recorded the entry and when — read in the actor's volunteer.view scope (the recording unit's subtree).
 */
export type ReviewStateFilter = 'pending' | 'accepted' | 'reversed' | 'all';
export interface QueueFilter {
  unitPath?: string;
  state: ReviewStateFilter;
  flag?: FlagCode;
  overdue?: boolean;
  personId?: number;
}

export interface CheckinEvidence {
  post: string;
  shiftStart: string;
  shiftEnd: string;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  checkinKind: string | null;
  checkinReview: string;
  attendance: string;
}

function flagged(db: Db) {
  return db
    .selectFrom('volunteer_hours_flag as f')
    .innerJoin('volunteer_hours_entry as e', 'e.id', 'f.entry_id')
    .innerJoin('org_unit as u', 'u.id', 'e.unit_id')
    .innerJoin('person as p', 'p.id', 'e.person_id')
    .leftJoin('volunteer as v', 'v.person_id', 'e.person_id')
    .leftJoin('volunteer_activity as a', 'a.id', 'e.activity_id')
    .select([
      'e.id',
      'e.person_id as personId',
      'p.name as personName',
      'v.volunteer_no as volunteerNo',
      'e.minutes',
      'e.category',
      'e.source',
      'e.source_id as sourceId',
      'e.activity_id as activityId',
      'e.unit_id as unitId',
      'u.name as unitName',
      'u.path as unitPath',
      'e.service_start as serviceStart',
      'e.service_end as serviceEnd',
      'e.basis',
      'e.description',
      'e.recorded_by as recordedBy',
      'e.recorded_by_name as recordedByName',
      'e.recorded_at as recordedAt',
      'a.title as activityTitle',
      'a.starts_at as activityStart',
      'a.ends_at as activityEnd',
      sql<Flag[]>`f.flags`.as('flags'),
      'f.flagged_at as flaggedAt',
      'f.decision',
      'f.decided_by_name as decidedByName',
      'f.decided_at as decidedAt',
      'f.decision_reason as decisionReason',
      'f.reversal_id as reversalId',
      reviewStateOf('e').as('state'),
      recorderLevelSql('e', 'u').as('recorderLevel'),
      sql<CheckinEvidence[] | null>`(select json_agg(json_build_object(
          'post', s.post, 'shiftStart', s.starts_at, 'shiftEnd', s.ends_at,
          'checkedInAt', g.checked_in_at, 'checkedOutAt', g.checked_out_at, 'checkinKind', g.checkin_kind,
          'checkinReview', g.checkin_review, 'attendance', g.attendance) order by s.starts_at)
        from volunteer_signup g join volunteer_shift s on s.id = g.shift_id
        where g.activity_id = e.activity_id and g.person_id = e.person_id and g.status <> 'cancelled')`.as('checkins'),
    ]);
}
export type FlaggedRow = Awaited<ReturnType<ReturnType<typeof flagged>['execute']>>[number];

export function queue(db: Db, actor: Actor, f: QueueFilter) {
  const overdueBefore = new Date(Date.now() - REVIEW_OVERDUE_DAYS * 86_400_000).toISOString();
  return flagged(db)
    .where((eb) => inScope(eb, 'u.path', actor, 'volunteer.view'))
    .$if(f.unitPath !== undefined, (q) => q.where('u.path', 'like', `${f.unitPath}%`))
    .$if(f.state !== 'all', (q) => q.where(reviewStateOf('e'), '=', f.state as Exclude<ReviewStateFilter, 'all'>))
    .$if(f.flag !== undefined, (q) => q.where(sql<boolean>`f.flags @> ${JSON.stringify([{ code: f.flag }])}::jsonb`))
    .$if(f.overdue === true, (q) =>
      q
        .where('f.decision', 'is', null)
        .where(reviewStateOf('e'), '=', 'pending')
        .where('f.flagged_at', '<', overdueBefore),
    )
    .$if(f.personId !== undefined, (q) => q.where('e.person_id', '=', f.personId!))
    .orderBy('f.flagged_at')
    .orderBy('e.id')
    .limit(MAX_EXPORT_ROWS)
    .execute();
}

/** One flagged entry the actor can see — in their scope, or their own (else undefined → 404). */
export function findFlagged(db: Db, actor: Actor, id: number) {
  return flagged(db)
    .where('e.id', '=', id)
    .where((eb) => eb.or([inScope(eb, 'u.path', actor, 'volunteer.view'), eb('e.person_id', '=', actor.personId)]))
    .executeTakeFirst();
}

/**
 * The entry as the actor sees it: in their volunteer.view scope or their own (a volunteer sees their hours, so a
 * decision on them is a named 403, not a 404). A clean entry then answers 409 NOT_FLAGGED.
 */
export async function entryVisible(db: Db, actor: Actor, id: number) {
  const row = await db
    .selectFrom('volunteer_hours_entry as e')
    .innerJoin('org_unit as u', 'u.id', 'e.unit_id')
    .select(['e.id', 'e.person_id as personId', 'e.recorded_by as recordedBy', 'u.path as unitPath'])
    .where('e.id', '=', id)
    .where((eb) => eb.or([inScope(eb, 'u.path', actor, 'volunteer.view'), eb('e.person_id', '=', actor.personId)]))
    .executeTakeFirst();
  return row;
}
