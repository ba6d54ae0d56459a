/**
 * The lifecycle of a service demand (服务需求, DOMAIN.md §3) as a pure transition table.
 * Every refused transition names its reason, so the server can answer 409 with a code the client can act on.
 */
export const DEMAND_STATES = [
  'submitted',
  'triaged',
  'published',
  'claimed',
  'in_progress',
  'completed',
  'rated',
  'reopened',
  'closed',
  'merged',
  'rejected',
  'withdrawn',
  'expired',
] as const;
export type DemandState = (typeof DEMAND_STATES)[number];

export const DEMAND_STATE_LABELS: Record<DemandState, string> = {
  submitted: '待分拣',
  triaged: '已分拣',
  published: '已发布',
  claimed: '已认领',
  in_progress: '服务中',
  completed: '已完成',
  rated: '已评价',
  reopened: '待复核',
  closed: '已办结',
  merged: '已合并',
  rejected: '不予受理',
  withdrawn: '已撤回',
  expired: '已过期',
};

/** States from which nothing moves on. */
export const FINAL_STATES: readonly DemandState[] = ['closed', 'merged', 'rejected', 'withdrawn', 'expired'];
/** States a need is "being worked on" in: it counts toward a unit's or member's open load. */
export const ACTIVE_STATES: readonly DemandState[] = ['claimed', 'in_progress'];
/** States shown on the public board. */
export const BOARD_STATES: readonly DemandState[] = [
  'published',
  'claimed',
  'in_progress',
  'completed',
  'rated',
  'closed',
];
/** States in which the service has been done (the result is known). */
export const DONE_STATES: readonly DemandState[] = ['completed', 'rated', 'closed'];

export const DEMAND_ACTIONS = [
  'triage',
  'merge',
  'reject',
  'publish',
  'claim',
  'assign',
  'release',
  'start',
  'complete',
  'rate',
  'withdraw',
  'expire',
  'close',
] as const;
export type DemandAction = (typeof DEMAND_ACTIONS)[number];

export const DEMAND_ACTION_LABELS: Record<DemandAction, string> = {
  triage: '分拣归类',
  merge: '合并为重复需求',
  reject: '不予受理',
  publish: '发布',
  claim: '认领',
  assign: '组织部指派',
  release: '退回认领',
  start: '开始服务',
  complete: '完成服务',
  rate: '评价',
  withdraw: '撤回',
  expire: '过期',
  close: '办结',
};

/** A rating at or below this reopens the need for review (seed: 群众满意 is the root measure). */
export const POOR_RATING_MAX = 2;

export const REFUSAL_REASONS = {
  DEMAND_FINISHED: '该需求已结束，不能再办理',
  NOT_TRIAGED: '该需求尚未分拣归类',
  ALREADY_TRIAGED: '该需求已分拣归类',
  ALREADY_PUBLISHED: '该需求已发布，不能再合并或退回',
  NOT_PUBLISHED: '该需求尚未发布，不能认领',
  ALREADY_CLAIMED: '该需求已被认领',
  NOT_CLAIMED: '该需求尚未被认领',
  NOT_STARTED: '服务尚未开始，请先开始服务',
  ALREADY_STARTED: '服务已经开始',
  NOT_COMPLETED: '服务尚未完成',
  ALREADY_COMPLETED: '服务已经完成',
  ALREADY_RATED: '该需求已评价',
} as const;
export type RefusalReason = keyof typeof REFUSAL_REASONS;

interface Rule {
  from: readonly DemandState[];
  to: DemandState;
  /** Why the action is refused in a non-final state it does not start from. */
  refuse: (state: DemandState) => RefusalReason;
}

const beforeTriage = (s: DemandState) => s === 'submitted';
const claimedOrLater = (s: DemandState) => ['claimed', 'in_progress', 'completed', 'rated'].includes(s);
const doneOrLater = (s: DemandState) => ['completed', 'rated'].includes(s);

