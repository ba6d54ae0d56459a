import type { Dictionary } from '../../i18n';
import type { GridMessageKey } from './grid-messages';

/** English of ./grid-messages.ts, fetched only when English is chosen. */
export const gridEn: Dictionary<GridMessageKey> = {
  title: 'Grid coverage',
  unit: 'Unit',
  total: 'Grid units',
  covered: 'Covered',
  rate: 'Coverage',
  byKind: 'By kind',
  kind: 'Kind',
  uncovered: 'Not covered ({n})',
  all: 'All grid units ({n})',
  name: 'Grid unit',
  owner: 'Owner unit',
  campus: 'Campus',
  branch: 'Covering branch',
  contact: 'Contact member',
  gap: 'Coverage',
  gap_no_branch: 'No branch',
  gap_no_contact: 'No contact',
  ok: 'Covered',
  branchClosed: ' (closed)',
  edit: 'Edit coverage',
  editTitle: 'Coverage: {name}',
  pickBranch: 'Branch covering this grid unit',
  pickContact: 'A member of that branch',
  saved: 'Saved',
  actions: 'Actions',
  allCovered: 'Every grid unit is covered',
};
