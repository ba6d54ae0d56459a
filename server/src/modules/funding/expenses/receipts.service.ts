import { createHash } from 'node:crypto';
import type { Actor } from '../../../core/actor';
import { recordAudit } from '../../../core/audit/audit';
import { conflict, forbidden, notFound } from '../../../core/errors';
import { inScope } from '../../../core/scope';
import type { Upload } from '../../../core/uploads/index';
import type { Ctx } from '../shared';
import { canAddReceipt } from './expenses.policy';
import { expenseToSee } from './expenses.service';

/** Checked before the file is read: 404 out of scope, 403 when the actor may see but not add receipts. */
export async function receiptTarget(ctx: Ctx, actor: Actor, expenseId: number) {
  const e = await expenseToSee(ctx.db, actor, expenseId);
  if (e.reversesId !== null) throw conflict('IS_REVERSAL', '票据附在原支出上，冲销记录不另附票据');
  if (!canAddReceipt(actor, e)) throw forbidden(`您无权为「${e.unitName}」的支出上传票据`);
  return e;
}

/**
 * Stores a receipt (already read through core/uploads `readUpload(request, 'receipt')`: type sniffed, size
 * capped) with its SHA-256. The same file twice on one expense, or on another standing expense, is refused:
 * one receipt pays for one thing.
 */
export async function addReceipt(ctx: Ctx, actor: Actor, expenseId: number, file: Upload) {
  const e = await receiptTarget(ctx, actor, expenseId);
  const sha256 = createHash('sha256').update(file.buffer).digest('hex');
  return ctx.db.transaction().execute(async (trx) => {
    const used = await trx
      .selectFrom('funding_receipt as r')
      .innerJoin('funding_expense as e', 'e.id', 'r.expense_id')
      .leftJoin('funding_expense as rv', 'rv.reverses_id', 'e.id')
      .select(['e.id'])
      .where('r.sha256', '=', sha256)
      .where('rv.id', 'is', null)
      .executeTakeFirst();
    if (used?.id === expenseId) throw conflict('DUPLICATE_RECEIPT', '这张票据已经上传过了');
    if (used) throw conflict('RECEIPT_USED', `这张票据已用于另一笔支出（编号 ${used.id}），同一票据不能重复报销`);
    const row = await trx
      .insertInto('funding_receipt')
      .values({
        expense_id: expenseId,
        file_name: file.fileName || '票据',
        mime: file.mime,
        bytes: file.buffer.length,
        sha256,
        content: file.buffer,
        uploaded_by: actor.personId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'funding_expense.receipt_added',
      entityType: 'funding_expense',
      entityId: expenseId,
      unitPath: e.unitPath,
      after: { receiptId: row.id, fileName: file.fileName, bytes: file.buffer.length, sha256 },
    });
    return { id: row.id, sha256, url: `/api/funding/receipts/${row.id}` };
  });
}

/** A receipt's file, to whoever may see the expense it belongs to. */
export async function receiptFile(ctx: Ctx, actor: Actor, id: number) {
  const row = await ctx.db
    .selectFrom('funding_receipt as r')
    .innerJoin('funding_expense as e', 'e.id', 'r.expense_id')
    .innerJoin('org_unit as u', 'u.id', 'e.unit_id')
    .select(['r.file_name as fileName', 'r.mime', 'r.content', 'r.sha256'])
    .where('r.id', '=', id)
    .where((eb) => inScope(eb, 'u.path', actor, 'funding.view'))
    .executeTakeFirst();
  if (!row) throw notFound('票据');
  return row;
}
