import { defineMessages } from '../../i18n';

const zh = {
  title: '审计日志',
  entityType: '对象类型',
  action: '操作',
  actor: '操作人',
  at: '时间',
  entity: '对象',
  reason: '原因',
  search: '查询',
  reset: '重置',
  field: '字段',
  before: '变更前',
  after: '变更后',
  noDiff: '没有记录变更内容',
  total: '共 {n} 条',
  actionHint: '如 授予角色 或 role_grant',
  actorHint: '姓名或用户名',
  any: '全部',
  dateRange: '日期范围',
  unit: '范围（组织）',
};
export type AuditMessageKey = keyof typeof zh;
export const auditMessages = defineMessages(zh, () => import('./messages.en').then((m) => m.auditEn));
