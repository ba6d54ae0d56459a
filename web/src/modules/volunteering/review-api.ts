import { post } from '../../api';
import type { Abilities } from './vol-api';

/** Shapes and calls of the review of flagged hours (server: review.routes.ts, certificates.routes.ts). */
export type ReviewState = 'clean' | 'pending' | 'accepted' | 'reversed' | 'reversal';
export interface Flag {
  code: string;
  reason: string;
}
export interface CheckinEvidence {
  post: string;
  shiftStart: string;
  shiftEnd: string;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  checkinKind: string | null;
  checkinReview: string;
  attendance: string;
}
export interface FlaggedEntry {
  id: number;
  personId: number;
  personName: string;
  volunteerNo: string | null;
  minutes: number;
  category: string;
  source: string;
  sourceId: number | null;
  activityId: number | null;
  unitName: string;
  serviceStart: string;
  serviceEnd: string;
  basis: string;
  description: string;
  recordedByName: string;
  recordedAt: string;
  activityTitle: string | null;
  activityStart: string | null;
  activityEnd: string | null;
  flags: Flag[];
  flaggedAt: string;
  decision: 'accepted' | 'reversed' | null;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  state: ReviewState;
  overdue: boolean;
  checkins: CheckinEvidence[];
  abilities: Abilities;
}
export interface ReviewQueue {
  items: FlaggedEntry[];
  total: number;
  overdueDays: number;
  flagLabels: Record<string, string>;
}
export interface BatchResult {
  done: { id: number; decision: string }[];
  refused: { id: number; code: string; message: string }[];
}

export const FLAG_CODES = ['LATE_ENTRY', 'EXCEEDS_DURATION', 'OVERLAPPING', 'BULK_ENTRY'] as const;
export const FLAG_EN: Record<string, string> = {
  LATE_ENTRY: 'Entered late',
  EXCEEDS_DURATION: 'More than the service lasted',
  OVERLAPPING: 'Overlapping',
  BULK_ENTRY: 'Bulk entry',
};
export const FLAG_ZH: Record<string, string> = {
  LATE_ENTRY: '补录过晚',
  EXCEEDS_DURATION: '超过服务时长',
  OVERLAPPING: '时间重叠',
  BULK_ENTRY: '集中录入',
};

export const decideBatch = (ids: number[], decision: 'accept' | 'reverse', reason: string) =>
  post<BatchResult>('/api/volunteer/hours-review/batch', { ids, decision, reason });
