import type { assignInput, claimInput, mergeInput, triageInput } from '@pioneer/domain';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { type Actor, can } from '../../core/actor';
import { recordAudit } from '../../core/audit/audit';
import { conflict, forbidden, notFound } from '../../core/errors';
import type { Context } from '../../core/module';
import type { DB } from '../../db/types';
import { visibleTeam } from '../volunteering/teams.service';
import * as tell from './demands.notify';
import {
  canAddNote,
  canAssign,
  canClaimAsMember,
  canClaimForUnit,
  canClose,
  canManageService,
  canServe,
  canTriage,
  canWithdraw,
  type DemandRef,
} from './demands.policy';
import * as repo from './demands.repository';
import { addEvent, applyTransition, ensure, limitsOf } from './demands.transition';

type Ctx = Pick<Context, 'db'>;
type Trx = Transaction<DB>;

/** Runs `step` in a transaction on the need as the actor sees it: 404 when out of their sight. */
function onDemand<T>(
  ctx: Ctx,
  actor: Actor,
  id: number,
  step: (trx: Trx, row: repo.DemandRow, ref: DemandRef) => Promise<T>,
) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findDemand(trx, actor, id);
    if (!row) throw notFound('服务需求');
    return step(trx, row, repo.toRef(row));
  });
}
const allow = (ok: boolean, message: string) => {
  if (!ok) throw forbidden(message);
};
const noChange = { patch: {} };

export const triage = (ctx: Ctx, actor: Actor, id: number, input: z.infer<typeof triageInput>) =>
  onDemand(ctx, actor, id, async (trx, row, ref) => {
    allow(canTriage(actor, ref), '只有该渠道的受理部门可以分拣此需求');
    ensure(row, 'triage');
    const cat = await trx
      .selectFrom('demand_category')
      .selectAll()
      .where('id', '=', input.categoryId)
      .executeTakeFirst();
    if (!cat) throw notFound('需求类别');
    if (!cat.active) throw conflict('CATEGORY_INACTIVE', `需求类别「${cat.name}」已停用`);
    let handlingUnitId = input.handlingUnitId ?? cat.default_unit_id ?? row.handlingUnitId;
    if (handlingUnitId !== row.handlingUnitId) {
      const unit = await repo.findUnit(trx, actor, handlingUnitId);
      if (!unit) throw notFound('承办组织');
      if (unit.closedAt) throw conflict('UNIT_CLOSED', `「${unit.name}」已撤销`);
      allow(
        canTriage(actor, { audience: ref.audience, handlingPath: unit.path }),
        '不能把需求转给您管辖范围以外的组织',
      );
      handlingUnitId = unit.id;
    }
    const limits = limitsOf({
      triageMinutes: cat.triage_minutes,
      claimMinutes: cat.claim_minutes,
      completeMinutes: cat.complete_minutes,
    });
    const patch = {
      category_id: cat.id,
      handling_unit_id: handlingUnitId,
      responsible_unit_id: handlingUnitId,
      ...(input.title ? { title: input.title } : {}),
      ...(input.description ? { description: input.description } : {}),
    };
    return applyTransition(trx, { actor }, row, 'triage', {
      patch,
      note: input.note || `归入「${cat.name}」`,
      notePublic: input.notePublic,
      limits,
    });
  });

export const merge = (ctx: Ctx, actor: Actor, id: number, input: z.infer<typeof mergeInput>) =>
  onDemand(ctx, actor, id, async (trx, row, ref) => {
    allow(canTriage(actor, ref), '只有该渠道的受理部门可以合并此需求');
    ensure(row, 'merge');
    const target = await repo.findDemand(trx, actor, input.duplicateOfId);
    if (!target) throw notFound('被合并到的需求');
    if (target.id === row.id || ['merged', 'rejected', 'withdrawn', 'expired'].includes(target.state)) {
      throw conflict('INVALID_DUPLICATE_TARGET', '只能合并到另一条仍然有效的需求');
    }
    return applyTransition(trx, { actor }, row, 'merge', {
      patch: { duplicate_of: target.id },
      note: input.note || `与需求 #${target.id}「${target.title}」重复，已合并`,
    });
  });

