import type { Dictionary } from '../../i18n';
import type { AuditMessageKey } from './messages';

/** English of ./messages.ts, fetched only when English is chosen. */
export const auditEn: Dictionary<AuditMessageKey> = {
  title: 'Audit log',
  entityType: 'Entity type',
  action: 'Action',
  actor: 'Actor',
  at: 'Time',
  entity: 'Entity',
  reason: 'Reason',
  search: 'Search',
  reset: 'Reset',
  field: 'Field',
  before: 'Before',
  after: 'After',
  noDiff: 'No change details recorded',
  total: '{n} events',
  actionHint: 'Action prefix, e.g. org_unit',
  actorHint: 'Name or username',
  any: 'Any',
  dateRange: 'Date range',
  unit: 'Unit',
};
