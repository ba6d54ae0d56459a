import type { venueCloseInput, venueInput, venueServiceInput } from '@pioneer/domain';
import type { z } from 'zod';
import type { Actor } from '../../core/actor';
import { recordAudit } from '../../core/audit/audit';
import { conflict, forbidden, notFound } from '../../core/errors';
import { notify } from '../notifications/notifications.service';
import { type Ctx, type Db, unitForAction } from './shared';
import { canManageVenue } from './venues.policy';
import * as repo from './venues.repository';

/** 服务阵地 itself: create, edit, close, and its service log (the duty roster is in venue-duties.service.ts). */
type VenueInput = z.infer<typeof venueInput>;

async function checkRefs(trx: Db, input: VenueInput) {
  if (!(await trx.selectFrom('person').select('id').where('id', '=', input.responsiblePersonId).executeTakeFirst()))
    throw notFound('负责人');
  if (
    input.partnerId !== null &&
    !(await trx.selectFrom('partner').select('id').where('id', '=', input.partnerId).executeTakeFirst())
  ) {
    throw notFound('共建单位');
  }
}

const values = (input: VenueInput, unitId: number) => ({
  name: input.name,
  type: input.type,
  owner_unit_id: unitId,
  partner_id: input.partnerId,
  address: input.address,
  latitude: input.latitude,
  longitude: input.longitude,
  opening_hours: input.openingHours,
  responsible_person_id: input.responsiblePersonId,
  description: input.description,
  is_public: input.isPublic,
});

export async function saveVenue(ctx: Ctx, actor: Actor, id: number | null, input: VenueInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const unit = await unitForAction(trx, actor, input.unitId, 'venue.manage');
    await checkRefs(trx, input);
    if (id === null) {
      const row = await trx
        .insertInto('venue')
        .values(values(input, unit.id))
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, actor, {
        action: 'venue.created',
        entityType: 'venue',
        entityId: row.id,
        unitPath: unit.path,
        after: input,
      });
      return { id: row.id };
    }
    const before = await venueToManage(trx, actor, id);
    await trx.updateTable('venue').set(values(input, unit.id)).where('id', '=', id).execute();
    await recordAudit(trx, actor, {
      action: 'venue.updated',
      entityType: 'venue',
      entityId: id,
      unitPath: unit.path,
      before,
      after: input,
    });
    return { id };
  });
}

const venueClosed = () => conflict('VENUE_CLOSED', '该服务阵地已关闭');

/**
 * An open venue the actor manages. The row is share-locked, so a concurrent close waits for this change (a duty
 * can never be added to a venue closed meanwhile).
 */
export async function venueToManage(trx: Db, actor: Actor, id: number) {
  const venue = await repo.findVenue(trx, actor, id);
  if (!venue) throw notFound('服务阵地');
  if (!canManageVenue(actor, venue)) throw forbidden('只有阵地所属组织才能管理');
  const locked = await trx.selectFrom('venue').select('closed_at').where('id', '=', id).forShare().executeTakeFirst();
  if (locked?.closed_at) throw venueClosed();
  return venue;
}

/**
 * 关闭服务阵地: it leaves the public list and takes no new duties or services; its history stays readable.
 * Duties that have not started cannot take place any more: they are cancelled (with their pending swap requests)
 * and the people on them told. Duties already under way or over stay, so they can still be confirmed.
 */
export async function closeVenue(ctx: Ctx, actor: Actor, id: number, input: z.infer<typeof venueCloseInput>) {
  return ctx.db.transaction().execute(async (trx) => {
    const venue = await repo.findVenue(trx, actor, id);
    if (!venue) throw notFound('服务阵地');
    if (!canManageVenue(actor, venue)) throw forbidden('只有阵地所属组织才能关闭阵地');
    const locked = await trx
      .selectFrom('venue')
      .select('closed_at')
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (locked.closed_at) throw venueClosed();
    const closedAt = new Date().toISOString();
    await trx.updateTable('venue').set({ closed_at: closedAt }).where('id', '=', id).execute();
    const cancelled = await trx
      .updateTable('venue_duty')
      .set({ status: 'cancelled' })
      .where('venue_id', '=', id)
      .where('status', '=', 'scheduled')
      .where('starts_at', '>', closedAt)
      .returning(['id', 'person_id'])
      .execute();
    const dutyIds = cancelled.map((d) => d.id);
    const swaps =
      dutyIds.length === 0
        ? []
        : await trx
            .updateTable('venue_duty_swap')
            .set({ status: 'cancelled', decided_at: closedAt })
            .where('duty_id', 'in', dutyIds)
            .where('status', '=', 'pending')
            .returning('to_person_id')
            .execute();
    await recordAudit(trx, actor, {
      action: 'venue.closed',
      entityType: 'venue',
      entityId: id,
      unitPath: venue.ownerPath,
      before: { closedAt: null },
      after: { closedAt, cancelledDutyIds: dutyIds },
      reason: input.reason,
    });
    await notify(trx, {
      recipients: cancelled.map((d) => d.person_id),
      kind: 'volunteer.venue_closed',
      title: `${venue.name}已关闭，您在该阵地尚未开始的值班已取消`,
      body: input.reason,
      link: '/volunteer/duties',
    });
    await notify(trx, {
      recipients: swaps.map((s) => s.to_person_id),
      kind: 'volunteer.venue_closed',
      title: `${venue.name}已关闭，请您代班的换班请求已撤销`,
      body: input.reason,
      link: '/volunteer/duties',
    });
    return { id, closedAt, cancelledDuties: dutyIds.length };
  });
}

export async function logService(ctx: Ctx, actor: Actor, venueId: number, input: z.infer<typeof venueServiceInput>) {
  return ctx.db.transaction().execute(async (trx) => {
    const venue = await venueToManage(trx, actor, venueId);
    const row = await trx
      .insertInto('venue_service_log')
      .values({
        venue_id: venueId,
        served_at: input.servedAt,
        title: input.title,
        description: input.description,
        people_served: input.peopleServed,
        minutes: input.minutes,
        demand_id: input.demandId,
        recorded_by: actor.personId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'venue.service_logged',
      entityType: 'venue',
      entityId: venueId,
      unitPath: venue.ownerPath,
      after: input,
    });
    return { id: row.id };
  });
}