export const reject = (ctx: Ctx, actor: Actor, id: number, reason: string) =>
  onDemand(ctx, actor, id, async (trx, row, ref) => {
    allow(canTriage(actor, ref), '只有该渠道的受理部门可以退回此需求');
    return applyTransition(trx, { actor }, row, 'reject', { ...noChange, note: reason });
  });

export const publish = (ctx: Ctx, actor: Actor, id: number, note: string) =>
  onDemand(ctx, actor, id, async (trx, row, ref) => {
    allow(canTriage(actor, ref), '只有该渠道的受理部门可以发布此需求');
    // A need back from review starts a fresh round: whoever served last time no longer holds it.
    const patch = { claim_unit_id: null, claim_person_id: null, claim_team: '', claim_team_id: null };
    const result = await applyTransition(trx, { actor }, row, 'publish', {
      patch,
      note: note || '需求已发布，欢迎认领',
    });
    await tell.published(trx, row, [actor.personId]);
    return result;
  });

export const claim = (ctx: Ctx, actor: Actor, id: number, input: z.infer<typeof claimInput>) =>
  onDemand(ctx, actor, id, async (trx, row, ref) => {
    if (input.teamId !== null) return claimForTeam(trx, actor, row, input.teamId, input.note);
    if (input.asMember) {
      allow(canClaimAsMember(actor, ref), '该需求不在您所在组织的认领范围内');
      const result = await applyTransition(trx, { actor }, row, 'claim', {
        patch: {
          claim_person_id: actor.personId,
          claim_unit_id: actor.unitId,
          claim_team: input.teamName,
          claim_team_id: null,
        },
        note: input.note || `${actor.name}以党员个人身份认领`,
      });
      await trx
        .insertInto('demand_assignee')
        .values({ demand_id: row.id, round: row.round, person_id: actor.personId, assigned_by: actor.personId })
        .onConflict((oc) => oc.doNothing())
        .execute();
      await tell.claimed(trx, row, actor.name, [actor.personId]);
      return result;
    }
    ensure(row, 'claim');
    const unit = await repo.findUnit(trx, actor, input.unitId as number);
    if (!unit) throw notFound('认领组织');
    allow(canClaimForUnit(actor, ref, unit.path), '您不能以该组织的名义认领此需求');
    if (unit.closedAt) throw conflict('UNIT_CLOSED', `「${unit.name}」已撤销`);
    const result = await applyTransition(trx, { actor }, row, 'claim', {
      patch: { claim_unit_id: unit.id, claim_person_id: null, claim_team: input.teamName, claim_team_id: null },
      note: input.note || `由「${unit.name}${input.teamName ? ` · ${input.teamName}` : ''}」认领`,
    });
    await tell.claimed(trx, row, `「${unit.name}」`, [actor.personId]);
    return result;
  });

/**
 * A volunteer team takes the need up (团队认领). The team must be one the actor sees (volunteering's own rule) and
 * reach the need: owned within the handling unit's subtree, or school-wide above it. Its leader claims it, or
 * anyone who may claim for the team's owner unit. The leader then runs the service (claim_person_id); the
 * responsible unit is the team's unit when it lies below the handling unit, else the handling unit itself.
 */
async function claimForTeam(trx: Trx, actor: Actor, row: repo.DemandRow, teamId: number, note: string) {
  ensure(row, 'claim');
  const team = await visibleTeam(trx, actor, teamId);
  if (!team) throw notFound('认领团队');
  const below = team.ownerPath.startsWith(row.handlingPath);
  if (!below && !row.handlingPath.startsWith(team.ownerPath)) {
    throw forbidden(`「${team.name}」不在此需求承办组织的范围内`);
  }
  allow(
    team.leaderPersonId === actor.personId || can(actor, 'demand.claim', team.ownerPath),
    '只有团队队长或可代表团队所属组织认领的书记可以以团队名义认领',
  );
  const result = await applyTransition(trx, { actor }, row, 'claim', {
    patch: {
      claim_unit_id: below ? team.ownerUnitId : row.handlingUnitId,
      claim_person_id: team.leaderPersonId,
      claim_team: team.name.slice(0, 50),
      claim_team_id: team.id,
    },
    note: note || `由「${team.name}」认领（${team.kindLabel}，队长${team.leaderName}）`,
  });
  await tell.claimed(trx, row, `「${team.name}」`, [actor.personId]);
  return { ...result, team: { id: team.id, name: team.name } };
}

