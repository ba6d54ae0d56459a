/**
 * Demo-school phases for the people: staff and students spread over the branches, full-time Party workers,
 * cadres, joining dates and development stages.
 */
import { type Branch, type Builder, pad } from './demo-builder';
import { CAMPUSES, type College, DIRECTS, type DirectDef, OFFICES, SKILLS, TALENTS } from './demo-catalog';
import {
  addYears,
  apportion,
  daysFromCivil,
  formatDays,
  parseDate,
  type Rng,
  randomDayInYears,
  randomIdNumber,
  randomName,
  randomPhone,
  WeightedTable,
} from './demo-names';
import type { DemoPerson, PoliticalStatus } from './demo-school.types';

/** The demo's "today": joining dates and ages are computed against it. */
const REF_YEAR = 2026;
const REF_DAY = daysFromCivil(REF_YEAR, 11, 27);
const UG_YEARS = [2023, 2024, 2025, 2026];
const GRAD_YEARS = [2024, 2025, 2026];

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

// ---- people: staff in staff/office/direct/joint branches, students in classes of student branches
export function populate(s: Builder): void {
  const { rng, cfg, branches } = s;
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
    for (let i = 0; i < (staffCounts[bi] as number); i++) addStaff(s, b);
    const students = studentCounts[bi] as number;
    if (students === 0) return;
    const c = b.top.college as College;
    if (b.role === 'joint') {
      for (let i = 0; i < students; i++) {
        const year = rng.pick(UG_YEARS.slice(0, 3));
        const seq = s.next(`${c.abbr}|${year}|joint`) - 1;
        addStudent(s, b, year, rng.pick(c.majors), 80 + Math.floor(seq / 90), (seq % 90) + 1);
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
      const no = s.next(`${c.abbr}|${year}|${major}|${grad}`);
      const classCode = s.next(`${c.abbr}|${year}|${grad}`, grad ? 51 : 1);
      s.classes.push({ name: `${year}级${major}${grad ? '研究生' : ''}${no}班`, branch: b });
      for (let seq = 1; seq <= classSize; seq++) addStudent(s, b, year, major, classCode, seq);
    });
  });
}

function person(
  s: Builder,
  b: Branch,
  kind: DemoPerson['kind'],
  gender: DemoPerson['gender'],
  birth: number,
  staffNo: string,
  status: PoliticalStatus,
  extra: Partial<DemoPerson>,
) {
  const { rng } = s;
  const birthDate = formatDays(birth);
  const skillCount = rng.weighted(SKILL_COUNT);
  const skills = new Set<string>();
  while (skills.size < skillCount)
    skills.add(b.top.skills.length > 0 && rng.chance(0.4) ? rng.pick(b.top.skills) : rng.pick(SKILLS));
  const p: DemoPerson = {
    key: `p${pad(s.people.length + 1, 5)}`,
    name: randomName(rng, gender),
    gender,
    kind,
    staffNo,
    idNumber: randomIdNumber(rng, birthDate, gender, s.ids),
    phone: randomPhone(rng, s.phones),
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
  s.people.push(p);
  (kind === 'staff' ? b.staff : b.students).push(p);
}

function addStaff(s: Builder, b: Branch): void {
  const { rng } = s;
  const birth = randomDayInYears(rng, 1962, 2000);
  const birthYear = Number(formatDays(birth).slice(0, 4));
  const hireYear = Math.min(REF_YEAR, Math.max(1985, birthYear + rng.int(24, 31)));
  const staffNo = `T${hireYear}${pad(s.next(`hire|${hireYear}`), 4)}`;
  person(
    s,
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

function addStudent(s: Builder, b: Branch, year: number, major: string, classCode: number, seq: number): void {
  const { rng } = s;
  const c = b.top.college as College;
  const grad = b.role === 'grad';
  const birthYear = grad ? year - rng.int(22, 25) : year - 18 - (rng.chance(0.35) ? 1 : 0);
  const table = (
    b.role === 'joint' ? JOINT_STUDENT_STATUS : grad ? GRAD_STATUS[year - 2024] : UG_STATUS[REF_YEAR - year]
  ) as WeightedTable<PoliticalStatus>;
  person(
    s,
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
export function assignFulltimeWorkers(s: Builder): void {
  const { rng, tops } = s;
  const factors = rng.shuffle(FULLTIME_FACTORS.slice(0, Math.max(tops.length, 4))).slice(0, tops.length);
  const topPeople = tops.map((t) => t.branches.reduce((a, b) => a + b.staff.length + b.students.length, 0));
  const total = Math.round(s.people.length * 0.01 * rng.between(0.92, 1.08));
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

// ---- cadres: ~15 % of staff members (general-branch secretaries are division level)
export function assignCadres(s: Builder): void {
  const staffMembers = s.people.filter((p) => p.kind === 'staff' && p.politicalStatus === 'member');
  const target = Math.round(staffMembers.length * 0.15);
  let cadres = staffMembers.filter((p) => p.cadreLevel !== 'none').length;
  for (const p of s.rng.shuffle(staffMembers.filter((x) => x.cadreLevel === 'none' && !x.fulltimePartyWorker))) {
    if (cadres >= target) break;
    p.cadreLevel = s.rng.weighted(CADRE_LEVELS);
    cadres++;
  }
}

// ---- development path: backbone → member → leader (三项培训计划)
export function assignDevelopmentStages(s: Builder): void {
  const longAgo = addYears(REF_DAY, -15);
  for (const p of s.people) {
    const senior = p.joinedPartyOn !== null && parseDate(p.joinedPartyOn) < longAgo;
    if (
      s.leaders.has(p) ||
      p.cadreLevel === 'division' ||
      p.cadreLevel === 'bureau' ||
      (senior && s.rng.chance(0.25))
    ) {
      p.developmentStage = 'leader';
    } else if (p.politicalStatus === 'member' || p.politicalStatus === 'probationary') p.developmentStage = 'member';
    else if (p.politicalStatus === 'activist' && s.rng.chance(0.45)) p.developmentStage = 'backbone';
    else p.developmentStage = 'none';
  }
}

function apportionWithMin(total: number, weights: number[], mins: number[]): number[] {
  const rest = apportion(total - mins.reduce((a, b) => a + b, 0), weights);
  return mins.map((m, i) => m + (rest[i] as number));
}

/** Sets joinedPartyOn from the status, downgrading a status the person's age or enrolment makes impossible. */
export function settleJoinDate(rng: Rng, p: DemoPerson): void {
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
