import type { claimConfirmInput, claimServedInput, communityPostInput, dualReportInput } from '@pioneer/domain';
import { sql } from 'kysely';
import type { z } from 'zod';
import { type Actor, can } from '../../core/actor';
import { recordAudit } from '../../core/audit/audit';
import { conflict, forbidden, notFound } from '../../core/errors';
import { notify } from '../notifications/notifications.service';
import { isPartyMember } from './activities.policy';
import { linkSecret, signClaim, verifyClaimSig } from './dual-report.link';
import { canClosePost, canManagePost, isPostOpen } from './dual-report.policy';
import * as repo from './dual-report.repository';
import { appendEntries } from './ledger.chain';
import { type Ctx, type Db, maskName, shanghaiDate, shanghaiDayStart, shanghaiYear, volunteerOf } from './shared';

/** 双报到: a member reports to the community where they live; reporting elsewhere ends the old report (moving). */
export async function report(ctx: Ctx, actor: Actor, input: z.infer<typeof dualReportInput>) {
  return ctx.db.transaction().execute(async (trx) => {
    const person = await trx
      .selectFrom('person')
      .select(['political_status', 'unit_id'])
      .where('id', '=', actor.personId)
      .executeTakeFirstOrThrow();
    if (!isPartyMember(person.political_status)) throw conflict('NOT_A_MEMBER', '双报到面向党员（含预备党员）');
    const partner = await repo.partnerWithOwner(trx, input.partnerId);
    if (!partner) throw notFound('社区');
    if (!repo.COMMUNITY_KINDS.includes(partner.kind)) throw conflict('NOT_A_COMMUNITY', '只能向社区（村）报到');
    const current = await repo.activeReport(trx, actor.personId);
    if (current?.partnerId === partner.id) throw conflict('ALREADY_REPORTED', `您已向「${partner.name}」报到`);
    if (current) {
      await trx
        .updateTable('dual_report')
        .set({ ended_at: new Date().toISOString(), end_reason: '迁居后重新报到' })
        .where('id', '=', current.id)
        .execute();
    }
    const slipNo = `SBD-${shanghaiYear(Date.now())}-${String(await repo.nextSlipSeq(trx)).padStart(6, '0')}`;
    const row = await trx
      .insertInto('dual_report')
      .values({ person_id: actor.personId, partner_id: partner.id, address: input.address, slip_no: slipNo })
      .returning('id')
      .executeTakeFirstOrThrow();
    const unit = await trx
      .selectFrom('org_unit')
      .select('path')
      .where('id', '=', person.unit_id)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: current ? 'dual_report.moved' : 'dual_report.reported',
      entityType: 'dual_report',
      entityId: row.id,
      unitPath: unit.path,
      before: current ? { partnerId: current.partnerId } : undefined,
      after: { partnerId: partner.id, slipNo },
    });
    return (await repo.activeReport(trx, actor.personId))!;
  });
}

/** Community service posts (认领服务岗位) are entered by whoever manages volunteering for the partner's owner unit. */
export async function createPost(ctx: Ctx, actor: Actor, input: z.infer<typeof communityPostInput>) {
  return ctx.db.transaction().execute(async (trx) => {
    const partner = await repo.partnerWithOwner(trx, input.partnerId);
    if (!partner || !can(actor, 'org.view', partner.ownerPath)) throw notFound('社区');
    if (!can(actor, 'volunteer.manage', partner.ownerPath)) throw forbidden('您无权为该社区发布服务岗位');
    if (!repo.COMMUNITY_KINDS.includes(partner.kind)) throw conflict('NOT_A_COMMUNITY', '服务岗位只能由社区（村）发布');
    const row = await trx
      .insertInto('community_post')
      .values({
        partner_id: partner.id,
        title: input.title,
        category: input.category,
        description: input.description,
        slots: input.slots,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        created_by: actor.personId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'community_post.created',
      entityType: 'community_post',
      entityId: row.id,
      unitPath: partner.ownerPath,
      after: input,
    });
    return { id: row.id };
  });
}

