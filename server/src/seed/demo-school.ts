/**
 * A deterministic demo school: 「江南师范大学」 (fictional), its Party organization tree, people, partners,
 * grid units, role grants and the named demo accounts. Pure: same (size, seed) → deep-equal output.
 */
import {
  addYears,
  apportion,
  CAMPUSES,
  type Campus,
  COLLEGES,
  type College,
  cnNumber,
  DIRECTS,
  type DirectDef,
  daysFromCivil,
  formatDays,
  JOINT_COLLEGES,
  OFFICE_FIELDS,
  OFFICES,
  PARTNERS,
  type PartnerKind,
  parseDate,
  Rng,
  randomDayInYears,
  randomIdNumber,
  randomName,
  randomPhone,
  SKILLS,
  TALENTS,
  WeightedTable,
} from './demo-names';

export type { Campus } from './demo-names';

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

/** The demo's "today": joining dates and ages are computed against it. */
const REF_YEAR = 2026;
const REF_DAY = daysFromCivil(REF_YEAR, 11, 27);
const UG_YEARS = [2023, 2024, 2025, 2026];
const GRAD_YEARS = [2024, 2025, 2026];

interface SizeConfig {
  colleges: string[] | null;
  directs: number;
  officeBranches: number;
  people: number;
  partners: number;
  staffBranches: (c: College) => number;
  ugBranches: (c: College) => number;
  gradBranches: (c: College) => number;
}
const SIZES: Record<DemoSize, SizeConfig> = {
  small: {
    colleges: ['WX', 'SX'],
    directs: 1,
    officeBranches: 2,
    people: 180,
    partners: 4,
    staffBranches: () => 1,
    ugBranches: () => 1,
    gradBranches: () => 1,
  },
  standard: {
    colleges: null,
    directs: 3,
    officeBranches: 3,
    people: 2000,
    partners: 20,
    staffBranches: (c) => (c.big ? 2 : 1),
    ugBranches: (c) => (c.big ? 2 : 1),
    gradBranches: () => 1,
  },
  large: {
    colleges: null,
    directs: 3,
    officeBranches: 10,
    people: 30000,
    partners: 30,
    staffBranches: (c) => (c.big ? 4 : 3),
    ugBranches: (c) => (c.big ? 6 : 5),
    gradBranches: (c) => (c.big ? 3 : 2),
  },
};

/** School-wide full-time Party worker weights per top unit: uneven on purpose (some units under 1 %). */
const FULLTIME_FACTORS = [1.8, 0.3, 1.4, 0.6, 1.2, 0.5, 1.6, 0.9, 1.1, 0.4, 1.5, 0.7, 1.0, 0.8, 1.3, 0.6];

const STATUS = (m: number, p: number, a: number, x: number) =>
  new WeightedTable<PoliticalStatus>([
    ['member', m],
    ['probationary', p],
    ['activist', a],
    ['masses', x],
  ]);
const STAFF_STATUS = STATUS(78, 4, 6, 12);
const JOINT_STAFF_STATUS = STATUS(90, 5, 5, 0);
const JOINT_STUDENT_STATUS = STATUS(60, 40, 0, 0);
/** Undergraduates by years since enrolment: freshmen are not members yet. */
const UG_STATUS = [STATUS(0, 0, 30, 70), STATUS(3, 10, 35, 52), STATUS(15, 15, 30, 40), STATUS(25, 12, 25, 38)];
const GRAD_STATUS = [STATUS(35, 8, 15, 42), STATUS(40, 10, 15, 35), STATUS(45, 8, 12, 35)];
const CADRE_LEVELS = new WeightedTable<DemoPerson['cadreLevel']>([
  ['section', 60],
  ['division', 32],
  ['bureau', 8],
]);
const SKILL_COUNT = new WeightedTable([
  [0, 20],
  [1, 35],
  [2, 30],
  [3, 15],
] as const);

