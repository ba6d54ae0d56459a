import { type Actor, can } from '../../core/actor';

/**
 * A community service post belongs to its community (a partner); whoever manages volunteering over the partner's
 * owner unit enters it (see createPost) and so may close it.
 */
export interface PostRef {
  partnerId: number;
  ownerPath: string;
  status: string;
  endsOn: string;
  slots: number;
  taken: number;
}
export const canManagePost = (actor: Actor, p: PostRef) => can(actor, 'volunteer.manage', p.ownerPath);
/** Open for claims: not closed by its manager and not past its last day (`today` as YYYY-MM-DD). */
export const isPostOpen = (p: PostRef, today: string) => p.status === 'open' && p.endsOn >= today;
export const canClosePost = (actor: Actor, p: PostRef) => p.status === 'open' && canManagePost(actor, p);
/** A member reported to the post's community claims a free slot of an open post. */
export const canClaimPost = (p: PostRef, reportedPartnerId: number | null, today: string) =>
  isPostOpen(p, today) && p.taken < p.slots && reportedPartnerId === p.partnerId;

export const postAbilities = (actor: Actor, p: PostRef, reportedPartnerId: number | null, today: string) => ({
  claim: canClaimPost(p, reportedPartnerId, today),
  close: canClosePost(actor, p),
});