export async function claimPost(ctx: Ctx, actor: Actor, postId: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const post = await repo.findPost(trx, postId);
    const mine = await repo.activeReport(trx, actor.personId);
    if (!post || (mine?.partnerId !== post.partnerId && !can(actor, 'volunteer.view', post.ownerPath)))
      throw notFound('服务岗位');
    if (mine?.partnerId !== post.partnerId) throw conflict('NOT_REPORTED_HERE', '请先向该社区报到，再认领它的服务岗位');
    if (!isPostOpen(post, shanghaiDate(Date.now())))
      throw conflict('POST_CLOSED', post.status === 'closed' ? '该服务岗位已关闭，不再接受认领' : '该服务岗位已结束');
    const existing = await trx
      .selectFrom('community_post_claim')
      .select('id')
      .where('post_id', '=', postId)
      .where('person_id', '=', actor.personId)
      .where('status', '<>', 'cancelled')
      .executeTakeFirst();
    if (existing) throw conflict('ALREADY_CLAIMED', '您已认领该岗位');
    // The same conditional update as activity seats: the slot count can never pass its limit.
    const slot = await sql<{
      id: number;
    }>`update community_post set taken = taken + 1 where id = ${postId} and taken < slots returning id`.execute(trx);
    if (slot.rows.length === 0) throw conflict('POST_FULL', '该岗位认领名额已满');
    const row = await trx
      .insertInto('community_post_claim')
      .values({ post_id: postId, person_id: actor.personId, dual_report_id: mine.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'community_post.claimed',
      entityType: 'community_post_claim',
      entityId: row.id,
      unitPath: post.ownerPath,
      after: { postId },
    });
    return { id: row.id, status: 'claimed' };
  });
}

/**
 * 关闭服务岗位: no new claims from now on; claims already made stay and can still be served and confirmed.
 * Members reported to the community see the post (404 for anyone else); only its managers close it (403).
 */
export async function closePost(ctx: Ctx, actor: Actor, postId: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const post = await repo.findPost(trx, postId);
    const mine = await repo.activeReport(trx, actor.personId);
    if (!post || (mine?.partnerId !== post.partnerId && !can(actor, 'volunteer.view', post.ownerPath)))
      throw notFound('服务岗位');
    if (!canManagePost(actor, post)) throw forbidden('只有发布该岗位的组织才能关闭它');
    const locked = await trx
      .selectFrom('community_post')
      .select('status')
      .where('id', '=', postId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (!canClosePost(actor, { ...post, status: locked.status })) throw conflict('POST_CLOSED', '该服务岗位已关闭');
    await trx.updateTable('community_post').set({ status: 'closed' }).where('id', '=', postId).execute();
    await recordAudit(trx, actor, {
      action: 'community_post.closed',
      entityType: 'community_post',
      entityId: postId,
      unitPath: post.ownerPath,
      before: { status: locked.status },
      after: { status: 'closed', taken: post.taken },
    });
    return { id: postId, status: 'closed' };
  });
}

export const confirmUrlFor = (base: string, claimId: number, sig: string) =>
  `${base}/volunteer/confirm/${claimId}?sig=${sig}`;

