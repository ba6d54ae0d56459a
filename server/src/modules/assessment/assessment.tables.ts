import type { ColumnType, Generated } from 'kysely';
import type { Created } from '../../db/types';

/** Tables of the assessment module (Kysely types); the database interface in db/types.ts extends this. */
export interface AssessmentSystemTable {
  id: Generated<number>;
  owner_unit_id: number;
  year: number;
  unit_class: string;
  version: Generated<number>;
  reason: Generated<string>;
  copied_from: number | null;
  frozen_at: string | null;
  created_by: number | null;
  created_at: Created;
}
export interface AssessmentIndicatorTable {
  id: Generated<number>;
  system_id: number;
  parent_id: number | null;
  position: number;
  name: string;
  weight: number;
  method: 'computed' | 'assessed' | null;
  measure_key: string | null;
  rule: ColumnType<unknown, string | null | undefined, string | null>;
  criteria: Generated<string>;
  evidence_required: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface AssessmentTables {
  assessment_system: AssessmentSystemTable;
  assessment_indicator: AssessmentIndicatorTable;
}
