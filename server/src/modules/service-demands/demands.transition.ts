import {
  clockOf,
  DEFAULT_TIME_LIMITS,
  type DemandAction,
  type DemandState,
  type TimeLimits,
  transition,
} from '@pioneer/domain';
import type { Transaction, Updateable } from 'kysely';
import type { Actor } from '../../core/actor';
import { recordAudit } from '../../core/audit/audit';
import { conflict } from '../../core/errors';
import type { DB } from '../../db/types';
import type { DemandRow } from './demands.repository';
import type { DemandTable } from './service-demands.tables';

type Trx = Transaction<DB>;

/** Who did it, as the timeline shows it: a signed-in person, or a proof such as a tracking code. */
export interface By {
  actor: Actor | null;
  label?: string;
}
export const labelOf = (by: By) => by.label ?? (by.actor ? by.actor.name : '系统');

export const limitsOf = (row: {
  triageMinutes: number | null;
  claimMinutes: number | null;
  completeMinutes: number | null;
}): TimeLimits =>
  row.triageMinutes && row.claimMinutes && row.completeMinutes
    ? { triageMinutes: row.triageMinutes, claimMinutes: row.claimMinutes, completeMinutes: row.completeMinutes }
    : DEFAULT_TIME_LIMITS;

/** The timestamp each state is entered at. */
const STAMP: Partial<Record<DemandState, keyof DemandTable>> = {
  triaged: 'triaged_at',
  published: 'published_at',
  claimed: 'claimed_at',
  in_progress: 'started_at',
  completed: 'completed_at',
  rated: 'rated_at',
  reopened: 'rated_at',
  closed: 'closed_at',
  merged: 'closed_at',
  rejected: 'closed_at',
  withdrawn: 'closed_at',
  expired: 'closed_at',
};

export async function addEvent(
  trx: Trx,
  demandId: number,
  by: By,
  e: { action: string; from?: string | null; to?: string | null; note?: string; public?: boolean },
) {
  await trx
    .insertInto('demand_event')
    .values({
      demand_id: demandId,
      actor_person_id: by.actor?.personId ?? null,
      actor_label: labelOf(by),
      action: e.action,
      from_state: e.from ?? null,
      to_state: e.to ?? null,
      note: e.note ?? '',
      public: e.public ?? false,
    })
    .execute();
}

export interface TransitionOptions {
  patch?: Updateable<DemandTable>;
  note?: string;
  notePublic?: boolean;
  score?: number;
  /** Limits of a category set in this same step (triage); otherwise the need's own. */
  limits?: TimeLimits;
}

/** Refuses early (409, named reason) when the state machine forbids `action`, before any other check runs. */
export function ensure(row: Pick<DemandRow, 'state'>, action: DemandAction) {
  const result = transition(row.state as DemandState, action);
  if (!result.ok) throw conflict(result.code, result.message, { state: row.state, action });
}

/**
 * Moves a need along its lifecycle inside the caller's transaction: checks the state machine (409 with the named
 * reason), stamps the time, restarts the clock, writes the timeline event and the audit event. The update is
 * conditional on the state read, so two people acting at once cannot both succeed.
 */
export async function applyTransition(
  trx: Trx,
  by: By,
  row: DemandRow,
  action: DemandAction,
  opts: TransitionOptions = {},
) {
  const result = transition(row.state as DemandState, action, { score: opts.score });
  if (!result.ok) throw conflict(result.code, result.message, { state: row.state, action });
  const now = new Date().toISOString();
  const patch: Updateable<DemandTable> = {
    ...opts.patch,
    state: result.to,
    updated_at: now,
    overdue_notified_at: null,
  };
  const stamp = STAMP[result.to];
  if (stamp) (patch as Record<string, unknown>)[stamp] = now;
  if (patch.claim_unit_id !== undefined) patch.responsible_unit_id = patch.claim_unit_id ?? row.handlingUnitId;
  const clock = clockOf(
    result.to,
    {
      submittedAt: row.submittedAt,
      reopenedAt: result.to === 'reopened' ? now : row.ratedAt,
      publishedAt: result.to === 'published' ? now : row.publishedAt,
      claimedAt: result.to === 'claimed' ? now : row.claimedAt,
    },
    opts.limits ?? limitsOf(row),
  );
  patch.due_at = clock?.dueAt ?? null;
  const updated = await trx
    .updateTable('demand')
    .set(patch)
    .where('id', '=', row.id)
    .where('state', '=', row.state)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) throw conflict('STATE_CHANGED', '需求状态刚刚发生了变化，请刷新后重试');
  await addEvent(trx, row.id, by, {
    action,
    from: result.from,
    to: result.to,
    note: opts.note,
    public: opts.notePublic ?? true,
  });
  await recordAudit(trx, by.actor, {
    action: `demand.${action}`,
    entityType: 'demand',
    entityId: row.id,
    unitPath: row.responsiblePath,
    before: { state: row.state },
    after: { state: result.to, ...opts.patch },
    reason: opts.note || null,
  });
  return { from: result.from, to: result.to, dueAt: patch.due_at };
}
