import { sql } from 'kysely';
import { type Actor, can } from '../../core/actor';
import { recordAudit } from '../../core/audit/audit';
import { conflict, forbidden, notFound } from '../../core/errors';
import { notify } from '../notifications/notifications.service';
import { canCancelSignup, canManageActivity, signupRefusal } from './activities.policy';
import * as repo from './activities.repository';
import { type Ctx, type Db, shanghaiStamp } from './shared';
import * as signups from './signups.repository';

const refusal = (code: string, message: string, details: unknown = null) => conflict(code, message, details);

/**
 * Takes one seat if one is free and records the sign-up, in a single statement: the conditional UPDATE is
 * the only thing that decides who gets a seat, so the count can never pass capacity however many requests
 * race (each waits for the row lock and re-checks `taken < capacity`).
 */
async function takeSeat(trx: Db, shiftId: number, personId: number) {
  const r = await sql<{ id: number }>`
    with seat as (
      update volunteer_shift set taken = taken + 1
      where id = ${shiftId} and taken < capacity
      returning id, activity_id
    )
    insert into volunteer_signup (shift_id, activity_id, person_id, status)
    select id, activity_id, ${personId}, 'confirmed' from seat
    returning id`.execute(trx);
  return r.rows[0]?.id;
}

export async function signUp(ctx: Ctx, actor: Actor, shiftId: number, opts: { waitlist: boolean }) {
  const f = await repo.signupFacts(ctx.db, shiftId, actor.personId);
  const visible = f && (f.unitPath.startsWith(f.audiencePath) || can(actor, 'volunteer.view', f.orgPath) || f.existing);
  if (!f || !visible) throw notFound('岗位');
  // Refuse early from what was read; acceptance is decided only inside the transaction below.
  const early = signupRefusal(
    { ...f, shiftStart: f.shiftStart },
    {
      registered: f.volunteerId !== null,
      politicalStatus: f.politicalStatus,
      skills: [...(f.volunteerSkills ?? []), ...f.personSkills],
      unitPath: f.unitPath,
    },
    Date.now(),
    { existing: Boolean(f.existing), overlaps: Boolean(f.overlaps), waitlist: opts.waitlist },
  );
  if (early) throw refusal(early.code, early.message, early.details);

  return ctx.db.transaction().execute(async (trx) => {
    const again = await repo.lockAndRecheck(trx, shiftId, actor.personId);
    if (again?.existing) throw refusal('ALREADY_SIGNED_UP', '您已报名该岗位');
    if (again?.overlaps) throw refusal('OVERLAPPING_SHIFT', '与您已报名的其他岗位时间冲突');
    let id = await takeSeat(trx, shiftId, actor.personId);
    let status = 'confirmed';
    if (id === undefined) {
      if (!opts.waitlist) throw refusal('SHIFT_FULL', '该岗位名额已满，可以加入候补名单', { waitlistAvailable: true });
      const row = await trx
        .insertInto('volunteer_signup')
        .values({ shift_id: shiftId, activity_id: f.activityId, person_id: actor.personId, status: 'waiting' })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
      status = 'waiting';
    }
    await recordAudit(trx, actor, {
      action: status === 'confirmed' ? 'volunteer_signup.confirmed' : 'volunteer_signup.waitlisted',
      entityType: 'volunteer_signup',
      entityId: id,
      unitPath: f.orgPath,
      after: { shiftId, activityId: f.activityId, status },
    });
    await notify(trx, {
      recipients: [actor.personId],
      kind: status === 'confirmed' ? 'volunteer.signup_confirmed' : 'volunteer.signup_waiting',
      title: status === 'confirmed' ? `报名成功：${f.title}（${f.post}）` : `已加入候补：${f.title}（${f.post}）`,
      body: `岗位时间：${shanghaiStamp(f.shiftStart)} 起`,
      link: `/volunteer/activities/${f.activityId}`,
    });
    return { id, status, activityId: f.activityId };
  });
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
