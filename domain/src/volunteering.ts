import { z } from 'zod';

/**
 * 志愿服务 (DOMAIN §4–5, §13): registration, activities with shifts, the hours ledger, certificates, 双报到,
 * teams and venues. Vocabulary, input schemas and the pure rules shared by server and web.
 */

// ---------------------------------------------------------------- categories of service

/** What volunteer hours may be for. Meetings and trainings are listed only so they can be refused by name. */
export const SERVICE_CATEGORIES = [
  'community',
  'elderly',
  'education',
  'technology',
  'culture',
  'environment',
  'campus',
  'consulting',
  'health',
  'other',
] as const;
export const NON_SERVICE_CATEGORIES = ['meeting', 'training'] as const;
export const HOUR_CATEGORIES = [...SERVICE_CATEGORIES, ...NON_SERVICE_CATEGORIES] as const;
export type HourCategory = (typeof HOUR_CATEGORIES)[number];
export const HOUR_CATEGORY_LABELS: Record<HourCategory, string> = {
  community: '社区服务',
  elderly: '尊老助老',
  education: '义务支教',
  technology: '科技帮扶',
  culture: '文化服务',
  environment: '环境保护',
  campus: '校园服务',
  consulting: '咨询服务',
  health: '医疗健康',
  other: '其他服务',
  meeting: '会议',
  training: '培训',
};
/** 《志愿服务条例》: hours count the service itself, never meetings or trainings. */
export const isServiceCategory = (c: string): boolean => (SERVICE_CATEGORIES as readonly string[]).includes(c);

export const AVAILABILITY = ['weekday_day', 'weekday_evening', 'weekend', 'holiday', 'flexible'] as const;
export const AVAILABILITY_LABELS: Record<(typeof AVAILABILITY)[number], string> = {
  weekday_day: '工作日白天',
  weekday_evening: '工作日晚上',
  weekend: '周末',
  holiday: '节假日',
  flexible: '时间灵活',
};

export const LEDGER_SOURCES = ['activity', 'service_need', 'venue_duty', 'dual_report'] as const;
export type LedgerSource = (typeof LEDGER_SOURCES)[number];
export const LEDGER_SOURCE_LABELS: Record<LedgerSource, string> = {
  activity: '志愿活动',
  service_need: '服务需求',
  venue_duty: '阵地值班',
  dual_report: '双报到',
};
export const LEDGER_KIND_LABELS = { credit: '记入', reversal: '冲销' } as const;

export const SIGNUP_STATUS_LABELS = {
  confirmed: '已报名',
  waiting: '候补中',
  cancelled: '已取消',
  expired: '候补未递补',
} as const;
export const ATTENDANCE_LABELS = { pending: '待结算', present: '出勤', no_show: '缺勤' } as const;
export const CHECKIN_REVIEW_LABELS = { none: '—', pending: '待审核', approved: '已通过', rejected: '未通过' } as const;
export const ACTIVITY_STATUS_LABELS = { published: '报名中', closed: '已结项', cancelled: '已取消' } as const;

/** Refusals of a sign-up, each a 409 code the client can act on. */
export const SIGNUP_REFUSALS = {
  SHIFT_FULL: '该岗位名额已满，可以加入候补名单',
  SIGNUP_CLOSED: '不在报名时间内',
  NOT_ELIGIBLE: '不符合报名条件',
  OVERLAPPING_SHIFT: '与您已报名的其他岗位时间冲突',
  ALREADY_SIGNED_UP: '您已报名该岗位',
} as const;

// ---------------------------------------------------------------- teams and venues

export const TEAM_KINDS = ['demo_team', 'vanguard', 'volunteer_team'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];
export const TEAM_KIND_LABELS: Record<TeamKind, string> = {
  demo_team: '校内党员服务示范团队',
  vanguard: '服务地方党员先锋队',
  volunteer_team: '师生党员志愿服务队',
};

export const VENUE_TYPES = [
  'service_window',
  'model_post',
  'service_center',
  'responsibility_area',
  'workstation',
  'model_window',
  'offcampus_base',
  'practice_base',
  'studio',
  'model_point',
  'convenience_center',
] as const;
export type VenueType = (typeof VENUE_TYPES)[number];
export const VENUE_TYPE_LABELS: Record<VenueType, string> = {
  service_window: '党员服务窗口',
  model_post: '党员服务示范岗',
  service_center: '党员服务中心',
  responsibility_area: '党员责任区',
  workstation: '党员服务工作站',
  model_window: '党员示范窗口',
  offcampus_base: '校外服务特色基地',
  practice_base: '党员教育实践服务基地',
  studio: '党员工作室',
  model_point: '党员服务示范点',
  convenience_center: '党员便民服务网络中心',
};
/** Seed 三(五)1: these are built jointly with a locality, so they name the partner (共建单位). */
export const OFFCAMPUS_VENUE_TYPES: readonly VenueType[] = [
  'offcampus_base',
  'practice_base',
  'studio',
  'model_point',
  'convenience_center',
];

