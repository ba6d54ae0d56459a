import { SIGNUP_REFUSALS } from '@pioneer/domain';
import { type Actor, can } from '../../core/actor';

/** Named, pure predicates for activities and sign-ups. Time is passed in, so rules are testable at any instant. */
export interface ActivityRef {
  orgPath: string;
  status: string;
  /** When its last shift ends; closing (结项) waits for it. */
  endsAt?: string;
}

export const canCreateActivityIn = (actor: Actor, unitPath: string) => can(actor, 'volunteer.manage', unitPath);
export const canManageActivity = (actor: Actor, a: ActivityRef) => can(actor, 'volunteer.manage', a.orgPath);
export const isOpen = (a: ActivityRef) => a.status === 'published';
/** 结项 settles attendance, so it waits until every shift has ended (before the start, cancel instead). */
export const hasEnded = (a: ActivityRef, now: number) => a.endsAt === undefined || Date.parse(a.endsAt) <= now;

export function activityAbilities(actor: Actor, a: ActivityRef, now = Date.now()) {
  const manage = canManageActivity(actor, a);
  return {
    manage,
    cancel: manage && isOpen(a),
    close: manage && isOpen(a) && hasEnded(a, now),
    showCode: manage && isOpen(a),
    review: manage && isOpen(a),
  };
}

export interface ShiftFacts {
  status: string;
  signupOpensAt: string;
  signupClosesAt: string;
  membersOnly: boolean;
  requiredSkill: string | null;
  audiencePath: string;
  shiftStart: string;
  capacity: number;
  taken: number;
}
export interface PersonFacts {
  registered: boolean;
  politicalStatus: string;
  skills: string[];
  unitPath: string;
}
export type RefusalCode = keyof typeof SIGNUP_REFUSALS;
export interface Refusal {
  code: RefusalCode;
  message: string;
  details: { reason?: string; waitlistAvailable?: boolean } | null;
}

const refuse = (code: RefusalCode, reason?: string, details: Refusal['details'] = null): Refusal => ({
  code,
  message: reason ? `${SIGNUP_REFUSALS[code]}：${reason}` : SIGNUP_REFUSALS[code],
  details: details ?? (reason ? { reason } : null),
});

/** A refusal by its name alone (named by volunteer_take_seat, or by the seat board); a full shift offers the waiting list. */
export const namedRefusal = (code: RefusalCode) =>
  refuse(code, undefined, code === 'SHIFT_FULL' ? { waitlistAvailable: true } : null);

export const isPartyMember = (status: string) => status === 'member' || status === 'probationary';

/** Why this person may not take a seat on this shift now, or null. The seat itself is won by a conditional UPDATE. */
export function signupRefusal(
  s: ShiftFacts,
  p: PersonFacts,
  now: number,
  o: { existing: boolean; overlaps: boolean; waitlist: boolean },
): Refusal | null {
  if (s.status !== 'published') return refuse('SIGNUP_CLOSED', '活动已结项或取消');
  if (now < Date.parse(s.signupOpensAt)) return refuse('SIGNUP_CLOSED', '报名尚未开始');
  if (now > Date.parse(s.signupClosesAt) || now >= Date.parse(s.shiftStart))
    return refuse('SIGNUP_CLOSED', '报名已截止');
  if (!p.registered) return refuse('NOT_ELIGIBLE', '请先注册为志愿者');
  if (!p.unitPath.startsWith(s.audiencePath)) return refuse('NOT_ELIGIBLE', '本活动只面向指定组织的人员');
  if (s.membersOnly && !isPartyMember(p.politicalStatus)) return refuse('NOT_ELIGIBLE', '本活动仅限党员报名');
  if (s.requiredSkill && !p.skills.includes(s.requiredSkill))
    return refuse('NOT_ELIGIBLE', `本岗位需要技能「${s.requiredSkill}」`);
  if (o.existing) return refuse('ALREADY_SIGNED_UP');
  if (o.overlaps) return refuse('OVERLAPPING_SHIFT');
  if (s.taken >= s.capacity && !o.waitlist) return namedRefusal('SHIFT_FULL');
  return null;
}

export interface SignupRef {
  personId: number;
  status: string;
  shiftStart: string;
  checkinReview: string;
}

/** A person cancels their own live sign-up until the shift starts; an organizer may cancel one any time before closing. */
export function canCancelSignup(actor: Actor, a: ActivityRef, s: SignupRef, now: number) {
  if (!isOpen(a) || (s.status !== 'confirmed' && s.status !== 'waiting')) return false;
  if (canManageActivity(actor, a)) return true;
  return s.personId === actor.personId && now < Date.parse(s.shiftStart);
}

export function signupAbilities(actor: Actor, a: ActivityRef, s: SignupRef, now: number) {
  const own = s.personId === actor.personId;
  return {
    cancel: canCancelSignup(actor, a, s, now),
    // 补签 is for a shift one attended: it makes no sense before the shift has begun.
    requestManual:
      own && isOpen(a) && s.status === 'confirmed' && s.checkinReview !== 'approved' && now >= Date.parse(s.shiftStart),
    review: canManageActivity(actor, a) && isOpen(a) && s.checkinReview === 'pending',
    record: canManageActivity(actor, a) && isOpen(a) && s.status === 'confirmed',
  };
}
