import { randomBytes } from 'node:crypto';
import { type ActivityInput, isServiceCategory } from '@pioneer/domain';
import { sql } from 'kysely';
import { type Actor, can } from '../../core/actor';
import { recordAudit } from '../../core/audit/audit';
import { conflict, forbidden, notFound } from '../../core/errors';
import { notify } from '../notifications/notifications.service';
import { canManageActivity } from './activities.policy';
import * as repo from './activities.repository';
import { isPresent, servedInterval } from './attendance';
import { appendEntries, type NewEntry } from './ledger.chain';
import { notServiceHours } from './ledger.service';
import { anyUnit, type Ctx, type Db, unitForAction } from './shared';
import * as signups from './signups.repository';

/** An organizer's team or venue must be one they manage volunteering for (both tables carry owner_unit_id and closed_at). */
async function ownedBy(trx: Db, actor: Actor, table: 'volunteer_team' | 'venue', id: number, what: string) {
  const row = await trx
    .selectFrom(`${table} as x` as 'venue as x')
    .innerJoin('org_unit as u', 'u.id', 'x.owner_unit_id')
    .select(['x.id', 'u.path'])
    .where('x.id', '=', id)
    .where('x.closed_at', 'is', null)
    .executeTakeFirst();
  if (!row || !can(actor, 'volunteer.manage', row.path)) throw notFound(what);
}

export async function createActivity(ctx: Ctx, actor: Actor, input: ActivityInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const unit = await unitForAction(trx, actor, input.unitId, 'volunteer.manage', '组织单位');
    if (!isServiceCategory(input.category)) throw notServiceHours();
    const audience = input.audienceUnitId === null ? unit : await anyUnit(trx, input.audienceUnitId);
    if (!audience) throw notFound('报名范围组织');
    if (input.teamId !== null) await ownedBy(trx, actor, 'volunteer_team', input.teamId, '服务队');
    if (input.venueId !== null) await ownedBy(trx, actor, 'venue', input.venueId, '服务阵地');
    const starts = input.shifts.map((s) => Date.parse(s.startsAt));
    const ends = input.shifts.map((s) => Date.parse(s.endsAt));
    const row = await trx
      .insertInto('volunteer_activity')
      .values({
        title: input.title,
        description: input.description,
        category: input.category,
        org_unit_id: unit.id,
        team_id: input.teamId,
        venue_id: input.venueId,
        demand_id: input.demandId,
        audience_unit_id: audience.id,
        members_only: input.membersOnly,
        required_skill: input.requiredSkill,
        place: input.place,
        latitude: input.latitude,
        longitude: input.longitude,
        checkin_radius_m: input.checkinRadiusM,
        signup_opens_at: input.signupOpensAt,
        signup_closes_at: input.signupClosesAt,
        starts_at: new Date(Math.min(...starts)).toISOString(),
        ends_at: new Date(Math.max(...ends)).toISOString(),
        status: 'published',
        code_secret: randomBytes(20).toString('hex'),
        created_by: actor.personId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('volunteer_shift')
      .values(
        input.shifts.map((s) => ({
          activity_id: row.id,
          post: s.post,
          starts_at: s.startsAt,
          ends_at: s.endsAt,
          capacity: s.capacity,
        })),
      )
      .execute();
    const { shifts, ...rest } = input;
    await recordAudit(trx, actor, {
      action: 'volunteer_activity.created',
      entityType: 'volunteer_activity',
      entityId: row.id,
      unitPath: unit.path,
      after: { ...rest, shifts: shifts.length },
    });
    return { id: row.id };
  });
}

/** The activity for an organizer's action: 404 unseen, 403 seen but not theirs, 409 when no longer open. */
export async function activityToManage(trx: Db, actor: Actor, id: number) {
  const activity = await repo.findActivity(trx, actor, id);
  if (!activity) throw notFound('活动');
  if (!canManageActivity(actor, activity)) throw forbidden('只有活动的组织单位才能办理');
  const locked = await repo.lockActivity(trx, id);
  if (locked?.status !== 'published') throw conflict('ACTIVITY_NOT_OPEN', '活动已结项或已取消');
  return activity;
}

export async function cancelActivity(ctx: Ctx, actor: Actor, id: number, reason: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const activity = await activityToManage(trx, actor, id);
    const affected = await trx
      .updateTable('volunteer_signup')
      .set({ status: 'cancelled', cancelled_at: new Date().toISOString() })
      .where('activity_id', '=', id)
      .where('status', 'in', ['confirmed', 'waiting'])
      .returning('person_id')
      .execute();
    await trx.updateTable('volunteer_shift').set({ taken: 0 }).where('activity_id', '=', id).execute();
    await trx
      .updateTable('volunteer_activity')
      .set({
        status: 'cancelled',
        cancel_reason: reason,
        closed_at: new Date().toISOString(),
        closed_by: actor.personId,
      })
      .where('id', '=', id)
      .execute();
    await notify(trx, {
      recipients: affected.map((r) => r.person_id),
      kind: 'volunteer.activity_cancelled',
      title: `志愿活动「${activity.title}」已取消`,
      body: reason,
      link: `/volunteer/activities/${id}`,
    });
    await recordAudit(trx, actor, {
      action: 'volunteer_activity.cancelled',
      entityType: 'volunteer_activity',
      entityId: id,
      unitPath: activity.orgPath,
      before: { status: 'published' },
      after: { status: 'cancelled', signupsCancelled: affected.length },
      reason,
    });
    return { cancelledSignups: affected.length };
  });
}

