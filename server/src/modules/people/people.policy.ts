import { maskIdNumber, maskPhone, STAFFING_TARGET } from '@pioneer/domain';
import { type Actor, can } from '../../core/actor';

/** Named, pure predicates for people and their transfers. A person is governed through their unit's path. */
export interface PersonRef {
  id: number;
  unitPath: string;
}
export interface TransferRef {
  status: string;
  fromPath: string;
  toPath: string;
}

export const isSelf = (actor: Actor, person: PersonRef) => actor.personId === person.id;

/** Full phone and ID number: for whoever handles the person's unit (people.sensitive), and for the person. */
export const canViewSensitive = (actor: Actor, person: PersonRef) =>
  isSelf(actor, person) || can(actor, 'people.sensitive', person.unitPath);

export const canViewPerson = (actor: Actor, person: PersonRef) =>
  isSelf(actor, person) || can(actor, 'people.view', person.unitPath);

export const canUpdatePerson = (actor: Actor, person: PersonRef) => can(actor, 'people.manage', person.unitPath);

export const canCreatePersonIn = (actor: Actor, unitPath: string) => can(actor, 'people.manage', unitPath);

/** The sending side asks for a transfer: people.manage over the person's current unit, one request at a time. */
export const canRequestTransfer = (actor: Actor, person: PersonRef, hasPending: boolean) =>
  !hasPending && can(actor, 'people.manage', person.unitPath);

/** Only the receiving side decides: transfer.approve over the target unit. The sender cannot approve its own request. */
export const canDecideTransfer = (actor: Actor, transfer: TransferRef) =>
  transfer.status === 'pending' && can(actor, 'transfer.approve', transfer.toPath);

/** Who sees a transfer: the sender's managers (outgoing) and the receiver's approvers (incoming). */
export const canSeeTransfer = (actor: Actor, transfer: TransferRef) =>
  can(actor, 'people.manage', transfer.fromPath) || can(actor, 'transfer.approve', transfer.toPath);

export function personAbilities(actor: Actor, person: PersonRef & { pendingTransferId: number | null }) {
  return {
    update: canUpdatePerson(actor, person),
    transfer: canRequestTransfer(actor, person, person.pendingTransferId !== null),
    viewSensitive: canViewSensitive(actor, person),
  };
}

export function transferAbilities(actor: Actor, transfer: TransferRef) {
  const decide = canDecideTransfer(actor, transfer);
  return { approve: decide, reject: decide };
}

/** Phone and ID number as this viewer may see them. */
export function maskFor<T extends PersonRef & { phone: string | null; idNumber: string | null }>(
  actor: Actor,
  person: T,
) {
  if (canViewSensitive(actor, person)) return { ...person, masked: false };
  return { ...person, phone: maskPhone(person.phone), idNumber: maskIdNumber(person.idNumber), masked: true };
}

/**
 * Full-time Party/ideological workers still needed to reach the target. Computed by division (exact at the
 * boundary: 7/700 is the same double as 0.01) rather than by multiplying, which overshoots (700 × 0.01 > 7).
 */
export function staffingNeeded(fulltime: number, population: number): number {
  let needed = Math.ceil(population * STAFFING_TARGET);
  while (needed > 0 && (needed - 1) / population >= STAFFING_TARGET) needed--;
  return Math.max(0, needed - fulltime);
}
