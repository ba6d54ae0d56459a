import {
  clockOf,
  DEMAND_AUDIENCE_LABELS,
  DEMAND_CHANNEL_LABELS,
  DEMAND_STATE_LABELS,
  type DemandAudience,
  type DemandChannel,
  type DemandState,
  isOverdue,
} from '@pioneer/domain';
import type { Actor } from '../../core/actor';
import { demandAbilities } from './demands.policy';
import { type DemandRow, toRef } from './demands.repository';
import { limitsOf } from './demands.transition';

/** The clock a need runs now, with whether it is overdue (computed, never stored stale). */
export function clockFor(row: DemandRow, now = new Date().toISOString()) {
  const clock = clockOf(
    row.state as DemandState,
    { submittedAt: row.submittedAt, reopenedAt: row.ratedAt, publishedAt: row.publishedAt, claimedAt: row.claimedAt },
    limitsOf(row),
  );
  return clock ? { ...clock, overdue: isOverdue(clock, now) } : null;
}

const maskPhone = (phone: string | null) => (phone ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : null);

/** A need as a signed-in person sees it: requester contact details only for those who handle or serve it. */
export function presentDemand(row: DemandRow, actor: Actor) {
  const abilities = demandAbilities(actor, toRef(row));
  const seeRequester = abilities.seeRequester;
  return {
    id: row.id,
    trackingCode: seeRequester ? row.trackingCode : null,
    title: row.title,
    description: row.description,
    audience: row.audience,
    audienceLabel: DEMAND_AUDIENCE_LABELS[row.audience as DemandAudience],
    channel: row.channel,
    channelLabel: DEMAND_CHANNEL_LABELS[row.channel as DemandChannel],
    state: row.state,
    stateLabel: DEMAND_STATE_LABELS[row.state as DemandState],
    round: row.round,
    category: row.categoryId
      ? { id: row.categoryId, name: row.categoryName, group: row.categoryGroup, requiredSkills: row.requiredSkills }
      : null,
    handlingUnit: { id: row.handlingUnitId, name: row.handlingUnitName },
    responsibleUnit: { id: row.responsibleUnitId, name: row.responsibleUnitName },
    // The requester's own unit (a member's branch); null for people from outside the school.
    originUnit: row.originUnitId ? { id: row.originUnitId, name: row.originUnitName ?? '' } : null,
    claim:
      row.claimUnitId || row.claimPersonId
        ? {
            unitId: row.claimUnitId,
            unitName: row.claimUnitName,
            team: row.claimTeam,
            teamId: row.claimTeamId,
            personId: row.claimPersonId,
            personName: row.claimPersonName,
          }
        : null,
    requester: seeRequester
      ? {
          personId: row.requesterPersonId,
          name: row.requesterName,
          phone: row.requesterPhone,
          email: row.requesterEmail,
          address: row.requesterAddress,
          enteredBy: row.enteredBy,
        }
      : {
          personId: null,
          name: row.requesterName ? `${row.requesterName.slice(0, 1)}**` : '',
          phone: maskPhone(row.requesterPhone),
          email: null,
          address: '',
          enteredBy: null,
        },
    campus: row.campus,
    location: row.location,
    neededOn: row.neededOn,
    duplicateOf: row.duplicateOf,
    result: row.result,
    minutesTotal: row.minutesTotal,
    lastRatingScore: row.lastRatingScore,
    assigneeIds: row.assigneeIds,
    clock: clockFor(row),
    submittedAt: row.submittedAt,
    triagedAt: row.triagedAt,
    publishedAt: row.publishedAt,
    claimedAt: row.claimedAt,
    startedAt: row.startedAt,
    completedAt: row.completedAt,
    ratedAt: row.ratedAt,
    closedAt: row.closedAt,
    updatedAt: row.updatedAt,
    abilities,
  };
}

/** What anyone holding the tracking code (or a signed link) sees: their own need, public notes only. */
export function presentForRequester(row: DemandRow) {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    state: row.state,
    stateLabel: DEMAND_STATE_LABELS[row.state as DemandState],
    category: row.categoryName,
    location: row.location,
    handlingUnit: row.handlingUnitName,
    claimUnit: row.claimUnitName,
    claimTeam: row.claimTeam,
    result: row.result,
    minutesTotal: row.minutesTotal,
    submittedAt: row.submittedAt,
    publishedAt: row.publishedAt,
    claimedAt: row.claimedAt,
    completedAt: row.completedAt,
    lastRatingScore: row.lastRatingScore,
    canRate: row.state === 'completed',
    expectedAt: clockFor(row)?.dueAt ?? null,
  };
}
