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

export const personInput = z.object({
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
    .nullable()
    .default(null),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, '手机号应为11位')
    .nullable()
    .default(null),
  politicalStatus: z.enum(POLITICAL_STATUSES),
  cadreLevel: z.enum(CADRE_LEVELS).default('none'),
  fulltimePartyWorker: z.boolean().default(false),
  skills: z.array(z.string().trim().min(1).max(30)).max(20).default([]),
  specialty: z.string().max(100).default(''),
  department: z.string().max(100).default(''),
  major: z.string().max(100).nullable().default(null),
  campus: z.string().max(50).default(''),
  developmentStage: z.enum(DEVELOPMENT_STAGES).default('none'),
  unitId: z.number().int().positive(),
});
export type PersonInput = z.infer<typeof personInput>;
export const personUpdateInput = personInput.omit({ unitId: true, staffNo: true }).partial();

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
