/** Roles of DOMAIN.md §2 and the permissions each carries. A grant of a role on a unit covers its subtree. */
export const ROLE_NAMES = [
  'committee_admin',
  'org_dept',
  'publicity',
  'student_affairs',
  'union',
  'local_coop',
  'hr',
  'research_office',
  'party_research_center',
  'party_school',
  'general_branch_secretary',
  'branch_secretary',
  'member',
] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

export const ROLE_LABELS: Record<RoleName, string> = {
  committee_admin: '党委',
  org_dept: '党委组织部',
  publicity: '党委宣传部',
  student_affairs: '学生工作部（学生处）',
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

export const PERMISSIONS = {
  'org.view': '查看组织架构',
  'org.manage': '管理组织（新建、更名、移动、撤销）',
  'partner.manage': '管理共建单位',
  'grid.manage': '管理网格单元',
  'people.view': '查看人员名册',
  'people.manage': '维护人员信息',
  'people.sensitive': '查看完整手机号与身份证号',
  'transfer.approve': '审批组织关系转入',
  'grants.manage': '授予与收回角色',
  'audit.view': '查看审计日志',
  'import.run': '导入名册',
  'report.view': '查看统计报表',
} as const;
export type Permission = keyof typeof PERMISSIONS;

const VIEW: Permission[] = ['org.view', 'people.view', 'report.view'];
const SECRETARY: Permission[] = [
  ...VIEW,
  'people.manage',
  'people.sensitive',
  'transfer.approve',
  'grid.manage',
  'audit.view',
  'import.run',
];

export const ROLE_PERMISSIONS: Record<RoleName, readonly Permission[]> = {
  committee_admin: [...VIEW, 'audit.view'],
  org_dept: [...SECRETARY, 'org.manage', 'partner.manage', 'grants.manage'],
  publicity: VIEW,
  student_affairs: VIEW,
  union: VIEW,
  local_coop: [...VIEW, 'partner.manage'],
  hr: VIEW,
  research_office: VIEW,
  party_research_center: VIEW,
  party_school: VIEW,
  general_branch_secretary: [...SECRETARY, 'org.manage', 'partner.manage', 'grants.manage'],
  branch_secretary: SECRETARY,
  member: ['org.view', 'people.view'],
};

/** Roles a holder of `grants.manage` may hand out: nobody grants a role above their own reach. */
export const GRANTABLE_BY: Record<RoleName, readonly RoleName[]> = {
  committee_admin: [],
  org_dept: ROLE_NAMES.filter((r) => r !== 'committee_admin'),
  publicity: [],
  student_affairs: [],
  union: [],
  local_coop: [],
  hr: [],
  research_office: [],
  party_research_center: [],
  party_school: [],
  general_branch_secretary: ['branch_secretary', 'member'],
  branch_secretary: [],
  member: [],
};
