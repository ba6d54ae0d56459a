import { formatMinutes } from '@pioneer/domain';
import type { Actor } from '../../core/actor';
import { recordAudit } from '../../core/audit/audit';
import { AppError, notFound } from '../../core/errors';
import { notify } from '../notifications/notifications.service';
import { appendEntries, lockPeople } from './ledger.chain';
import { reversalOf } from './ledger.service';
import { reviewRefusal } from './review.policy';
import * as repo from './review.repository';
import type { Ctx, Db } from './shared';

/**
 * Review decisions on flagged hours (issue 16): accept with a reason, or reverse through the ledger's own
 * reversal (the ledger stays append-only and hash-chained). Each decision is final, audited, written on the
 * entry's flag row (shown with the entry) and told to the volunteer.
 */
export type Decision = 'accept' | 'reverse';

async function decideIn(trx: Db, actor: Actor, id: number, decision: Decision, reason: string) {
  const seen = await repo.entryVisible(trx, actor, id);
  if (!seen) throw notFound('时长记录');
  // Lock the person's chain first, then read again: a decision and a reversal never race on one entry.
  await lockPeople(trx, [seen.personId]);
  const e = await repo.findFlagged(trx, actor, id);
  const refusal = reviewRefusal(actor, {
    personId: seen.personId,
    recordedBy: seen.recordedBy,
    unitPath: seen.unitPath,
    recorderLevel: e?.recorderLevel ?? null,
    state: e?.state ?? 'clean',
  });
  if (refusal || !e) {
    const r = refusal ?? { status: 409, code: 'NOT_FLAGGED', message: '该记录没有疑点，无需复核' };
    throw new AppError(r.status, r.code, r.message);
  }
  const at = new Date().toISOString();
  let reversalId: number | null = null;
  if (decision === 'reverse') {
    [reversalId] = await appendEntries(trx, [reversalOf(e, actor, `复核不予认定：${reason}`)]);
  }
  await trx
    .updateTable('volunteer_hours_flag')
    .set({
      decision: decision === 'accept' ? 'accepted' : 'reversed',
      decided_by: actor.personId,
      decided_by_name: actor.name,
      decided_at: at,
      decision_reason: reason,
      reversal_id: reversalId,
    })
    .where('entry_id', '=', id)
    .where('decision', 'is', null)
    .execute();
  await recordAudit(trx, actor, {
    action: decision === 'accept' ? 'volunteer_hours.review_accepted' : 'volunteer_hours.review_reversed',
    entityType: 'volunteer_hours_entry',
    entityId: id,
    unitPath: e.unitPath,
    before: { state: 'pending', flags: e.flags.map((f) => f.code), minutes: e.minutes },
    after: { state: decision === 'accept' ? 'accepted' : 'reversed', reversalId },
    reason,
  });
  const what = `「${e.activityTitle ?? e.description}」${formatMinutes(e.minutes)}`;
  await notify(trx, {
    recipients: [e.personId],
    kind: decision === 'accept' ? 'volunteer.hours_accepted' : 'volunteer.hours_reversed',
    title: decision === 'accept' ? `您的服务时长${what}已复核通过，计入总时长` : `您的服务时长${what}经复核不予认定`,
    body: reason,
    link: '/volunteer/hours',
  });
  return { id, decision: decision === 'accept' ? 'accepted' : 'reversed', reversalId };
}

export async function decide(ctx: Ctx, actor: Actor, id: number, decision: Decision, reason: string) {
  return ctx.db.transaction().execute((trx) => decideIn(trx, actor, id, decision, reason));
}

/**
 * Decides several entries with one reason. Each entry is its own transaction, so one refusal (already decided,
 * the reviewer's own hours) does not undo the rest; the answer names what was done and what was refused why.
 */
export async function decideBatch(ctx: Ctx, actor: Actor, ids: number[], decision: Decision, reason: string) {
  const done: { id: number; decision: string; reversalId: number | null }[] = [];
  const refused: { id: number; code: string; message: string }[] = [];
  for (const id of [...new Set(ids)]) {
    try {
      done.push(await decide(ctx, actor, id, decision, reason));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refused.push({ id, code: error.code, message: error.message });
    }
  }
  return { done, refused };
}
