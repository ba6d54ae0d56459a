import { type Actor, can } from '../../core/actor';

/** Named predicates for the hours ledger: whoever manages volunteering in the recording unit's subtree. */
export interface EntryRef {
  kind: string;
  reversedBy: number | null;
  unitPath: string;
}

export const canRecordHours = (actor: Actor, unitPath: string) => can(actor, 'volunteer.manage', unitPath);

/** Only a credit not yet reversed can be reversed or corrected; a correction is a reversal plus a new credit. */
export const canReverseEntry = (actor: Actor, e: EntryRef) =>
  e.kind === 'credit' && e.reversedBy === null && canRecordHours(actor, e.unitPath);

export const entryAbilities = (actor: Actor, e: EntryRef) => ({
  reverse: canReverseEntry(actor, e),
  correct: canReverseEntry(actor, e),
});
