/**
 * A deterministic demo school: 「江南师范大学」 (fictional), its Party organization tree, people, partners,
 * grid units, role grants and the named demo accounts. Pure: same (size, seed) → deep-equal output.
 */
import {
  Rng,
  WeightedTable,
  addYears,
  apportion,
  cnNumber,
  daysFromCivil,
  formatDays,
  parseDate,
  randomDayInYears,
  randomIdNumber,
  randomName,
  randomPhone,
} from './demo-names';

export type DemoSize = 'small' | 'standard' | 'large';
export type RoleName =
  | 'committee_admin' | 'org_dept' | 'publicity' | 'student_affairs' | 'union' | 'local_coop' | 'hr'
  | 'research_office' | 'party_research_center' | 'party_school' | 'general_branch_secretary'
  | 'branch_secretary' | 'member';
export type PoliticalStatus = 'member' | 'probationary' | 'activist' | 'masses';
export type Campus = '仙林校区' | '随园校区' | '紫金校区';

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
  key: string; name: string; gender: 'male' | 'female'; kind: 'staff' | 'student';
  /** 工号 (T + hire year + 4 digits) for staff, 学号 (year + college + class + seq) for students; unique. */
  staffNo: string;
  idNumber: string; phone: string; politicalStatus: PoliticalStatus;
  cadreLevel: 'none' | 'section' | 'division' | 'bureau'; fulltimePartyWorker: boolean;
  skills: string[]; specialty: string; department: string; major: string | null; campus: string;
  developmentStage: 'none' | 'backbone' | 'member' | 'leader';
  /** Always a `branch` or `direct_branch`. */
  unitKey: string;
  joinedPartyOn: string | null; birthDate: string;
}
export interface DemoPartner {
  key: string; name: string; kind: 'community' | 'village' | 'enterprise' | 'government';
  ownerUnitKey: string; address: string; contactName: string; contactPhone: string;
}
export interface DemoGridUnit {
  key: string; name: string; kind: 'team' | 'class' | 'dorm' | 'club' | 'online'; ownerUnitKey: string;
  campus: string; coveringBranchKey: string | null; contactPersonKey: string | null;
}
export interface DemoGrant { personKey: string; role: RoleName; unitKey: string }
export interface DemoAccount { username: string; personKey: string; label: string; isSystemAdmin: boolean }
export interface DemoSchool {
  units: DemoUnit[]; people: DemoPerson[]; partners: DemoPartner[]; gridUnits: DemoGridUnit[];
  grants: DemoGrant[]; accounts: DemoAccount[];
}

export const DEMO_PASSWORD = 'Demo@2026';
export const SCHOOL_NAME = '江南师范大学';
export const ROLE_LABELS: Record<RoleName, string> = {
  committee_admin: '党委管理员', org_dept: '组织部', publicity: '宣传部', student_affairs: '学工部（学生处）',
  union: '校工会', local_coop: '校地合作处', hr: '人事处', research_office: '科技与学科建设处',
  party_research_center: '党建研究中心', party_school: '党校', general_branch_secretary: '党总支书记',
  branch_secretary: '党支部书记', member: '党员',
};

/** The demo's "today": joining dates and ages are computed against it. */
const REF_YEAR = 2026;
const REF_DAY = daysFromCivil(REF_YEAR, 11, 27);
const CAMPUSES: Campus[] = ['仙林校区', '随园校区', '紫金校区'];
const UG_YEARS = [2023, 2024, 2025, 2026];
const GRAD_YEARS = [2024, 2025, 2026];

// ---------------------------------------------------------------- catalog

