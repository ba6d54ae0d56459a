import { ROLE_PERMISSIONS, type RoleName } from '@pioneer/domain';
import type { Actor } from '../../core/actor';
import type { ReviewState } from './ledger.counted';

/**
 * Who decides a flagged hours entry (issue 16). Someone above the person who recorded it: a holder of
 * `volunteer.manage` through a grant on a unit strictly above the recorder's level — the highest unit where the
 * recorder managed volunteering over the entry's unit, or the entry's unit when the recorder held no such grant
 * (a community confirmation, a need's completion). At the top of the tree, where nobody is above, another
 * manager of the top unit decides. Never the recorder, never the volunteer; a system administrator is above all.
 */

/** A flagged entry still waiting this many days is shown as overdue in the review queue. */
export const REVIEW_OVERDUE_DAYS = 7;

/** The roles that may manage volunteering: a recorder's level comes from their grants in these roles. */
export const MANAGE_ROLES = (Object.keys(ROLE_PERMISSIONS) as RoleName[]).filter((r) =>
  ROLE_PERMISSIONS[r].includes('volunteer.manage'),
);

export interface ReviewRef {
  personId: number;
  recordedBy: number | null;
  unitPath: string;
  /** The recorder's level (see above); null when they held no grant over the entry's unit. */
  recorderLevel: string | null;
  state: ReviewState;
}

export interface Refusal {
  status: 403 | 409;
  code: string;
  message: string;
}

const parentPath = (path: string) => {
  const parts = path.split('/').filter(Boolean);
  return parts.length <= 1 ? null : `/${parts.slice(0, -1).join('/')}/`;
};

/** Holds volunteer.manage strictly above `level` (or on it, when `level` is the top of the tree). */
export function isAbove(actor: Actor, level: string) {
  if (actor.isSystemAdmin) return true;
  const top = parentPath(level) === null;
  return actor.grants.some(
    (g) =>
      ROLE_PERMISSIONS[g.role].includes('volunteer.manage') &&
      level.startsWith(g.unitPath) &&
      (g.unitPath.length < level.length || top),
  );
}

/** The unit whose managers are told about a new flag: the one above the recorder's level (or the top itself). */
export const reviewerUnitPath = (level: string) => parentPath(level) ?? level;

/** Why this actor may not decide this entry, or null. Out-of-scope entries never reach here (404 before). */
export function reviewRefusal(actor: Actor, e: ReviewRef): Refusal | null {
  if (e.state === 'reversed' || e.state === 'reversal') {
    return { status: 409, code: 'ALREADY_REVERSED', message: '该记录已被冲销，无需复核' };
  }
  if (e.state === 'clean') return { status: 409, code: 'NOT_FLAGGED', message: '该记录没有疑点，无需复核' };
  if (e.state === 'accepted') return { status: 409, code: 'ALREADY_DECIDED', message: '该记录已复核' };
  if (e.personId === actor.personId) {
    return { status: 403, code: 'OWN_HOURS', message: '不能复核自己的服务时长' };
  }
  if (e.recordedBy === actor.personId) {
    return { status: 403, code: 'RECORDER_CANNOT_REVIEW', message: '录入人不能复核自己录入的时长，须由上级组织复核' };
  }
  if (!isAbove(actor, e.recorderLevel ?? e.unitPath)) {
    return { status: 403, code: 'NOT_ABOVE_RECORDER', message: '只有录入人上级组织的志愿服务管理人员才能复核' };
  }
  return null;
}

export const reviewAbilities = (actor: Actor, e: ReviewRef) => {
  const ok = reviewRefusal(actor, e) === null;
  return { accept: ok, reverse: ok };
};

export const isOverdue = (flaggedAt: string, now: number) =>
  now - Date.parse(flaggedAt) > REVIEW_OVERDUE_DAYS * 86_400_000;
