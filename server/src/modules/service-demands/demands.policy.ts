import {
  canTransition,
  type DemandAction,
  type DemandAudience,
  type DemandState,
  type Permission,
  ROLE_PERMISSIONS,
  TRIAGE_PERMISSION,
} from '@pioneer/domain';
import { type Actor, can } from '../../core/actor';

/**
 * Named, pure predicates for service demands. A demand touches up to three units: the handling unit (where it
 * was triaged to), the claiming unit (the branch serving it) and the origin unit (the requester's own unit).
 * A grant on a unit covers its subtree.
 */
export interface DemandRef {
  state: DemandState;
  audience: DemandAudience;
  handlingPath: string;
  claimPath: string | null;
  originPath: string | null;
  claimPersonId: number | null;
  requesterPersonId: number | null;
  enteredBy: number | null;
  assigneeIds: readonly number[];
}

const grantPaths = (actor: Actor, permission: Permission) =>
  actor.grants.filter((g) => ROLE_PERMISSIONS[g.role].includes(permission)).map((g) => g.unitPath);

const unitPaths = (d: DemandRef) => [d.handlingPath, d.claimPath, d.originPath].filter((p): p is string => p !== null);

/** Handles or oversees the need: sees the requester's contact details and the internal notes. */
export const oversees = (actor: Actor, d: DemandRef) => unitPaths(d).some((p) => can(actor, 'demand.view', p));

export const isRequester = (actor: Actor, d: DemandRef) =>
  d.requesterPersonId === actor.personId || d.enteredBy === actor.personId;

export const isServing = (actor: Actor, d: DemandRef) =>
  d.claimPersonId === actor.personId || d.assigneeIds.includes(actor.personId);

export const canSeeRequester = (actor: Actor, d: DemandRef) =>
  oversees(actor, d) || isServing(actor, d) || isRequester(actor, d);

/** The office of the need's audience (union, student affairs, local cooperation) over the handling unit. */
export const canTriage = (actor: Actor, d: Pick<DemandRef, 'audience' | 'handlingPath'>) =>
  can(actor, TRIAGE_PERMISSION[d.audience], d.handlingPath);

/** The organization department allocates needs to units (统筹调配). */
export const canAssign = (actor: Actor, d: Pick<DemandRef, 'handlingPath'>) =>
  can(actor, 'demand.assign', d.handlingPath);

/** A unit may take up a need published to it: the unit lies within the handling unit's subtree. */
export const canClaimForUnit = (actor: Actor, d: Pick<DemandRef, 'handlingPath'>, unitPath: string) =>
  unitPath.startsWith(d.handlingPath) && can(actor, 'demand.claim', unitPath);

/** Some unit the actor leads could take the need up (a secretary above the handling unit claims for it). */
export const canClaimForSomeUnit = (actor: Actor, d: Pick<DemandRef, 'handlingPath'>) =>
  grantPaths(actor, 'demand.claim').some((p) => p.startsWith(d.handlingPath) || d.handlingPath.startsWith(p)) ||
  actor.isSystemAdmin;

/** A member takes a need up personally when their own unit lies within the handling unit's subtree. */
export const canClaimAsMember = (actor: Actor, d: Pick<DemandRef, 'handlingPath'>) =>
  grantPaths(actor, 'demand.serve').some((p) => p.startsWith(d.handlingPath));

/** Runs the claimed service: the claiming unit's secretaries, the member who claimed it, or the org dept. */
export const canManageService = (actor: Actor, d: DemandRef) =>
  (d.claimPath !== null && can(actor, 'demand.claim', d.claimPath)) ||
  (d.claimPersonId !== null && d.claimPersonId === actor.personId) ||
  canAssign(actor, d);

/** Starting and completing is also open to the members assigned to serve. */
export const canServe = (actor: Actor, d: DemandRef) =>
  canManageService(actor, d) || d.assigneeIds.includes(actor.personId);

/** Through an account, only the requester rates (the officer who filed for them passes on the signed link). */
export const canRateAsAccount = (actor: Actor, d: DemandRef) => d.requesterPersonId === actor.personId;

/**
 * The signed rating link is for those who handle or serve the need (or entered it for someone) to pass on to
 * the requester; the requester with an account rates on the page itself and is not shown a link "to pass on".
 */
export const canPassRatingLink = (actor: Actor, d: DemandRef) =>
  d.requesterPersonId !== actor.personId &&
  (oversees(actor, d) || isServing(actor, d) || d.enteredBy === actor.personId);

export const canWithdraw = (actor: Actor, d: DemandRef) => isRequester(actor, d) || canTriage(actor, d);

export const canClose = (actor: Actor, d: DemandRef) => canTriage(actor, d) || canAssign(actor, d);

export const canAddNote = (actor: Actor, d: DemandRef) => oversees(actor, d) || canServe(actor, d);

/** What the actor may do to the need now: the rule for who, and the state machine for when. */
export function demandAbilities(actor: Actor, d: DemandRef) {
  const when = (action: DemandAction, who: boolean) => who && canTransition(d.state, action);
  const triage = canTriage(actor, d);
  return {
    triage: when('triage', triage),
    merge: when('merge', triage),
    reject: when('reject', triage),
    publish: when('publish', triage),
    claim: when('claim', canClaimForSomeUnit(actor, d)),
    claimAsMember: when('claim', canClaimAsMember(actor, d)),
    assign: when('assign', canAssign(actor, d)),
    release: when('release', canManageService(actor, d)),
    assignMembers: (d.state === 'claimed' || d.state === 'in_progress') && canManageService(actor, d),
    start: when('start', canServe(actor, d)),
    complete: when('complete', canServe(actor, d)),
    rate: when('rate', canRateAsAccount(actor, d)),
    withdraw: when('withdraw', canWithdraw(actor, d)),
    close: when('close', canClose(actor, d)),
    note: canAddNote(actor, d),
    seeRequester: canSeeRequester(actor, d),
    // Before a claim, whoever could take it up sees the ranking; after, only those overseeing it (the claiming
    // unit included): another branch's members are no business of a branch that did not claim.
    matches: oversees(actor, d) || (d.claimPath === null && d.claimPersonId === null && canClaimForSomeUnit(actor, d)),
  };
}
export type DemandAbilities = ReturnType<typeof demandAbilities>;

/** Category data is set by the organization department for the unit that will handle the needs. */
export const canManageCategory = (actor: Actor, unitPath: string) => can(actor, 'demand.category.manage', unitPath);

/** Every ancestor-or-self path of `path`: '/1/5/' → ['/1/', '/1/5/']. */
export function ancestorPaths(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
}

/** Handling units whose published needs the actor could take up: above or at a unit they lead or belong to. */
export function openNeedPaths(actor: Actor): string[] {
  const own = [...grantPaths(actor, 'demand.claim'), ...grantPaths(actor, 'demand.serve')];
  return [...new Set(own.flatMap(ancestorPaths))];
}