interface College {
  abbr: string; name: string; campus: Campus; big: boolean; female: number; majors: string[];
  gradMajors: string[]; teams: string[]; club: string; skills: string[];
}
const college = (
  abbr: string, name: string, campus: Campus, big: boolean, female: number, majors: string, gradMajors: string,
  teams: string, club: string, skills: string,
): College => ({
  abbr, name, campus, big, female, majors: majors.split(' '), gradMajors: gradMajors.split(' '),
  teams: teams.split(' '), club, skills: skills.split(' '),
});
const COLLEGES: College[] = [
  college('WX', '文学院', '随园校区', true, 0.75, '汉语言文学 秘书学 汉语国际教育', '中国古代文学 语言学及应用语言学',
    '古代文学教研室 现当代文学教研室 语言学教研室 文艺学教研室', '晨钟文学社', '普通话培训 书法 文艺演出'),
  college('SX', '数学与统计学院', '仙林校区', true, 0.5, '数学与应用数学 统计学 信息与计算科学', '基础数学 应用统计',
    '代数教研室 分析教研室 概率统计教研室 计算数学教研室', '数学建模协会', '支教辅导 计算机维护'),
  college('WL', '物理与电子工程学院', '仙林校区', true, 0.45, '物理学 电子信息工程 光电信息科学与工程',
    '理论物理 电子科学与技术', '理论物理教研室 电子技术教研室 光学教研室 物理实验中心', '电子设计协会', '家电维修 科普讲解'),
  college('HX', '化学与材料科学学院', '仙林校区', true, 0.5, '化学 应用化学 材料化学', '有机化学 材料科学与工程',
    '无机化学教研室 有机化学教研室 分析化学教研室 材料化学研究所', '化学科普协会', '科普讲解 医疗救护'),
  college('SM', '生命科学学院', '仙林校区', false, 0.6, '生物科学 生物技术 生态学', '生物学 生态学研究',
    '植物学教研室 动物学教研室 遗传学实验室 生态学研究所', '绿色环保协会', '医疗救护 科普讲解'),
  college('JK', '教育科学学院', '随园校区', true, 0.75, '教育学 学前教育 心理学', '教育学原理 发展与教育心理学',
    '教育学原理教研室 学前教育教研室 心理学教研室 教育技术教研室', '心理健康协会', '心理咨询 支教辅导'),
  college('WY', '外国语学院', '随园校区', true, 0.8, '英语 日语 翻译', '英语语言文学 翻译硕士',
    '英语语言文学教研室 日语教研室 翻译教研室 大学英语教研室', '英语演讲协会', '外语翻译 支教辅导'),
  college('MY', '马克思主义学院', '仙林校区', false, 0.65, '思想政治教育', '马克思主义基本原理 思想政治教育研究',
    '马克思主义基本原理教研室 思想道德与法治教研室 中国近现代史纲要教研室 形势与政策教研室', '青年马克思主义者协会',
    '政策宣讲 法律咨询'),
  college('YY', '音乐学院', '随园校区', false, 0.65, '音乐学 音乐表演 舞蹈学', '音乐与舞蹈学 学科教学（音乐）',
    '声乐教研室 器乐教研室 舞蹈教研室 音乐理论教研室', '大学生合唱团', '文艺演出 普通话培训'),
  college('MS', '美术学院', '随园校区', false, 0.65, '美术学 视觉传达设计 环境设计', '美术史论 设计学',
    '中国画教研室 油画教研室 设计基础教研室 美术史论教研室', '书画协会', '书法 摄影'),
  college('TY', '体育学院', '紫金校区', false, 0.35, '体育教育 运动训练 社会体育指导与管理', '体育教育训练学 运动人体科学',
    '田径教研室 球类教研室 体育人文社会学教研室 运动康复教研室', '篮球协会', '体育指导 医疗救护'),
  college('JS', '计算机与信息工程学院', '紫金校区', true, 0.4, '计算机科学与技术 软件工程 数据科学与大数据技术',
    '计算机应用技术 软件工程硕士', '软件工程教研室 人工智能研究所 网络与信息安全教研室 计算机基础教研室',
    'ACM程序设计协会', '计算机维护 老年人智能手机教学'),
];
/** Roughly one general branch in four builds a joint branch with a partner (校地支部联建). */
const JOINT_COLLEGES = new Set(['WX', 'SM', 'YY']);

