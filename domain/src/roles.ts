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
  'volunteer.view': '查看志愿服务记录（活动、时长、证明）',
  'volunteer.manage': '组织志愿服务活动、确认时长、出具志愿服务证明',
  'venue.manage': '管理服务阵地、值班与服务记录',
  'demand.view': '查看服务需求（含需求人联系方式）',
  'demand.intake': '代为登记服务需求（三联走访等）',
  'demand.triage.staff': '分拣、发布教职工需求',
  'demand.triage.student': '分拣、发布学生需求',
  'demand.triage.society': '分拣、发布社会需求',
  'demand.assign': '指派服务需求',
  'demand.claim': '以组织名义认领服务需求、安排党员',
  'demand.serve': '以个人名义认领并完成服务需求',
  'demand.category.manage': '管理服务需求类别与时限',
  'assessment.manage': '制定考核指标体系、组织年度考核',
  'funding.view': '查看党建经费（下拨、支出、执行率、达标情况）',
  'funding.manage': '向下级下拨经费、登记本单位支出、审批下级的大额支出',
  'funding.rules': '制定年度经费标准与专项经费',
} as const;
export type Permission = keyof typeof PERMISSIONS;

const VIEW: Permission[] = ['org.view', 'people.view', 'report.view', 'volunteer.view'];
const SECRETARY: Permission[] = [
  ...VIEW,
  'people.manage',
  'people.sensitive',
  'transfer.approve',
  'grid.manage',
  'audit.view',
  'import.run',
  'volunteer.manage',
  'venue.manage',
  'funding.view',
  'funding.manage',
];

// Service demands (seed 三(六)1): the union, student affairs and local cooperation collect and triage their
// channel's needs; the organization department allocates; secretaries organize members to take needs up.
const DEMAND_OFFICE: Permission[] = ['demand.view', 'demand.intake'];
const DEMAND_SECRETARY: Permission[] = ['demand.view', 'demand.intake', 'demand.claim', 'demand.serve'];
const DEMAND_ORG_DEPT: Permission[] = [
  ...DEMAND_OFFICE,
  'demand.triage.staff',
  'demand.triage.student',
  'demand.triage.society',
  'demand.assign',
  'demand.category.manage',
];

export const ROLE_PERMISSIONS: Record<RoleName, readonly Permission[]> = {
  committee_admin: [...VIEW, 'audit.view', 'demand.view', 'funding.view'],
  org_dept: [
    ...SECRETARY,
    'org.manage',
    'partner.manage',
    'grants.manage',
    ...DEMAND_ORG_DEPT,
    'assessment.manage',
    'funding.rules',
  ],
  publicity: VIEW,
  student_affairs: [...VIEW, 'volunteer.manage', 'venue.manage', ...DEMAND_OFFICE, 'demand.triage.student'],
  union: [...VIEW, ...DEMAND_OFFICE, 'demand.triage.staff'],
  local_coop: [
    ...VIEW,
    'partner.manage',
    'volunteer.manage',
    'venue.manage',
    ...DEMAND_OFFICE,
    'demand.triage.society',
  ],
  hr: VIEW,
  research_office: VIEW,
  party_research_center: VIEW,
  party_school: VIEW,
  general_branch_secretary: [...SECRETARY, 'org.manage', 'partner.manage', 'grants.manage', ...DEMAND_SECRETARY],
  branch_secretary: [...SECRETARY, ...DEMAND_SECRETARY],
  member: ['org.view', 'people.view', 'demand.serve'],
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

// English twins of the labels above, for the web in English (the Chinese stays the source and what the server
// writes into exports and audit entries). Typed by the Chinese maps' keys, so a new role or permission
// without English fails the type check.
export const ROLE_LABELS_EN: Record<RoleName, string> = {
  committee_admin: 'Party committee',
  org_dept: 'Organization department',
  publicity: 'Publicity department',
  student_affairs: 'Student affairs',
  union: 'Trade union',
  local_coop: 'Local cooperation office',
  hr: 'Human resources',
  research_office: 'Research office',
  party_research_center: 'Party-building research center',
  party_school: 'Party school',
  general_branch_secretary: 'General-branch secretary',
  branch_secretary: 'Branch secretary',
  member: 'Party member',
};

export const PERMISSIONS_EN: Record<Permission, string> = {
  'org.view': 'View the organization tree',
  'org.manage': 'Manage units (create, rename, move, close)',
  'partner.manage': 'Manage partner organizations',
  'grid.manage': 'Manage grid units',
  'people.view': 'View the people register',
  'people.manage': "Maintain people's records",
  'people.sensitive': 'See full phone and ID numbers',
  'transfer.approve': 'Approve incoming membership transfers',
  'grants.manage': 'Grant and revoke roles',
  'audit.view': 'View the audit log',
  'import.run': 'Import rosters',
  'report.view': 'View reports and figures',
  'volunteer.view': 'View volunteering records (activities, hours, certificates)',
  'volunteer.manage': 'Organize volunteering activities, confirm hours, issue certificates',
  'venue.manage': 'Manage service venues, duty rosters and service logs',
  'demand.view': "View service demands (with the requester's contact)",
  'demand.intake': 'File service demands on behalf of others (contact visits and the like)',
  'demand.triage.staff': "Triage and publish staff's demands",
  'demand.triage.student': "Triage and publish students' demands",
  'demand.triage.society': "Triage and publish the community's demands",
  'demand.assign': 'Assign service demands',
  'demand.claim': 'Claim demands for a unit and assign members',
  'demand.serve': 'Take up and complete demands in person',
  'demand.category.manage': 'Manage demand categories and time limits',
  'assessment.manage': 'Set assessment indicators and run the annual assessment',
  'funding.view': 'View Party-building funds (allocations, spending, execution, compliance)',
  'funding.manage': "Allocate funds downward, record the unit's spending, approve large expenses below",
  'funding.rules': 'Set the yearly funding standards and special funds',
};
