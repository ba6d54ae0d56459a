/**
 * Demo-school phases for the named roles and the grid: secretaries' grants, the named demo accounts, grid
 * units (三进) and every member's `member` grant.
 */
import { type Branch, type Builder, pad, type Top } from './demo-builder';
import { CAMPUSES, type Campus, DIRECTS, type DirectDef, OFFICES } from './demo-catalog';
import { settleJoinDate } from './demo-people';
import {
  type DemoGridUnit,
  type DemoPerson,
  type DemoUnit,
  ROLE_LABELS,
  type RoleName,
  SCHOOL_NAME,
} from './demo-school.types';

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

// ---- secretaries: every general branch and branch; student branches are led by staff (often counselors)
export function assignSecretaries(s: Builder): void {
  for (const t of s.tops) {
    const own = t.branches.filter((b) => b.role !== 'joint').flatMap((b) => b.staff);
    if (t.kind !== 'direct') {
      const sec = s.choose(own, (p) => !p.fulltimePartyWorker);
      sec.cadreLevel = 'division';
      s.leaders.add(sec);
      s.secretaryOf.set(t.unit.key, sec);
      s.grants.push({ personKey: sec.key, role: 'general_branch_secretary', unitKey: t.unit.key });
    }
    for (const b of t.branches) {
      const student = b.role === 'ug' || b.role === 'grad';
      const sec = s.choose(student ? own : b.staff, student ? (p) => p.fulltimePartyWorker : undefined);
      s.leaders.add(sec);
      s.secretaryOf.set(b.unit.key, sec);
      s.grants.push({ personKey: sec.key, role: 'branch_secretary', unitKey: b.unit.key });
    }
  }
}

// ---- the named staff accounts
export function assignNamedStaff(s: Builder): void {
  const root = s.root;
  const officeStaff = (s.tops.find((t) => t.kind === 'office') as Top).branches.flatMap((b) => b.staff);
  const admin = s.choose(officeStaff, (p) => !p.fulltimePartyWorker);
  admin.department = '信息化建设管理处';
  s.account('admin', admin, '系统管理员', true);
  for (const [username, role, dept] of ROOT_ROLES) {
    const p = s.choose(officeStaff, (x) => x.department === dept);
    p.department = dept;
    s.grants.push({ personKey: p.key, role, unitKey: root.key });
    s.account(username, p, `${ROLE_LABELS[role]}（${root.name}）`);
  }
  const wx = s.tops.find((t) => t.college?.abbr === 'WX') as Top;
  const wxStudent = s.branch('JNSD-WX-BK1');
  const wxStaff = s.branch('JNSD-WX-JG1');
  const sxStudent = s.branch('JNSD-SX-BK1');
  const secretary = (u: DemoUnit) => s.secretaryOf.get(u.key) as DemoPerson;
  s.account('zongzhi', secretary(wx.unit), `${ROLE_LABELS.general_branch_secretary}（${wx.unit.name}）`);
  s.account('zhibu', secretary(wxStudent.unit), `${ROLE_LABELS.branch_secretary}（${wxStudent.unit.name}）`);
  s.account('zhibu2', secretary(sxStudent.unit), `${ROLE_LABELS.branch_secretary}（${sxStudent.unit.name}）`);
  const teacher = s.choose(wxStaff.staff, (p) => p.politicalStatus === 'member' && !p.fulltimePartyWorker);
  s.account('jiaogong', teacher, `教工党员（${wxStaff.unit.name}）`);
}

// ---- the named student accounts (after joining dates are settled, so statuses are final)
export function assignNamedStudents(s: Builder): void {
  const b = s.branch('JNSD-WX-BK1');
  let member = b.students.find((p) => p.politicalStatus === 'member' && !s.used.has(p));
  if (!member) {
    member = s.choose(b.students.filter((p) => Number(p.staffNo.slice(0, 4)) <= 2024));
    settleJoinDate(s.rng, member);
  }
  s.used.add(member);
  s.account('dangyuan', member, `学生党员（${b.unit.name}）`);
  let masses = b.students.find((p) => p.politicalStatus === 'masses' && !s.used.has(p));
  if (!masses) {
    masses = s.choose(b.students, undefined, false);
    masses.politicalStatus = 'masses';
    masses.joinedPartyOn = null;
  }
  s.used.add(masses);
  s.account('qunzhong', masses, `学生群众（${b.unit.name}）`);
}

// ---- grid units (三进): teams, classes, dorms, clubs, online groups; ~10 % uncovered, ~5 % without contact
export function buildGrid(s: Builder): void {
  const { rng, gridUnits } = s;
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
    const i = s.next(`dorm|${campus}`, 0);
    if (campus === '仙林校区') return `仙林校区${['东区', '西区', '南区'][i % 3]}${Math.floor(i / 3) + 1}栋`;
    return campus === '随园校区' ? `随园校区${i + 1}号学生公寓` : `紫金校区学生公寓${i + 1}栋`;
  };
  for (const t of s.tops) {
    const campus = t.campus ?? rng.pick(CAMPUSES);
    const staffSide = t.branches.filter((b) => b.role === 'staff' || b.role === 'office' || b.role === 'direct');
    const teams =
      t.college?.teams ?? (t.kind === 'office' ? OFFICES : (DIRECTS.find((d) => d.name === t.name) as DirectDef).teams);
    teams.forEach((team, i) => {
      grid(team, 'team', t, campus, staffSide[i % staffSide.length] as Branch);
    });
    const studentSide = t.branches.filter((b) => b.role === 'ug' || b.role === 'grad');
    for (const b of studentSide) {
      const own = s.classes.filter((c) => c.branch === b);
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
  for (const p of s.people) {
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
export function grantMembers(s: Builder): void {
  for (const p of s.people) {
    if (p.politicalStatus === 'member' || p.politicalStatus === 'probationary') {
      s.grants.push({ personKey: p.key, role: 'member', unitKey: p.unitKey });
    }
  }
}