export const assign = (ctx: Ctx, actor: Actor, id: number, input: z.infer<typeof assignInput>) =>
  onDemand(ctx, actor, id, async (trx, row, ref) => {
    allow(canAssign(actor, ref), '只有组织部可以指派需求');
    ensure(row, 'assign');
    const unit = await repo.findUnit(trx, actor, input.unitId);
    if (!unit) throw notFound('承办组织');
    if (unit.closedAt) throw conflict('UNIT_CLOSED', `「${unit.name}」已撤销`);
    if (input.personId !== null) {
      const inUnit = await trx
        .selectFrom('person as p')
        .innerJoin('org_unit as u', 'u.id', 'p.unit_id')
        .select('p.id')
        .where('p.id', '=', input.personId)
        .where('u.path', 'like', `${unit.path}%`)
        .executeTakeFirst();
      if (!inUnit) throw conflict('PERSON_NOT_IN_UNIT', '指派的党员不属于该组织');
    }
    const result = await applyTransition(trx, { actor }, row, 'assign', {
      patch: {
        claim_unit_id: unit.id,
        claim_person_id: input.personId,
        claim_team: input.teamName,
        claim_team_id: null,
      },
      note: input.note || `组织部指派「${unit.name}」承办`,
    });
    if (input.personId !== null) {
      await trx
        .insertInto('demand_assignee')
        .values({ demand_id: row.id, round: row.round, person_id: input.personId, assigned_by: actor.personId })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    await tell.assigned(trx, row, unit.path, input.personId, [actor.personId]);
    return result;
  });

export const release = (ctx: Ctx, actor: Actor, id: number, reason: string) =>
  onDemand(ctx, actor, id, async (trx, row, ref) => {
    allow(canManageService(actor, ref), '只有认领方可以退回认领');
    const result = await applyTransition(trx, { actor }, row, 'release', {
      patch: { claim_unit_id: null, claim_person_id: null, claim_team: '', claim_team_id: null },
      note: reason,
    });
    await trx.deleteFrom('demand_assignee').where('demand_id', '=', row.id).where('round', '=', row.round).execute();
    await tell.published(trx, row, [actor.personId]);
    return result;
  });

export const start = (ctx: Ctx, actor: Actor, id: number, note: string) =>
  onDemand(ctx, actor, id, async (trx, row, ref) => {
    allow(canServe(actor, ref), '只有认领方或被安排的党员可以开始服务');
    return applyTransition(trx, { actor }, row, 'start', { ...noChange, note: note || '开始服务' });
  });

export const withdraw = (ctx: Ctx, actor: Actor, id: number, reason: string) =>
  onDemand(ctx, actor, id, async (trx, row, ref) => {
    allow(canWithdraw(actor, ref), '只有需求人或受理部门可以撤回需求');
    const result = await applyTransition(trx, { actor }, row, 'withdraw', { ...noChange, note: reason });
    await tell.withdrawn(trx, row, [actor.personId]);
    return result;
  });

export const close = (ctx: Ctx, actor: Actor, id: number, note: string) =>
  onDemand(ctx, actor, id, async (trx, row, ref) => {
    allow(canClose(actor, ref), '只有受理部门或组织部可以办结需求');
    return applyTransition(trx, { actor }, row, 'close', { ...noChange, note: note || '已办结' });
  });

export const addNote = (ctx: Ctx, actor: Actor, id: number, input: { note: string; public: boolean }) =>
  onDemand(ctx, actor, id, async (trx, row, ref) => {
    allow(canAddNote(actor, ref), '您不能为该需求添加备注');
    await addEvent(trx, row.id, { actor }, { action: 'note', note: input.note, public: input.public });
    await recordAudit(trx, actor, {
      action: 'demand.note',
      entityType: 'demand',
      entityId: row.id,
      unitPath: row.responsiblePath,
      after: input,
    });
    return { ok: true };
  });

export { allow, onDemand };