/**
 * 结项 waits until every shift has ended: attendance is only settled for shifts that are over, so a future
 * shift is never marked absent and nobody is credited for time not yet served (issue 9, 10c).
 */
async function refuseUnendedShifts(trx: Db, id: number) {
  const now = new Date().toISOString();
  const row = await trx
    .selectFrom('volunteer_shift')
    .select([
      sql<number>`count(*) filter (where ends_at > ${now})::int`.as('unended'),
      sql<number>`count(*) filter (where starts_at <= ${now})::int`.as('started'),
      sql<string>`max(ends_at)`.as('lastEnd'),
    ])
    .where('activity_id', '=', id)
    .executeTakeFirstOrThrow();
  const unended = Number(row.unended);
  if (unended === 0) return;
  throw conflict(
    'SHIFTS_NOT_ENDED',
    Number(row.started) === 0
      ? '活动尚未开始，不能结项；如不再举办，请取消活动'
      : `还有 ${unended} 个岗位班次尚未结束，全部结束后才能结项`,
    { unended, endsAt: row.lastEnd },
  );
}

/**
 * 结项: settles attendance in one step, once every shift has ended. Credit follows the record of attendance:
 * a code check-in (to the check-out, or to the shift's end when the volunteer did not check out), or a late
 * check-in or manual entry the organizer approved; everyone else is a no-show. Served minutes go to the hours
 * ledger as credits confirmed by the organizer; waiting entries expire. Refused while a late or manual entry
 * still waits for review.
 */
export async function closeActivity(ctx: Ctx, actor: Actor, id: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const activity = await activityToManage(trx, actor, id);
    await refuseUnendedShifts(trx, id);
    const roster = await signups.rosterOf(trx, id);
    const confirmed = roster.filter((r) => r.status === 'confirmed');
    const pending = confirmed.filter((r) => r.checkinReview === 'pending').length;
    if (pending > 0) throw conflict('PENDING_REVIEWS', `还有 ${pending} 条补签或迟到签到待审核`, { pending });
    const settled = confirmed.map((r) => {
      const present = isPresent(r);
      const served = present
        ? servedInterval({ startsAt: r.shiftStart, endsAt: r.shiftEnd }, r.checkedInAt!, r.checkedOutAt)
        : null;
      return { r, present, served };
    });
    if (settled.length > 0) {
      const values = sql.join(
        settled.map(
          (s) => sql`(${s.r.id}::int, ${s.present ? 'present' : 'no_show'}, ${s.served?.minutes ?? null}::int)`,
        ),
      );
      await sql`update volunteer_signup as g set attendance = v.attendance, credited_minutes = v.minutes
        from (values ${values}) as v(id, attendance, minutes) where g.id = v.id`.execute(trx);
    }
    await trx
      .updateTable('volunteer_signup')
      .set({ status: 'expired' })
      .where('activity_id', '=', id)
      .where('status', '=', 'waiting')
      .execute();
    const credits: NewEntry[] = settled
      .filter((s) => s.served && s.served.minutes > 0)
      .map(({ r, served }) => ({
        personId: r.personId,
        kind: 'credit',
        minutes: served!.minutes,
        category: activity.category,
        source: 'activity',
        sourceId: r.id,
        activityId: id,
        unitId: activity.unitId,
        serviceStart: served!.start,
        serviceEnd: served!.end,
        basis: 'attendance',
        description: `${activity.title}（${r.post}）`,
        reversesId: null,
        recordedBy: actor.personId,
        recordedByName: actor.name,
        confirmedByName: actor.name,
      }));
    await appendEntries(trx, credits);
    const closedAt = new Date().toISOString();
    await trx
      .updateTable('volunteer_activity')
      .set({ status: 'closed', closed_at: closedAt, closed_by: actor.personId })
      .where('id', '=', id)
      .execute();
    const present = settled.filter((s) => s.present).length;
    const minutes = credits.reduce((a, c) => a + c.minutes, 0);
    await notify(trx, {
      recipients: credits.map((c) => c.personId),
      kind: 'volunteer.hours_credited',
      title: `「${activity.title}」已结项，服务时长已记入`,
      link: '/volunteer/hours',
    });
    await recordAudit(trx, actor, {
      action: 'volunteer_activity.closed',
      entityType: 'volunteer_activity',
      entityId: id,
      unitPath: activity.orgPath,
      before: { status: 'published' },
      after: { status: 'closed', present, noShow: settled.length - present, credits: credits.length, minutes },
    });
    return { present, noShow: settled.length - present, credits: credits.length, minutes };
  });
}