const ROOT_ROLES: [username: string, role: RoleName, department: string][] = [
  ['dangwei', 'committee_admin', '党委办公室'],
  ['zuzhibu', 'org_dept', '党委组织部'],
  ['xuanchuan', 'publicity', '党委宣传部'],
  ['xuegong', 'student_affairs', '学生工作处'],
  ['gonghui', 'union', '校工会'],
  ['xiaodi', 'local_coop', '校地合作处'],
  ['renshi', 'hr', '人事处'],
  ['keji', 'research_office', '科技与学科建设处'],
  ['dangjian', 'party_research_center', '党建研究中心'],
  ['dangxiao', 'party_school', '党校'],
];

// ---------------------------------------------------------------- generator

type BranchRole = 'staff' | 'ug' | 'grad' | 'joint' | 'office' | 'direct';
interface Top {
  unit: DemoUnit;
  kind: 'college' | 'office' | 'direct';
  college: College | null;
  collegeNo: number;
  name: string;
  campus: Campus | null;
  fields: string[];
  skills: string[];
  branches: Branch[];
}
interface Branch {
  unit: DemoUnit;
  role: BranchRole;
  top: Top;
  staff: DemoPerson[];
  students: DemoPerson[];
}
interface ClassInfo {
  name: string;
  branch: Branch;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const fieldOf = (team: string) => team.replace(/(教研室|研究所|实验室|中心)$/, '');

export function generateDemoSchool(size: DemoSize, seed = 20261127): DemoSchool {
  const b = new Builder(SIZES[size], new Rng(seed));
  b.buildTree();
  b.populate();
  b.assignFulltimeWorkers();
  b.assignSecretaries();
  b.assignNamedStaff();
  b.assignCadres();
  for (const p of b.people) settleJoinDate(b.rng, p);
  b.assignNamedStudents();
  b.assignDevelopmentStages();
  b.buildPartners();
  b.buildGrid();
  b.grantMembers();
  return {
    units: b.units,
    people: b.people,
    partners: b.partners,
    gridUnits: b.gridUnits,
    grants: b.grants,
    accounts: b.accounts,
  };
}

/** The generation phases share this state; each phase is a method, run in a fixed order. */
class Builder {
  readonly units: DemoUnit[] = [];
  readonly people: DemoPerson[] = [];
  readonly partners: DemoPartner[] = [];
  readonly gridUnits: DemoGridUnit[] = [];
  readonly grants: DemoGrant[] = [];
  readonly accounts: DemoAccount[] = [];
  private readonly tops: Top[] = [];
  private readonly branches: Branch[] = [];
  private readonly classes: ClassInfo[] = [];
  private readonly ids = new Set<string>();
  private readonly phones = new Set<string>();
  private readonly counters = new Map<string, number>();
  /** People already given a named role (secretary or demo account): nobody gets two. */
  private readonly used = new Set<DemoPerson>();
  private readonly leaders = new Set<DemoPerson>();
  private readonly secretaryOf = new Map<string, DemoPerson>();
  private root!: DemoUnit;

  constructor(
    private readonly cfg: SizeConfig,
    readonly rng: Rng,
  ) {}

  private unit(
    key: string,
    parentKey: string | null,
    type: DemoUnit['type'],
    branchKind: DemoUnit['branchKind'],
    name: string,
    code: string,
  ) {
    const u: DemoUnit = { key, parentKey, type, branchKind, name, code, partnerKey: null };
    this.units.push(u);
    return u;
  }

  private next(key: string, start = 1): number {
    const n = this.counters.get(key) ?? start;
    this.counters.set(key, n + 1);
    return n;
  }

  private addBranch(top: Top, role: BranchRole, suffix: string, name: string, kind: DemoUnit['branchKind']) {
    const code = `${top.unit.code}-${suffix}`;
    const unit = role === 'direct' ? top.unit : this.unit(code.toLowerCase(), top.unit.key, 'branch', kind, name, code);
    const b: Branch = { unit, role, top, staff: [], students: [] };
    top.branches.push(b);
    this.branches.push(b);
  }

