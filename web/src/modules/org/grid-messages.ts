import { defineMessages } from '../../i18n';

const zh = {
  title: '网格覆盖',
  unit: '组织',
  total: '网格单元',
  covered: '已覆盖',
  rate: '覆盖率',
  byKind: '按类别',
  kind: '类别',
  uncovered: '未覆盖（{n}）',
  all: '全部网格单元（{n}）',
  name: '网格单元',
  owner: '所属组织',
  campus: '校区',
  branch: '覆盖党支部',
  contact: '联系党员',
  gap: '覆盖情况',
  gap_no_branch: '无覆盖支部',
  gap_no_contact: '无联系党员',
  ok: '已覆盖',
  branchClosed: '（已撤销）',
  edit: '调整覆盖',
  editTitle: '调整覆盖：{name}',
  pickBranch: '选择覆盖该网格的党支部',
  pickContact: '选择该支部的党员',
  saved: '已保存',
  actions: '操作',
  allCovered: '全部网格单元均已覆盖',
};
export type GridMessageKey = keyof typeof zh;
export const gridMessages = defineMessages(zh, () => import('./grid-messages.en').then((m) => m.gridEn));
