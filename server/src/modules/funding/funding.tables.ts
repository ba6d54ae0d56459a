import type { ColumnType, Generated } from 'kysely';
import type { Created } from '../../db/types';

/** Tables of 经费保障 (migration 0660_funding); the database interface in db/types.ts extends this. */
export interface FundingRuleTable {
  year: number;
  staff_rate_fen: number;
  student_rate_fen: number;
  special_fund_fen: number;
  approval_threshold_fen: number;
  reference_date: string;
  note: Generated<string>;
  updated_by: number | null;
  updated_at: ColumnType<string, string | undefined, string>;
  confirmed_by: number | null;
  confirmed_at: string | null;
}
export interface FundingRuleCountTable {
  year: number;
  unit_id: number;
  staff_members: number;
  student_members: number;
  minimum_fen: number;
  counted_at: Created;
}
export interface FundingAllocationTable {
  id: Generated<number>;
  year: number;
  /** null: the school's yearly budget entering the tree at the committee. */
  from_unit_id: number | null;
  to_unit_id: number;
  purpose: 'standard' | 'special';
  amount_fen: number;
  allocated_on: string;
  note: Generated<string>;
  reverses_id: number | null;
  recorded_by: number | null;
  recorded_at: Created;
}
export interface FundingExpenseTable {
  id: Generated<number>;
  year: number;
  unit_id: number;
  category: string;
  spent_on: string;
  amount_fen: number;
  payee: string;
  description: string;
  activity_id: number | null;
  demand_id: number | null;
  training_id: number | null;
  link_title: string | null;
  needs_approval: boolean;
  reverses_id: number | null;
  reason: string | null;
  recorded_by: number;
  recorded_at: Created;
}
export interface FundingExpenseDecisionTable {
  expense_id: number;
  decision: 'approved' | 'rejected';
  reason: Generated<string>;
  decided_by: number;
  decided_at: Created;
}
export interface FundingReceiptTable {
  id: Generated<number>;
  expense_id: number;
  file_name: string;
  mime: string;
  bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_by: number;
  uploaded_at: Created;
}

export interface FundingTables {
  funding_rule: FundingRuleTable;
  funding_rule_count: FundingRuleCountTable;
  funding_allocation: FundingAllocationTable;
  funding_expense: FundingExpenseTable;
  funding_expense_decision: FundingExpenseDecisionTable;
  funding_receipt: FundingReceiptTable;
}
