import { type Actor, can } from '../../core/actor';

/** Venues belong to a unit; venue.manage there runs the venue, its duty roster and its service log. */
export interface VenueRef {
  ownerPath: string;
}
export const canManageVenue = (actor: Actor, v: VenueRef) => can(actor, 'venue.manage', v.ownerPath);

/** A closed venue keeps its history (duties, service log) but takes no edits, duties or services. */
export interface VenueState extends VenueRef {
  closedAt: string | null;
}
export const canChangeVenue = (actor: Actor, v: VenueState) => v.closedAt === null && canManageVenue(actor, v);
export const canCloseVenue = canChangeVenue;

export const venueAbilities = (actor: Actor, v: VenueState) => ({
  update: canChangeVenue(actor, v),
  schedule: canChangeVenue(actor, v),
  logService: canChangeVenue(actor, v),
  close: canCloseVenue(actor, v),
});

export interface DutyRef {
  personId: number;
  status: string;
  startsAt: string;
  endsAt: string;
  ownerPath: string;
  /** The duty's pending swap request, if any. */
  pendingSwapId?: number | null;
}
/** The person on duty (or the venue's manager) may ask someone to take a duty that has not started. */
export const canRequestSwap = (actor: Actor, d: DutyRef, now: number) =>
  d.status === 'scheduled' &&
  Date.parse(d.startsAt) > now &&
  (d.personId === actor.personId || canManageVenue(actor, d));
/** A manager confirms a duty once it is over; the hours go to the ledger. */
export const canConfirmDuty = (actor: Actor, d: DutyRef, now: number) =>
  d.status === 'scheduled' && Date.parse(d.endsAt) <= now && canManageVenue(actor, d);

/** 撤回换班: only the person who asked (the one on duty), and only while the colleague has not answered. */
export interface SwapRef {
  fromPersonId: number;
  status: string;
}
export const canCancelSwap = (actor: Actor, s: SwapRef) => s.status === 'pending' && s.fromPersonId === actor.personId;

export const dutyAbilities = (actor: Actor, d: DutyRef, now: number) => ({
  swap: canRequestSwap(actor, d, now) && !d.pendingSwapId,
  confirm: canConfirmDuty(actor, d, now),
  cancelSwap: Boolean(d.pendingSwapId) && canCancelSwap(actor, { fromPersonId: d.personId, status: 'pending' }),
});
