import type { ExpenseDecisionInput, ExpenseInput } from '@pioneer/domain';
import type { Actor } from '../../../core/actor';
import { recordAudit } from '../../../core/audit/audit';
import { badRequest, conflict, forbidden, notFound } from '../../../core/errors';
import { findDemand } from '../../service-demands/demands.repository';
import { findActivity } from '../../volunteering/activities.repository';
import {
  balanceOf,
  type Ctx,
  confirmedRule,
  type Db,
  guardBalance,
  insufficientFunds,
  lockUnitFunds,
  todayInShanghai,
  visibleUnit,
  yearOf,
} from '../shared';
import { canDecideExpense, canRecordExpense, canReverseExpense, expenseAbilities } from './expenses.policy';
import * as repo from './expenses.repository';

export const presentExpense = (actor: Actor, e: repo.ExpenseRow) => ({ ...e, abilities: expenseAbilities(actor, e) });

export async function expenseToSee(db: Db, actor: Actor, id: number) {
  const e = await repo.findExpense(db, actor, id);
  if (!e) throw notFound('支出记录');
  return e;
}

/**
 * What the expense paid for, checked through the owning module's own scoped look-up (a link the recorder
 * cannot see is refused as bad input), and its title frozen with the entry.
 */
async function linkOf(db: Db, actor: Actor, input: ExpenseInput): Promise<string | null> {
  if (input.activityId !== null && input.demandId !== null)
    throw badRequest('demandId', '一笔支出只能关联一项活动或一项服务需求');
  if (input.activityId !== null) {
    const activity = await findActivity(db, actor, input.activityId);
    if (!activity) throw badRequest('activityId', '关联的志愿服务活动不存在或不在您的范围内');
    return `志愿服务活动：${activity.title}`;
  }
  if (input.demandId !== null) {
    const demand = await findDemand(db, actor, input.demandId);
    if (!demand) throw badRequest('demandId', '关联的服务需求不存在或不在您的范围内');
    return `服务需求：${demand.title}`;
  }
  return null;
}

/** Records an expense of a unit; over the year's threshold it waits for the level above, its money reserved. */
export async function recordExpense(ctx: Ctx, actor: Actor, input: ExpenseInput) {
  const unit = await visibleUnit(ctx.db, actor, input.unitId);
  if (!canRecordExpense(actor, unit.path)) throw forbidden(`您无权登记「${unit.name}」的支出`);
  if (input.spentOn > todayInShanghai()) throw badRequest('spentOn', '支出日期不能晚于今天');
  const year = yearOf(input.spentOn);
  const linkTitle = await linkOf(ctx.db, actor, input);
  return guardBalance(() =>
    ctx.db.transaction().execute(async (trx) => {
      const rule = await confirmedRule(trx, year);
      await lockUnitFunds(trx, unit.id);
      const available = await balanceOf(trx, unit.id, year);
      if (available < input.amountFen) throw insufficientFunds(unit.name, year, available, input.amountFen);
      const needsApproval = input.amountFen > rule.approval_threshold_fen;
      const row = await trx
        .insertInto('funding_expense')
        .values({
          year,
          unit_id: unit.id,
          category: input.category,
          spent_on: input.spentOn,
          amount_fen: input.amountFen,
          payee: input.payee,
          description: input.description,
          activity_id: input.activityId,
          demand_id: input.demandId,
          link_title: linkTitle,
          needs_approval: needsApproval,
          recorded_by: actor.personId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, actor, {
        action: 'funding_expense.recorded',
        entityType: 'funding_expense',
        entityId: row.id,
        unitPath: unit.path,
        after: { ...input, year, needsApproval, linkTitle },
      });
      return { id: row.id, year, needsApproval, balanceAfter: available - input.amountFen };
    }),
  );
}

/** A correction: a new negative entry for the whole amount; the original stays as it was written. */
export async function reverseExpense(ctx: Ctx, actor: Actor, id: number, reason: string) {
  const e = await expenseToSee(ctx.db, actor, id);
  if (e.reversesId !== null) throw conflict('IS_REVERSAL', '这是一条冲销记录，不能再冲销');
  if (e.reversedById !== null) throw conflict('ALREADY_REVERSED', '这笔支出已经冲销过了');
  if (e.status === 'rejected') throw conflict('REJECTED', '上级未批准的支出不占用经费，无需冲销');
  if (!canReverseExpense(actor, e)) throw forbidden(`您无权冲销「${e.unitName}」的支出`);
  return ctx.db.transaction().execute(async (trx) => {
    await lockUnitFunds(trx, e.unitId);
    const again = await trx.selectFrom('funding_expense').select('id').where('reverses_id', '=', id).executeTakeFirst();
    if (again) throw conflict('ALREADY_REVERSED', '这笔支出已经冲销过了');
    const row = await trx
      .insertInto('funding_expense')
      .values({
        year: e.year,
        unit_id: e.unitId,
        category: e.category,
        spent_on: e.spentOn,
        amount_fen: -e.amountFen,
        payee: e.payee,
        description: e.description,
        activity_id: e.activityId,
        demand_id: e.demandId,
        link_title: e.linkTitle,
        needs_approval: e.needsApproval,
        reverses_id: id,
        reason,
        recorded_by: actor.personId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'funding_expense.reversed',
      entityType: 'funding_expense',
      entityId: id,
      unitPath: e.unitPath,
      before: { amountFen: e.amountFen, status: e.status },
      after: { reversalId: row.id },
      reason,
    });
    return { id: row.id };
  });
}

/** The level above approves or rejects an expense over the threshold; a rejection frees the reserved money. */
export async function decideExpense(ctx: Ctx, actor: Actor, id: number, input: ExpenseDecisionInput) {
  const e = await expenseToSee(ctx.db, actor, id);
  if (e.status !== 'pending' || e.reversesId !== null || e.reversedById !== null)
    throw conflict('NOT_PENDING', '这笔支出不在待审批状态');
  if (actor.personId === e.recordedBy) throw forbidden('不能审批自己登记的支出');
  if (!canDecideExpense(actor, e)) throw forbidden('大额支出由上级组织审批');
  return ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('funding_expense_decision')
      .values({ expense_id: id, decision: input.decision, reason: input.reason, decided_by: actor.personId })
      .execute();
    await recordAudit(trx, actor, {
      action: input.decision === 'approved' ? 'funding_expense.approved' : 'funding_expense.rejected',
      entityType: 'funding_expense',
      entityId: id,
      unitPath: e.unitPath,
      before: { status: 'pending' },
      after: { status: input.decision },
      reason: input.reason || null,
    });
    return { id, status: input.decision };
  });
}

export async function listExpenses(
  ctx: Ctx,
  actor: Actor,
  q: repo.ExpenseFilters & { unitId?: number; page: number; pageSize: number },
) {
  const unit = q.unitId ? await visibleUnit(ctx.db, actor, q.unitId) : undefined;
  const { items, total } = await repo.listExpenses(ctx.db, actor, { ...q, unitPath: unit?.path });
  return { items: items.map((e) => presentExpense(actor, e)), total, page: q.page, pageSize: q.pageSize };
}

export async function exportRows(ctx: Ctx, actor: Actor, q: repo.ExpenseFilters & { unitId?: number }, max: number) {
  const unit = q.unitId ? await visibleUnit(ctx.db, actor, q.unitId) : undefined;
  return repo.allExpenses(ctx.db, actor, { ...q, unitPath: unit?.path }, max);
}