  // ---- the tree: committee → general branches (colleges + 机关) → branches; direct branches under the root
  buildTree(): void {
    const { cfg } = this;
    this.root = this.unit('jnsd', null, 'committee', null, `中共${SCHOOL_NAME}委员会`, 'JNSD');
    for (const c of COLLEGES.filter((x) => cfg.colleges === null || cfg.colleges.includes(x.abbr))) {
      const code = `JNSD-${c.abbr}`;
      const top: Top = {
        unit: this.unit(code.toLowerCase(), this.root.key, 'general_branch', null, `${c.name}党总支`, code),
        kind: 'college',
        college: c,
        collegeNo: COLLEGES.indexOf(c) + 1,
        name: c.name,
        campus: c.campus,
        fields: c.teams.map(fieldOf),
        skills: c.skills,
        branches: [],
      };
      this.tops.push(top);
      for (let i = 1; i <= cfg.staffBranches(c); i++)
        this.addBranch(top, 'staff', `JG${i}`, `${c.name}教工第${cnNumber(i)}党支部`, 'staff');
      for (let i = 1; i <= cfg.ugBranches(c); i++)
        this.addBranch(top, 'ug', `BK${i}`, `${c.name}本科生第${cnNumber(i)}党支部`, 'student');
      const grads = cfg.gradBranches(c);
      for (let i = 1; i <= grads; i++) {
        const nth = grads > 1 ? `第${cnNumber(i)}` : '';
        this.addBranch(top, 'grad', grads > 1 ? `YJS${i}` : 'YJS', `${c.name}研究生${nth}党支部`, 'student');
      }
      if (JOINT_COLLEGES.has(c.abbr)) this.addBranch(top, 'joint', 'LJ', `${c.name}校地联建党支部`, 'joint');
    }
    const office: Top = {
      unit: this.unit('jnsd-jg', this.root.key, 'general_branch', null, '机关党总支', 'JNSD-JG'),
      kind: 'office',
      college: null,
      collegeNo: 0,
      name: '机关',
      campus: '仙林校区',
      fields: OFFICE_FIELDS,
      skills: ['政策宣讲', '法律咨询'],
      branches: [],
    };
    this.tops.push(office);
    for (let i = 1; i <= cfg.officeBranches; i++)
      this.addBranch(office, 'office', `ZB${i}`, `机关第${cnNumber(i)}党支部`, 'staff');
    for (const d of DIRECTS.slice(0, cfg.directs)) {
      const code = `JNSD-${d.abbr}`;
      const unit = this.unit(code.toLowerCase(), this.root.key, 'direct_branch', 'staff', `${d.name}直属党支部`, code);
      const top: Top = {
        unit,
        kind: 'direct',
        college: null,
        collegeNo: 0,
        name: d.name,
        campus: d.campus,
        fields: d.fields,
        skills: [],
        branches: [],
      };
      this.tops.push(top);
      this.addBranch(top, 'direct', '', unit.name, 'staff');
    }
  }

