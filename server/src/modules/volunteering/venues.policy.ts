import { type Actor, can } from '../../core/actor';

/** Venues belong to a unit; venue.manage there runs the venue, its duty roster and its service log. */
export interface VenueRef {
  ownerPath: string;
}
export const canManageVenue = (actor: Actor, v: VenueRef) => can(actor, 'venue.manage', v.ownerPath);

export const venueAbilities = (actor: Actor, v: VenueRef) => ({
  update: canManageVenue(actor, v),
  schedule: canManageVenue(actor, v),
  logService: canManageVenue(actor, v),
});

export interface DutyRef {
  personId: number;
  status: string;
  startsAt: string;
  endsAt: string;
  ownerPath: string;
}
/** The person on duty (or the venue's manager) may ask someone to take a duty that has not started. */
export const canRequestSwap = (actor: Actor, d: DutyRef, now: number) =>
  d.status === 'scheduled' &&
  Date.parse(d.startsAt) > now &&
  (d.personId === actor.personId || canManageVenue(actor, d));
/** A manager confirms a duty once it is over; the hours go to the ledger. */
export const canConfirmDuty = (actor: Actor, d: DutyRef, now: number) =>
  d.status === 'scheduled' && Date.parse(d.endsAt) <= now && canManageVenue(actor, d);

export const dutyAbilities = (actor: Actor, d: DutyRef, now: number) => ({
  swap: canRequestSwap(actor, d, now),
  confirm: canConfirmDuty(actor, d, now),
});
