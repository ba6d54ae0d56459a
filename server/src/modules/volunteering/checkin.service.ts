import { type checkinInput, haversineMeters, type manualAttendanceInput } from '@pioneer/domain';
import type { z } from 'zod';
import type { Actor } from '../../core/actor';
import { recordAudit } from '../../core/audit/audit';
import { conflict, forbidden, notFound } from '../../core/errors';
import { hit } from '../../core/rate-limit';
import { canManageActivity, signupAbilities } from './activities.policy';
import * as repo from './activities.repository';
import { activityToManage } from './activities.service';
import { inCheckinWindow, inCheckoutWindow, isLate } from './attendance';
import { verifyCode } from './checkin.code';
import { type Ctx, type Db, tooManyAttempts } from './shared';
import * as signups from './signups.repository';

type CodeInput = z.infer<typeof checkinInput>;

/** Code, place and window checks shared by check-in and check-out; returns the person's live sign-ups. */
async function checkAttempt(ctx: Ctx, actor: Actor, activityId: number, input: CodeInput, now: number) {
  // Six digits and two valid steps: a few guesses a minute keep guessing hopeless.
  if (!(await hit(ctx.db, `volunteer-checkin:${actor.personId}`, 10, 60))) throw tooManyAttempts();
  const activity = await repo.findActivity(ctx.db, actor, activityId);
  if (!activity) throw notFound('活动');
  if (activity.status !== 'published') throw conflict('ACTIVITY_NOT_OPEN', '活动已结项或已取消');
  if (!verifyCode(activity.codeSecret, activityId, input.code, now)) {
    throw conflict('INVALID_CODE', '签到码不正确或已过期，请扫描组织者手机上的最新签到码');
  }
  if (activity.checkinRadiusM !== null && activity.latitude !== null && activity.longitude !== null) {
    if (input.latitude === undefined || input.longitude === undefined) {
      throw conflict('LOCATION_REQUIRED', '本活动签到需要定位，请允许获取位置');
    }
    const distance = Math.round(
      haversineMeters(
        { lat: input.latitude, lng: input.longitude },
        { lat: activity.latitude, lng: activity.longitude },
      ),
    );
    if (distance > activity.checkinRadiusM) {
      throw conflict('OUT_OF_RANGE', `您距活动地点约 ${distance} 米，超出签到范围（${activity.checkinRadiusM} 米）`, {
        distanceM: distance,
      });
    }
  }
  const shifts = (await repo.shiftsOf(ctx.db, activityId, actor.personId)).filter((s) => s.myStatus === 'confirmed');
  if (shifts.length === 0) throw conflict('NOT_SIGNED_UP', '您没有报名这项活动（候补未转正的不能签到）');
  return { activity, shifts };
}

