import { describe, expect, it } from 'vitest';
import { isValidIdNumber } from './demo-names';
import { DEMO_PASSWORD, type DemoSchool, type DemoSize, generateDemoSchool, type RoleName } from './demo-school';

const schools = {
  small: generateDemoSchool('small'),
  standard: generateDemoSchool('standard'),
  large: generateDemoSchool('large'),
} satisfies Record<DemoSize, DemoSchool>;
const sizes = Object.keys(schools) as DemoSize[];

const expected: Record<
  DemoSize,
  { generalBranches: number; directBranches: number; branches: [number, number]; people: [number, number] }
> = {
  small: { generalBranches: 3, directBranches: 1, branches: [8, 12], people: [120, 220] },
  standard: { generalBranches: 13, directBranches: 3, branches: [50, 70], people: [1800, 2200] },
  large: { generalBranches: 13, directBranches: 3, branches: [130, 170], people: [27_000, 33_000] },
};

const unique = <T>(items: T[]) => new Set(items).size === items.length;

/** The first few failed checks as `key: reason`, so a failure names the records and one assertion covers many. */
function violations<T extends { key: string }>(
  items: T[],
  checks: (item: T) => (string | false | null | undefined)[],
): string[] {
  const out: string[] = [];
  for (const item of items) {
    for (const failed of checks(item)) if (failed) out.push(`${item.key}: ${failed}`);
    if (out.length >= 10) break;
  }
  return out;
}

/** Unit key → the general branch (or direct branch) it sits under, for per-unit ratios. */
const unitMaps = new WeakMap<DemoSchool, Map<string, DemoSchool['units'][number]>>();
function topOf(school: DemoSchool, unitKey: string): string {
  let byKey = unitMaps.get(school);
  if (!byKey) {
    byKey = new Map(school.units.map((u) => [u.key, u]));
    unitMaps.set(school, byKey);
  }
  let u = byKey.get(unitKey);
  while (u && u.type !== 'general_branch' && u.type !== 'direct_branch')
    u = u.parentKey ? byKey?.get(u.parentKey) : undefined;
  if (!u) throw new Error(`${unitKey} is not under a general or direct branch`);
  return u.key;
}

