import type { ColumnType, Generated } from 'kysely';
import type { Created } from '../../db/types';

type Updated = ColumnType<string, string | undefined, string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export interface DemandCategoryTable {
  id: Generated<number>;
  name: string;
  grp: string;
  code: string;
  description: string;
  required_skills: TextArray;
  default_unit_id: number | null;
  triage_minutes: number;
  claim_minutes: number;
  complete_minutes: number;
  active: Generated<boolean>;
  created_at: Created;
  updated_at: Updated;
}
export interface Open311ClientTable {
  id: Generated<number>;
  name: string;
  key_hash: string;
  created_by: number | null;
  created_at: Created;
  revoked_at: string | null;
}
export interface DemandTable {
  id: Generated<number>;
  tracking_code: string;
  title: string;
  description: string;
  audience: string;
  channel: string;
  category_id: number | null;
  state: string;
  round: Generated<number>;
  handling_unit_id: number;
  origin_unit_id: number | null;
  claim_unit_id: number | null;
  claim_team: Generated<string>;
  /** The volunteer team that took the need up (0410; no foreign key across modules). */
  claim_team_id: number | null;
  claim_person_id: number | null;
  responsible_unit_id: number;
  requester_person_id: number | null;
  requester_name: Generated<string>;
  requester_phone: string | null;
  requester_email: string | null;
  requester_address: Generated<string>;
  entered_by: number | null;
  open311_client_id: number | null;
  campus: Generated<string>;
  location: Generated<string>;
  lat: number | null;
  long: number | null;
  address_id: string | null;
  zipcode: string | null;
  media_url: string | null;
  needed_on: string | null;
  duplicate_of: number | null;
  result: Generated<string>;
  minutes_total: Generated<number>;
  last_rating_score: number | null;
  due_at: string | null;
  overdue_notified_at: string | null;
  submitted_at: ColumnType<string, string | undefined, string>;
  triaged_at: string | null;
  published_at: string | null;
  claimed_at: string | null;
  started_at: string | null;
  completed_at: string | null;
  rated_at: string | null;
  closed_at: string | null;
  updated_at: Updated;
}
export interface DemandEventTable {
  id: Generated<number>;
  demand_id: number;
  at: ColumnType<string, string | undefined, never>;
  actor_person_id: number | null;
  actor_label: string;
  action: string;
  from_state: string | null;
  to_state: string | null;
  note: Generated<string>;
  public: Generated<boolean>;
}
export interface DemandAssigneeTable {
  demand_id: number;
  round: number;
  person_id: number;
  assigned_by: number | null;
  assigned_at: Created;
}
export interface DemandServiceTable {
  demand_id: number;
  round: number;
  person_id: number;
  minutes: number;
  recorded_by: number | null;
  recorded_at: Created;
}
export interface DemandPhotoTable {
  id: Generated<number>;
  demand_id: number;
  round: number;
  url: string | null;
  file_name: string | null;
  mime: string | null;
  content: Buffer | null;
  uploaded_by: number | null;
  created_at: Created;
}
export interface DemandRatingTable {
  id: Generated<number>;
  demand_id: number;
  round: number;
  score: number;
  comment: Generated<string>;
  via: string;
  rated_by: number | null;
  unit_id: number | null;
  team: Generated<string>;
  /** The team credited with the rating, when a team served (0410). */
  team_id: number | null;
  created_at: ColumnType<string, string | undefined, never>;
}
export interface DemandRatingMemberTable {
  rating_id: number;
  person_id: number;
}
export interface DemandSigningKeyTable {
  name: string;
  secret: string;
  created_at: Created;
}

/** Tables of the service-demands module (Kysely types); the database interface in db/types.ts extends this. */
export interface ServiceDemandTables {
  demand_category: DemandCategoryTable;
  open311_client: Open311ClientTable;
  demand: DemandTable;
  demand_event: DemandEventTable;
  demand_assignee: DemandAssigneeTable;
  demand_service: DemandServiceTable;
  demand_photo: DemandPhotoTable;
  demand_rating: DemandRatingTable;
  demand_rating_member: DemandRatingMemberTable;
  demand_signing_key: DemandSigningKeyTable;
}
