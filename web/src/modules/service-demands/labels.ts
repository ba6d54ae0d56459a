import {
  BOARD_STATUS_LABELS,
  CLOCK_LABELS,
  DEMAND_ACTION_LABELS,
  DEMAND_AUDIENCE_LABELS,
  DEMAND_CHANNEL_LABELS,
  DEMAND_STATE_LABELS,
  formatDuration,
  formatDurationEn,
} from '@pioneer/domain';
import { useCallback } from 'react';
import { useLocale } from '../../i18n';

/** English for the domain's Chinese labels (states, channels, audiences, actions); Chinese stays the source. */
const EN: Record<string, string> = {
  submitted: 'Submitted',
  triaged: 'Triaged',
  published: 'Published',
  claimed: 'Claimed',
  in_progress: 'In service',
  completed: 'Completed',
  rated: 'Rated',
  reopened: 'Under review',
  closed: 'Closed',
  merged: 'Merged',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  expired: 'Expired',
  staff: 'Staff need',
  student: 'Student need',
  society: 'Society need',
  officer: 'Entered by office',
  self: 'Self-filed',
  public: 'Public form',
  open311: 'Open311',
  contact_visit: 'Contact visit',
  open: 'Open to claim',
  in_service: 'In service',
  done: 'Done',
  triage: 'Triage',
  claim: 'Claim',
  complete: 'Completion',
  submit: 'Submitted',
  merge: 'Merge',
  reject: 'Reject',
  publish: 'Publish',
  assign: 'Assign',
  release: 'Release',
  start: 'Start',
  rate: 'Rate',
  withdraw: 'Withdraw',
  expire: 'Expire',
  close: 'Close',
  note: 'Note',
  members_assigned: 'Members assigned',
  overdue: 'Overdue',
  hours_skipped: 'Hours not credited (not registered volunteers)',
};
const ZH_EXTRA: Record<string, string> = {
  submit: '提交',
  note: '备注',
  members_assigned: '安排党员',
  overdue: '超时',
  hours_skipped: '未计入志愿时长（未注册志愿者）',
};

const STATE_COLORS: Record<string, string> = {
  submitted: 'gold',
  triaged: 'orange',
  published: 'blue',
  claimed: 'cyan',
  in_progress: 'geekblue',
  completed: 'green',
  rated: 'green',
  reopened: 'red',
  closed: 'default',
  merged: 'default',
  rejected: 'default',
  withdrawn: 'default',
  expired: 'default',
};
export const stateColor = (state: string) => STATE_COLORS[state] ?? 'default';

/** Labels in the current locale for the values the API sends as codes. */
export function useDemandLabels() {
  const { locale } = useLocale();
  const pick = useCallback(
    (zh: Record<string, string>, key: string) => (locale === 'en' ? (EN[key] ?? zh[key] ?? key) : (zh[key] ?? key)),
    [locale],
  );
  return {
    state: (s: string) => pick(DEMAND_STATE_LABELS, s),
    audience: (a: string) => pick(DEMAND_AUDIENCE_LABELS, a),
    channel: (c: string) => pick(DEMAND_CHANNEL_LABELS, c),
    boardStatus: (s: string) => pick(BOARD_STATUS_LABELS, s),
    clock: (c: string) => pick(CLOCK_LABELS, c),
    action: (a: string) => pick({ ...DEMAND_ACTION_LABELS, ...ZH_EXTRA }, a),
    /** A time limit or a duration in minutes, e.g. 「1天4小时」 / "1 d 4 h". */
    duration: (minutes: number) => (locale === 'en' ? formatDurationEn(minutes) : formatDuration(minutes)),
  };
}