  // ---- people: staff in staff/office/direct/joint branches, students in classes of student branches
  populate(): void {
    const { rng, cfg, branches } = this;
    const n = Math.round(cfg.people * rng.between(0.97, 1.03));
    const staffTotal = Math.round(n * rng.between(0.21, 0.24));
    const jitter = () => rng.between(0.8, 1.2);
    // Weights spread the people; minimums guarantee enough staff for every secretary and named account.
    const staffWeight = (b: Branch): number => {
      switch (b.role) {
        case 'staff':
          return jitter();
        case 'office':
          return 1.2 * jitter();
        case 'joint':
          return 0.3;
        case 'direct':
          return (DIRECTS.find((d) => d.name === b.top.name) as DirectDef).weight;
        default:
          return 0;
      }
    };
    const staffWeights = branches.map(staffWeight);
    const staffMins = branches.map(
      (b) => ({ staff: 6, office: Math.ceil(16 / cfg.officeBranches), joint: 3, direct: 4, ug: 0, grad: 0 })[b.role],
    );
    const studentWeights = branches.map((b) =>
      b.role === 'ug' ? jitter() : b.role === 'grad' ? 0.55 * jitter() : b.role === 'joint' ? 0.25 : 0,
    );
    const studentMins = branches.map((b) => ({ ug: 20, grad: 10, joint: 3, staff: 0, office: 0, direct: 0 })[b.role]);
    const staffCounts = apportionWithMin(staffTotal, staffWeights, staffMins);
    const studentCounts = apportionWithMin(n - staffTotal, studentWeights, studentMins);
    branches.forEach((b, bi) => {
      for (let i = 0; i < (staffCounts[bi] as number); i++) this.addStaff(b);
      const students = studentCounts[bi] as number;
      if (students === 0) return;
      const c = b.top.college as College;
      if (b.role === 'joint') {
        for (let i = 0; i < students; i++) {
          const year = rng.pick(UG_YEARS.slice(0, 3));
          const seq = this.next(`${c.abbr}|${year}|joint`) - 1;
          this.addStudent(b, year, rng.pick(c.majors), 80 + Math.floor(seq / 90), (seq % 90) + 1);
        }
        return;
      }
      const grad = b.role === 'grad';
      const j = b.top.branches.filter((x) => x.role === b.role).indexOf(b);
      const sizes = apportion(
        students,
        Array.from({ length: Math.max(1, Math.round(students / 30)) }, () => 1),
      );
      sizes.forEach((classSize, k) => {
        const years = grad ? GRAD_YEARS : UG_YEARS;
        const year = years[(j + k) % years.length] as number;
        const major = rng.pick(grad ? c.gradMajors : c.majors);
        const no = this.next(`${c.abbr}|${year}|${major}|${grad}`);
        const classCode = this.next(`${c.abbr}|${year}|${grad}`, grad ? 51 : 1);
        this.classes.push({ name: `${year}级${major}${grad ? '研究生' : ''}${no}班`, branch: b });
        for (let s = 1; s <= classSize; s++) this.addStudent(b, year, major, classCode, s);
      });
    });
  }

  private person(
    b: Branch,
    kind: DemoPerson['kind'],
    gender: DemoPerson['gender'],
    birth: number,
    staffNo: string,
    status: PoliticalStatus,
    extra: Partial<DemoPerson>,
  ) {
    const { rng } = this;
    const birthDate = formatDays(birth);
    const skillCount = rng.weighted(SKILL_COUNT);
    const skills = new Set<string>();
    while (skills.size < skillCount)
      skills.add(b.top.skills.length > 0 && rng.chance(0.4) ? rng.pick(b.top.skills) : rng.pick(SKILLS));
    const p: DemoPerson = {
      key: `p${pad(this.people.length + 1, 5)}`,
      name: randomName(rng, gender),
      gender,
      kind,
      staffNo,
      idNumber: randomIdNumber(rng, birthDate, gender, this.ids),
      phone: randomPhone(rng, this.phones),
      politicalStatus: status,
      cadreLevel: 'none',
      fulltimePartyWorker: false,
      skills: [...skills],
      specialty: '',
      department: b.top.name,
      major: null,
      campus: b.top.campus ?? rng.pick(CAMPUSES),
      developmentStage: 'none',
      unitKey: b.unit.key,
      joinedPartyOn: null,
      birthDate,
      ...extra,
    };
    this.people.push(p);
    (kind === 'staff' ? b.staff : b.students).push(p);
  }

