/** Chinese labels of statuses the pages show (the domain holds the categories and types). */
export const STATUS_TAG: Record<string, { text: string; color: string }> = {
  published: { text: '报名中', color: 'green' },
  closed: { text: '已结项', color: 'default' },
  cancelled: { text: '已取消', color: 'red' },
  confirmed: { text: '已报名', color: 'blue' },
  waiting: { text: '候补中', color: 'orange' },
  expired: { text: '候补未递补', color: 'default' },
  present: { text: '出勤', color: 'green' },
  no_show: { text: '缺勤', color: 'red' },
  pending: { text: '待审核', color: 'orange' },
  approved: { text: '已通过', color: 'green' },
  rejected: { text: '未通过', color: 'red' },
};
export const BASIS_LABELS: Record<string, string> = {
  attendance: '签到结算',
  manual: '手工录入',
  confirmation: '确认（社区或需求完成）',
  correction: '更正',
};