/** The member reports what they did; the answer is the signed link to send to the community contact. */
export async function reportServed(
  ctx: Ctx,
  actor: Actor,
  claimId: number,
  input: z.infer<typeof claimServedInput>,
  base: string,
) {
  return ctx.db.transaction().execute(async (trx) => {
    const claim = await repo.findClaim(trx, claimId);
    if (!claim || claim.personId !== actor.personId) throw notFound('认领记录');
    if (claim.status === 'confirmed') throw conflict('ALREADY_CONFIRMED', '社区已确认，不能再修改');
    if (claim.status === 'cancelled') throw conflict('NOT_ACTIVE', '该认领已取消');
    await trx
      .updateTable('community_post_claim')
      .set({
        status: 'served',
        served_on: input.servedOn,
        minutes: input.minutes,
        note: input.note,
        served_at: new Date().toISOString(),
      })
      .where('id', '=', claimId)
      .execute();
    const sig = signClaim(await linkSecret(trx), {
      id: claimId,
      personId: actor.personId,
      minutes: input.minutes,
      servedOn: input.servedOn,
    });
    await recordAudit(trx, actor, {
      action: 'community_post.served',
      entityType: 'community_post_claim',
      entityId: claimId,
      unitPath: null,
      after: input,
    });
    return { id: claimId, status: 'served', confirmUrl: confirmUrlFor(base, claimId, sig) };
  });
}

/** What the community contact sees behind the link; a wrong signature looks exactly like a missing claim. */
export async function claimForLink(db: Db, claimId: number, sig: string) {
  const claim = await repo.findClaim(db, claimId);
  if (!claim || !verifyClaimSig(await linkSecret(db), claim, sig)) throw notFound('确认链接无效或已失效：记录');
  return {
    id: claim.id,
    status: claim.status,
    personName: maskName(claim.personName),
    volunteerNo: claim.volunteerNo,
    communityName: claim.communityName,
    postTitle: claim.postTitle,
    servedOn: claim.servedOn,
    minutes: claim.minutes,
    note: claim.note,
    confirmedAt: claim.confirmedAt,
    confirmedByName: claim.confirmedByName,
  };
}

/** The community confirms: the claim is settled and the hours credited, recorded under the partner's owner unit. */
export async function confirmClaim(ctx: Ctx, claimId: number, input: z.infer<typeof claimConfirmInput>) {
  return ctx.db.transaction().execute(async (trx) => {
    const view = await claimForLink(trx, claimId, input.sig);
    const claim = (await repo.findClaim(trx, claimId))!;
    const locked = await trx
      .selectFrom('community_post_claim')
      .select('status')
      .where('id', '=', claimId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (locked.status === 'confirmed') throw conflict('ALREADY_CONFIRMED', '该服务已确认');
    if (locked.status !== 'served') throw conflict('NOT_SERVED', '志愿者尚未填报服务情况');
    await volunteerOf(trx, claim.personId);
    const start = shanghaiDayStart(claim.servedOn!);
    const [entryId] = await appendEntries(trx, [
      {
        personId: claim.personId,
        kind: 'credit',
        minutes: claim.minutes!,
        category: claim.category,
        source: 'dual_report',
        sourceId: claimId,
        activityId: null,
        unitId: claim.ownerUnitId,
        serviceStart: start,
        serviceEnd: new Date(Date.parse(start) + claim.minutes! * 60_000).toISOString(),
        basis: 'confirmation',
        description: `双报到：${claim.communityName}「${claim.postTitle}」`,
        reversesId: null,
        recordedBy: null,
        recordedByName: `${claim.communityName}（${input.contactName}）`,
        confirmedByName: input.contactName,
      },
    ]);
    await trx
      .updateTable('community_post_claim')
      .set({
        status: 'confirmed',
        confirmed_at: new Date().toISOString(),
        confirmed_by_name: input.contactName,
        rating: input.rating,
        feedback: input.feedback,
        entry_id: entryId,
      })
      .where('id', '=', claimId)
      .execute();
    await recordAudit(trx, null, {
      action: 'community_post.confirmed',
      entityType: 'community_post_claim',
      entityId: claimId,
      unitPath: null,
      after: { contactName: input.contactName, rating: input.rating, entryId },
    });
    await notify(trx, {
      recipients: [claim.personId],
      kind: 'volunteer.dual_report_confirmed',
      title: `${claim.communityName}已确认您的服务`,
      link: '/volunteer/hours',
    });
    return { ...view, status: 'confirmed', entryId };
  });
}
