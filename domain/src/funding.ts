import { z } from 'zod';

/**
 * 经费保障 (seed 三(六)4, 四(二); DOMAIN.md §8): the year's rules (per-member minimums, the special fund for
 * service-oriented building, the approval threshold), allocations down the tree, expenses with receipts.
 * Money is always integer fen (1 yuan = 100 fen).
 */
export const EXPENSE_CATEGORIES = ['activity', 'training', 'venue', 'publicity', 'care', 'research', 'other'] as const;
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];
export const EXPENSE_CATEGORY_LABELS: Record<ExpenseCategory, string> = {
  activity: '组织活动',
  training: '教育培训',
  venue: '阵地建设',
  publicity: '宣传资料',
  care: '关怀慰问',
  research: '调查研究',
  other: '其他',
};
export const EXPENSE_CATEGORY_LABELS_EN: Record<ExpenseCategory, string> = {
  activity: 'Activities',
  training: 'Training',
  venue: 'Venues',
  publicity: 'Publicity',
  care: 'Care visits',
  research: 'Research',
  other: 'Other',
};

/** What an allocation is for: the per-member activity funds, or the special fund for service-oriented building. */
export const ALLOCATION_PURPOSES = ['standard', 'special'] as const;
export type AllocationPurpose = (typeof ALLOCATION_PURPOSES)[number];
export const ALLOCATION_PURPOSE_LABELS: Record<AllocationPurpose, string> = {
  standard: '党建活动经费',
  special: '服务型党组织建设专项',
};
export const ALLOCATION_PURPOSE_LABELS_EN: Record<AllocationPurpose, string> = {
  standard: 'Party activity funds',
  special: 'Special fund for service-oriented building',
};

/** An expense's standing: recorded (under the threshold), pending / approved / rejected by the level above. */
export const EXPENSE_STATUSES = ['recorded', 'pending', 'approved', 'rejected'] as const;
export type ExpenseStatus = (typeof EXPENSE_STATUSES)[number];
export const EXPENSE_STATUS_LABELS: Record<ExpenseStatus, string> = {
  recorded: '已入账',
  pending: '待上级审批',
  approved: '上级已批准',
  rejected: '上级未批准',
};

/** The seed's minimums: 200 yuan per staff Party member, 100 yuan per student Party member, each year. */
export const DEFAULT_FUNDING_RULE = {
  staffRateFen: 20_000,
  studentRateFen: 10_000,
  specialFundFen: 0,
  approvalThresholdFen: 200_000,
} as const;

/** The minimum a unit must receive: members (incl. probationary) of its subtree times the year's rates. */
export const minimumFen = (
  counts: { staff: number; student: number },
  rule: { staffRateFen: number; studentRateFen: number },
) => counts.staff * rule.staffRateFen + counts.student * rule.studentRateFen;

/** ¥1,234.50 from 123450 fen; negative amounts keep their sign. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const id = z.number().int().positive();
/** Up to 20 million yuan in one entry: integer fen within PostgreSQL's integer. */
const fen = (what: string) =>
  z
    .number({ error: `${what}应为整数（单位：分）` })
    .int(`${what}应为整数（单位：分）`)
    .min(0, `${what}不能为负`)
    .max(2_000_000_000, `${what}过大`);
const positiveFen = (what: string) => fen(what).min(1, `${what}应大于 0`);
const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字`);
const required = (max: number, what: string) =>
  z.string().trim().min(1, `${what}不能为空`).max(max, `${what}不能超过 ${max} 个字`);

export const fundingRuleInput = z.object({
  staffRateFen: fen('教职工党员标准'),
  studentRateFen: fen('学生党员标准'),
  specialFundFen: fen('专项经费'),
  approvalThresholdFen: fen('审批金额'),
  referenceDate: day,
  note: text(500).default(''),
});
export type FundingRuleInput = z.infer<typeof fundingRuleInput>;

export const allocationInput = z.object({
  toUnitId: id,
  amountFen: positiveFen('下拨金额'),
  purpose: z.enum(ALLOCATION_PURPOSES).default('standard'),
  allocatedOn: day,
  note: text(500).default(''),
});
export type AllocationInput = z.infer<typeof allocationInput>;

export const expenseInput = z.object({
  unitId: id,
  category: z.enum(EXPENSE_CATEGORIES, '请选择支出类别'),
  spentOn: day,
  amountFen: positiveFen('支出金额'),
  payee: required(100, '收款方'),
  description: required(500, '支出事由'),
  activityId: id.nullable().default(null),
  demandId: id.nullable().default(null),
});
export type ExpenseInput = z.infer<typeof expenseInput>;

export const fundingReasonInput = z.object({ reason: required(500, '原因') });
export const expenseDecisionInput = z
  .object({ decision: z.enum(['approved', 'rejected']), reason: text(500).default('') })
  .refine((v) => v.decision === 'approved' || v.reason.length > 0, {
    path: ['reason'],
    message: '不批准时请填写原因',
  });
export type ExpenseDecisionInput = z.infer<typeof expenseDecisionInput>;
