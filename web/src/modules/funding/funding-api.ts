import { formatYuan } from '@pioneer/domain';

/** Shapes of the funding API (server/src/modules/funding), as the pages read them. */
export interface UnitFunds {
  id: number;
  name: string;
  path: string;
  pathNames: string;
  depth: number;
  type: string;
  parentId: number | null;
  receivedFen: number;
  allocatedFen: number;
  spentFen: number;
  pendingFen: number;
  balanceFen: number;
  subtreeSpentFen: number;
  executionRate: number | null;
  minimumFen: number | null;
  shortfallFen: number | null;
  staffMembers: number | null;
  studentMembers: number | null;
  abilities: { allocate: boolean; recordExpense: boolean };
}
export interface Overview {
  year: number;
  confirmed: boolean;
  items: UnitFunds[];
  reachedBranches: { fen: number; share: number | null };
}
export interface Compliance {
  year: number;
  confirmed: boolean;
  checked: number;
  met: number;
  short: {
    unitId: number;
    name: string;
    pathNames: string;
    minimumFen: number;
    receivedFen: number;
    shortfallFen: number;
  }[];
}
export interface Allocation {
  id: number;
  year: number;
  fromUnitId: number | null;
  fromName: string | null;
  toUnitId: number;
  toName: string;
  purpose: 'standard' | 'special';
  amountFen: number;
  allocatedOn: string;
  note: string;
  reversesId: number | null;
  reversedById: number | null;
  recordedByName: string | null;
  recordedAt: string;
  abilities: { reverse: boolean };
}
export interface Receipt {
  id: number;
  fileName: string;
  mime: string;
  bytes: number;
  sha256: string;
}
export interface Expense {
  id: number;
  year: number;
  unitId: number;
  unitName: string;
  unitPathNames: string;
  category: string;
  spentOn: string;
  amountFen: number;
  payee: string;
  description: string;
  linkTitle: string | null;
  needsApproval: boolean;
  reversesId: number | null;
  reversedById: number | null;
  reason: string | null;
  recordedByName: string | null;
  recordedAt: string;
  status: 'recorded' | 'pending' | 'approved' | 'rejected';
  decisionReason: string | null;
  decidedByName: string | null;
  receipts: Receipt[];
  abilities: { decide: boolean; reverse: boolean; addReceipt: boolean };
}
export interface Rule {
  year: number;
  staffRateFen: number;
  studentRateFen: number;
  specialFundFen: number;
  approvalThresholdFen: number;
  referenceDate: string;
  note: string;
  confirmedAt?: string | null;
  confirmedByName?: string | null;
}
export interface RuleOfYear {
  rule: Rule | null;
  proposal: Rule | null;
  root: { id: number; name: string };
  counts: {
    unitId: number;
    name: string;
    path: string;
    depth: number;
    staff: number;
    student: number;
    minimumFen: number;
  }[];
  abilities: { save: boolean; confirm: boolean };
}

export const yuan = formatYuan;
export const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
/** This year and the few before it, for the year pickers. */
export const yearOptions = () => {
  const now = new Date().getFullYear();
  return [now + 1, now, now - 1, now - 2].map((y) => ({ value: y, label: String(y) }));
};
export const thisYear = () => new Date().getFullYear();
