import type { AllocationInput } from '@pioneer/domain';
import type { Actor } from '../../../core/actor';
import { recordAudit } from '../../../core/audit/audit';
import { badRequest, conflict, forbidden, notFound } from '../../../core/errors';
import {
  balanceOf,
  type Ctx,
  confirmedRule,
  guardBalance,
  insufficientFunds,
  lockUnitFunds,
  todayInShanghai,
  visibleUnit,
  yearOf,
} from '../shared';
import { allocationAbilities, canAllocateFrom, canReverseAllocation } from './allocations.policy';
import * as repo from './allocations.repository';

export async function listAllocations(ctx: Ctx, actor: Actor, q: { year: number; unitId?: number }) {
  const unit = q.unitId ? await visibleUnit(ctx.db, actor, q.unitId) : undefined;
  const rows = await repo.listAllocations(ctx.db, actor, { year: q.year, unitPath: unit?.path });
  return { items: rows.map((a) => ({ ...a, abilities: allocationAbilities(actor, a) })) };
}

/** A level passes money to one of its direct children, from what it holds for that year (重心下移). */
export async function allocate(ctx: Ctx, actor: Actor, input: AllocationInput) {
  const target = await visibleUnit(ctx.db, actor, input.toUnitId);
  if (target.parentId === null || target.parentPath === null)
    throw conflict('NO_PARENT', '党委的经费来自学校年度预算，在确认年度经费标准时下达');
  if (!canAllocateFrom(actor, target.parentPath))
    throw forbidden(`只有「${target.parentName}」可以向「${target.name}」下拨经费`);
  if (input.allocatedOn > todayInShanghai()) throw badRequest('allocatedOn', '下拨日期不能晚于今天');
  const year = yearOf(input.allocatedOn);
  return guardBalance(() =>
    ctx.db.transaction().execute(async (trx) => {
      await confirmedRule(trx, year);
      await lockUnitFunds(trx, target.parentId!);
      const available = await balanceOf(trx, target.parentId!, year);
      if (available < input.amountFen)
        throw insufficientFunds(target.parentName ?? '', year, available, input.amountFen);
      const row = await trx
        .insertInto('funding_allocation')
        .values({
          year,
          from_unit_id: target.parentId,
          to_unit_id: target.id,
          purpose: input.purpose,
          amount_fen: input.amountFen,
          allocated_on: input.allocatedOn,
          note: input.note,
          recorded_by: actor.personId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, actor, {
        action: 'funding_allocation.created',
        entityType: 'funding_allocation',
        entityId: row.id,
        unitPath: target.parentPath,
        after: { ...input, year, fromUnitId: target.parentId, toUnit: target.name },
      });
      return { id: row.id, year, balanceAfter: available - input.amountFen };
    }),
  );
}

/** A mistaken allocation is reversed by a new, negative entry; refused if the receiver has already used it. */
export async function reverseAllocation(ctx: Ctx, actor: Actor, id: number, reason: string) {
  const found = await repo.findAllocation(ctx.db, actor, id);
  if (!found) throw notFound('下拨记录');
  if (found.fromPath === null) throw conflict('BUDGET_NOT_REVERSIBLE', '学校年度预算随年度经费标准下达，不能冲销');
  if (found.reversesId !== null) throw conflict('IS_REVERSAL', '这是一条冲销记录，不能再冲销');
  if (found.reversedById !== null) throw conflict('ALREADY_REVERSED', '这笔下拨已经冲销过了');
  if (!canReverseAllocation(actor, found)) throw forbidden(`只有「${found.fromName}」可以冲销这笔下拨`);
  return guardBalance(() =>
    ctx.db.transaction().execute(async (trx) => {
      await lockUnitFunds(trx, found.toUnitId);
      const again = await trx
        .selectFrom('funding_allocation')
        .select('id')
        .where('reverses_id', '=', id)
        .executeTakeFirst();
      if (again) throw conflict('ALREADY_REVERSED', '这笔下拨已经冲销过了');
      const available = await balanceOf(trx, found.toUnitId, found.year);
      if (available < found.amountFen) throw insufficientFunds(found.toName, found.year, available, found.amountFen);
      const row = await trx
        .insertInto('funding_allocation')
        .values({
          year: found.year,
          from_unit_id: found.fromUnitId,
          to_unit_id: found.toUnitId,
          purpose: found.purpose,
          amount_fen: -found.amountFen,
          allocated_on: found.allocatedOn,
          note: `冲销：${reason}`,
          reverses_id: id,
          recorded_by: actor.personId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, actor, {
        action: 'funding_allocation.reversed',
        entityType: 'funding_allocation',
        entityId: id,
        unitPath: found.fromPath,
        before: { amountFen: found.amountFen, toUnit: found.toName },
        after: { reversalId: row.id },
        reason,
      });
      return { id: row.id };
    }),
  );
}