interface DirectDef { abbr: string; name: string; campus: Campus | null; weight: number; teams: string[]; fields: string[] }
const DIRECTS: DirectDef[] = [
  { abbr: 'TSG', name: '图书馆', campus: null, weight: 0.8, teams: ['图书馆读者服务部', '图书馆古籍部'], fields: ['图书情报', '古籍整理', '信息检索'] },
  { abbr: 'HQ', name: '后勤保障处', campus: null, weight: 1, teams: ['后勤保障处物业服务中心', '后勤保障处饮食服务中心'], fields: ['物业管理', '膳食管理', '水电维修'] },
  { abbr: 'FX', name: '附属实验学校', campus: '随园校区', weight: 1.4, teams: ['附属实验学校小学部', '附属实验学校初中部'], fields: ['中小学语文教学', '中小学数学教学', '班主任工作'] },
];
const OFFICES = [
  '党委办公室', '党委组织部', '党委宣传部', '学生工作处', '校工会', '校地合作处', '人事处', '科技与学科建设处',
  '党建研究中心', '党校', '教务处', '财务处', '信息化建设管理处', '校长办公室', '研究生院', '国际合作与交流处',
];
const OFFICE_FIELDS = ['党务工作', '行政管理', '人事管理', '财务管理', '教学管理', '思想政治教育'];
const SKILLS = [
  '心理咨询', '法律咨询', '家电维修', '计算机维护', '支教辅导', '普通话培训', '书法', '摄影', '医疗救护', '外语翻译',
  '文艺演出', '体育指导', '科普讲解', '政策宣讲', '老年人智能手机教学', '手语', '视频剪辑', '文案写作', '家庭教育指导',
  '垃圾分类宣传', '消防安全宣传', '理财规划',
];
const TALENTS = [
  '钢琴', '声乐', '主持', '演讲', '编程', '篮球', '羽毛球', '书法', '绘画', '写作', '摄影', '舞蹈', '数据分析',
  '英语口语', '短视频制作', '活动策划',
];
const PARTNERS: Record<DemoPartner['kind'], [string, string, string][]> = {
  community: [
    ['仙林街道文苑社区', '栖霞区', '文苑路'], ['仙林街道学海社区', '栖霞区', '学海路'], ['尧化街道青枫社区', '栖霞区', '青枫路'],
    ['马群街道花园社区', '栖霞区', '花园路'], ['燕子矶街道燕华社区', '栖霞区', '燕华路'], ['宁海路街道颐和社区', '鼓楼区', '颐和路'],
    ['湖南路街道山西路社区', '鼓楼区', '山西路'], ['华侨路街道随园社区', '鼓楼区', '随园路'], ['孝陵卫街道紫金社区', '玄武区', '紫金路'],
    ['玄武门街道环湖社区', '玄武区', '环湖路'], ['东山街道百家湖社区', '江宁区', '百家湖路'], ['秣陵街道翠屏社区', '江宁区', '翠屏路'],
    ['淳化街道青龙社区', '江宁区', '青龙路'], ['泰山街道桥北社区', '浦口区', '桥北路'],
  ],
  village: [
    ['青山镇柳溪村', '江宁区', ''], ['青山镇桃源村', '江宁区', ''], ['湖熟街道杨柳村', '江宁区', ''], ['横溪街道石塘村', '江宁区', ''],
    ['竹镇镇金磁村', '六合区', ''], ['冶山街道东王村', '六合区', ''], ['桠溪街道蓝溪村', '高淳区', ''], ['石湫街道九里埂村', '溧水区', ''],
    ['永宁街道青山村', '浦口区', ''], ['星甸街道九华村', '浦口区', ''],
  ],
  enterprise: [
    ['江南智造科技有限公司', '栖霞区', '纬地路'], ['金陵数联信息技术有限公司', '建邺区', '江东中路'],
    ['紫金山环保科技有限公司', '玄武区', '徐庄路'], ['青禾农业发展有限公司', '江宁区', '禄口路'],
    ['仙林生物医药科技有限公司', '栖霞区', '元化路'], ['秦淮文化传媒有限公司', '秦淮区', '中华路'],
    ['长江电子仪器有限公司', '浦口区', '浦珠路'], ['钟山教育科技有限公司', '玄武区', '龙蟠路'],
  ],
  government: [
    ['栖霞区民政局', '栖霞区', '栖霞大道'], ['鼓楼区教育局', '鼓楼区', '汉中门大街'], ['江宁区文化和旅游局', '江宁区', '上元大街'],
    ['仙林街道办事处', '栖霞区', '仙林大道'], ['浦口区科学技术局', '浦口区', '文德路'], ['玄武区司法局', '玄武区', '北京东路'],
  ],
};

interface SizeConfig {
  colleges: string[] | null; directs: number; officeBranches: number; people: number; partners: number;
  staffBranches: (c: College) => number; ugBranches: (c: College) => number; gradBranches: (c: College) => number;
}
const SIZES: Record<DemoSize, SizeConfig> = {
  small: {
    colleges: ['WX', 'SX'], directs: 1, officeBranches: 2, people: 180, partners: 4,
    staffBranches: () => 1, ugBranches: () => 1, gradBranches: () => 1,
  },
  standard: {
    colleges: null, directs: 3, officeBranches: 3, people: 2000, partners: 20,
    staffBranches: (c) => (c.big ? 2 : 1), ugBranches: (c) => (c.big ? 2 : 1), gradBranches: () => 1,
  },
  large: {
    colleges: null, directs: 3, officeBranches: 10, people: 30000, partners: 30,
    staffBranches: (c) => (c.big ? 4 : 3), ugBranches: (c) => (c.big ? 6 : 5), gradBranches: (c) => (c.big ? 3 : 2),
  },
};

/** School-wide full-time Party worker weights per top unit: uneven on purpose (some units under 1 %). */
const FULLTIME_FACTORS = [1.8, 0.3, 1.4, 0.6, 1.2, 0.5, 1.6, 0.9, 1.1, 0.4, 1.5, 0.7, 1.0, 0.8, 1.3, 0.6];