  private addStaff(b: Branch): void {
    const { rng } = this;
    const birth = randomDayInYears(rng, 1962, 2000);
    const birthYear = Number(formatDays(birth).slice(0, 4));
    const hireYear = Math.min(REF_YEAR, Math.max(1985, birthYear + rng.int(24, 31)));
    const staffNo = `T${hireYear}${pad(this.next(`hire|${hireYear}`), 4)}`;
    this.person(
      b,
      'staff',
      rng.chance(0.5) ? 'female' : 'male',
      birth,
      staffNo,
      rng.weighted(b.role === 'joint' ? JOINT_STAFF_STATUS : STAFF_STATUS),
      {
        specialty: rng.pick(b.top.fields),
        department: b.role === 'office' ? rng.pick(OFFICES) : b.top.name,
        campus: b.top.campus && rng.chance(0.9) ? b.top.campus : rng.pick(CAMPUSES),
      },
    );
  }

  private addStudent(b: Branch, year: number, major: string, classCode: number, seq: number): void {
    const { rng } = this;
    const c = b.top.college as College;
    const grad = b.role === 'grad';
    const birthYear = grad ? year - rng.int(22, 25) : year - 18 - (rng.chance(0.35) ? 1 : 0);
    const table = (
      b.role === 'joint' ? JOINT_STUDENT_STATUS : grad ? GRAD_STATUS[year - 2024] : UG_STATUS[REF_YEAR - year]
    ) as WeightedTable<PoliticalStatus>;
    this.person(
      b,
      'student',
      rng.chance(c.female) ? 'female' : 'male',
      randomDayInYears(rng, birthYear, birthYear),
      `${year}${pad(b.top.collegeNo, 2)}${pad(classCode, 2)}${pad(seq, 2)}`,
      rng.weighted(table),
      { specialty: rng.pick(TALENTS), major },
    );
  }

  // ---- full-time Party/ideological workers (counselors, organization staff): ≈1 % school-wide, uneven by unit
  assignFulltimeWorkers(): void {
    const { rng, tops } = this;
    const factors = rng.shuffle(FULLTIME_FACTORS.slice(0, Math.max(tops.length, 4))).slice(0, tops.length);
    const topPeople = tops.map((t) => t.branches.reduce((a, b) => a + b.staff.length + b.students.length, 0));
    const total = Math.round(this.people.length * 0.01 * rng.between(0.92, 1.08));
    const perTop = apportion(
      total,
      topPeople.map((p, i) => p * (factors[i] as number)),
    );
    tops.forEach((t, i) => {
      const pool = rng.shuffle(t.branches.filter((b) => b.role !== 'joint').flatMap((b) => b.staff));
      for (const p of pool.slice(0, perTop[i])) {
        p.fulltimePartyWorker = true;
        p.politicalStatus = 'member';
        p.specialty = '思想政治教育';
        if (t.kind === 'office') p.department = rng.pick(['党委组织部', '学生工作处', '党委宣传部', '党委办公室']);
      }
    });
  }

  /** Picks an unused person from the pool, preferring `prefer`, then members; makes them a member. */
  private choose(pool: DemoPerson[], prefer: (p: DemoPerson) => boolean = () => false, makeMember = true): DemoPerson {
    const free = pool.filter((p) => !this.used.has(p));
    const tier = [free.filter(prefer), free.filter((p) => p.politicalStatus === 'member'), free].find(
      (t) => t.length > 0,
    );
    if (!tier) throw new Error('demo school: not enough people to fill the named roles');
    const p = this.rng.pick(tier);
    this.used.add(p);
    if (makeMember) p.politicalStatus = 'member';
    return p;
  }

  private account(username: string, p: DemoPerson, label: string, isSystemAdmin = false): void {
    this.accounts.push({ username, personKey: p.key, label, isSystemAdmin });
  }

  private branch(code: string): Branch {
    return this.branches.find((b) => b.unit.code === code) as Branch;
  }

