import { formatMinutes, HOUR_CATEGORY_LABELS, type HourCategory } from '@pioneer/domain';
import { message } from 'antd';
import dayjs from 'dayjs';
import { ApiError, post } from '../../api';

/** Shapes of the volunteering API (server/src/modules/volunteering) as the pages use them. */
export interface Abilities {
  [name: string]: boolean;
}
export interface ActivitySummary {
  id: number;
  title: string;
  description: string;
  category: string;
  status: 'published' | 'closed' | 'cancelled';
  place: string;
  startsAt: string;
  endsAt: string;
  signupOpensAt: string;
  signupClosesAt: string;
  membersOnly: boolean;
  requiredSkill: string | null;
  unitId: number;
  unitName: string;
  audienceName: string;
  teamName: string | null;
  venueName: string | null;
  capacity: number;
  taken: number;
  abilities: Abilities;
}
export interface Shift {
  id: number;
  post: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  taken: number;
  waiting: number;
  mySignupId: number | null;
  myStatus: string | null;
  myCheckedInAt: string | null;
  myCheckedOutAt: string | null;
  /** 'none' | 'pending' | 'approved' | 'rejected': where a late or manual check-in stands with the organizer. */
  myCheckinReview: string | null;
  mySignupAbilities: Abilities | null;
  /** My place on this shift's waiting list (1 = next); 0 when I am not waiting. */
  myWaitingPosition: number;
}
export interface ActivityDetail extends ActivitySummary {
  shifts: Shift[];
  checkinRadiusM: number | null;
  latitude: number | null;
  longitude: number | null;
}
export interface RosterRow {
  id: number;
  personId: number;
  name: string;
  volunteerNo: string | null;
  post: string;
  status: string;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  checkinKind: string | null;
  checkinReview: string;
  reviewNote: string | null;
  attendance: string;
  creditedMinutes: number | null;
  abilities: Abilities;
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
export interface LedgerEntry {
  id: number;
  personId: number;
  personName?: string;
  volunteerNo?: string | null;
  kind: 'credit' | 'reversal';
  minutes: number;
  category: string;
  source: string;
  serviceStart: string;
  serviceEnd: string;
  serviceYear: number;
  basis: string;
  description: string;
  activityTitle: string | null;
  unitName: string;
  recordedByName: string;
  confirmedByName: string;
  recordedAt: string;
  reversesId: number | null;
  reversedBy: number | null;
  flags?: { code: string; reason: string }[];
  /** Where it stands in review of flagged hours (issue 16): only clean and accepted credits count. */
  reviewState?: 'clean' | 'pending' | 'accepted' | 'reversed' | 'reversal';
  decision?: 'accepted' | 'reversed' | null;
  decidedByName?: string | null;
  decidedAt?: string | null;
  decisionReason?: string | null;
  abilities?: Abilities;
}
export interface Certificate {
  id: number;
  serial: string;
  personName: string;
  volunteerNo: string;
  unitName: string;
  periodFrom: string;
  periodTo: string;
  totalMinutes: number;
  activityCount: number;
  responsibleName: string;
  handlerName: string;
  issuedAt: string;
  revokedAt: string | null;
  /** Flagged hours under review at issue, left out of the total (issue 16). */
  pendingMinutes?: number;
  pendingCount?: number;
  abilities: Abilities;
}

export const categoryLabel = (c: string) => HOUR_CATEGORY_LABELS[c as HourCategory] ?? c;
export const hours = (minutes: number) => formatMinutes(minutes);
export const when = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
export const timeRange = (a: string, b: string) =>
  dayjs(a).isSame(b, 'day')
    ? `${dayjs(a).format('YYYY-MM-DD HH:mm')}–${dayjs(b).format('HH:mm')}`
    : `${when(a)} 至 ${when(b)}`;

/** The server's message for a failed action (its Chinese text), shown as a toast. */
export function showError(err: unknown) {
  message.error(err instanceof ApiError ? err.message : String(err));
}

/** 关闭服务阵地 (the reason goes to the audit log). */
export const closeVenue = (venueId: number, reason: string) =>
  post<{ id: number; closedAt: string; cancelledDuties: number }>(`/api/volunteer/venues/${venueId}/close`, { reason });
/** 撤回换班申请, while the colleague has not answered. */
export const cancelSwap = (swapId: number) =>
  post<{ id: number; status: string }>(`/api/volunteer/swaps/${swapId}/cancel`);
/** 关闭社区服务岗位: no new claims, existing ones stay. */
export const closeCommunityPost = (postId: number) =>
  post<{ id: number; status: string }>(`/api/volunteer/community-posts/${postId}/close`);
