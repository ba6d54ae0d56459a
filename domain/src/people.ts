import { z } from 'zod';

export const PERSON_KINDS = ['staff', 'student'] as const;
export const PERSON_KIND_LABELS = { staff: '教职工', student: '学生' } as const;
export const POLITICAL_STATUSES = ['member', 'probationary', 'activist', 'masses'] as const;
export type PoliticalStatus = (typeof POLITICAL_STATUSES)[number];
export const POLITICAL_STATUS_LABELS: Record<PoliticalStatus, string> = {
  member: '中共党员',
  probationary: '中共预备党员',
  activist: '入党积极分子',
  masses: '群众',
};
export const CADRE_LEVELS = ['none', 'section', 'division', 'bureau'] as const;
export const CADRE_LEVEL_LABELS = { none: '无', section: '科级', division: '处级', bureau: '厅局级' } as const;
export const DEVELOPMENT_STAGES = ['none', 'backbone', 'member', 'leader'] as const;
export const DEVELOPMENT_STAGE_LABELS = { none: '—', backbone: '服务骨干', member: '党员', leader: '带头人' } as const;
export const GENDERS = ['male', 'female'] as const;
export const GENDER_LABELS = { male: '男', female: '女' } as const;

/** The staffing target of seed 三(一): full-time Party/ideological staff ≈ 1% of staff + students. */
export const STAFFING_TARGET = 0.01;

/** The fields of a person without defaults: an update must leave what it does not mention untouched. */
const personFields = {
  name: z.string().trim().min(1, '姓名不能为空').max(50),
  gender: z.enum(GENDERS),
  kind: z.enum(PERSON_KINDS),
  staffNo: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{4,20}$/, '工号/学号应为4–20位字母或数字'),
  idNumber: z
    .string()
    .trim()
    .regex(/^\d{17}[\dXx]$/, '身份证号应为18位')
    .refine(validIdNumber, '身份证号校验位不正确')
    .transform((v) => v.toUpperCase())
    .nullable(),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, '手机号应为11位')
    .nullable(),
  politicalStatus: z.enum(POLITICAL_STATUSES),
  cadreLevel: z.enum(CADRE_LEVELS),
  fulltimePartyWorker: z.boolean(),
  skills: z.array(z.string().trim().min(1).max(30)).max(20),
  specialty: z.string().max(100),
  department: z.string().max(100),
  major: z.string().max(100).nullable(),
  campus: z.string().max(50),
  developmentStage: z.enum(DEVELOPMENT_STAGES),
};

export const personInput = z.object({
  ...personFields,
  idNumber: personFields.idNumber.default(null),
  phone: personFields.phone.default(null),
  cadreLevel: personFields.cadreLevel.default('none'),
  fulltimePartyWorker: personFields.fulltimePartyWorker.default(false),
  skills: personFields.skills.default([]),
  specialty: personFields.specialty.default(''),
  department: personFields.department.default(''),
  major: personFields.major.default(null),
  campus: personFields.campus.default(''),
  developmentStage: personFields.developmentStage.default('none'),
  unitId: z.number().int().positive(),
});
export type PersonInput = z.infer<typeof personInput>;
/** A partial update; the unit changes only through a transfer (组织关系转接), never by editing. */
export const personUpdateInput = z.object(personFields).partial();

/** GB 11643 check digit (ISO 7064 MOD 11-2). */
export function validIdNumber(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(id[i]), 0);
  return '10X98765432'[sum % 11] === id[17].toUpperCase();
}

/** Masks for lists and exports shown to people who do not handle that person. */
export function maskPhone(phone: string | null): string | null {
  return phone ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone;
}
export function maskIdNumber(id: string | null): string | null {
  return id ? `${id.slice(0, 6)}********${id.slice(-4)}` : id;
}

export function staffingRatio(fulltime: number, population: number): number {
  return population === 0 ? 0 : fulltime / population;
}

/** Which political statuses make a person a Party member (they hold the `member` role on their unit). */
export const isPartyMember = (status: string) => status === 'member' || status === 'probationary';

// ---------------------------------------------------------------- search (GET /api/people and exports)

export const PEOPLE_SORTS = ['unit', 'name', 'staffNo', 'createdAt'] as const;
export type PeopleSort = (typeof PEOPLE_SORTS)[number];
export const PEOPLE_SORT_LABELS: Record<PeopleSort, string> = {
  unit: '所在组织',
  name: '姓名',
  staffNo: '工号/学号',
  createdAt: '录入时间',
};

/** Filters shared by the roster list and the roster export; values come from a query string. */
export const peopleFilter = z.object({
  /** Matches a name fragment, or the start of a staff/student number. */
  q: z.string().trim().max(50).optional(),
  /** That unit and its whole subtree. */
  unitId: z.coerce.number().int().positive().optional(),
  kind: z.enum(PERSON_KINDS).optional(),
  politicalStatus: z.enum(POLITICAL_STATUSES).optional(),
  cadreLevel: z.enum(CADRE_LEVELS).optional(),
  fulltimePartyWorker: z.stringbool().optional(),
  skill: z.string().trim().min(1).max(30).optional(),
  campus: z.string().trim().min(1).max(50).optional(),
  developmentStage: z.enum(DEVELOPMENT_STAGES).optional(),
});
export type PeopleFilter = z.infer<typeof peopleFilter>;
export const peopleSortQuery = z.object({
  sort: z.enum(PEOPLE_SORTS).default('unit'),
  order: z.enum(['asc', 'desc']).default('asc'),
});

// ---------------------------------------------------------------- transfers (组织关系转接)

export const TRANSFER_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];
export const TRANSFER_STATUS_LABELS: Record<TransferStatus, string> = {
  pending: '待接收',
  approved: '已转入',
  rejected: '已退回',
};
export const TRANSFER_DIRECTIONS = ['incoming', 'outgoing'] as const;
export const TRANSFER_DIRECTION_LABELS = { incoming: '转入', outgoing: '转出' } as const;

export const transferRequestInput = z.object({
  toUnitId: z.number().int().positive(),
  reason: z.string().trim().min(1, '请填写转接原因').max(500),
});
export const transferApproveInput = z.object({ note: z.string().trim().max(500).default('') });
export const transferRejectInput = z.object({ note: z.string().trim().min(1, '请填写退回理由').max(500) });
