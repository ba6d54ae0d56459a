/**
 * Demo-school phases for the organization tree (committee → general branches → branches, direct branches
 * under the root) and the partners, including the joint branches' partners (校地支部联建).
 */
import { type Builder, pad, type Top } from './demo-builder';
import { COLLEGES, DIRECTS, JOINT_COLLEGES, OFFICE_FIELDS, PARTNERS } from './demo-catalog';
import { apportion, cnNumber, randomName, randomPhone } from './demo-names';
import { type DemoPartner, SCHOOL_NAME } from './demo-school.types';

const fieldOf = (team: string) => team.replace(/(教研室|研究所|实验室|中心)$/, '');

// ---- the tree: committee → general branches (colleges + 机关) → branches; direct branches under the root
export function buildTree(s: Builder): void {
  const { cfg } = s;
  s.root = s.unit('jnsd', null, 'committee', null, `中共${SCHOOL_NAME}委员会`, 'JNSD');
  for (const c of COLLEGES.filter((x) => cfg.colleges === null || cfg.colleges.includes(x.abbr))) {
    const code = `JNSD-${c.abbr}`;
    const top: Top = {
      unit: s.unit(code.toLowerCase(), s.root.key, 'general_branch', null, `${c.name}党总支`, code),
      kind: 'college',
      college: c,
      collegeNo: COLLEGES.indexOf(c) + 1,
      name: c.name,
      campus: c.campus,
      fields: c.teams.map(fieldOf),
      skills: c.skills,
      branches: [],
    };
    s.tops.push(top);
    for (let i = 1; i <= cfg.staffBranches(c); i++)
      s.addBranch(top, 'staff', `JG${i}`, `${c.name}教工第${cnNumber(i)}党支部`, 'staff');
    for (let i = 1; i <= cfg.ugBranches(c); i++)
      s.addBranch(top, 'ug', `BK${i}`, `${c.name}本科生第${cnNumber(i)}党支部`, 'student');
    const grads = cfg.gradBranches(c);
    for (let i = 1; i <= grads; i++) {
      const nth = grads > 1 ? `第${cnNumber(i)}` : '';
      s.addBranch(top, 'grad', grads > 1 ? `YJS${i}` : 'YJS', `${c.name}研究生${nth}党支部`, 'student');
    }
    if (JOINT_COLLEGES.has(c.abbr)) s.addBranch(top, 'joint', 'LJ', `${c.name}校地联建党支部`, 'joint');
  }
  const office: Top = {
    unit: s.unit('jnsd-jg', s.root.key, 'general_branch', null, '机关党总支', 'JNSD-JG'),
    kind: 'office',
    college: null,
    collegeNo: 0,
    name: '机关',
    campus: '仙林校区',
    fields: OFFICE_FIELDS,
    skills: ['政策宣讲', '法律咨询'],
    branches: [],
  };
  s.tops.push(office);
  for (let i = 1; i <= cfg.officeBranches; i++)
    s.addBranch(office, 'office', `ZB${i}`, `机关第${cnNumber(i)}党支部`, 'staff');
  for (const d of DIRECTS.slice(0, cfg.directs)) {
    const code = `JNSD-${d.abbr}`;
    const unit = s.unit(code.toLowerCase(), s.root.key, 'direct_branch', 'staff', `${d.name}直属党支部`, code);
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
    s.tops.push(top);
    s.addBranch(top, 'direct', '', unit.name, 'staff');
  }
}

// ---- partners; each joint branch takes a community or village, owned by its general branch
export function buildPartners(s: Builder): void {
  const { rng, root } = s;
  const kinds = ['community', 'village', 'enterprise', 'government'] as const;
  const perKind = apportion(s.cfg.partners, [40, 25, 20, 15]);
  const chosen = kinds.flatMap((k, i) => rng.shuffle(PARTNERS.filter((d) => d.kind === k)).slice(0, perKind[i]));
  const owners = s.tops.filter((t) => t.kind !== 'direct');
  chosen.forEach(({ kind, name, district, road }, i) => {
    s.partners.push({
      key: `pt${pad(i + 1, 3)}`,
      name,
      kind,
      ownerUnitKey: rng.chance(0.25) ? root.key : rng.pick(owners).unit.key,
      address: road ? `南京市${district}${road}${rng.int(1, 288)}号` : `南京市${district}${name}村民委员会`,
      contactName: randomName(rng, rng.chance(0.5) ? 'female' : 'male'),
      contactPhone: randomPhone(rng, s.phones),
    });
  });
  const local = s.partners.filter((p) => p.kind === 'community' || p.kind === 'village');
  s.branches
    .filter((b) => b.role === 'joint')
    .forEach((b, i) => {
      const p = local[i % local.length] as DemoPartner;
      p.ownerUnitKey = b.top.unit.key;
      b.unit.partnerKey = p.key;
    });
}
