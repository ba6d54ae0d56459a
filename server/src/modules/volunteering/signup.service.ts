import { type Actor, can } from '../../core/actor';
import { auditRow, recordAudit } from '../../core/audit/audit';
import { conflict, forbidden, notFound } from '../../core/errors';
import { noticeRows, notify } from '../notifications/notifications.service';
import { canCancelSignup, canManageActivity, namedRefusal, type Refusal, signupRefusal } from './activities.policy';
import * as repo from './activities.repository';
import { seatBoard } from './seat-board';
import { type Ctx, shanghaiStamp } from './shared';
import * as signups from './signups.repository';

const refused = (r: Refusal) => conflict(r.code, r.message, r.details);

/**
 * Signs the actor up for a shift, or onto its waiting list. Who is refused, and why, is read first
 * (signupFacts + the pure signupRefusal); the seat itself is then won or lost inside one database call,
 * volunteer_take_seat, whose conditional UPDATE is the only thing that decides who gets a seat — so the count
 * never passes capacity however many requests race — and which writes the sign-up, its audit event and the
 * notice in the same statement, so the shift's row lock is never held across a round trip.
 */
export async function signUp(ctx: Ctx, actor: Actor, shiftId: number, opts: { waitlist: boolean }) {
  const board = seatBoard(ctx);
  // One connection for the whole decision; the board is read once it is ours, because in a rush most requests
  // wait for a connection while the last seats go.
  return ctx.db.connection().execute(async (db) => {
    if (!opts.waitlist && board.knownFull(shiftId, actor, Date.now())) throw refused(namedRefusal('SHIFT_FULL'));
    const f = await repo.signupFacts(db, shiftId, actor.personId);
    const visible =
      f && (f.unitPath.startsWith(f.audiencePath) || can(actor, 'volunteer.view', f.orgPath) || f.existing);
    if (!f || !visible) throw notFound('岗位');
    const shift = { audiencePath: f.audiencePath, orgPath: f.orgPath };
    const early = signupRefusal(
      f,
      {
        registered: f.volunteerId !== null,
        politicalStatus: f.politicalStatus,
        skills: [...(f.volunteerSkills ?? []), ...f.personSkills],
        unitPath: f.unitPath,
      },
      Date.now(),
      { existing: Boolean(f.existing), overlaps: Boolean(f.overlaps), waitlist: opts.waitlist },
    );
    if (early?.code === 'SHIFT_FULL') board.markFull(shiftId, shift, Date.now());
    if (early) throw refused(early);

    const taken = await repo.takeSeat(db, shiftId, actor.personId, opts.waitlist, seatEvents(actor, f));
    if (taken.refusal === 'SHIFT_FULL') board.markFull(shiftId, shift, Date.now());
    if (taken.refusal) throw refused(namedRefusal(taken.refusal));
    return { id: taken.signupId, status: taken.status, activityId: f.activityId };
  });
}

/** The audit event and the notice for either outcome; volunteer_take_seat writes the one that happened. */
function seatEvents(actor: Actor, f: repo.SignupFacts) {
  const body = `岗位时间：${shanghaiStamp(f.shiftStart)} 起`;
  const link = `/volunteer/activities/${f.activityId}`;
  const event = (status: 'confirmed' | 'waiting', action: string, title: string) => ({
    audit: auditRow(actor, {
      action,
      entityType: 'volunteer_signup',
      entityId: '',
      unitPath: f.orgPath,
      after: { shiftId: f.shiftId, activityId: f.activityId, status },
    }),
    notices: noticeRows([actor.personId], { kind: `volunteer.signup_${status}`, title, body, link }),
  });
  return {
    confirmed: event('confirmed', 'volunteer_signup.confirmed', `报名成功：${f.title}（${f.post}）`),
    waiting: event('waiting', 'volunteer_signup.waitlisted', `已加入候补：${f.title}（${f.post}）`),
  };
}

/**
 * Cancels a sign-up. A freed seat goes to the first person on the waiting list (in the order they joined);
 * the shift row is locked meanwhile so two cancellations never promote the same person twice.
 */
export async function cancelSignup(ctx: Ctx, actor: Actor, signupId: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const s = await signups.findSignup(trx, actor, signupId);
    if (!s) throw notFound('报名记录');
    const activity = { orgPath: s.orgPath, status: s.activityStatus };
    if (s.personId !== actor.personId && !canManageActivity(actor, activity)) throw forbidden('只能取消自己的报名');
    if (activity.status !== 'published') throw conflict('ACTIVITY_NOT_OPEN', '活动已结项或已取消');
    if (s.status !== 'confirmed' && s.status !== 'waiting') throw conflict('NOT_ACTIVE', '该报名已取消');
    if (!canCancelSignup(actor, activity, s, Date.now()))
      throw conflict('CANCEL_TOO_LATE', '岗位已开始，不能再取消报名，请联系组织者');
    await trx.selectFrom('volunteer_shift').select('id').where('id', '=', s.shiftId).forUpdate().execute();
    const done = await trx
      .updateTable('volunteer_signup')
      .set({ status: 'cancelled', cancelled_at: new Date().toISOString() })
      .where('id', '=', s.id)
      .where('status', '=', s.status)
      .returning('id')
      .executeTakeFirst();
    if (!done) throw conflict('NOT_ACTIVE', '该报名已取消');
    let promoted: { id: number; person_id: number } | undefined;
    if (s.status === 'confirmed') {
      promoted = await trx
        .updateTable('volunteer_signup')
        .set({ status: 'confirmed', promoted_at: new Date().toISOString() })
        .where('id', '=', (eb) =>
          eb
            .selectFrom('volunteer_signup')
            .select('id')
            .where('shift_id', '=', s.shiftId)
            .where('status', '=', 'waiting')
            .orderBy('id')
            .limit(1),
        )
        .returning(['id', 'person_id'])
        .executeTakeFirst();
      if (!promoted)
        await trx
          .updateTable('volunteer_shift')
          .set((eb) => ({ taken: eb('taken', '-', 1) }))
          .where('id', '=', s.shiftId)
          .execute();
    }
    await recordAudit(trx, actor, {
      action: 'volunteer_signup.cancelled',
      entityType: 'volunteer_signup',
      entityId: s.id,
      unitPath: s.orgPath,
      before: { status: s.status },
      after: { status: 'cancelled', promotedSignupId: promoted?.id ?? null },
    });
    if (promoted) {
      await recordAudit(trx, actor, {
        action: 'volunteer_signup.promoted',
        entityType: 'volunteer_signup',
        entityId: promoted.id,
        unitPath: s.orgPath,
        before: { status: 'waiting' },
        after: { status: 'confirmed' },
      });
      await notify(trx, {
        recipients: [promoted.person_id],
        kind: 'volunteer.signup_promoted',
        title: `候补转正：${s.title}`,
        body: '有人取消了报名，您已由候补转为正式报名。',
        link: `/volunteer/activities/${s.activityId}`,
      });
    }
    return { cancelled: s.id, promotedSignupId: promoted?.id ?? null };
  });
}