const STATUS = (m: number, p: number, a: number, x: number) =>
  new WeightedTable<PoliticalStatus>([['member', m], ['probationary', p], ['activist', a], ['masses', x]]);
const STAFF_STATUS = STATUS(78, 4, 6, 12);
const JOINT_STAFF_STATUS = STATUS(90, 5, 5, 0);
const JOINT_STUDENT_STATUS = STATUS(60, 40, 0, 0);
/** Undergraduates by years since enrolment: freshmen are not members yet. */
const UG_STATUS = [STATUS(0, 0, 30, 70), STATUS(3, 10, 35, 52), STATUS(15, 15, 30, 40), STATUS(25, 12, 25, 38)];
const GRAD_STATUS = [STATUS(35, 8, 15, 42), STATUS(40, 10, 15, 35), STATUS(45, 8, 12, 35)];
const CADRE_LEVELS = new WeightedTable<DemoPerson['cadreLevel']>([['section', 60], ['division', 32], ['bureau', 8]]);
const SKILL_COUNT = new WeightedTable([[0, 20], [1, 35], [2, 30], [3, 15]] as const);

// ---------------------------------------------------------------- generator

type BranchRole = 'staff' | 'ug' | 'grad' | 'joint' | 'office' | 'direct';
interface Top {
  unit: DemoUnit; kind: 'college' | 'office' | 'direct'; college: College | null; collegeNo: number;
  name: string; campus: Campus | null; fields: string[]; skills: string[]; branches: Branch[];
}
interface Branch { unit: DemoUnit; role: BranchRole; top: Top; staff: DemoPerson[]; students: DemoPerson[] }
interface ClassInfo { name: string; branch: Branch }

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const fieldOf = (team: string) => team.replace(/(教研室|研究所|实验室|中心)$/, '');

