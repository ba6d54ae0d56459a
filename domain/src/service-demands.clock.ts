import type { DemandState } from './service-demands.lifecycle';

/**
 * Time limits (时限) of a need, per category, in minutes: triage (from filing until it is published, rejected or
 * merged), claim (from publication until someone takes it up), completion (from being taken up until done).
 */
export interface TimeLimits {
  triageMinutes: number;
  claimMinutes: number;
  completeMinutes: number;
}

/** Limits for a need filed without a category (the public form allows it): triage sets the category. */
export const DEFAULT_TIME_LIMITS: TimeLimits = {
  triageMinutes: 2 * 24 * 60,
  claimMinutes: 3 * 24 * 60,
  completeMinutes: 7 * 24 * 60,
};

export const CLOCK_KINDS = ['triage', 'claim', 'complete'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];
export const CLOCK_LABELS: Record<ClockKind, string> = { triage: '分拣发布', claim: '认领', complete: '完成服务' };

export interface ClockTimes {
  submittedAt: string;
  /** When the need last came back for review (a poor rating): the triage clock restarts there. */
  reopenedAt?: string | null;
  publishedAt?: string | null;
  claimedAt?: string | null;
}

export interface Clock {
  kind: ClockKind;
  startedAt: string;
  dueAt: string;
}

const addMinutes = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

/** The clock running for a need in `state`, or null when no one is waited on (done, final, or with the requester). */
export function clockOf(state: DemandState, times: ClockTimes, limits: TimeLimits): Clock | null {
  const run = (kind: ClockKind, startedAt: string | null | undefined, minutes: number): Clock | null =>
    startedAt ? { kind, startedAt, dueAt: addMinutes(startedAt, minutes) } : null;
  switch (state) {
    case 'submitted':
    case 'triaged':
      return run('triage', times.submittedAt, limits.triageMinutes);
    case 'reopened':
      return run('triage', times.reopenedAt, limits.triageMinutes);
    case 'published':
      return run('claim', times.publishedAt, limits.claimMinutes);
    case 'claimed':
    case 'in_progress':
      return run('complete', times.claimedAt, limits.completeMinutes);
    default:
      return null;
  }
}

export const isOverdue = (clock: Clock | null, now: string) =>
  clock !== null && Date.parse(clock.dueAt) < Date.parse(now);

/** Whole minutes from `from` to `to` (never negative): the unit every duration is stored and shown in. */
export const elapsedMinutes = (from: string, to: string) =>
  Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60_000));

/** "2天3小时" style text for a number of minutes, for clocks and report figures. */
export function formatDuration(minutes: number): string {
  const m = Math.round(Math.abs(minutes));
  const days = Math.floor(m / 1440);
  const hours = Math.floor((m % 1440) / 60);
  const rest = m % 60;
  const parts = [days ? `${days}天` : '', hours ? `${hours}小时` : '', !days && rest ? `${rest}分钟` : ''].filter(
    Boolean,
  );
  return parts.join('') || '0分钟';
}
/** The English twin of formatDuration: "1 d 4 h", "23 h 55 min", "0 min". */
export function formatDurationEn(minutes: number): string {
  const m = Math.round(Math.abs(minutes));
  const days = Math.floor(m / 1440);
  const hours = Math.floor((m % 1440) / 60);
  const rest = m % 60;
  const parts = [days ? `${days} d` : '', hours ? `${hours} h` : '', !days && rest ? `${rest} min` : ''];
  return parts.filter(Boolean).join(' ') || '0 min';
}
