import {
  EXPENSE_CATEGORY_LABELS,
  EXPENSE_STATUS_LABELS,
  type ExpenseCategory,
  type ExpenseStatus,
} from '@pioneer/domain';
import type { ExportColumn } from '../../../core/xlsx';
import type { ExpenseRow } from './expenses.repository';

/** One row per ledger entry (reversals included, negative), as the list shows them. */
export const EXPENSE_EXPORT_COLUMNS: ExportColumn<ExpenseRow>[] = [
  { header: '编号', width: 8, value: (e) => e.id },
  { header: '单位', width: 48, value: (e) => e.unitPathNames },
  { header: '类别', width: 12, value: (e) => EXPENSE_CATEGORY_LABELS[e.category as ExpenseCategory] ?? e.category },
  { header: '金额（元）', width: 12, value: (e) => e.amountFen / 100 },
  { header: '支出日期', width: 12, value: (e) => e.spentOn },
  { header: '关联', width: 36, value: (e) => e.linkTitle ?? '' },
  { header: '收款方', width: 20, value: (e) => e.payee },
  { header: '事由', width: 36, value: (e) => e.description },
  {
    header: '状态',
    width: 12,
    value: (e) =>
      e.reversesId !== null
        ? `冲销第 ${e.reversesId} 号`
        : `${EXPENSE_STATUS_LABELS[e.status as ExpenseStatus] ?? e.status}${e.reversedById ? '（已冲销）' : ''}`,
  },
  { header: '票据数', width: 8, value: (e) => e.receipts.length },
  { header: '登记人', width: 10, value: (e) => e.recordedByName ?? '' },
];
