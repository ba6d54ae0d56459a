import { defineMessages } from '../../i18n';

/** Strings of the organization tree page, its detail panel and its action dialogs. */
const zh = {
  title: '组织架构',
  search: '搜索组织名称',
  showClosed: '显示已撤销',
  closed: '已撤销',
  noUnit: '请在左侧选择一个组织',
  type: '类型',
  code: '编码',
  parent: '上级组织',
  people: '本级人数',
  roster: '查看名册（含下级）',
  partner: '共建单位',
  status: '状态',
  active: '正常',
  closedAt: '已于 {date} 撤销',
  createdAt: '建立时间',
  history: '变更历史',
  noHistory: '暂无变更记录',
  reason: '原因',
  createChild: '新建下级组织',
  rename: '更名',
  move: '调整隶属',
  close: '撤销',
  name: '名称',
  branchKind: '支部类别',
  newParent: '新的上级组织',
  reasonOptional: '说明（可选）',
  closeReason: '撤销原因',
  closeWarning: '撤销后该组织不再出现在组织树中；有下级组织或人员的组织不能撤销。',
  required: '必填',
  saved: '已保存',
  created: '已新建“{name}”',
  codeHint: '字母、数字和连字符，全校唯一',
  'action.org_unit.created': '新建',
  'action.org_unit.renamed': '更名',
  'action.org_unit.moved': '调整隶属',
  'action.org_unit.closed': '撤销',
};
export type OrgMessageKey = keyof typeof zh;
export const orgMessages = defineMessages(zh, () => import('./messages.en').then((m) => m.orgEn));
export type OrgKey = keyof typeof orgMessages.zh;