  // ---- secretaries: every general branch and branch; student branches are led by staff (often counselors)
  assignSecretaries(): void {
    for (const t of this.tops) {
      const own = t.branches.filter((b) => b.role !== 'joint').flatMap((b) => b.staff);
      if (t.kind !== 'direct') {
        const sec = this.choose(own, (p) => !p.fulltimePartyWorker);
        sec.cadreLevel = 'division';
        this.leaders.add(sec);
        this.secretaryOf.set(t.unit.key, sec);
        this.grants.push({ personKey: sec.key, role: 'general_branch_secretary', unitKey: t.unit.key });
      }
      for (const b of t.branches) {
        const student = b.role === 'ug' || b.role === 'grad';
        const sec = this.choose(student ? own : b.staff, student ? (p) => p.fulltimePartyWorker : undefined);
        this.leaders.add(sec);
        this.secretaryOf.set(b.unit.key, sec);
        this.grants.push({ personKey: sec.key, role: 'branch_secretary', unitKey: b.unit.key });
      }
    }
  }

  // ---- the named staff accounts
  assignNamedStaff(): void {
    const root = this.root;
    const officeStaff = (this.tops.find((t) => t.kind === 'office') as Top).branches.flatMap((b) => b.staff);
    const admin = this.choose(officeStaff, (p) => !p.fulltimePartyWorker);
    admin.department = '信息化建设管理处';
    this.account('admin', admin, '系统管理员', true);
    for (const [username, role, dept] of ROOT_ROLES) {
      const p = this.choose(officeStaff, (x) => x.department === dept);
      p.department = dept;
      this.grants.push({ personKey: p.key, role, unitKey: root.key });
      this.account(username, p, `${ROLE_LABELS[role]}（${root.name}）`);
    }
    const wx = this.tops.find((t) => t.college?.abbr === 'WX') as Top;
    const wxStudent = this.branch('JNSD-WX-BK1');
    const wxStaff = this.branch('JNSD-WX-JG1');
    const sxStudent = this.branch('JNSD-SX-BK1');
    const secretary = (u: DemoUnit) => this.secretaryOf.get(u.key) as DemoPerson;
    this.account('zongzhi', secretary(wx.unit), `${ROLE_LABELS.general_branch_secretary}（${wx.unit.name}）`);
    this.account('zhibu', secretary(wxStudent.unit), `${ROLE_LABELS.branch_secretary}（${wxStudent.unit.name}）`);
    this.account('zhibu2', secretary(sxStudent.unit), `${ROLE_LABELS.branch_secretary}（${sxStudent.unit.name}）`);
    const teacher = this.choose(wxStaff.staff, (p) => p.politicalStatus === 'member' && !p.fulltimePartyWorker);
    this.account('jiaogong', teacher, `教工党员（${wxStaff.unit.name}）`);
  }

  // ---- cadres: ~15 % of staff members (general-branch secretaries are division level)
  assignCadres(): void {
    const staffMembers = this.people.filter((p) => p.kind === 'staff' && p.politicalStatus === 'member');
    const target = Math.round(staffMembers.length * 0.15);
    let cadres = staffMembers.filter((p) => p.cadreLevel !== 'none').length;
    for (const p of this.rng.shuffle(staffMembers.filter((x) => x.cadreLevel === 'none' && !x.fulltimePartyWorker))) {
      if (cadres >= target) break;
      p.cadreLevel = this.rng.weighted(CADRE_LEVELS);
      cadres++;
    }
  }

  // ---- the named student accounts (after joining dates are settled, so statuses are final)
  assignNamedStudents(): void {
    const b = this.branch('JNSD-WX-BK1');
    let member = b.students.find((p) => p.politicalStatus === 'member' && !this.used.has(p));
    if (!member) {
      member = this.choose(b.students.filter((p) => Number(p.staffNo.slice(0, 4)) <= 2024));
      settleJoinDate(this.rng, member);
    }
    this.used.add(member);
    this.account('dangyuan', member, `学生党员（${b.unit.name}）`);
    let masses = b.students.find((p) => p.politicalStatus === 'masses' && !this.used.has(p));
    if (!masses) {
      masses = this.choose(b.students, undefined, false);
      masses.politicalStatus = 'masses';
      masses.joinedPartyOn = null;
    }
    this.used.add(masses);
    this.account('qunzhong', masses, `学生群众（${b.unit.name}）`);
  }

