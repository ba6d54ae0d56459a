import { z } from 'zod';

export const UNIT_TYPES = ['committee', 'general_branch', 'direct_branch', 'branch'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];
export const UNIT_TYPE_LABELS: Record<UnitType, string> = {
  committee: '党委',
  general_branch: '党总支',
  direct_branch: '直属党支部',
  branch: '党支部',
};
export const BRANCH_KINDS = ['staff', 'student', 'joint'] as const;
export type BranchKind = (typeof BRANCH_KINDS)[number];
export const BRANCH_KIND_LABELS: Record<BranchKind, string> = { staff: '教工', student: '学生', joint: '校地联建' };

/** Which unit types may sit directly under which: committees nest (a province above many schools). */
export const ALLOWED_CHILDREN: Record<UnitType, readonly UnitType[]> = {
  committee: ['committee', 'general_branch', 'direct_branch'],
  general_branch: ['branch'],
  direct_branch: [],
  branch: [],
};

export const PARTNER_KINDS = ['community', 'village', 'enterprise', 'government'] as const;
export const PARTNER_KIND_LABELS: Record<(typeof PARTNER_KINDS)[number], string> = {
  community: '社区',
  village: '村',
  enterprise: '企业',
  government: '机关单位',
};
export const GRID_KINDS = ['team', 'class', 'dorm', 'club', 'online'] as const;
export const GRID_KIND_LABELS: Record<(typeof GRID_KINDS)[number], string> = {
  team: '教学科研团队',
  class: '班级',
  dorm: '公寓',
  club: '社团',
  online: '网络群组',
};

const name = z.string().trim().min(1, '名称不能为空').max(100, '名称不超过100字');
export const unitCreateInput = z.object({
  parentId: z.number().int().positive(),
  type: z.enum(UNIT_TYPES),
  branchKind: z.enum(BRANCH_KINDS).nullable().default(null),
  name,
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,40}$/, '编码只能包含字母、数字和连字符'),
  reason: z.string().max(500).optional(),
});
export const unitRenameInput = z.object({ name, reason: z.string().max(500).optional() });
export const unitMoveInput = z.object({
  parentId: z.number().int().positive(),
  reason: z.string().max(500).optional(),
});
export const unitCloseInput = z.object({ reason: z.string().trim().min(1, '请填写撤销原因').max(500) });

export const partnerInput = z.object({
  name,
  kind: z.enum(PARTNER_KINDS),
  ownerUnitId: z.number().int().positive(),
  address: z.string().max(200).default(''),
  contactName: z.string().max(50).default(''),
  contactPhone: z.string().max(30).default(''),
});
export const gridUnitInput = z.object({
  name,
  kind: z.enum(GRID_KINDS),
  ownerUnitId: z.number().int().positive(),
  campus: z.string().max(50).default(''),
  coveringBranchId: z.number().int().positive().nullable().default(null),
  contactPersonId: z.number().int().positive().nullable().default(null),
});
