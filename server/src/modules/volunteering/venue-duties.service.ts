import { type dutyInput, OFFCAMPUS_VENUE_TYPES, type swapInput, type VenueType } from '@pioneer/domain';
import type { z } from 'zod';
import type { Actor } from '../../core/actor';
import { recordAudit } from '../../core/audit/audit';
import { conflict, forbidden, notFound } from '../../core/errors';
import { notify } from '../notifications/notifications.service';
import { appendEntries } from './ledger.chain';
import type { Ctx } from './shared';
import { canCancelSwap, canConfirmDuty, canManageVenue, canRequestSwap } from './venues.policy';
import * as repo from './venues.repository';
import { venueToManage } from './venues.service';

/** A venue's duty roster: scheduling, 换班 (request, answer, withdraw) and confirming a duty into the ledger. */

export async function scheduleDuty(ctx: Ctx, actor: Actor, venueId: number, input: z.infer<typeof dutyInput>) {
  return ctx.db.transaction().execute(async (trx) => {
    const venue = await venueToManage(trx, actor, venueId);
    if (!(await trx.selectFrom('person').select('id').where('id', '=', input.personId).executeTakeFirst()))
      throw notFound('值班人员');
    if (await repo.hasOverlappingDuty(trx, input.personId, input.startsAt, input.endsAt))
      throw conflict('OVERLAPPING_DUTY', '此人在该时段已有值班');
    const row = await trx
      .insertInto('venue_duty')
      .values({
        venue_id: venueId,
        person_id: input.personId,
        post: input.post,
        starts_at: input.startsAt,
        ends_at: input.endsAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'venue_duty.scheduled',
      entityType: 'venue_duty',
      entityId: row.id,
      unitPath: venue.ownerPath,
      after: input,
    });
    await notify(trx, {
      recipients: [input.personId],
      kind: 'volunteer.duty_scheduled',
      title: `值班安排：${venue.name}（${input.post}）`,
      link: '/volunteer/duties',
    });
    return { id: row.id };
  });
}

/** 换班: the person on duty asks a colleague; the colleague accepts (the duty moves) or declines. */
export async function requestSwap(ctx: Ctx, actor: Actor, dutyId: number, input: z.infer<typeof swapInput>) {
  return ctx.db.transaction().execute(async (trx) => {
    const duty = await repo.findDuty(trx, dutyId);
    if (!duty || (duty.personId !== actor.personId && !canManageVenue(actor, duty))) throw notFound('值班');
    if (!canRequestSwap(actor, duty, Date.now())) throw conflict('DUTY_NOT_SWAPPABLE', '只能为尚未开始的值班申请换班');
    if (input.toPersonId === duty.personId) throw conflict('SAME_PERSON', '不能与自己换班');
    if (!(await trx.selectFrom('person').select('id').where('id', '=', input.toPersonId).executeTakeFirst()))
      throw notFound('接班人员');
    if (await repo.hasOverlappingDuty(trx, input.toPersonId, duty.startsAt, duty.endsAt))
      throw conflict('OVERLAPPING_DUTY', '接班人员在该时段已有值班');
    const pending = await trx
      .selectFrom('venue_duty_swap')
      .select('id')
      .where('duty_id', '=', dutyId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (pending) throw conflict('SWAP_PENDING', '该值班已有待确认的换班申请');
    const row = await trx
      .insertInto('venue_duty_swap')
      .values({ duty_id: dutyId, from_person_id: duty.personId, to_person_id: input.toPersonId, reason: input.reason })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'venue_duty.swap_requested',
      entityType: 'venue_duty',
      entityId: dutyId,
      unitPath: duty.ownerPath,
      after: input,
    });
    await notify(trx, {
      recipients: [input.toPersonId],
      kind: 'volunteer.swap_requested',
      title: `换班请求：${duty.venueName}`,
      body: input.reason,
      link: '/volunteer/duties',
    });
    return { id: row.id, status: 'pending' };
  });
}

