import type { ColumnType, Generated } from 'kysely';

/** Tables of the volunteering module (Kysely types); the database interface in db/types.ts extends this. */
type Created = ColumnType<string, string | undefined, never>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;
type Json = ColumnType<unknown, string, string>;

export interface VolunteerSettingTable {
  key: string;
  value: string;
}
export interface VolunteerTable {
  id: Generated<number>;
  person_id: number;
  volunteer_no: string;
  skills: TextArray;
  availability: TextArray;
  service_areas: TextArray;
  insured: Generated<boolean>;
  registered_at: Created;
  updated_at: ColumnType<string, string | undefined, string>;
}
export interface VolunteerTeamTable {
  id: Generated<number>;
  name: string;
  kind: string;
  owner_unit_id: number;
  leader_person_id: number;
  specialties: TextArray;
  partner_id: number | null;
  description: string;
  created_at: Created;
  closed_at: string | null;
}
export interface VolunteerTeamMemberTable {
  team_id: number;
  person_id: number;
  joined_at: Created;
}
export interface VenueTable {
  id: Generated<number>;
  name: string;
  type: string;
  owner_unit_id: number;
  partner_id: number | null;
  address: string;
  latitude: number | null;
  longitude: number | null;
  opening_hours: string;
  responsible_person_id: number;
  description: string;
  is_public: boolean;
  created_at: Created;
  closed_at: string | null;
}
export interface VenueDutyTable {
  id: Generated<number>;
  venue_id: number;
  person_id: number;
  post: string;
  starts_at: string;
  ends_at: string;
  status: Generated<string>;
  confirmed_by: number | null;
  confirmed_at: string | null;
  created_at: Created;
}
export interface VenueDutySwapTable {
  id: Generated<number>;
  duty_id: number;
  from_person_id: number;
  to_person_id: number;
  reason: string;
  status: Generated<string>;
  created_at: Created;
  decided_at: string | null;
}
export interface VenueServiceLogTable {
  id: Generated<number>;
  venue_id: number;
  served_at: string;
  title: string;
  description: string;
  people_served: number;
  minutes: number;
  demand_id: number | null;
  recorded_by: number;
  created_at: Created;
}
export interface VolunteerActivityTable {
  id: Generated<number>;
  title: string;
  description: Generated<string>;
  category: string;
  org_unit_id: number;
  team_id: number | null;
  venue_id: number | null;
  demand_id: number | null;
  audience_unit_id: number;
  members_only: Generated<boolean>;
  required_skill: string | null;
  place: string;
  latitude: number | null;
  longitude: number | null;
  checkin_radius_m: number | null;
  signup_opens_at: string;
  signup_closes_at: string;
  starts_at: string;
  ends_at: string;
  status: string;
  code_secret: string;
  created_by: number;
  created_at: Created;
  closed_at: string | null;
  closed_by: number | null;
  cancel_reason: string | null;
}
export interface VolunteerShiftTable {
  id: Generated<number>;
  activity_id: number;
  post: string;
  starts_at: string;
  ends_at: string;
  capacity: number;
  taken: Generated<number>;
}
export interface VolunteerSignupTable {
  id: Generated<number>;
  shift_id: number;
  activity_id: number;
  person_id: number;
  status: string;
  created_at: Created;
  cancelled_at: string | null;
  promoted_at: string | null;
  checked_in_at: string | null;
  checked_out_at: string | null;
  checkin_kind: string | null;
  checkin_review: Generated<string>;
  review_note: string | null;
  reviewed_by: number | null;
  attendance: Generated<string>;
  credited_minutes: number | null;
}
/** Append-only: the database refuses UPDATE and DELETE (trigger), so every column is insert-only. */
export interface VolunteerHoursEntryTable {
  id: Generated<number>;
  person_id: number;
  person_seq: number;
  kind: 'credit' | 'reversal';
  minutes: number;
  category: string;
  source: string;
  source_id: number | null;
  activity_id: number | null;
  unit_id: number;
  service_start: string;
  service_end: string;
  service_year: number;
  basis: string;
  description: string;
  reverses_id: number | null;
  recorded_by: number | null;
  recorded_by_name: string;
  confirmed_by_name: string;
  recorded_at: string;
  prev_hash: string;
  hash: string;
}
export interface VolunteerCertificateTable {
  id: Generated<number>;
  serial: string;
  person_id: number;
  volunteer_no: string;
  person_name: string;
  unit_id: number;
  unit_name: string;
  period_from: string;
  period_to: string;
  total_minutes: number;
  activity_count: number;
  records: Json;
  responsible_name: string;
  handler_name: string;
  issued_by: number;
  issued_at: Created;
  revoked_at: string | null;
  revoke_reason: string | null;
  pending_minutes: Generated<number>;
  pending_count: Generated<number>;
  replaces_id: number | null;
}
/** One flagged credit and its review (migration 0620); the decision is set once. */
export interface VolunteerHoursFlagTable {
  entry_id: number;
  person_id: number;
  unit_id: number;
  flags: Json;
  flagged_at: string;
  decision: 'accepted' | 'reversed' | null;
  decided_by: number | null;
  decided_by_name: string | null;
  decided_at: string | null;
  decision_reason: string | null;
  reversal_id: number | null;
}
export interface VolunteerCertificateEntryTable {
  certificate_id: number;
  entry_id: number;
}
/** The views of migration 0620: credits that count, and credits waiting for review. Read-only. */
export type VolunteerHoursCountedView = VolunteerHoursEntryTable;
export interface VolunteerHoursPendingView extends VolunteerHoursEntryTable {
  flags: unknown;
  flagged_at: string;
}
export interface DualReportTable {
  id: Generated<number>;
  person_id: number;
  partner_id: number;
  address: string;
  slip_no: string;
  reported_at: Created;
  ended_at: string | null;
  end_reason: string | null;
}
export interface CommunityPostTable {
  id: Generated<number>;
  partner_id: number;
  title: string;
  category: string;
  description: string;
  slots: number;
  taken: Generated<number>;
  starts_on: string;
  ends_on: string;
  status: Generated<string>;
  created_by: number;
  created_at: Created;
}
export interface CommunityPostClaimTable {
  id: Generated<number>;
  post_id: number;
  person_id: number;
  dual_report_id: number;
  status: Generated<string>;
  claimed_at: Created;
  served_on: string | null;
  minutes: number | null;
  note: string | null;
  served_at: string | null;
  confirmed_at: string | null;
  confirmed_by_name: string | null;
  rating: number | null;
  feedback: string | null;
  entry_id: number | null;
}

export interface VolunteeringTables {
  volunteer_setting: VolunteerSettingTable;
  volunteer: VolunteerTable;
  volunteer_team: VolunteerTeamTable;
  volunteer_team_member: VolunteerTeamMemberTable;
  venue: VenueTable;
  venue_duty: VenueDutyTable;
  venue_duty_swap: VenueDutySwapTable;
  venue_service_log: VenueServiceLogTable;
  volunteer_activity: VolunteerActivityTable;
  volunteer_shift: VolunteerShiftTable;
  volunteer_signup: VolunteerSignupTable;
  volunteer_hours_entry: VolunteerHoursEntryTable;
  volunteer_certificate: VolunteerCertificateTable;
  volunteer_hours_flag: VolunteerHoursFlagTable;
  volunteer_certificate_entry: VolunteerCertificateEntryTable;
  volunteer_hours_counted: VolunteerHoursCountedView;
  volunteer_hours_pending: VolunteerHoursPendingView;
  dual_report: DualReportTable;
  community_post: CommunityPostTable;
  community_post_claim: CommunityPostClaimTable;
}