export function generateDemoSchool(size: DemoSize, seed = 20261127): DemoSchool {
  const cfg = SIZES[size];
  const rng = new Rng(seed);
  const units: DemoUnit[] = [];
  const unit = (key: string, parentKey: string | null, type: DemoUnit['type'], branchKind: DemoUnit['branchKind'], name: string, code: string) => {
    const u: DemoUnit = { key, parentKey, type, branchKind, name, code, partnerKey: null };
    units.push(u);
    return u;
  };
  const root = unit('jnsd', null, 'committee', null, `中共${SCHOOL_NAME}委员会`, 'JNSD');

  // ---- the tree
  const tops: Top[] = [];
  const branches: Branch[] = [];
  const addBranch = (top: Top, role: BranchRole, suffix: string, name: string, kind: DemoUnit['branchKind']) => {
    const code = `${top.unit.code}-${suffix}`;
    const type = role === 'direct' ? 'direct_branch' : 'branch';
    const b: Branch = { unit: role === 'direct' ? top.unit : unit(code.toLowerCase(), top.unit.key, type, kind, name, code), role, top, staff: [], students: [] };
    top.branches.push(b);
    branches.push(b);
    return b;
  };
  const colleges = COLLEGES.filter((c) => cfg.colleges === null || cfg.colleges.includes(c.abbr));
  for (const c of colleges) {
    const code = `JNSD-${c.abbr}`;
    const gb = unit(code.toLowerCase(), root.key, 'general_branch', null, `${c.name}党总支`, code);
    const top: Top = {
      unit: gb, kind: 'college', college: c, collegeNo: COLLEGES.indexOf(c) + 1, name: c.name, campus: c.campus,
      fields: c.teams.map(fieldOf), skills: c.skills, branches: [],
    };
    tops.push(top);
    for (let i = 1; i <= cfg.staffBranches(c); i++) addBranch(top, 'staff', `JG${i}`, `${c.name}教工第${cnNumber(i)}党支部`, 'staff');
    for (let i = 1; i <= cfg.ugBranches(c); i++) addBranch(top, 'ug', `BK${i}`, `${c.name}本科生第${cnNumber(i)}党支部`, 'student');
    const grads = cfg.gradBranches(c);
    for (let i = 1; i <= grads; i++) {
      addBranch(top, 'grad', grads > 1 ? `YJS${i}` : 'YJS', `${c.name}研究生${grads > 1 ? `第${cnNumber(i)}` : ''}党支部`, 'student');
    }
    if (JOINT_COLLEGES.has(c.abbr)) addBranch(top, 'joint', 'LJ', `${c.name}校地联建党支部`, 'joint');
  }
  {
    const gb = unit('jnsd-jg', root.key, 'general_branch', null, '机关党总支', 'JNSD-JG');
    const top: Top = { unit: gb, kind: 'office', college: null, collegeNo: 0, name: '机关', campus: '仙林校区', fields: OFFICE_FIELDS, skills: ['政策宣讲', '法律咨询'], branches: [] };
    tops.push(top);
    for (let i = 1; i <= cfg.officeBranches; i++) addBranch(top, 'office', `ZB${i}`, `机关第${cnNumber(i)}党支部`, 'staff');
  }
  for (const d of DIRECTS.slice(0, cfg.directs)) {
    const code = `JNSD-${d.abbr}`;
    const du = unit(code.toLowerCase(), root.key, 'direct_branch', 'staff', `${d.name}直属党支部`, code);
    const top: Top = { unit: du, kind: 'direct', college: null, collegeNo: 0, name: d.name, campus: d.campus, fields: d.fields, skills: [], branches: [] };
    tops.push(top);
    addBranch(top, 'direct', '', du.name, 'staff');
  }

  // ---- people
  const people: DemoPerson[] = [];
  const ids = new Set<string>();
  const phones = new Set<string>();
  const hireCounters = new Map<number, number>();
  const classCounters = new Map<string, number>();
  const next = (map: Map<string, number>, key: string, start = 1) => {
    const n = map.get(key) ?? start;
    map.set(key, n + 1);
    return n;
  };
  const pickSkills = (fav: string[]) => {
    const n = rng.weighted(SKILL_COUNT);
    const out = new Set<string>();
    while (out.size < n) out.add(fav.length > 0 && rng.chance(0.4) ? rng.pick(fav) : rng.pick(SKILLS));
    return [...out];
  };
  const person = (b: Branch, kind: DemoPerson['kind'], gender: DemoPerson['gender'], birth: number, staffNo: string, status: PoliticalStatus, extra: Partial<DemoPerson>) => {
    const birthDate = formatDays(birth);
    const p: DemoPerson = {
      key: `p${pad(people.length + 1, 5)}`, name: randomName(rng, gender), gender, kind, staffNo,
      idNumber: randomIdNumber(rng, birthDate, gender, ids), phone: randomPhone(rng, phones), politicalStatus: status,
      cadreLevel: 'none', fulltimePartyWorker: false, skills: pickSkills(b.top.skills), specialty: '',
      department: b.top.name, major: null, campus: b.top.campus ?? rng.pick(CAMPUSES), developmentStage: 'none',
      unitKey: b.unit.key, joinedPartyOn: null, birthDate, ...extra,
    };
    people.push(p);
    (kind === 'staff' ? b.staff : b.students).push(p);
    return p;
  };
  const addStaff = (b: Branch) => {
    const birth = randomDayInYears(rng, 1962, 2000);
    const birthYear = Number(formatDays(birth).slice(0, 4));
    const hireYear = Math.min(2026, Math.max(1985, birthYear + rng.int(24, 31)));
    const seq = (hireCounters.get(hireYear) ?? 0) + 1;
    hireCounters.set(hireYear, seq);
    person(b, 'staff', rng.chance(0.5) ? 'female' : 'male', birth, `T${hireYear}${pad(seq, 4)}`,
      rng.weighted(b.role === 'joint' ? JOINT_STAFF_STATUS : STAFF_STATUS), {
        specialty: rng.pick(b.top.fields),
        department: b.role === 'office' ? rng.pick(OFFICES) : b.top.name,
        campus: b.top.campus && rng.chance(0.9) ? b.top.campus : rng.pick(CAMPUSES),
      });
  };
  const addStudent = (b: Branch, year: number, major: string, classCode: number, seq: number, grad: boolean) => {
    const c = b.top.college as College;
    const birthYear = grad ? year - rng.int(22, 25) : year - 18 - (rng.chance(0.35) ? 1 : 0);
    const table = (b.role === 'joint' ? JOINT_STUDENT_STATUS : grad ? GRAD_STATUS[year - 2024] : UG_STATUS[REF_YEAR - year]) as WeightedTable<PoliticalStatus>;
    person(b, 'student', rng.chance(c.female) ? 'female' : 'male', randomDayInYears(rng, birthYear, birthYear),
      `${year}${pad(b.top.collegeNo, 2)}${pad(classCode, 2)}${pad(seq, 2)}`, rng.weighted(table),
      { specialty: rng.pick(TALENTS), major });
  };

  const n = Math.round(cfg.people * rng.between(0.97, 1.03));
  const staffTotal = Math.round(n * rng.between(0.21, 0.24));
  const jitter = () => rng.between(0.8, 1.2);
  // Weights spread the people; minimums guarantee enough staff for every secretary and named account.
  const staffWeights = branches.map((b) =>
    b.role === 'staff' ? jitter() : b.role === 'office' ? 1.2 * jitter() : b.role === 'joint' ? 0.3
      : b.role === 'direct' ? (DIRECTS.find((d) => d.name === b.top.name) as DirectDef).weight : 0);
  const staffMins = branches.map((b) =>
    ({ staff: 6, office: Math.ceil(16 / cfg.officeBranches), joint: 3, direct: 4, ug: 0, grad: 0 })[b.role]);
  const studentWeights = branches.map((b) => (b.role === 'ug' ? jitter() : b.role === 'grad' ? 0.55 * jitter() : b.role === 'joint' ? 0.25 : 0));
  const studentMins = branches.map((b) => ({ ug: 20, grad: 10, joint: 3, staff: 0, office: 0, direct: 0 })[b.role]);
  const staffCounts = apportionWithMin(staffTotal, staffWeights, staffMins);
  const studentCounts = apportionWithMin(n - staffTotal, studentWeights, studentMins);
  const classes: ClassInfo[] = [];
  branches.forEach((b, bi) => {
    for (let i = 0; i < (staffCounts[bi] as number); i++) addStaff(b);
    const students = studentCounts[bi] as number;
    if (students === 0) return;
    const c = b.top.college as College;
    if (b.role === 'joint') {
      for (let i = 0; i < students; i++) {
        const year = rng.pick(UG_YEARS.slice(0, 3));
        const seq = next(classCounters, `${c.abbr}|${year}|joint`) - 1;
        addStudent(b, year, rng.pick(c.majors), 80 + Math.floor(seq / 90), (seq % 90) + 1, false);
      }
      return;
    }
    const grad = b.role === 'grad';
    const siblings = b.top.branches.filter((x) => x.role === b.role);
    const j = siblings.indexOf(b);
    const sizes = apportion(students, Array.from({ length: Math.max(1, Math.round(students / 30)) }, () => 1));
    sizes.forEach((classSize, k) => {
      const years = grad ? GRAD_YEARS : UG_YEARS;
      const year = years[(j + k) % years.length] as number;
      const major = rng.pick(grad ? c.gradMajors : c.majors);
      const no = next(classCounters, `${c.abbr}|${year}|${major}|${grad}`);
      const classCode = next(classCounters, `${c.abbr}|${year}|${grad}`, grad ? 51 : 1);
      classes.push({ name: `${year}级${major}${grad ? '研究生' : ''}${no}班`, branch: b });
      for (let s = 1; s <= classSize; s++) addStudent(b, year, major, classCode, s, grad);
    });
  });

  // ---- full-time Party/ideological workers: ≈1 % school-wide, uneven across units
  const factors = rng.shuffle(FULLTIME_FACTORS.slice(0, Math.max(tops.length, 4))).slice(0, tops.length);
  const topPeople = tops.map((t) => t.branches.reduce((a, b) => a + b.staff.length + b.students.length, 0));
  const fulltimeTotal = Math.round(n * 0.01 * rng.between(0.92, 1.08));
  const fulltime = apportion(fulltimeTotal, topPeople.map((p, i) => p * (factors[i] as number)));
  const fulltimers = new Set<DemoPerson>();
  tops.forEach((t, i) => {
    const pool = rng.shuffle(t.branches.filter((b) => b.role !== 'joint').flatMap((b) => b.staff));
    for (const p of pool.slice(0, fulltime[i])) {
      p.fulltimePartyWorker = true;
      p.politicalStatus = 'member';
      p.specialty = '思想政治教育';
      if (t.kind === 'office') p.department = rng.pick(['党委组织部', '学生工作处', '党委宣传部', '党委办公室']);
      fulltimers.add(p);
    }
  });

  // ---- secretaries and the named accounts' people
  const used = new Set<DemoPerson>();
  const leaders = new Set<DemoPerson>();
  const choose = (pool: DemoPerson[], prefer: (p: DemoPerson) => boolean = () => false, makeMember = true): DemoPerson => {
    const free = pool.filter((p) => !used.has(p));
    const tiers = [free.filter(prefer), free.filter((p) => p.politicalStatus === 'member'), free];
    const tier = tiers.find((t) => t.length > 0);
    if (!tier) throw new Error('demo school: not enough people to fill the named roles');
    const p = rng.pick(tier);
    used.add(p);
    if (makeMember) p.politicalStatus = 'member';
    return p;
  };
  const grants: DemoGrant[] = [];
  const secretaryOf = new Map<string, DemoPerson>();
  for (const t of tops) {
    const own = t.branches.filter((b) => b.role !== 'joint').flatMap((b) => b.staff);
    if (t.kind !== 'direct') {
      const sec = choose(own, (p) => !p.fulltimePartyWorker);
      sec.cadreLevel = 'division';
      leaders.add(sec);
      secretaryOf.set(t.unit.key, sec);
      grants.push({ personKey: sec.key, role: 'general_branch_secretary', unitKey: t.unit.key });
    }
    for (const b of t.branches) {
      const student = b.role === 'ug' || b.role === 'grad';
      const sec = choose(student ? own : b.staff, student ? (p) => p.fulltimePartyWorker : undefined);
      leaders.add(sec);
      secretaryOf.set(b.unit.key, sec);
      grants.push({ personKey: sec.key, role: 'branch_secretary', unitKey: b.unit.key });
    }
  }
  const accounts: DemoAccount[] = [];
  const account = (username: string, p: DemoPerson, label: string, isSystemAdmin = false) =>
    accounts.push({ username, personKey: p.key, label, isSystemAdmin });
  const office = tops.find((t) => t.kind === 'office') as Top;
  const officeStaff = office.branches.flatMap((b) => b.staff);
  const admin = choose(officeStaff, (p) => !p.fulltimePartyWorker);
  admin.department = '信息化建设管理处';
  account('admin', admin, '系统管理员', true);
  const ROOT_ROLES: [string, RoleName, string][] = [
    ['dangwei', 'committee_admin', '党委办公室'], ['zuzhibu', 'org_dept', '党委组织部'], ['xuanchuan', 'publicity', '党委宣传部'],
    ['xuegong', 'student_affairs', '学生工作处'], ['gonghui', 'union', '校工会'], ['xiaodi', 'local_coop', '校地合作处'],
    ['renshi', 'hr', '人事处'], ['keji', 'research_office', '科技与学科建设处'], ['dangjian', 'party_research_center', '党建研究中心'],
    ['dangxiao', 'party_school', '党校'],
  ];
  for (const [username, role, dept] of ROOT_ROLES) {
    const p = choose(officeStaff, (x) => x.department === dept);
    p.department = dept;
    if (p.cadreLevel === 'none') p.cadreLevel = rng.chance(0.5) ? 'division' : 'section';
    grants.push({ personKey: p.key, role, unitKey: root.key });
    account(username, p, `${ROLE_LABELS[role]}（${root.name}）`);
  }
  const byCode = (code: string) => branches.find((b) => b.unit.code === code) as Branch;
  const wx = tops.find((t) => t.college?.abbr === 'WX') as Top;
  const wxStudent = byCode('JNSD-WX-BK1');
  const wxStaff = byCode('JNSD-WX-JG1');
  const sxStudent = byCode('JNSD-SX-BK1');
  account('zongzhi', secretaryOf.get(wx.unit.key) as DemoPerson, `${ROLE_LABELS.general_branch_secretary}（${wx.unit.name}）`);
  account('zhibu', secretaryOf.get(wxStudent.unit.key) as DemoPerson, `${ROLE_LABELS.branch_secretary}（${wxStudent.unit.name}）`);
  account('zhibu2', secretaryOf.get(sxStudent.unit.key) as DemoPerson, `${ROLE_LABELS.branch_secretary}（${sxStudent.unit.name}）`);
  account('jiaogong', choose(wxStaff.staff, (p) => p.politicalStatus === 'member' && !p.fulltimePartyWorker), `教工党员（${wxStaff.unit.name}）`);

  // ---- cadres (~15 % of staff members), joining dates, development stages
  const staffMembers = people.filter((p) => p.kind === 'staff' && p.politicalStatus === 'member');
  const cadreTarget = Math.round(staffMembers.length * 0.15);
  let cadres = staffMembers.filter((p) => p.cadreLevel !== 'none').length;
  for (const p of rng.shuffle(staffMembers.filter((x) => x.cadreLevel === 'none' && !x.fulltimePartyWorker))) {
    if (cadres >= cadreTarget) break;
    p.cadreLevel = rng.weighted(CADRE_LEVELS);
    cadres++;
  }
  for (const p of people) settleJoinDate(rng, p);
  const seniorStudent = (p: DemoPerson) => p.kind === 'student' && Number(p.staffNo.slice(0, 4)) <= 2024;
  let dangyuan = wxStudent.students.find((p) => p.politicalStatus === 'member' && !used.has(p));
  if (!dangyuan) {
    dangyuan = choose(wxStudent.students.filter(seniorStudent), undefined, true);
    settleJoinDate(rng, dangyuan);
  }
  used.add(dangyuan);
  account('dangyuan', dangyuan, `学生党员（${wxStudent.unit.name}）`);
  let qunzhong = wxStudent.students.find((p) => p.politicalStatus === 'masses' && !used.has(p));
  if (!qunzhong) {
    qunzhong = choose(wxStudent.students, undefined, false);
    qunzhong.politicalStatus = 'masses';
    qunzhong.joinedPartyOn = null;
  }
  account('qunzhong', qunzhong, `学生群众（${wxStudent.unit.name}）`);
  for (const p of people) {
    const senior = p.joinedPartyOn !== null && parseDate(p.joinedPartyOn) < addYears(REF_DAY, -15);
    if (leaders.has(p) || p.cadreLevel === 'division' || p.cadreLevel === 'bureau' || (senior && rng.chance(0.25))) p.developmentStage = 'leader';
    else if (p.politicalStatus === 'member' || p.politicalStatus === 'probationary') p.developmentStage = 'member';
    else if (p.politicalStatus === 'activist' && rng.chance(0.45)) p.developmentStage = 'backbone';
    else p.developmentStage = 'none';
  }

  // ---- partners (joint branches first take a community or village owned by their general branch)
  const partners: DemoPartner[] = [];
  const kinds = ['community', 'village', 'enterprise', 'government'] as const;
  const perKind = apportion(cfg.partners, [40, 25, 20, 15]);
  const templates = kinds.flatMap((k, i) => rng.shuffle([...PARTNERS[k]]).slice(0, perKind[i]).map((t) => [k, ...t] as const));
  const joints = branches.filter((b) => b.role === 'joint');
  const collegeTops = tops.filter((t) => t.kind !== 'direct');
  templates.forEach(([kind, name, district, road], i) => {
    const p: DemoPartner = {
      key: `pt${pad(i + 1, 3)}`, name, kind, ownerUnitKey: rng.chance(0.25) ? root.key : rng.pick(collegeTops).unit.key,
      address: road ? `南京市${district}${road}${rng.int(1, 288)}号` : `南京市${district}${name}村民委员会`,
      contactName: randomName(rng, rng.chance(0.5) ? 'female' : 'male'), contactPhone: randomPhone(rng, phones),
    };
    partners.push(p);
  });
  const local = partners.filter((p) => p.kind === 'community' || p.kind === 'village');
  joints.forEach((b, i) => {
    const p = local[i % local.length] as DemoPartner;
    p.ownerUnitKey = b.top.unit.key;
    b.unit.partnerKey = p.key;
  });

  // ---- grid units: teams, classes, dorms, clubs, online groups
  const gridUnits: DemoGridUnit[] = [];
  const grid = (name: string, kind: DemoGridUnit['kind'], owner: Top, campus: string, covering: Branch) =>
    gridUnits.push({ key: `g${pad(gridUnits.length + 1, 5)}`, name, kind, ownerUnitKey: owner.unit.key, campus, coveringBranchKey: covering.unit.key, contactPersonKey: null });
  const dormCounters = new Map<string, number>();
  const dormName = (campus: Campus) => {
    const i = next(dormCounters, campus, 0);
    if (campus === '仙林校区') return `仙林校区${['东区', '西区', '南区'][i % 3]}${Math.floor(i / 3) + 1}栋`;
    return campus === '随园校区' ? `随园校区${i + 1}号学生公寓` : `紫金校区学生公寓${i + 1}栋`;
  };
  for (const t of tops) {
    const campus = t.campus ?? rng.pick(CAMPUSES);
    const staffSide = t.branches.filter((b) => b.role === 'staff' || b.role === 'office' || b.role === 'direct');
    const teams = t.kind === 'college' ? (t.college as College).teams : t.kind === 'office' ? OFFICES : (DIRECTS.find((d) => d.name === t.name) as DirectDef).teams;
    teams.forEach((team, i) => grid(team, 'team', t, campus, staffSide[i % staffSide.length] as Branch));
    const studentSide = t.branches.filter((b) => b.role === 'ug' || b.role === 'grad');
    for (const b of studentSide) {
      const own = classes.filter((c) => c.branch === b);
      for (const c of own) grid(c.name, 'class', t, campus, b);
      for (let i = 0; i < Math.min(4, Math.ceil(own.length / 2)); i++) grid(dormName(campus), 'dorm', t, campus, b);
    }
    if (t.kind === 'college') {
      const c = t.college as College;
      const ug = studentSide.filter((b) => b.role === 'ug');
      grid(c.club, 'club', t, campus, rng.pick(ug));
      grid(`${c.name}青年志愿者服务队`, 'club', t, campus, rng.pick(ug));
      grid(`${c.name}学生党员QQ群`, 'online', t, campus, rng.pick(studentSide));
      grid(`${c.name}教工党员微信群`, 'online', t, campus, rng.pick(staffSide));
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
  for (const p of people) {
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

  // ---- every member and probationary member holds `member` on their own unit
  for (const p of people) {
    if (p.politicalStatus === 'member' || p.politicalStatus === 'probationary') grants.push({ personKey: p.key, role: 'member', unitKey: p.unitKey });
  }
  return { units, people, partners, gridUnits, grants, accounts };
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
