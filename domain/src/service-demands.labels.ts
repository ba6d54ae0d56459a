import type { DemandState } from './service-demands.lifecycle';

// The lists and labels of service demands, apart from the zod schemas (service-demands.ts), so a web page that
// shows a label does not carry zod (domain/package.json says sideEffects: false).

/** Whose need it is decides which office triages it (seed 三(六)1). */
export const DEMAND_AUDIENCES = ['staff', 'student', 'society'] as const;
export type DemandAudience = (typeof DEMAND_AUDIENCES)[number];
export const DEMAND_AUDIENCE_LABELS: Record<DemandAudience, string> = {
  staff: '教职工需求',
  student: '学生需求',
  society: '社会需求',
};
/** The permission that lets an office triage (classify, publish) needs of an audience. */
export const TRIAGE_PERMISSION = {
  staff: 'demand.triage.staff',
  student: 'demand.triage.student',
  society: 'demand.triage.society',
} as const satisfies Record<DemandAudience, string>;

/** How a need came in. */
export const DEMAND_CHANNELS = ['officer', 'self', 'public', 'open311', 'contact_visit'] as const;
export type DemandChannel = (typeof DEMAND_CHANNELS)[number];
export const DEMAND_CHANNEL_LABELS: Record<DemandChannel, string> = {
  officer: '职能部门代录',
  self: '本人提交',
  public: '公开表单',
  open311: 'Open311 接口',
  contact_visit: '三联走访',
};

/** What the public board's status filter offers, and the states behind each choice. */
export const BOARD_STATUSES = ['open', 'in_service', 'done'] as const;
export type BoardStatus = (typeof BOARD_STATUSES)[number];
export const BOARD_STATUS_LABELS: Record<BoardStatus, string> = {
  open: '待认领',
  in_service: '服务中',
  done: '已完成',
};
export const BOARD_STATUS_STATES: Record<BoardStatus, readonly DemandState[]> = {
  open: ['published'],
  in_service: ['claimed', 'in_progress'],
  done: ['completed', 'rated', 'closed'],
};

export const RATING_VIA = ['account', 'tracking_code', 'signed_link'] as const;
export type RatingVia = (typeof RATING_VIA)[number];
export const RATING_VIA_LABELS: Record<RatingVia, string> = {
  account: '本人账号',
  tracking_code: '查询码',
  signed_link: '评价链接',
};
