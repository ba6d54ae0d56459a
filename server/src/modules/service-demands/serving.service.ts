import type { CompleteInput } from '@pioneer/domain';
import type { Transaction } from 'kysely';
import type { Actor } from '../../core/actor';
import { recordAudit } from '../../core/audit/audit';
import { conflict, notFound } from '../../core/errors';
import type { Context } from '../../core/module';
import type { DB } from '../../db/types';
import { creditServiceNeed } from '../volunteering/ledger.need';
import * as tell from './demands.notify';
import { canManageService, canServe } from './demands.policy';
import * as repo from './demands.repository';
import { addEvent, applyTransition, ensure } from './demands.transition';
import { ratingLinkPath } from './rating.service';
import { allow, onDemand } from './transitions.service';

type Ctx = Pick<Context, 'db'>;
type Trx = Transaction<DB>;

/** Members (and probationary members) of the serving unit's subtree among `ids`; refuses anyone else by name. */
async function checkServers(trx: Trx, row: repo.DemandRow, ids: number[]) {
  const unitPath = row.claimPath ?? row.handlingPath;
  const found = await trx
    .selectFrom('person as p')
    .innerJoin('org_unit as u', 'u.id', 'p.unit_id')
    .select(['p.id', 'p.name', 'p.political_status as status', 'u.path'])
    .where('p.id', 'in', ids)
    .execute();
  const missing = ids.filter((id) => !found.some((p) => p.id === id));
  if (missing.length) throw notFound('党员');
  const outside = found.filter(
    (p) => !p.path.startsWith(unitPath) || (p.status !== 'member' && p.status !== 'probationary'),
  );
  if (outside.length) {
    throw conflict('NOT_UNIT_MEMBER', `${outside.map((p) => p.name).join('、')} 不是承办组织的党员`, {
      personIds: outside.map((p) => p.id),
    });
  }
  return found;
}

