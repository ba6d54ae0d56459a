import { isPartyMember } from '@pioneer/domain';
import { sql, type Transaction } from 'kysely';
import { type Actor, can } from '../../core/actor';
import { recordAudit } from '../../core/audit/audit';
import { conflict, forbidden, notFound } from '../../core/errors';
import type { Context } from '../../core/module';
import type { DB } from '../../db/types';
import { moveMemberGrant } from '../access/role-grants';
import { canRequestTransfer, transferAbilities } from './people.policy';
import { findPerson } from './people.repository';
import * as repo from './transfer.repository';

/** 组织关系转接: the sending side asks, the receiving side approves or rejects; approval moves the person. */
type Ctx = Pick<Context, 'db'>;

const present = (actor: Actor, t: repo.TransferRow) => ({ ...t, abilities: transferAbilities(actor, t) });

export async function listTransfers(ctx: Ctx, actor: Actor, q: repo.TransferListQuery) {
  const { items, total } = await repo.listTransfers(ctx.db, actor, q);
  return { items: items.map((t) => present(actor, t)), total };
}

export async function requestTransfer(
  ctx: Ctx,
  actor: Actor,
  personId: number,
  input: { toUnitId: number; reason: string },
) {
  return ctx.db.transaction().execute(async (trx) => {
    const person = await findPerson(trx, actor, personId);
    if (!person) throw notFound('人员');
    if (!canRequestTransfer(actor, person, false)) throw forbidden('只有转出组织的管理者可以发起组织关系转接');
    if (person.pendingTransferId !== null) throw conflict('TRANSFER_PENDING', '该人员已有一项待接收的组织关系转接');
    const target = await repo.findTargetUnit(trx, input.toUnitId);
    if (!target) throw notFound('转入组织');
    if (target.id === person.unitId) throw conflict('SAME_UNIT', '转入组织与当前所在组织相同');
    if (target.type !== 'branch' && target.type !== 'direct_branch') {
      throw conflict('TARGET_NOT_BRANCH', '组织关系只能转入党支部');
    }
    if (target.closedAt) throw conflict('TARGET_CLOSED', '转入组织已撤销');
    const row = await trx
      .insertInto('person_transfer')
      .values({
        person_id: person.id,
        from_unit_id: person.unitId,
        to_unit_id: target.id,
        status: 'pending',
        reason: input.reason,
        requested_by: actor.personId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((e) => {
        // A concurrent request won the one-pending-per-person index.
        if ((e as { code?: string }).code === '23505')
          throw conflict('TRANSFER_PENDING', '该人员已有一项待接收的组织关系转接');
        throw e;
      });
    await recordAudit(trx, actor, {
      action: 'person_transfer.requested',
      entityType: 'person_transfer',
      entityId: row.id,
      unitPath: person.unitPath,
      after: { personId: person.id, fromUnitId: person.unitId, toUnitId: target.id },
      reason: input.reason,
    });
    return { id: row.id, status: 'pending' as const };
  });
}

/** Loads the request under a row lock and checks the actor decides for the receiving unit. */
async function decidable(trx: Parameters<typeof repo.lockTransfer>[0], actor: Actor, id: number) {
  if (!(await repo.lockTransfer(trx, id))) throw notFound('转接申请');
  const transfer = await repo.findTransfer(trx, actor, id);
  if (!transfer) throw notFound('转接申请');
  if (!can(actor, 'transfer.approve', transfer.toPath)) throw forbidden('只有转入组织可以审批该转接申请');
  if (transfer.status !== 'pending') throw conflict('TRANSFER_NOT_PENDING', '该转接申请已处理');
  return transfer;
}

export async function approveTransfer(ctx: Ctx, actor: Actor, id: number, input: { note: string }) {
  return ctx.db.transaction().execute(async (trx) => {
    const transfer = await decidable(trx, actor, id);
    const target = await repo.findTargetUnit(trx, transfer.toUnitId);
    if (!target || target.closedAt) throw conflict('TARGET_CLOSED', '转入组织已撤销，请退回该申请');
    const person = await repo.currentUnitOf(trx, transfer.personId);
    if (person.unitId !== transfer.fromUnitId) throw conflict('PERSON_MOVED', '该人员已不在转出组织，请退回该申请');
    await trx
      .updateTable('person')
      .set({ unit_id: target.id, updated_at: new Date().toISOString() })
      .where('id', '=', transfer.personId)
      .execute();
    await decide(trx, actor, id, 'approved', input.note, target.path);
    await recordAudit(trx, actor, {
      action: 'person.transferred',
      entityType: 'person',
      entityId: transfer.personId,
      unitPath: target.path,
      before: { unitId: transfer.fromUnitId },
      after: { unitId: target.id },
      reason: transfer.reason,
    });
    await moveMemberGrant(
      trx,
      actor,
      { id: transfer.personId, isPartyMember: isPartyMember(person.politicalStatus) },
      target,
      `组织关系转入${target.name}`,
    );
    return { id, status: 'approved' as const };
  });
}

export async function rejectTransfer(ctx: Ctx, actor: Actor, id: number, input: { note: string }) {
  return ctx.db.transaction().execute(async (trx) => {
    const transfer = await decidable(trx, actor, id);
    await decide(trx, actor, id, 'rejected', input.note, transfer.toPath);
    return { id, status: 'rejected' as const };
  });
}

/** Records the receiving unit's decision on a pending transfer, with its audit event. */
async function decide(
  trx: Transaction<DB>,
  actor: Actor,
  id: number,
  status: 'approved' | 'rejected',
  note: string,
  unitPath: string,
) {
  await trx
    .updateTable('person_transfer')
    .set({ status, decided_by: actor.personId, decision_note: note, decided_at: sql<string>`now()` })
    .where('id', '=', id)
    .execute();
  await recordAudit(trx, actor, {
    action: `person_transfer.${status}`,
    entityType: 'person_transfer',
    entityId: id,
    unitPath,
    before: { status: 'pending' },
    after: { status },
    reason: note || null,
  });
}
