/** Types of the assessment module's API (server/src/modules/assessment/). */
export type UnitClass = 'general_branch' | 'staff_branch' | 'student_branch' | 'direct_branch';
export type ScoringRule =
  | { kind: 'linear'; low: number; high: number }
  | { kind: 'target'; target: number }
  | { kind: 'rank' };

export interface IndicatorItem {
  id?: number;
  name: string;
  weight: number;
  method: 'computed' | 'assessed';
  measureKey?: string | null;
  measureName?: string | null;
  rule?: ScoringRule | null;
  criteria: string;
  evidenceRequired: boolean;
}
export interface IndicatorGroup {
  id?: number;
  name: string;
  weight: number;
  children: IndicatorItem[];
}
export interface SystemSummary {
  id: number;
  year: number;
  unitClass: UnitClass;
  version: number;
  reason: string;
  frozenAt: string | null;
  ownerUnitId: number;
  ownerName: string;
  /** manage: edit this (unfrozen) system; newVersion: it is frozen and the person may start a new version. */
  abilities: { manage: boolean; newVersion: boolean };
}
export interface SystemDetail extends SystemSummary {
  groups: IndicatorGroup[];
}

export const sumOf = (xs: { weight: number }[]) => xs.reduce((a, x) => a + (Number(x.weight) || 0), 0);