export async function checkIn(ctx: Ctx, actor: Actor, activityId: number, input: CodeInput) {
  const now = Date.now();
  const { activity, shifts } = await checkAttempt(ctx, actor, activityId, input, now);
  const open = shifts.filter((s) => s.myCheckedInAt === null);
  if (open.length === 0) throw conflict('ALREADY_CHECKED_IN', '您已签到');
  const shift = open.find((s) => inCheckinWindow(s, now));
  if (!shift) throw conflict('NO_ACTIVE_SHIFT', '现在不在您所报岗位的签到时间内（开始前30分钟至结束）');
  const late = isLate(shift, now);
  return ctx.db.transaction().execute(async (trx) => {
    const at = new Date(now).toISOString();
    const done = await trx
      .updateTable('volunteer_signup')
      .set({ checked_in_at: at, checkin_kind: late ? 'late' : 'code', checkin_review: late ? 'pending' : 'none' })
      .where('id', '=', shift.mySignupId!)
      .where('checked_in_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!done) throw conflict('ALREADY_CHECKED_IN', '您已签到');
    await recordAudit(trx, actor, {
      action: late ? 'volunteer_signup.checked_in_late' : 'volunteer_signup.checked_in',
      entityType: 'volunteer_signup',
      entityId: done.id,
      unitPath: activity.orgPath,
      after: { checkedInAt: at, post: shift.post },
    });
    return { signupId: done.id, checkedInAt: at, late, needsApproval: late, post: shift.post };
  });
}

export async function checkOut(ctx: Ctx, actor: Actor, activityId: number, input: CodeInput) {
  const now = Date.now();
  const { activity, shifts } = await checkAttempt(ctx, actor, activityId, input, now);
  const shift = shifts.find((s) => s.myCheckedInAt !== null && s.myCheckedOutAt === null);
  if (!shift) throw conflict('NOT_CHECKED_IN', '您还没有签到，或已经签退');
  if (!inCheckoutWindow(shift, now)) throw conflict('CHECKOUT_CLOSED', '签退时间已过（岗位结束后1小时内），请申请补签');
  return ctx.db.transaction().execute(async (trx) => {
    const at = new Date(now).toISOString();
    await trx.updateTable('volunteer_signup').set({ checked_out_at: at }).where('id', '=', shift.mySignupId!).execute();
    await recordAudit(trx, actor, {
      action: 'volunteer_signup.checked_out',
      entityType: 'volunteer_signup',
      entityId: shift.mySignupId!,
      unitPath: activity.orgPath,
      after: { checkedOutAt: at },
    });
    return { signupId: shift.mySignupId!, checkedOutAt: at };
  });
}

type ManualInput = z.infer<typeof manualAttendanceInput>;
type SignupRef = { id: number; orgPath: string; checkedInAt: string | null; checkedOutAt: string | null };

/**
 * Writes a manual entry's times and its audit event. 'pending' is the volunteer's 补签 request, left for the
 * organizer's review (the last reviewer is kept); 'approved' is the organizer's own record, reviewed by them at once.
 */
async function writeManualEntry(
  trx: Db,
  actor: Actor,
  s: SignupRef,
  input: ManualInput,
  review: 'pending' | 'approved',
) {
  await trx
    .updateTable('volunteer_signup')
    .set({
      checked_in_at: input.checkInAt,
      checked_out_at: input.checkOutAt,
      checkin_kind: 'manual',
      checkin_review: review,
      ...(review === 'approved' ? { reviewed_by: actor.personId } : {}),
      review_note: input.note,
    })
    .where('id', '=', s.id)
    .execute();
  await recordAudit(trx, actor, {
    action: review === 'approved' ? 'volunteer_signup.attendance_recorded' : 'volunteer_signup.manual_requested',
    entityType: 'volunteer_signup',
    entityId: s.id,
    unitPath: s.orgPath,
    before: { checkedInAt: s.checkedInAt, checkedOutAt: s.checkedOutAt },
    after: input,
  });
}

/** A volunteer who could not scan asks for a manual entry (补签); it waits for the organizer's approval. */
export async function requestManual(ctx: Ctx, actor: Actor, signupId: number, input: ManualInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const s = await signups.findSignup(trx, actor, signupId);
    if (!s) throw notFound('报名记录');
    if (s.personId !== actor.personId) throw forbidden('只能为自己申请补签');
    const abilities = signupAbilities(actor, { orgPath: s.orgPath, status: s.activityStatus }, s, Date.now());
    if (!abilities.requestManual)
      throw conflict('MANUAL_NOT_ALLOWED', '该报名不能申请补签（活动已结项、报名未生效或已审核通过）');
    await writeManualEntry(trx, actor, s, input, 'pending');
    return { id: s.id, checkinReview: 'pending' };
  });
}

/** A sign-up for an organizer's action: 404 unseen, then the activity's checks (403 not theirs, 409 no longer open). */
async function signupToManage(trx: Db, actor: Actor, signupId: number) {
  const s = await signups.findSignup(trx, actor, signupId);
  if (!s) throw notFound('报名记录');
  await activityToManage(trx, actor, s.activityId);
  return s;
}

/** The organizer approves or refuses a late check-in or a manual entry. */
export async function reviewAttendance(
  ctx: Ctx,
  actor: Actor,
  signupId: number,
  input: { approve: boolean; note: string },
) {
  return ctx.db.transaction().execute(async (trx) => {
    const s = await signupToManage(trx, actor, signupId);
    if (s.checkinReview !== 'pending') throw conflict('NOTHING_TO_REVIEW', '该报名没有待审核的签到');
    const review = input.approve ? 'approved' : 'rejected';
    await trx
      .updateTable('volunteer_signup')
      .set({ checkin_review: review, reviewed_by: actor.personId, review_note: input.note || null })
      .where('id', '=', s.id)
      .execute();
    await recordAudit(trx, actor, {
      action: `volunteer_signup.attendance_${review}`,
      entityType: 'volunteer_signup',
      entityId: s.id,
      unitPath: s.orgPath,
      before: { checkinReview: 'pending' },
      after: { checkinReview: review },
      reason: input.note || null,
    });
    return { id: s.id, checkinReview: review };
  });
}

/** The organizer records attendance by hand (e.g. a volunteer without a phone): approved at once. */
export async function recordAttendance(ctx: Ctx, actor: Actor, signupId: number, input: ManualInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const s = await signupToManage(trx, actor, signupId);
    if (!canManageActivity(actor, { orgPath: s.orgPath, status: s.activityStatus }) || s.status !== 'confirmed') {
      throw conflict('NOT_ACTIVE', '只能为已报名（非候补）的人员登记出勤');
    }
    await writeManualEntry(trx, actor, s, input, 'approved');
    return { id: s.id, checkinReview: 'approved' };
  });
}