  // ---- development path: backbone → member → leader (三项培训计划)
  assignDevelopmentStages(): void {
    const longAgo = addYears(REF_DAY, -15);
    for (const p of this.people) {
      const senior = p.joinedPartyOn !== null && parseDate(p.joinedPartyOn) < longAgo;
      if (
        this.leaders.has(p) ||
        p.cadreLevel === 'division' ||
        p.cadreLevel === 'bureau' ||
        (senior && this.rng.chance(0.25))
      ) {
        p.developmentStage = 'leader';
      } else if (p.politicalStatus === 'member' || p.politicalStatus === 'probationary') p.developmentStage = 'member';
      else if (p.politicalStatus === 'activist' && this.rng.chance(0.45)) p.developmentStage = 'backbone';
      else p.developmentStage = 'none';
    }
  }

  // ---- partners; each joint branch takes a community or village, owned by its general branch
  buildPartners(): void {
    const { rng, root } = this;
    const kinds = ['community', 'village', 'enterprise', 'government'] as const;
    const perKind = apportion(this.cfg.partners, [40, 25, 20, 15]);
    const chosen = kinds.flatMap((k, i) => rng.shuffle(PARTNERS.filter((d) => d.kind === k)).slice(0, perKind[i]));
    const owners = this.tops.filter((t) => t.kind !== 'direct');
    chosen.forEach(({ kind, name, district, road }, i) => {
      this.partners.push({
        key: `pt${pad(i + 1, 3)}`,
        name,
        kind,
        ownerUnitKey: rng.chance(0.25) ? root.key : rng.pick(owners).unit.key,
        address: road ? `南京市${district}${road}${rng.int(1, 288)}号` : `南京市${district}${name}村民委员会`,
        contactName: randomName(rng, rng.chance(0.5) ? 'female' : 'male'),
        contactPhone: randomPhone(rng, this.phones),
      });
    });
    const local = this.partners.filter((p) => p.kind === 'community' || p.kind === 'village');
    this.branches
      .filter((b) => b.role === 'joint')
      .forEach((b, i) => {
        const p = local[i % local.length] as DemoPartner;
        p.ownerUnitKey = b.top.unit.key;
        b.unit.partnerKey = p.key;
      });
  }