async function addAssignees(trx: Trx, row: repo.DemandRow, ids: number[], by: Actor) {
  if (ids.length === 0) return;
  await trx
    .insertInto('demand_assignee')
    .values(ids.map((person_id) => ({ demand_id: row.id, round: row.round, person_id, assigned_by: by.personId })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The claiming side names the members who will serve (组织党员对接). */
export const assignMembers = (ctx: Ctx, actor: Actor, id: number, personIds: number[]) =>
  onDemand(ctx, actor, id, async (trx, row, ref) => {
    allow(canManageService(actor, ref), '只有认领方可以安排服务党员');
    if (row.state !== 'claimed' && row.state !== 'in_progress') {
      throw conflict('NOT_CLAIMED', '只有已认领、服务中的需求可以安排党员');
    }
    const ids = [...new Set(personIds)];
    const people = await checkServers(trx, row, ids);
    await addAssignees(trx, row, ids, actor);
    const names = people.map((p) => p.name).join('、');
    await addEvent(trx, row.id, { actor }, { action: 'members_assigned', note: `安排党员：${names}` });
    await recordAudit(trx, actor, {
      action: 'demand.members_assigned',
      entityType: 'demand',
      entityId: row.id,
      unitPath: row.responsiblePath,
      after: { round: row.round, personIds: ids },
    });
    await tell.membersAssigned(trx, row, ids, [actor.personId]);
    return { assigneeIds: [...new Set([...row.assigneeIds, ...ids])].sort((a, b) => a - b) };
  });

/**
 * Completes the service: the result, the members who served with their minutes, and photos (links, or files
 * uploaded beforehand). The requester is told and, when they have an account, sent the rating link.
 */
export const complete = (ctx: Ctx, actor: Actor, id: number, input: CompleteInput) =>
  onDemand(ctx, actor, id, async (trx, row, ref) => {
    allow(canServe(actor, ref), '只有认领方或被安排的党员可以登记完成');
    ensure(row, 'complete');
    const ids = input.services.map((s) => s.personId);
    if (new Set(ids).size !== ids.length) throw conflict('DUPLICATE_SERVER', '同一名党员只能登记一次服务时长');
    await checkServers(trx, row, ids);
    if (input.photoIds.length) {
      const own = await trx
        .selectFrom('demand_photo')
        .select('id')
        .where('demand_id', '=', row.id)
        .where('id', 'in', input.photoIds)
        .execute();
      if (own.length !== input.photoIds.length) throw notFound('照片');
    }
    const minutes = input.services.reduce((sum, s) => sum + s.minutes, 0);
    const completedAt = new Date().toISOString();
    const result = await applyTransition(trx, { actor }, row, 'complete', {
      patch: { result: input.result, minutes_total: row.minutesTotal + minutes },
      note: `服务完成：${input.result}`,
    });
    await trx
      .insertInto('demand_service')
      .values(
        input.services.map((s) => ({
          demand_id: row.id,
          round: row.round,
          person_id: s.personId,
          minutes: s.minutes,
          recorded_by: actor.personId,
        })),
      )
      .execute();
    await addAssignees(trx, row, ids, actor);
    // The same transaction credits the hours ledger: the completion and the volunteers' hours commit together.
    const hours = await creditServiceNeed(trx, actor, {
      demandId: row.id,
      unitId: row.claimUnitId ?? row.handlingUnitId,
      serviceStart: row.startedAt ?? row.claimedAt ?? completedAt,
      serviceEnd: completedAt,
      title: row.title,
      services: input.services,
    });
    if (hours.skipped.length) {
      await addEvent(
        trx,
        row.id,
        { actor },
        {
          action: 'hours_skipped',
          note: `未注册志愿者，服务时长未记入志愿服务时长：${hours.skipped.map((s) => s.name).join('、')}`,
        },
      );
    }
    if (input.photoUrls.length) {
      await trx
        .insertInto('demand_photo')
        .values(
          input.photoUrls.map((url) => ({ demand_id: row.id, round: row.round, url, uploaded_by: actor.personId })),
        )
        .execute();
    }
    await recordAudit(trx, actor, {
      action: 'demand.service_recorded',
      entityType: 'demand',
      entityId: row.id,
      unitPath: row.responsiblePath,
      after: { round: row.round, services: input.services, hours },
    });
    const rateLink = row.requesterPersonId ? await ratingLinkPath(trx, row.id, row.round) : null;
    await tell.completed(trx, row, rateLink, [actor.personId]);
    return { ...result, minutes, hours };
  });

export async function uploadPhoto(
  ctx: Ctx,
  actor: Actor,
  id: number,
  /** Read through core/uploads `readUpload(request, 'photo')`: size, type and content already checked. */
  file: { filename: string; mimetype: string; content: Buffer },
) {
  return onDemand(ctx, actor, id, async (trx, row, ref) => {
    allow(canServe(actor, ref), '只有认领方或被安排的党员可以上传服务照片');
    const photo = await trx
      .insertInto('demand_photo')
      .values({
        demand_id: row.id,
        round: row.round,
        file_name: file.filename.slice(0, 200),
        mime: file.mimetype,
        content: file.content,
        uploaded_by: actor.personId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'demand.photo_uploaded',
      entityType: 'demand',
      entityId: row.id,
      unitPath: row.responsiblePath,
      after: { photoId: photo.id, fileName: file.filename, bytes: file.content.length },
    });
    return { id: photo.id, url: `/api/demands/${row.id}/photos/${photo.id}` };
  });
}

/** An uploaded photo, to whoever may see the need. */
export async function photoFile(ctx: Ctx, actor: Actor, demandId: number, photoId: number) {
  const row = await repo.findDemand(ctx.db, actor, demandId);
  if (!row) throw notFound('服务需求');
  const photo = await ctx.db
    .selectFrom('demand_photo')
    .select(['mime', 'content', 'url'])
    .where('id', '=', photoId)
    .where('demand_id', '=', demandId)
    .executeTakeFirst();
  if (!photo) throw notFound('照片');
  return photo;
}

/** The members who may serve a claimed need (those of the claiming unit's subtree), for the claimer to pick from. */
export async function servingCandidates(ctx: Ctx, actor: Actor, id: number) {
  const row = await repo.findDemand(ctx.db, actor, id);
  if (!row) throw notFound('服务需求');
  allow(canServe(actor, repo.toRef(row)), '只有认领方可以查看可安排的党员');
  if (!row.claimPath) throw conflict('NOT_CLAIMED', '该需求尚未被认领');
  const items = await ctx.db
    .selectFrom('person as p')
    .innerJoin('org_unit as u', 'u.id', 'p.unit_id')
    .select(['p.id', 'p.name', 'p.skills', 'p.campus', 'u.name as unitName'])
    .where('u.path', 'like', `${row.claimPath}%`)
    .where('p.political_status', 'in', ['member', 'probationary'])
    .orderBy('u.path')
    .orderBy('p.name')
    .limit(500)
    .execute();
  return { items };
}