export async function answerSwap(ctx: Ctx, actor: Actor, swapId: number, accept: boolean) {
  return ctx.db.transaction().execute(async (trx) => {
    const swap = await repo.findSwap(trx, swapId);
    if (!swap || swap.toPersonId !== actor.personId) throw notFound('换班请求');
    const locked = await trx
      .selectFrom('venue_duty_swap')
      .select('status')
      .where('id', '=', swapId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (locked.status !== 'pending') throw conflict('SWAP_DECIDED', '该换班请求已处理');
    if (accept && (await repo.hasOverlappingDuty(trx, actor.personId, swap.startsAt, swap.endsAt, swap.dutyId))) {
      throw conflict('OVERLAPPING_DUTY', '您在该时段已有值班');
    }
    const status = accept ? 'accepted' : 'declined';
    await trx
      .updateTable('venue_duty_swap')
      .set({ status, decided_at: new Date().toISOString() })
      .where('id', '=', swapId)
      .execute();
    if (accept)
      await trx.updateTable('venue_duty').set({ person_id: actor.personId }).where('id', '=', swap.dutyId).execute();
    await recordAudit(trx, actor, {
      action: `venue_duty.swap_${status}`,
      entityType: 'venue_duty',
      entityId: swap.dutyId,
      unitPath: swap.ownerPath,
      before: { personId: swap.fromPersonId },
      after: { personId: accept ? actor.personId : swap.fromPersonId },
    });
    await notify(trx, {
      recipients: [swap.fromPersonId],
      kind: `volunteer.swap_${status}`,
      title: accept ? '换班申请已被接受' : '换班申请被婉拒',
      link: '/volunteer/duties',
    });
    return { id: swapId, status };
  });
}

/**
 * 撤回换班: the person who asked withdraws a request the colleague has not answered yet. The colleague, who was
 * notified of the request, is told it is withdrawn (and no longer sees it among the swaps to answer).
 */
export async function cancelSwap(ctx: Ctx, actor: Actor, swapId: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const swap = await repo.findSwap(trx, swapId);
    // The colleague asked and the venue's managers see the request; anyone else learns nothing of it.
    if (
      !swap ||
      (swap.fromPersonId !== actor.personId && swap.toPersonId !== actor.personId && !canManageVenue(actor, swap))
    )
      throw notFound('换班请求');
    if (swap.fromPersonId !== actor.personId) throw forbidden('只有申请人才能撤回换班申请');
    const locked = await trx
      .selectFrom('venue_duty_swap')
      .select(['status', 'from_person_id as fromPersonId'])
      .where('id', '=', swapId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (!canCancelSwap(actor, locked)) throw conflict('SWAP_DECIDED', '该换班申请已处理，不能撤回');
    await trx
      .updateTable('venue_duty_swap')
      .set({ status: 'cancelled', decided_at: new Date().toISOString() })
      .where('id', '=', swapId)
      .execute();
    await recordAudit(trx, actor, {
      action: 'venue_duty.swap_cancelled',
      entityType: 'venue_duty',
      entityId: swap.dutyId,
      unitPath: swap.ownerPath,
      before: { swapId, status: 'pending', toPersonId: swap.toPersonId },
      after: { swapId, status: 'cancelled' },
    });
    await notify(trx, {
      recipients: [swap.toPersonId],
      kind: 'volunteer.swap_cancelled',
      title: `换班请求已撤回：${swap.venueName}`,
      link: '/volunteer/duties',
    });
    return { id: swapId, status: 'cancelled' };
  });
}

/** After the duty, a manager confirms it; a registered volunteer's minutes go to the ledger (source venue_duty). */
export async function confirmDuty(ctx: Ctx, actor: Actor, dutyId: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const duty = await repo.findDuty(trx, dutyId);
    if (!duty || !(await repo.findVenue(trx, actor, duty.venueId))) throw notFound('值班');
    if (!canManageVenue(actor, duty)) throw forbidden('只有阵地所属组织才能确认值班');
    const locked = await trx
      .selectFrom('venue_duty')
      .select('status')
      .where('id', '=', dutyId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (locked.status !== 'scheduled') throw conflict('ALREADY_CONFIRMED', '该值班已确认');
    if (!canConfirmDuty(actor, duty, Date.now())) throw conflict('DUTY_NOT_ENDED', '值班结束后才能确认');
    await trx
      .updateTable('venue_duty')
      .set({ status: 'done', confirmed_by: actor.personId, confirmed_at: new Date().toISOString() })
      .where('id', '=', dutyId)
      .execute();
    const registered = await trx
      .selectFrom('volunteer')
      .select('id')
      .where('person_id', '=', duty.personId)
      .executeTakeFirst();
    const minutes = Math.floor((Date.parse(duty.endsAt) - Date.parse(duty.startsAt)) / 60_000);
    const [entryId] = registered
      ? await appendEntries(trx, [
          {
            personId: duty.personId,
            kind: 'credit',
            minutes,
            category: OFFCAMPUS_VENUE_TYPES.includes(duty.venueType as VenueType) ? 'community' : 'campus',
            source: 'venue_duty',
            sourceId: dutyId,
            activityId: null,
            unitId: duty.unitId,
            serviceStart: duty.startsAt,
            serviceEnd: duty.endsAt,
            basis: 'attendance',
            description: `${duty.venueName}值班（${duty.post}）`,
            reversesId: null,
            recordedBy: actor.personId,
            recordedByName: actor.name,
            confirmedByName: actor.name,
          },
        ])
      : [null];
    await recordAudit(trx, actor, {
      action: 'venue_duty.confirmed',
      entityType: 'venue_duty',
      entityId: dutyId,
      unitPath: duty.ownerPath,
      after: { minutes, entryId },
    });
    return { id: dutyId, status: 'done', minutes, entryId };
  });
}
