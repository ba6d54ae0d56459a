import { defineMessages } from '../i18n';

/** Strings of the shared office-list components (FilterBar, OfficeTable, ExportButton). */
const zh = {
  reset: '重置',
  any: '全部',
  anyUnit: '全部范围',
  enterToSearch: '输入后回车',
  export: '导出 Excel',
  total: '共 {n} 条',
  selected: '已选 {n} 条',
  selectHint: '勾选行后可批量操作',
  done: '{action}：{n} 条已完成',
  skipped: '（{n} 条不适用，已跳过）',
  noneApplies: '选中的记录都不能执行此操作',
  ok: '确定',
  cancel: '取消',
  promptTitle: '{action}（已选 {n} 条）',
};
export type ComponentMessageKey = keyof typeof zh;
export const componentMessages = defineMessages(zh, () => import('./messages.en').then((m) => m.componentsEn));
