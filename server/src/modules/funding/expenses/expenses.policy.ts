import { type Actor, can } from '../../../core/actor';

export interface ExpenseRef {
  unitPath: string;
  /** The level above the spending unit; null for the committee itself. */
  parentPath: string | null;
  status: string;
  recordedBy: number;
  reversesId: number | null;
  reversedById: number | null;
}

/** A unit records its own expenses (funding.manage over it; the level above may record for it too). */
export const canRecordExpense = (actor: Actor, unitPath: string) => can(actor, 'funding.manage', unitPath);

const isOriginalStanding = (e: ExpenseRef) => e.reversesId === null && e.reversedById === null;

/**
 * An expense over the year's threshold is decided by the level above — never by whoever recorded it. The
 * committee's own large expenses are decided by the holder of funding.rules (the organization department).
 */
export const canDecideExpense = (actor: Actor, e: ExpenseRef) =>
  e.status === 'pending' &&
  isOriginalStanding(e) &&
  actor.personId !== e.recordedBy &&
  (e.parentPath !== null ? can(actor, 'funding.manage', e.parentPath) : can(actor, 'funding.rules', e.unitPath));

/** A standing expense (not rejected, not itself a reversal, not yet reversed) may be reversed by its unit. */
export const canReverseExpense = (actor: Actor, e: ExpenseRef) =>
  isOriginalStanding(e) && e.status !== 'rejected' && canRecordExpense(actor, e.unitPath);

export const canAddReceipt = (actor: Actor, e: ExpenseRef) =>
  e.reversesId === null && canRecordExpense(actor, e.unitPath);

export const expenseAbilities = (actor: Actor, e: ExpenseRef) => ({
  decide: canDecideExpense(actor, e),
  reverse: canReverseExpense(actor, e),
  addReceipt: canAddReceipt(actor, e),
});
