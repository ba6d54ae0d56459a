/**
 * The public shape of the demo school (units, people, partners, grid units, grants, accounts) and its shared
 * constants. Re-exported by `demo-school.ts`.
 */
import type { PartnerKind } from './demo-catalog';

export type DemoSize = 'small' | 'standard' | 'large';
export type RoleName =
  | 'committee_admin'
  | 'org_dept'
  | 'publicity'
  | 'student_affairs'
  | 'union'
  | 'local_coop'
  | 'hr'
  | 'research_office'
  | 'party_research_center'
  | 'party_school'
  | 'general_branch_secretary'
  | 'branch_secretary'
  | 'member';
export type PoliticalStatus = 'member' | 'probationary' | 'activist' | 'masses';

export interface DemoUnit {
  key: string;
  parentKey: string | null;
  type: 'committee' | 'general_branch' | 'direct_branch' | 'branch';
  branchKind: 'staff' | 'student' | 'joint' | null;
  name: string;
  code: string;
  /** For joint branches (校地支部联建): the partner they are built with. */
  partnerKey: string | null;
}
export interface DemoPerson {
  key: string;
  name: string;
  gender: 'male' | 'female';
  kind: 'staff' | 'student';
  /** 工号 (T + hire year + 4 digits) for staff, 学号 (year + college + class + seq) for students; unique. */
  staffNo: string;
  idNumber: string;
  phone: string;
  politicalStatus: PoliticalStatus;
  cadreLevel: 'none' | 'section' | 'division' | 'bureau';
  fulltimePartyWorker: boolean;
  skills: string[];
  specialty: string;
  department: string;
  major: string | null;
  campus: string;
  developmentStage: 'none' | 'backbone' | 'member' | 'leader';
  /** Always a `branch` or `direct_branch`. */
  unitKey: string;
  joinedPartyOn: string | null;
  birthDate: string;
}
export interface DemoPartner {
  key: string;
  name: string;
  kind: PartnerKind;
  ownerUnitKey: string;
  address: string;
  contactName: string;
  contactPhone: string;
}
export interface DemoGridUnit {
  key: string;
  name: string;
  kind: 'team' | 'class' | 'dorm' | 'club' | 'online';
  ownerUnitKey: string;
  campus: string;
  coveringBranchKey: string | null;
  contactPersonKey: string | null;
}
export interface DemoGrant {
  personKey: string;
  role: RoleName;
  unitKey: string;
}
export interface DemoAccount {
  username: string;
  personKey: string;
  label: string;
  isSystemAdmin: boolean;
}
export interface DemoSchool {
  units: DemoUnit[];
  people: DemoPerson[];
  partners: DemoPartner[];
  gridUnits: DemoGridUnit[];
  grants: DemoGrant[];
  accounts: DemoAccount[];
}

export const DEMO_PASSWORD = 'Demo@2026';
export const SCHOOL_NAME = '江南师范大学';
export const ROLE_LABELS: Record<RoleName, string> = {
  committee_admin: '党委管理员',
  org_dept: '组织部',
  publicity: '宣传部',
  student_affairs: '学工部（学生处）',
  union: '校工会',
  local_coop: '校地合作处',
  hr: '人事处',
  research_office: '科技与学科建设处',
  party_research_center: '党建研究中心',
  party_school: '党校',
  general_branch_secretary: '党总支书记',
  branch_secretary: '党支部书记',
  member: '党员',
};
