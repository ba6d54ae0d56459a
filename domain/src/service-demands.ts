import { z } from 'zod';
import { BOARD_STATUSES, DEMAND_AUDIENCES, DEMAND_CHANNELS } from './service-demands.labels';
import { DEMAND_STATES } from './service-demands.lifecycle';

export * from './service-demands.clock';
export * from './service-demands.labels';
export * from './service-demands.lifecycle';
export * from './service-demands.matching';

const minutes = z.number().int('须为整数分钟').min(1, '至少1分钟').max(525_600, '不超过一年');
const text = (max: number) => z.string().trim().max(max, `不超过${max}字`);
const required = (label: string, max: number) => z.string().trim().min(1, `请填写${label}`).max(max, `不超过${max}字`);
const id = z.number().int().positive();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const mobile = z
  .string()
  .trim()
  .regex(/^1\d{10}$/, '手机号应为11位数字');

export const demandCategoryInput = z.object({
  name: required('类别名称', 50),
  group: required('类别分组', 50),
  /** The Open311 service_code: stable, ASCII. */
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{2,40}$/, '编码只能包含小写字母、数字和连字符（2–40位）'),
  description: text(500).default(''),
  requiredSkills: z.array(text(30).min(1)).max(10, '最多10项技能').default([]),
  defaultUnitId: id.nullable().default(null),
  triageMinutes: minutes,
  claimMinutes: minutes,
  completeMinutes: minutes,
  active: z.boolean().default(true),
});
export type DemandCategoryInput = z.infer<typeof demandCategoryInput>;

const needFields = {
  title: z.string().trim().min(2, '标题至少2个字').max(100, '标题不超过100字'),
  description: required('需求描述', 2000),
  categoryId: id.nullable().default(null),
  campus: text(50).default(''),
  /** Where the service is needed, as shown publicly (a building, a community): never a home address. */
  location: text(200).default(''),
  neededOn: isoDate.nullable().default(null),
};

/** Filing a need: for oneself, or by an officer on someone's behalf (entered_by is recorded). */
export const demandCreateInput = z.object({
  ...needFields,
  onBehalf: z
    .object({
      audience: z.enum(DEMAND_AUDIENCES),
      channel: z.enum(['officer', 'contact_visit']),
      unitId: id.nullable().default(null),
      requesterPersonId: id.nullable().default(null),
      requesterName: required('需求人姓名', 50),
      requesterPhone: mobile.nullable().default(null),
      requesterAddress: text(200).default(''),
    })
    .nullable()
    .default(null),
});
export type DemandCreateInput = z.infer<typeof demandCreateInput>;

/** The no-sign-in form for residents and anyone without an account. */
export const publicDemandInput = z.object({
  ...needFields,
  location: required('服务地点', 200),
  name: required('联系人', 50),
  phone: mobile,
  address: text(200).default(''),
});
export type PublicDemandInput = z.infer<typeof publicDemandInput>;

const note = text(1000).default('');
export const triageInput = z.object({
  categoryId: id,
  handlingUnitId: id.nullable().default(null),
  /** Triage may tidy the text before it goes public (e.g. remove a phone number written into it). */
  title: needFields.title.optional(),
  description: needFields.description.optional(),
  note,
  notePublic: z.boolean().default(true),
});
export const mergeInput = z.object({ duplicateOfId: id, note });
export const demandReasonInput = z.object({ reason: required('原因', 1000) });
export const noteOnlyInput = z.object({ note });
export const timelineNoteInput = z.object({ note: required('备注', 1000), public: z.boolean().default(false) });
export const claimInput = z
  .object({
    unitId: id.nullable().default(null),
    /** A volunteer team (志愿服务团队) taking the need up; its leader, or whoever may claim for its unit. */
    teamId: id.nullable().default(null),
    /** Free-text team name (older claims); ignored when teamId is given. */
    teamName: text(50).default(''),
    asMember: z.boolean().default(false),
    note,
  })
  .refine((v) => v.asMember || v.unitId !== null || v.teamId !== null, {
    message: '请选择认领组织或团队，或以个人身份认领',
    path: ['unitId'],
  });
export const assignInput = z.object({
  unitId: id,
  personId: id.nullable().default(null),
  teamName: text(50).default(''),
  note,
});
export const membersInput = z.object({
  personIds: z.array(id).min(1, '至少选择1名党员').max(30, '最多30名'),
});
export const completeInput = z.object({
  result: required('服务结果', 2000),
  services: z
    .array(z.object({ personId: id, minutes: minutes.max(24 * 60, '单人单次不超过24小时') }))
    .min(1, '请至少登记1名参与服务的党员')
    .max(30),
  photoUrls: z
    .array(
      z
        .string()
        .trim()
        .max(500)
        .regex(/^https?:\/\/[^\s]+$/i, '请填写以 http:// 或 https:// 开头的网址'),
    )
    .max(9)
    .default([]),
  photoIds: z.array(id).max(9).default([]),
});
export type CompleteInput = z.infer<typeof completeInput>;
export const rateInput = z.object({
  score: z.number().int('评分须为整数').min(1, '评分为1–5分').max(5, '评分为1–5分'),
  comment: text(500).default(''),
});

const listNumber = z.coerce.number().int().positive().optional();
export const boardQuery = z.object({
  categoryId: listNumber,
  campus: z.string().max(50).optional(),
  status: z.enum(BOARD_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type BoardQuery = z.infer<typeof boardQuery>;

/** Filters shared by the need list and the figures: every figure opens the list with the same filters. */
export const demandFilters = z.object({
  unitId: listNumber,
  state: z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(DEMAND_STATES)))
    .optional(),
  audience: z.enum(DEMAND_AUDIENCES).optional(),
  channel: z.enum(DEMAND_CHANNELS).optional(),
  /** 0 selects needs not yet given a category. */
  categoryId: z.coerce.number().int().min(0).optional(),
  /** Needs that reached a step: the population behind a time-to-step or satisfaction figure. */
  reached: z.enum(['triaged', 'published', 'claimed', 'completed', 'rated']).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  rated: z.coerce.number().int().min(1).max(5).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type DemandFilters = z.infer<typeof demandFilters>;

export const demandListQuery = demandFilters.extend({
  /** scope: needs I handle or oversee; open: published needs I could take up; mine: filed by or served by me. */
  view: z.enum(['scope', 'open', 'mine']).default('scope'),
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type DemandListQuery = z.infer<typeof demandListQuery>;
