import type { ColumnType, Generated } from 'kysely';
import type { AssessmentTables } from '../modules/assessment/assessment.tables';
import type { FundingTables } from '../modules/funding/funding.tables';
import type { NotificationTables } from '../modules/notifications/notifications.tables';
import type { RosterTables } from '../modules/roster/roster.tables';
import type { ServiceDemandTables } from '../modules/service-demands/service-demands.tables';
import type { MemberServiceTables } from '../modules/volunteering/member-services.tables';
import type { VolunteeringTables } from '../modules/volunteering/volunteering.tables';

/** Columns the database fills: readable, optional on insert, never updated by hand. */
export type Created = ColumnType<string, string | undefined, never>;
export type Json = ColumnType<unknown, string | undefined, string>;

export interface OrgUnitTable {
  id: Generated<number>;
  parent_id: number | null;
  path: string;
  depth: number;
  type: string;
  branch_kind: string | null;
  name: string;
  code: string;
  partner_id: number | null;
  closed_at: string | null;
  created_at: Created;
}
export interface PartnerTable {
  id: Generated<number>;
  name: string;
  kind: string;
  owner_unit_id: number;
  address: string;
  contact_name: string;
  contact_phone: string;
  created_at: Created;
}
export interface GridUnitTable {
  id: Generated<number>;
  name: string;
  kind: string;
  owner_unit_id: number;
  campus: string;
  covering_branch_id: number | null;
  contact_person_id: number | null;
  created_at: Created;
}
export interface PersonTable {
  id: Generated<number>;
  name: string;
  gender: string;
  kind: string;
  staff_no: string;
  id_number: string | null;
  phone: string | null;
  political_status: string;
  cadre_level: string;
  fulltime_party_worker: boolean;
  skills: ColumnType<string[], string[] | undefined, string[]>;
  specialty: string;
  department: string;
  major: string | null;
  campus: string;
  development_stage: string;
  unit_id: number;
  joined_party_on: string | null;
  created_at: Created;
  updated_at: ColumnType<string, string | undefined, string>;
}
export interface PersonTransferTable {
  id: Generated<number>;
  person_id: number;
  from_unit_id: number;
  to_unit_id: number;
  status: string;
  reason: string;
  requested_by: number;
  decided_by: number | null;
  decision_note: string | null;
  created_at: Created;
  decided_at: string | null;
}
export interface AccountTable {
  id: Generated<number>;
  person_id: number;
  username: string;
  password_hash: string;
  is_system_admin: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: string | null;
  password_changed_at: Created;
  created_at: Created;
}
export interface SessionTable {
  id_hash: string;
  account_id: number;
  csrf_token: string;
  created_at: Created;
  last_seen_at: string;
  expires_at: string;
}
export interface RoleGrantTable {
  id: Generated<number>;
  person_id: number;
  role: string;
  unit_id: number;
  valid_from: string;
  valid_to: string | null;
  granted_by: number | null;
  revoked_at: string | null;
  created_at: Created;
}
export interface AuditEventTable {
  id: Generated<number>;
  at: Created;
  actor_person_id: number | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string;
  unit_path: string | null;
  before: Json;
  after: Json;
  reason: string | null;
  seq: number | null;
  prev_hash: string | null;
  hash: string | null;
}
export interface RateLimitTable {
  key: string;
  window_start: string;
  hits: number;
}
export interface LoginThrottleTable {
  key: string;
  kind: 'pair' | 'account' | 'address' | 'device';
  username: string | null;
  address: string | null;
  failures: Generated<number>;
  first_failure_at: string | null;
  last_failure_at: string | null;
  blocked_until: string | null;
}
export interface LoginDeviceTable {
  token_hash: string;
  account_id: number;
  created_at: Created;
  last_used_at: Generated<string>;
}

export interface CoreTables {
  org_unit: OrgUnitTable;
  partner: PartnerTable;
  grid_unit: GridUnitTable;
  person: PersonTable;
  person_transfer: PersonTransferTable;
  account: AccountTable;
  session: SessionTable;
  role_grant: RoleGrantTable;
  audit_event: AuditEventTable;
  rate_limit: RateLimitTable;
  login_throttle: LoginThrottleTable;
  login_device: LoginDeviceTable;
}

/** The whole database: the core tables plus each module's own (declared in its *.tables.ts). */
export interface DB
  extends CoreTables,
    RosterTables,
    NotificationTables,
    ServiceDemandTables,
    VolunteeringTables,
    MemberServiceTables,
    FundingTables,
    AssessmentTables {}