export const COMMUNITY_POST_CATEGORIES = [
  'elderly',
  'education',
  'environment',
  'culture',
  'consulting',
  'health',
  'community',
] as const;

// ---------------------------------------------------------------- pure rules

/** JNSD-V-2026-000123: the public identifier of a volunteer, used wherever an ID number would otherwise appear. */
export function volunteerNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}-V-${year}-${String(seq).padStart(6, '0')}`;
}

/** Great-circle distance in metres (haversine, mean Earth radius). */
export function haversineMeters(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Half-open intervals [start, end) overlap. Times as ISO strings or epoch ms. */
export function intervalsOverlap(
  a: { start: string | number; end: string | number },
  b: { start: string | number; end: string | number },
) {
  const t = (v: string | number) => (typeof v === 'number' ? v : Date.parse(v));
  return t(a.start) < t(b.end) && t(b.start) < t(a.end);
}

export const minutesBetween = (start: string, end: string) =>
  Math.round((Date.parse(end) - Date.parse(start)) / 60_000);

/** "12小时30分钟" for a number of minutes. */
export function formatMinutes(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const m = Math.abs(minutes);
  const h = Math.floor(m / 60);
  const rest = m % 60;
  return `${sign}${h > 0 ? `${h}小时` : ''}${rest > 0 || h === 0 ? `${rest}分钟` : ''}`;
}

// ---------------------------------------------------------------- inputs

const id = z.number().int().positive();
const when = z.iso.datetime({ offset: true, error: '应为带时区的时间，例如 2026-05-01T09:00:00+08:00' });
const day = z.iso.date({ error: '应为日期，例如 2026-05-01' });
const text = (max: number) => z.string().trim().max(max, `不超过${max}字`);
const required = (max: number, what: string) => text(max).min(1, `请填写${what}`);

export const registrationInput = z.object({
  skills: z.array(required(30, '技能')).max(20).default([]),
  availability: z.array(z.enum(AVAILABILITY)).max(AVAILABILITY.length).default([]),
  serviceAreas: z.array(z.enum(SERVICE_CATEGORIES)).max(SERVICE_CATEGORIES.length).default([]),
  insured: z.boolean().default(false),
});
export type RegistrationInput = z.infer<typeof registrationInput>;

export const shiftInput = z
  .object({
    post: required(50, '岗位名称'),
    startsAt: when,
    endsAt: when,
    capacity: z.number().int().min(1).max(10_000),
  })
  .refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), {
    path: ['endsAt'],
    message: '结束时间应晚于开始时间',
  });

export const activityInput = z
  .object({
    title: required(100, '活动名称'),
    description: text(2000).default(''),
    category: z.enum(HOUR_CATEGORIES),
    unitId: id,
    teamId: id.nullable().default(null),
    venueId: id.nullable().default(null),
    /** The service need (服务需求) this activity serves; kept as a plain number until that module links it. */
    demandId: id.nullable().default(null),
    audienceUnitId: id.nullable().default(null),
    membersOnly: z.boolean().default(false),
    requiredSkill: text(30).min(1).nullable().default(null),
    place: required(200, '地点'),
    latitude: z.number().min(-90).max(90).nullable().default(null),
    longitude: z.number().min(-180).max(180).nullable().default(null),
    checkinRadiusM: z.number().int().min(20).max(5000).nullable().default(null),
    signupOpensAt: when,
    signupClosesAt: when,
    shifts: z.array(shiftInput).min(1, '至少设置一个岗位').max(50),
  })
  .refine((a) => Date.parse(a.signupClosesAt) > Date.parse(a.signupOpensAt), {
    path: ['signupClosesAt'],
    message: '报名截止应晚于报名开始',
  })
  .refine((a) => a.checkinRadiusM === null || (a.latitude !== null && a.longitude !== null), {
    path: ['latitude'],
    message: '设置签到范围时须填写活动地点坐标',
  });
export type ActivityInput = z.infer<typeof activityInput>;

export const signupInput = z.object({ waitlist: z.boolean().default(false) });
export const reasonInput = z.object({ reason: required(500, '原因') });

export const checkinInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '签到码为6位数字'),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
});
export const manualAttendanceInput = z
  .object({ checkInAt: when, checkOutAt: when, note: required(500, '说明') })
  .refine((v) => Date.parse(v.checkOutAt) > Date.parse(v.checkInAt), {
    path: ['checkOutAt'],
    message: '签退时间应晚于签到时间',
  });
export const attendanceReviewInput = z.object({ approve: z.boolean(), note: text(500).default('') });

export const hoursEntryInput = z
  .object({
    personId: id,
    unitId: id,
    category: z.enum(HOUR_CATEGORIES),
    source: z.enum(LEDGER_SOURCES),
    sourceId: id.nullable().default(null),
    activityId: id.nullable().default(null),
    serviceStart: when,
    serviceEnd: when,
    minutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
    description: required(500, '服务内容'),
  })
  .refine((v) => Date.parse(v.serviceEnd) > Date.parse(v.serviceStart), {
    path: ['serviceEnd'],
    message: '结束时间应晚于开始时间',
  });
export const correctionInput = z.object({
  minutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  reason: required(500, '更正原因'),
});

export const certificateInput = z
  .object({
    personId: id,
    unitId: id,
    from: day,
    to: day,
    responsibleName: text(50).min(1).optional(),
  })
  .refine((v) => v.to >= v.from, { path: ['to'], message: '截止日期不能早于起始日期' });

export const dualReportInput = z.object({ partnerId: id, address: required(200, '居住地址') });
export const communityPostInput = z
  .object({
    partnerId: id,
    title: required(100, '岗位名称'),
    category: z.enum(COMMUNITY_POST_CATEGORIES),
    description: text(1000).default(''),
    slots: z.number().int().min(1).max(500),
    startsOn: day,
    endsOn: day,
  })
  .refine((v) => v.endsOn >= v.startsOn, { path: ['endsOn'], message: '结束日期不能早于开始日期' });
export const claimServedInput = z.object({
  servedOn: day,
  minutes: z
    .number()
    .int()
    .min(1)
    .max(12 * 60),
  note: required(500, '服务情况'),
});
export const claimConfirmInput = z.object({
  sig: z.string().regex(/^[0-9a-f]{64}$/, '链接签名无效'),
  contactName: required(50, '确认人姓名'),
  rating: z.number().int().min(1).max(5).nullable().default(null),
  feedback: text(500).default(''),
});

export const teamInput = z.object({
  name: required(100, '团队名称'),
  kind: z.enum(TEAM_KINDS),
  unitId: id,
  leaderPersonId: id,
  specialties: z.array(required(30, '特长')).max(20).default([]),
  partnerId: id.nullable().default(null),
  description: text(1000).default(''),
});
export const teamMemberInput = z.object({ personId: id });

export const venueInput = z
  .object({
    name: required(100, '阵地名称'),
    type: z.enum(VENUE_TYPES),
    unitId: id,
    partnerId: id.nullable().default(null),
    address: required(200, '地址'),
    latitude: z.number().min(-90).max(90).nullable().default(null),
    longitude: z.number().min(-180).max(180).nullable().default(null),
    openingHours: required(200, '开放时间'),
    responsiblePersonId: id,
    description: text(1000).default(''),
    isPublic: z.boolean().default(true),
  })
  .refine((v) => !OFFCAMPUS_VENUE_TYPES.includes(v.type) || v.partnerId !== null, {
    path: ['partnerId'],
    message: '校外阵地须填写共建单位',
  });
export const dutyInput = z
  .object({ personId: id, startsAt: when, endsAt: when, post: text(50).default('值班') })
  .refine((v) => Date.parse(v.endsAt) > Date.parse(v.startsAt), {
    path: ['endsAt'],
    message: '结束时间应晚于开始时间',
  });
export const swapInput = z.object({ toPersonId: id, reason: required(200, '换班原因') });
/** 关闭服务阵地: like 撤销组织, closing says why (kept in the audit log). */
export const venueCloseInput = z.object({ reason: required(500, '关闭原因') });
export const venueServiceInput = z.object({
  servedAt: when,
  title: required(100, '服务事项'),
  description: text(1000).default(''),
  peopleServed: z.number().int().min(0).max(100_000).default(0),
  minutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(0),
  demandId: id.nullable().default(null),
});
