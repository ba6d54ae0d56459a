import type { Generated } from 'kysely';
import type { Created, Json } from '../../db/types';

/**
 * Tables of the hours import, certificate requests and the personal calendar (migrations 0640–0642);
 * the database interface in db/types.ts extends this.
 */
export interface HoursImportBatchTable {
  id: Generated<number>;
  actor_person_id: number;
  activity_id: number;
  unit_path: string;
  file_name: string;
  status: Generated<string>;
  row_count: number;
  error_count: number;
  errors: Json;
  rows: Json;
  created_at: Created;
  committed_at: string | null;
}
export interface CertificateRequestTable {
  id: Generated<number>;
  person_id: number;
  scope: 'per_unit' | 'school';
  period_from: string;
  period_to: string;
  purpose: Generated<string>;
  created_at: Created;
  withdrawn_at: string | null;
}
export interface CertificateRequestPartTable {
  id: Generated<number>;
  request_id: number;
  unit_id: number;
  minutes: number;
  declined_at: string | null;
  decline_reason: string | null;
  declined_by: number | null;
}
export interface CalendarFeedTable {
  person_id: number;
  token_hash: string;
  created_at: Created;
}
export interface CalendarReminderTable {
  kind: 'shift' | 'duty';
  item_id: number;
  person_id: number;
  sent_at: Created;
}

export interface MemberServiceTables {
  hours_import_batch: HoursImportBatchTable;
  certificate_request: CertificateRequestTable;
  certificate_request_part: CertificateRequestPartTable;
  calendar_feed: CalendarFeedTable;
  calendar_reminder: CalendarReminderTable;
}