export const TRANSITIONS: Record<DemandAction, Rule> = {
  triage: { from: ['submitted', 'reopened'], to: 'triaged', refuse: () => 'ALREADY_TRIAGED' },
  merge: {
    from: ['submitted', 'triaged'],
    to: 'merged',
    refuse: (s) => (claimedOrLater(s) ? 'ALREADY_CLAIMED' : 'ALREADY_PUBLISHED'),
  },
  reject: {
    from: ['submitted', 'triaged'],
    to: 'rejected',
    refuse: (s) => (claimedOrLater(s) ? 'ALREADY_CLAIMED' : 'ALREADY_PUBLISHED'),
  },
  publish: {
    from: ['triaged', 'reopened'],
    to: 'published',
    refuse: (s) => (beforeTriage(s) ? 'NOT_TRIAGED' : claimedOrLater(s) ? 'ALREADY_CLAIMED' : 'ALREADY_PUBLISHED'),
  },
  claim: {
    from: ['published'],
    to: 'claimed',
    refuse: (s) => (claimedOrLater(s) ? 'ALREADY_CLAIMED' : 'NOT_PUBLISHED'),
  },
  assign: {
    from: ['triaged', 'published', 'reopened'],
    to: 'claimed',
    refuse: (s) => (beforeTriage(s) ? 'NOT_TRIAGED' : 'ALREADY_CLAIMED'),
  },
  release: {
    from: ['claimed'],
    to: 'published',
    refuse: (s) => (s === 'in_progress' ? 'ALREADY_STARTED' : doneOrLater(s) ? 'ALREADY_COMPLETED' : 'NOT_CLAIMED'),
  },
  start: {
    from: ['claimed'],
    to: 'in_progress',
    refuse: (s) => (s === 'in_progress' ? 'ALREADY_STARTED' : doneOrLater(s) ? 'ALREADY_COMPLETED' : 'NOT_CLAIMED'),
  },
  complete: {
    from: ['in_progress'],
    to: 'completed',
    refuse: (s) => (s === 'claimed' ? 'NOT_STARTED' : doneOrLater(s) ? 'ALREADY_COMPLETED' : 'NOT_CLAIMED'),
  },
  rate: {
    from: ['completed'],
    to: 'rated',
    refuse: (s) => (s === 'rated' || s === 'reopened' ? 'ALREADY_RATED' : 'NOT_COMPLETED'),
  },
  withdraw: {
    from: ['submitted', 'triaged', 'published', 'claimed', 'reopened'],
    to: 'withdrawn',
    refuse: (s) => (s === 'in_progress' ? 'ALREADY_STARTED' : 'ALREADY_COMPLETED'),
  },
  expire: {
    from: ['submitted', 'triaged', 'published'],
    to: 'expired',
    refuse: (s) => (doneOrLater(s) || s === 'reopened' ? 'ALREADY_COMPLETED' : 'ALREADY_CLAIMED'),
  },
  close: { from: ['completed', 'rated', 'reopened'], to: 'closed', refuse: () => 'NOT_COMPLETED' },
};

export type TransitionResult =
  | { ok: true; from: DemandState; to: DemandState }
  | { ok: false; from: DemandState; code: RefusalReason; message: string };

/**
 * Where `action` takes a need in `state`. A rating of POOR_RATING_MAX or less sends a completed need to
 * `reopened` (review) instead of `rated`.
 */
export function transition(state: DemandState, action: DemandAction, opts: { score?: number } = {}): TransitionResult {
  const rule = TRANSITIONS[action];
  if (rule.from.includes(state)) {
    const to = action === 'rate' && (opts.score ?? 5) <= POOR_RATING_MAX ? 'reopened' : rule.to;
    return { ok: true, from: state, to };
  }
  const code: RefusalReason = FINAL_STATES.includes(state) ? 'DEMAND_FINISHED' : rule.refuse(state);
  return { ok: false, from: state, code, message: REFUSAL_REASONS[code] };
}

export const canTransition = (state: DemandState, action: DemandAction) => TRANSITIONS[action].from.includes(state);
