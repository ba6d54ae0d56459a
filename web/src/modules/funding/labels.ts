import {
  ALLOCATION_PURPOSE_LABELS,
  ALLOCATION_PURPOSE_LABELS_EN,
  type AllocationPurpose,
  EXPENSE_CATEGORIES,
  EXPENSE_CATEGORY_LABELS,
  EXPENSE_CATEGORY_LABELS_EN,
  EXPENSE_STATUS_LABELS,
  type ExpenseCategory,
  type ExpenseStatus,
} from '@pioneer/domain';
import { useLocale } from '../../i18n';

const STATUS_EN: Record<ExpenseStatus, string> = {
  recorded: 'Recorded',
  pending: 'Awaiting approval',
  approved: 'Approved',
  rejected: 'Rejected',
};

/** The funding enums in the page's language (Chinese labels from domain/src). */
export function useFundingLabels() {
  const en = useLocale().locale === 'en';
  return {
    category: (c: string) => (en ? EXPENSE_CATEGORY_LABELS_EN : EXPENSE_CATEGORY_LABELS)[c as ExpenseCategory] ?? c,
    purpose: (p: string) =>
      (en ? ALLOCATION_PURPOSE_LABELS_EN : ALLOCATION_PURPOSE_LABELS)[p as AllocationPurpose] ?? p,
    status: (s: string) => (en ? STATUS_EN : EXPENSE_STATUS_LABELS)[s as ExpenseStatus] ?? s,
    categories: EXPENSE_CATEGORIES.map((c) => ({
      value: c,
      label: (en ? EXPENSE_CATEGORY_LABELS_EN : EXPENSE_CATEGORY_LABELS)[c],
    })),
  };
}
