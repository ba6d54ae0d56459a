import {
  BRANCH_KIND_LABELS,
  type BranchKind,
  GRID_KIND_LABELS,
  PARTNER_KIND_LABELS,
  UNIT_TYPE_LABELS,
  type UnitType,
} from '@pioneer/domain';
import { useCallback } from 'react';
import { useLocale } from '../../i18n';

type PartnerKind = keyof typeof PARTNER_KIND_LABELS;
type GridKind = keyof typeof GRID_KIND_LABELS;

// The Chinese labels live in @pioneer/domain (shared with the server); these are their English twins.
const EN = {
  unitType: {
    committee: 'Party committee',
    general_branch: 'General branch',
    direct_branch: 'Direct branch',
    branch: 'Branch',
  },
  branchKind: { staff: 'Staff', student: 'Student', joint: 'Joint (with locality)' },
  partnerKind: { community: 'Community', village: 'Village', enterprise: 'Enterprise', government: 'Government body' },
  gridKind: { team: 'Teaching/research team', class: 'Class', dorm: 'Dormitory', club: 'Club', online: 'Online group' },
} as const;

/** Locale-aware labels for the org vocabulary. */
export function useOrgLabels() {
  const { locale } = useLocale();
  const en = locale === 'en';
  return {
    unitType: useCallback((t: string) => (en ? EN.unitType : UNIT_TYPE_LABELS)[t as UnitType] ?? t, [en]),
    branchKind: useCallback(
      (k: string | null) => (k ? ((en ? EN.branchKind : BRANCH_KIND_LABELS)[k as BranchKind] ?? k) : ''),
      [en],
    ),
    partnerKind: useCallback((k: string) => (en ? EN.partnerKind : PARTNER_KIND_LABELS)[k as PartnerKind] ?? k, [en]),
    gridKind: useCallback((k: string) => (en ? EN.gridKind : GRID_KIND_LABELS)[k as GridKind] ?? k, [en]),
  };
}