describe('generateDemoSchool', () => {
  it('is deterministic for a (size, seed) and varies with the seed', () => {
    expect(generateDemoSchool('small')).toEqual(schools.small);
    expect(generateDemoSchool('standard', 20261127)).toEqual(schools.standard);
    const other = generateDemoSchool('small', 7);
    expect(other.people.map((p) => p.name)).not.toEqual(schools.small.people.map((p) => p.name));
  });

  it('exports the shared demo password', () => {
    expect(DEMO_PASSWORD).toBe('Demo@2026');
  });

  it('generates large in well under 2 s', () => {
    const started = performance.now();
    generateDemoSchool('large', 99);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  describe.each(sizes)('%s', (size) => {
    const school = schools[size];
    const { units, people, partners, gridUnits, grants, accounts } = school;
    const unitByKey = new Map(units.map((u) => [u.key, u]));
    const personByKey = new Map(people.map((p) => [p.key, p]));
    const unitByName = (name: string) => {
      const u = units.find((x) => x.name === name);
      if (!u) throw new Error(`no unit ${name}`);
      return u;
    };

    it('has the expected tree shape and size', () => {
      const exp = expected[size];
      const roots = units.filter((u) => u.parentKey === null);
      expect(roots).toHaveLength(1);
      expect(roots[0]).toMatchObject({ type: 'committee', name: '中共江南师范大学委员会', code: 'JNSD' });
      expect(units.filter((u) => u.type === 'general_branch')).toHaveLength(exp.generalBranches);
      expect(units.filter((u) => u.type === 'direct_branch')).toHaveLength(exp.directBranches);
      const branches = units.filter((u) => u.type === 'branch' || u.type === 'direct_branch').length;
      expect(branches).toBeGreaterThanOrEqual(exp.branches[0]);
      expect(branches).toBeLessThanOrEqual(exp.branches[1]);
      expect(people.length).toBeGreaterThanOrEqual(exp.people[0]);
      expect(people.length).toBeLessThanOrEqual(exp.people[1]);
      for (const name of ['文学院党总支', '数学与统计学院党总支', '机关党总支'])
        expect(unitByName(name).type).toBe('general_branch');
      for (const name of ['文学院本科生第一党支部', '文学院教工第一党支部', '数学与统计学院本科生第一党支部']) {
        expect(unitByName(name).type).toBe('branch');
      }
      const staffShare = people.filter((p) => p.kind === 'staff').length / people.length;
      expect(staffShare).toBeGreaterThanOrEqual(0.2);
      expect(staffShare).toBeLessThanOrEqual(0.25);
    });

    it('has unique keys, codes, numbers, phones, ID numbers and usernames', () => {
      expect(unique(units.map((u) => u.key))).toBe(true);
      expect(unique(units.map((u) => u.code))).toBe(true);
      expect(units.every((u) => /^[A-Z0-9-]+$/.test(u.code))).toBe(true);
      expect(unique(people.map((p) => p.key))).toBe(true);
      expect(unique(people.map((p) => p.staffNo))).toBe(true);
      expect(unique(people.map((p) => p.idNumber))).toBe(true);
      expect(unique([...people.map((p) => p.phone), ...partners.map((p) => p.contactPhone)])).toBe(true);
      expect(unique(partners.map((p) => p.key))).toBe(true);
      expect(unique(partners.map((p) => p.name))).toBe(true);
      expect(unique(gridUnits.map((g) => g.key))).toBe(true);
      expect(unique(gridUnits.map((g) => g.name))).toBe(true);
      expect(unique(accounts.map((a) => a.username))).toBe(true);
      expect(unique(grants.map((g) => `${g.personKey}|${g.role}|${g.unitKey}`))).toBe(true);
    });

    it('resolves every reference', () => {
      for (const u of units) {
        if (u.parentKey !== null) expect(unitByKey.has(u.parentKey)).toBe(true);
        if (u.type === 'branch') expect(unitByKey.get(u.parentKey as string)?.type).toBe('general_branch');
        if (u.type === 'general_branch' || u.type === 'direct_branch')
          expect(unitByKey.get(u.parentKey as string)?.type).toBe('committee');
        if (u.branchKind === 'joint') {
          const partner = partners.find((p) => p.key === u.partnerKey);
          expect(partner?.ownerUnitKey).toBe(u.parentKey);
        } else {
          expect(u.partnerKey).toBeNull();
        }
      }
      const isBranch = (key: string | null) =>
        ['branch', 'direct_branch'].includes(unitByKey.get(key as string)?.type ?? '');
      expect(violations(people, (p) => [!isBranch(p.unitKey) && 'unitKey is not a branch'])).toEqual([]);
      expect(violations(partners, (p) => [!unitByKey.has(p.ownerUnitKey) && 'unknown owner'])).toEqual([]);
      expect(
        violations(gridUnits, (g) => {
          const contact = g.contactPersonKey === null ? null : personByKey.get(g.contactPersonKey);
          return [
            !unitByKey.has(g.ownerUnitKey) && 'unknown owner',
            g.coveringBranchKey !== null && !isBranch(g.coveringBranchKey) && 'covering unit is not a branch',
            g.coveringBranchKey !== null &&
              topOf(school, g.coveringBranchKey) !== topOf(school, g.ownerUnitKey) &&
              'covering branch outside the owner',
            contact === undefined && 'unknown contact person',
            contact && contact.unitKey !== g.coveringBranchKey && 'contact not in the covering branch',
            contact && contact.politicalStatus !== 'member' && 'contact is not a member',
          ];
        }),
      ).toEqual([]);
      const keyed = grants.map((g) => ({ ...g, key: `${g.personKey}|${g.role}|${g.unitKey}` }));
      expect(
        violations(keyed, (g) => [
          !personByKey.has(g.personKey) && 'unknown person',
          !unitByKey.has(g.unitKey) && 'unknown unit',
        ]),
      ).toEqual([]);
      for (const a of accounts) expect(personByKey.has(a.personKey)).toBe(true);
    });

    it('has one joint branch per roughly four general branches, each with a partner', () => {
      const joint = units.filter((u) => u.branchKind === 'joint');
      expect(joint.length).toBeGreaterThanOrEqual(1);
      expect(joint.every((u) => u.partnerKey !== null)).toBe(true);
      if (size !== 'small') expect(joint.length).toBe(3);
    });

    it('gives people valid ID numbers consistent with their birth date and gender', () => {
      const campuses = ['仙林校区', '随园校区', '紫金校区'];
      expect(
        violations(people, (p) => [
          !isValidIdNumber(p.idNumber) && 'bad ID check digit',
          p.idNumber.slice(6, 14) !== p.birthDate.replaceAll('-', '') && 'ID birth date differs',
          (Number(p.idNumber[16]) % 2 === 1 ? 'male' : 'female') !== p.gender && 'ID gender digit differs',
          !/^1[3-9]\d{9}$/.test(p.phone) && 'bad phone',
          ([...p.name].length < 2 || [...p.name].length > 3) && 'name not 2–3 characters',
          p.skills.length > 3 && 'more than 3 skills',
          !campuses.includes(p.campus) && 'unknown campus',
          p.kind === 'staff' && !/^T(19|20)\d{6}$/.test(p.staffNo) && 'bad 工号',
          p.kind === 'staff' && p.major !== null && 'staff with a major',
          p.kind === 'student' && !/^20\d{8}$/.test(p.staffNo) && 'bad 学号',
          p.kind === 'student' && p.major === null && 'student without a major',
          p.kind === 'student' && (p.cadreLevel !== 'none' || p.fulltimePartyWorker) && 'student cadre or party worker',
        ]),
      ).toEqual([]);
    });

    it('keeps statuses, joining dates and stages consistent', () => {
      expect(
        violations(people, (p) => {
          const inParty = p.politicalStatus === 'member' || p.politicalStatus === 'probationary';
          const joined = p.joinedPartyOn;
          const eighteenth = `${Number(p.birthDate.slice(0, 4)) + 18}${p.birthDate.slice(4)}`;
          return [
            (joined !== null) !== inParty && 'joinedPartyOn does not match the status',
            joined !== null && joined < eighteenth && 'joined before 18',
            joined !== null && joined > '2026-11-27' && 'joined after the demo date',
            p.politicalStatus === 'probationary' && joined !== null && joined < '2025-11-27' && 'probation over a year',
            p.politicalStatus === 'member' && joined !== null && joined >= '2025-11-27' && 'full member within a year',
            p.developmentStage === 'member' && !inParty && 'stage member without membership',
            p.developmentStage === 'leader' && p.politicalStatus !== 'member' && 'leader not a full member',
            p.developmentStage === 'backbone' && p.politicalStatus !== 'activist' && 'backbone not an activist',
          ];
        }),
      ).toEqual([]);
      // Staff branches are mostly members; student branches mix all four statuses.
      const staffBranchPeople = people.filter((p) => unitByKey.get(p.unitKey)?.branchKind === 'staff');
      const staffMembers = staffBranchPeople.filter((p) => p.politicalStatus === 'member').length;
      expect(staffMembers / staffBranchPeople.length).toBeGreaterThan(0.6);
      const studentStatuses = new Set(
        people.filter((p) => unitByKey.get(p.unitKey)?.branchKind === 'student').map((p) => p.politicalStatus),
      );
      expect(studentStatuses).toEqual(new Set(['member', 'probationary', 'activist', 'masses']));
      if (size !== 'small') {
        const members = people.filter((p) => p.kind === 'staff' && p.politicalStatus === 'member');
        const cadres = members.filter((p) => p.cadreLevel !== 'none').length;
        expect(cadres / members.length).toBeGreaterThan(0.1);
        expect(cadres / members.length).toBeLessThan(0.2);
      }
    });

    it('has ≈1 % full-time Party workers school-wide, with at least one general branch under 1 %', () => {
      const ratio = people.filter((p) => p.fulltimePartyWorker).length / people.length;
      expect(ratio).toBeGreaterThanOrEqual(0.008);
      expect(ratio).toBeLessThanOrEqual(0.012);
      const totals = new Map<string, { all: number; fulltime: number }>();
      for (const p of people) {
        const top = topOf(school, p.unitKey);
        const t = totals.get(top) ?? { all: 0, fulltime: 0 };
        t.all++;
        if (p.fulltimePartyWorker) t.fulltime++;
        totals.set(top, t);
      }
      const generalRatios = [...totals]
        .filter(([key]) => unitByKey.get(key)?.type === 'general_branch')
        .map(([, t]) => t.fulltime / t.all);
      expect(generalRatios.some((r) => r < 0.01)).toBe(true);
      if (size !== 'small') expect(generalRatios.some((r) => r > 0.01)).toBe(true);
    });

    it('leaves coverage gaps: some grid units uncovered, some without a contact', () => {
      const kinds = new Set(gridUnits.map((g) => g.kind));
      expect(kinds).toEqual(new Set(['team', 'class', 'dorm', 'club', 'online']));
      const uncovered = gridUnits.filter((g) => g.coveringBranchKey === null);
      const noContact = gridUnits.filter((g) => g.coveringBranchKey !== null && g.contactPersonKey === null);
      expect(uncovered.length).toBeGreaterThan(0);
      expect(uncovered.length / gridUnits.length).toBeLessThan(0.15);
      expect(noContact.length).toBeGreaterThan(0);
      expect(noContact.length / gridUnits.length).toBeLessThan(0.1);
      expect(uncovered.every((g) => g.contactPersonKey === null)).toBe(true);
    });

    it('gives every general branch and branch its secretary, and every member a member grant', () => {
      const has = (role: RoleName, unitKey: string) => grants.filter((g) => g.role === role && g.unitKey === unitKey);
      for (const u of units) {
        if (u.type === 'general_branch') expect(has('general_branch_secretary', u.key)).toHaveLength(1);
        if (u.type === 'branch' || u.type === 'direct_branch') {
          const [sec] = has('branch_secretary', u.key);
          const person = personByKey.get(sec?.personKey as string);
          expect(person?.kind).toBe('staff');
          expect(person?.politicalStatus).toBe('member');
          expect(topOf(school, person?.unitKey as string)).toBe(topOf(school, u.key));
        }
      }
      const memberGrants = new Set(grants.filter((g) => g.role === 'member').map((g) => `${g.personKey}|${g.unitKey}`));
      const inParty = (p: (typeof people)[number]) =>
        p.politicalStatus === 'member' || p.politicalStatus === 'probationary';
      expect(
        violations(people, (p) => [
          memberGrants.has(`${p.key}|${p.unitKey}`) !== inParty(p) && 'member grant does not match the status',
        ]),
      ).toEqual([]);
      expect(memberGrants.size).toBe(grants.filter((g) => g.role === 'member').length);
    });

    it('has every named demo account with the right person and grant', () => {
      const root = units.find((u) => u.type === 'committee')?.key as string;
      const jiguan = unitByName('机关党总支').key;
      const account = (username: string) => {
        const a = accounts.find((x) => x.username === username);
        if (!a) throw new Error(`no account ${username}`);
        return { ...a, person: personByKey.get(a.personKey) as (typeof people)[number] };
      };
      const grantsOf = (username: string) =>
        grants.filter((g) => g.personKey === account(username).personKey && g.role !== 'member');
      expect(accounts).toHaveLength(17);
      expect(unique(accounts.map((a) => a.personKey))).toBe(true);
      expect(accounts.every((a) => a.label.length > 0)).toBe(true);

      const admin = account('admin');
      expect(admin.isSystemAdmin).toBe(true);
      expect(admin.person.kind).toBe('staff');
      expect(topOf(school, admin.person.unitKey)).toBe(jiguan);
      expect(accounts.filter((a) => a.isSystemAdmin).map((a) => a.username)).toEqual(['admin']);

      const rootRoles: [string, RoleName][] = [
        ['dangwei', 'committee_admin'],
        ['zuzhibu', 'org_dept'],
        ['xuanchuan', 'publicity'],
        ['xuegong', 'student_affairs'],
        ['gonghui', 'union'],
        ['xiaodi', 'local_coop'],
        ['renshi', 'hr'],
        ['keji', 'research_office'],
        ['dangjian', 'party_research_center'],
        ['dangxiao', 'party_school'],
      ];
      for (const [username, role] of rootRoles) {
        const a = account(username);
        expect(a.person.kind).toBe('staff');
        expect(topOf(school, a.person.unitKey)).toBe(jiguan);
        expect(grantsOf(username)).toEqual([{ personKey: a.personKey, role, unitKey: root }]);
      }

      const wxGeneral = unitByName('文学院党总支');
      const wxStudent = unitByName('文学院本科生第一党支部');
      const sxStudent = unitByName('数学与统计学院本科生第一党支部');
      expect(grantsOf('zongzhi')).toContainEqual({
        personKey: account('zongzhi').personKey,
        role: 'general_branch_secretary',
        unitKey: wxGeneral.key,
      });
      expect(account('zhibu').label).toBe('党支部书记（文学院本科生第一党支部）');
      expect(account('zhibu').person.kind).toBe('staff');
      expect(grantsOf('zhibu')).toContainEqual({
        personKey: account('zhibu').personKey,
        role: 'branch_secretary',
        unitKey: wxStudent.key,
      });
      expect(grantsOf('zhibu2')).toContainEqual({
        personKey: account('zhibu2').personKey,
        role: 'branch_secretary',
        unitKey: sxStudent.key,
      });
      expect(topOf(school, account('zhibu2').person.unitKey)).toBe(unitByName('数学与统计学院党总支').key);

      const dangyuan = account('dangyuan');
      expect(dangyuan.person).toMatchObject({ kind: 'student', politicalStatus: 'member', unitKey: wxStudent.key });
      expect(grants).toContainEqual({ personKey: dangyuan.personKey, role: 'member', unitKey: wxStudent.key });
      const jiaogong = account('jiaogong');
      expect(jiaogong.person).toMatchObject({ kind: 'staff', politicalStatus: 'member' });
      expect(unitByKey.get(jiaogong.person.unitKey)?.branchKind).toBe('staff');
      expect(topOf(school, jiaogong.person.unitKey)).toBe(wxGeneral.key);
      expect(grants).toContainEqual({
        personKey: jiaogong.personKey,
        role: 'member',
        unitKey: jiaogong.person.unitKey,
      });
      const qunzhong = account('qunzhong');
      expect(qunzhong.person).toMatchObject({ kind: 'student', politicalStatus: 'masses' });
      expect(grants.filter((g) => g.personKey === qunzhong.personKey)).toEqual([]);
    });
  });
});