  // ---- grid units (三进): teams, classes, dorms, clubs, online groups; ~10 % uncovered, ~5 % without contact
  buildGrid(): void {
    const { rng, gridUnits } = this;
    const grid = (name: string, kind: DemoGridUnit['kind'], owner: Top, campus: string, covering: Branch): void => {
      gridUnits.push({
        key: `g${pad(gridUnits.length + 1, 5)}`,
        name,
        kind,
        ownerUnitKey: owner.unit.key,
        campus,
        coveringBranchKey: covering.unit.key,
        contactPersonKey: null,
      });
    };
    const dormName = (campus: Campus) => {
      const i = this.next(`dorm|${campus}`, 0);
      if (campus === '仙林校区') return `仙林校区${['东区', '西区', '南区'][i % 3]}${Math.floor(i / 3) + 1}栋`;
      return campus === '随园校区' ? `随园校区${i + 1}号学生公寓` : `紫金校区学生公寓${i + 1}栋`;
    };
    for (const t of this.tops) {
      const campus = t.campus ?? rng.pick(CAMPUSES);
      const staffSide = t.branches.filter((b) => b.role === 'staff' || b.role === 'office' || b.role === 'direct');
      const teams =
        t.college?.teams ??
        (t.kind === 'office' ? OFFICES : (DIRECTS.find((d) => d.name === t.name) as DirectDef).teams);
      teams.forEach((team, i) => {
        grid(team, 'team', t, campus, staffSide[i % staffSide.length] as Branch);
      });
      const studentSide = t.branches.filter((b) => b.role === 'ug' || b.role === 'grad');
      for (const b of studentSide) {
        const own = this.classes.filter((c) => c.branch === b);
        for (const c of own) grid(c.name, 'class', t, campus, b);
        for (let i = 0; i < Math.min(4, Math.ceil(own.length / 2)); i++) grid(dormName(campus), 'dorm', t, campus, b);
      }
      if (t.college) {
        const ug = studentSide.filter((b) => b.role === 'ug');
        grid(t.college.club, 'club', t, campus, rng.pick(ug));
        grid(`${t.name}青年志愿者服务队`, 'club', t, campus, rng.pick(ug));
        grid(`${t.name}学生党员QQ群`, 'online', t, campus, rng.pick(studentSide));
        grid(`${t.name}教工党员微信群`, 'online', t, campus, rng.pick(staffSide));
      } else if (t.kind === 'office') {
        grid(`${SCHOOL_NAME}青年志愿者协会`, 'club', t, campus, rng.pick(staffSide));
        grid('机关党员微信群', 'online', t, campus, rng.pick(staffSide));
      }
    }
    const order = rng.shuffle(gridUnits.map((_, i) => i));
    const uncovered = Math.max(1, Math.round(gridUnits.length * 0.1));
    const noContact = Math.max(1, Math.round(gridUnits.length * 0.05));
    for (const i of order.slice(0, uncovered)) (gridUnits[i] as DemoGridUnit).coveringBranchKey = null;
    const members = new Map<string, DemoPerson[]>();
    for (const p of this.people) {
      if (p.politicalStatus !== 'member') continue;
      const list = members.get(p.unitKey);
      if (list) list.push(p);
      else members.set(p.unitKey, [p]);
    }
    for (const i of order.slice(uncovered + noContact)) {
      const g = gridUnits[i] as DemoGridUnit;
      const pool = members.get(g.coveringBranchKey as string) ?? [];
      if (pool.length > 0) g.contactPersonKey = rng.pick(pool).key;
    }
  }

  // ---- every member and probationary member holds `member` on their own unit
  grantMembers(): void {
    for (const p of this.people) {
      if (p.politicalStatus === 'member' || p.politicalStatus === 'probationary') {
        this.grants.push({ personKey: p.key, role: 'member', unitKey: p.unitKey });
      }
    }
  }
}

function apportionWithMin(total: number, weights: number[], mins: number[]): number[] {
  const rest = apportion(total - mins.reduce((a, b) => a + b, 0), weights);
  return mins.map((m, i) => m + (rest[i] as number));
}

/** Sets joinedPartyOn from the status, downgrading a status the person's age or enrolment makes impossible. */
function settleJoinDate(rng: Rng, p: DemoPerson): void {
  const adult = addYears(parseDate(p.birthDate), 18);
  const enrolled = p.kind === 'student' ? daysFromCivil(Number(p.staffNo.slice(0, 4)), 10, 1) : adult;
  const yearAgo = addYears(REF_DAY, -1);
  p.joinedPartyOn = null;
  if (p.politicalStatus === 'member') {
    const from = Math.max(adult, enrolled);
    const to = yearAgo - 1;
    if (from <= to) {
      p.joinedPartyOn = formatDays(rng.int(from, Math.min(to, from + 12 * 365)));
      return;
    }
    p.politicalStatus = 'probationary';
  }
  if (p.politicalStatus === 'probationary') {
    const from = Math.max(adult, enrolled, yearAgo);
    const to = REF_DAY - 20;
    if (from <= to) {
      p.joinedPartyOn = formatDays(rng.int(from, to));
      return;
    }
    p.politicalStatus = 'activist';
  }
}
