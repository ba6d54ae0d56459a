import { type Actor, can } from '../../../core/actor';

/** Each level allocates to its direct children from what it holds: funding.manage over the giving unit. */
export const canAllocateFrom = (actor: Actor, fromPath: string) => can(actor, 'funding.manage', fromPath);

export interface AllocationRef {
  fromPath: string | null;
  reversesId: number | null;
  reversedById: number | null;
}

/** A unit-to-unit allocation, not yet reversed, may be reversed by the giver; the school budget may not. */
export const canReverseAllocation = (actor: Actor, a: AllocationRef) =>
  a.fromPath !== null && a.reversesId === null && a.reversedById === null && canAllocateFrom(actor, a.fromPath);

export const allocationAbilities = (actor: Actor, a: AllocationRef) => ({ reverse: canReverseAllocation(actor, a) });
