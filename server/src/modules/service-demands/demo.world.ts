import {
  DEMAND_STATES,
  type DemandAudience,
  type DemandChannel,
  type DemandState,
  type TimeLimits,
} from '@pioneer/domain';
import type { Insertable } from 'kysely';
import { CAMPUSES, type Rng, randomName, randomPhone, WeightedTable } from '../../seed/demo-names';
import type { DemoPerson } from '../../seed/demo-school';
import type { LoadedDemo } from '../../seed/load-demo';
import { CODE, COMBOS, DEMO_CATEGORIES, type DemoCategory, FIXED, type Fixed, OFFICE } from './demo.catalog';
import type {
  DemandAssigneeTable,
  DemandEventTable,
  DemandRatingTable,
  DemandServiceTable,
  DemandTable,
} from './service-demands.tables';

type Row<T> = Omit<Insertable<T>, 'demand_id'>;
export interface DemoNeed {
  demand: Insertable<DemandTable> & { tracking_code: string; submitted_at: string };
  limits: TimeLimits;
  category: DemoCategory;
  handlingPath: string;
  events: Row<DemandEventTable>[];
  assignees: Row<DemandAssigneeTable>[];
  services: Row<DemandServiceTable>[];
  rating: { row: Row<DemandRatingTable>; memberIds: number[] } | null;
  duplicateOfIndex: number | null;
  requesterLabel: string;
  fixed: Fixed | undefined;
}
interface Branch {
  id: number;
  key: string;
  name: string;
  path: string;
  members: number[];
  skills: Set<string>;
  secretary: number | null;
}

/** The demo school as the need generator sees it: units with paths, member pools, officers, named accounts. */
export class DemoWorld {
  readonly goodScores = new WeightedTable([
    [5, 50],
    [4, 35],
    [3, 15],
  ] as const);
  private readonly paths = new Map<string, string>();
  private readonly branches: Branch[] = [];
  private readonly staff: DemoPerson[];
  private readonly students: DemoPerson[];
  private readonly byUsername = new Map<string, DemoPerson>();
  private readonly root: { id: number; path: string };
  private categoryIds = new Map<string, number>();
  private clientId = 0;
  private readonly codes = new Set<string>();
  private readonly phones = new Set<string>();

  constructor(private readonly demo: LoadedDemo) {
    const { school, unitIds, personIds } = demo;
    for (const u of school.units) {
      this.paths.set(u.key, `${u.parentKey ? this.paths.get(u.parentKey) : '/'}${unitIds.get(u.key)}/`);
    }
    const rootUnit = school.units.find((u) => u.parentKey === null)!;
    this.root = { id: unitIds.get(rootUnit.key)!, path: this.paths.get(rootUnit.key)! };
    const secretaries = new Map(
      school.grants.filter((g) => g.role === 'branch_secretary').map((g) => [g.unitKey, personIds.get(g.personKey)!]),
    );
    const pools = new Map<string, DemoPerson[]>();
    for (const p of school.people) {
      if (p.politicalStatus !== 'member' && p.politicalStatus !== 'probationary') continue;
      pools.set(p.unitKey, [...(pools.get(p.unitKey) ?? []), p]);
    }
    for (const u of school.units) {
      const pool = pools.get(u.key) ?? [];
      if ((u.type !== 'branch' && u.type !== 'direct_branch') || pool.length < 2) continue;
      this.branches.push({
        id: unitIds.get(u.key)!,
        key: u.key,
        name: u.name,
        path: this.paths.get(u.key)!,
        members: pool.map((p) => personIds.get(p.key)!),
        skills: new Set(pool.flatMap((p) => p.skills)),
        secretary: secretaries.get(u.key) ?? null,
      });
    }
    this.staff = school.people.filter((p) => p.kind === 'staff');
    this.students = school.people.filter((p) => p.kind === 'student');
    for (const a of school.accounts) this.byUsername.set(a.username, school.people.find((p) => p.key === a.personKey)!);
  }

  setIds(categoryIds: Map<string, number>, clientId: number) {
    this.categoryIds = categoryIds;
    this.clientId = clientId;
  }
  firstCollegeId(): number | null {
    const college = this.demo.school.units.find((u) => u.type === 'general_branch');
    return college ? this.demo.unitIds.get(college.key)! : null;
  }
  private pathOfId(id: number) {
    const key = this.demo.school.units.find((u) => this.demo.unitIds.get(u.key) === id)!.key;
    return this.paths.get(key)!;
  }
  private pid(p: DemoPerson) {
    return this.demo.personIds.get(p.key)!;
  }
  person(username: string) {
    const p = this.byUsername.get(username)!;
    return { id: this.pid(p), name: p.name };
  }

  /** The named accounts' needs first, then one need in every state, cycling through every audience and channel. */
  fixedTarget = (i: number): DemandState | undefined => FIXED[i]?.target ?? DEMAND_STATES[i - FIXED.length];
  fixedAudience = (i: number): DemandAudience | undefined => FIXED[i]?.audience ?? this.combo(i)?.[0];
  fixedChannel = (i: number): DemandChannel | undefined => FIXED[i]?.channel ?? this.combo(i)?.[1];
  private combo(i: number) {
    const k = i - FIXED.length;
    return k >= 0 && k < DEMAND_STATES.length ? COMBOS[k % COMBOS.length] : undefined;
  }

  pickCategory(rng: Rng, audience: DemandAudience): DemoCategory {
    return rng.pick(DEMO_CATEGORIES.filter((c) => c.audiences.includes(audience)));
  }

  private code(rng: Rng) {
    for (;;) {
      const code = `XQ${Array.from({ length: 10 }, () => CODE[rng.int(0, 31)]).join('')}`;
      if (!this.codes.has(code)) {
        this.codes.add(code);
        return code;
      }
    }
  }

  newNeed(
    rng: Rng,
    i: number,
    audience: DemandAudience,
    ch: DemandChannel,
    cat0: DemoCategory,
    submittedAt: string,
  ): DemoNeed {
    const fixed = FIXED[i];
    const cat = fixed ? DEMO_CATEGORIES.find((c) => c.code === fixed.category)! : cat0;
    const channel = fixed?.channel ?? ch;
    const [title, description] = rng.pick(cat.needs);
    const officer = this.person(OFFICE[audience]);
    const defaultUnit = cat.code === 'tutoring' ? this.firstCollegeId() : null;
    let handling = defaultUnit ? { id: defaultUnit, path: this.pathOfId(defaultUnit) } : this.root;
    const d: DemoNeed['demand'] = {
      tracking_code: this.code(rng),
      title,
      description,
      audience,
      channel,
      category_id: null,
      state: 'submitted',
      handling_unit_id: handling.id,
      responsible_unit_id: handling.id,
      submitted_at: submittedAt,
      updated_at: submittedAt,
    };
    let label: string;
    if (audience === 'society') {
      const partner = rng.pick(this.demo.school.partners);
      const name = randomName(rng, rng.chance(0.5) ? 'female' : 'male');
      Object.assign(d, {
        requester_name: name,
        requester_phone: randomPhone(rng, this.phones),
        requester_address: `${partner.address}${rng.int(1, 30)}栋${rng.int(1, 6)}单元`,
        location: partner.name,
        campus: rng.chance(0.5) ? rng.pick(CAMPUSES) : '',
        needed_on: rng.chance(0.4)
          ? new Date(Date.parse(submittedAt) + rng.int(3, 20) * 86_400_000).toISOString().slice(0, 10)
          : null,
        open311_client_id: channel === 'open311' ? this.clientId : null,
      });
      label =
        channel === 'public'
          ? `${name}（公开表单）`
          : channel === 'open311'
            ? '栖霞区网格化服务平台（Open311）'
            : officer.name;
      if (channel === 'contact_visit') {
        const b = rng.pick(this.branches);
        handling = { id: Number(b.path.split('/').filter(Boolean).at(-2)), path: b.path.replace(/\d+\/$/, '') };
        if (b.secretary) label = '党支部书记（三联走访）';
      }
      if (channel === 'officer' || channel === 'contact_visit') d.entered_by = officer.id;
    } else {
      const requester = fixed?.requester
        ? this.byUsername.get(fixed.requester)!
        : rng.pick(audience === 'staff' ? this.staff : this.students);
      Object.assign(d, {
        requester_person_id: this.pid(requester),
        requester_name: requester.name,
        requester_phone: requester.phone,
        origin_unit_id: this.demo.unitIds.get(requester.unitKey),
        campus: requester.campus,
        location: requester.department,
        entered_by: channel === 'officer' ? officer.id : null,
      });
      label = channel === 'self' ? requester.name : officer.name;
    }
    d.handling_unit_id = handling.id;
    d.responsible_unit_id = handling.id;
    const limits = {
      triageMinutes: cat.hours[0] * 60,
      claimMinutes: cat.hours[1] * 60,
      completeMinutes: cat.hours[2] * 60,
    };
    const need: DemoNeed = {
      demand: d,
      limits,
      category: cat,
      handlingPath: handling.path,
      events: [],
      assignees: [],
      services: [],
      rating: null,
      duplicateOfIndex: null,
      requesterLabel: label,
      fixed,
    };
    need.events.push({
      at: submittedAt,
      actor_person_id: d.entered_by ?? d.requester_person_id ?? null,
      actor_label: label,
      action: 'submit',
      to_state: 'submitted',
      note: '需求已提交，等待分拣',
      public: true,
    });
    need.demand.category_id = this.categoryIds.get(cat.code) ?? null;
    return need;
  }

  pickBranch(rng: Rng, need: DemoNeed): Branch {
    if (need.fixed?.branch) {
      const id = this.demo.unitIds.get(need.fixed.branch.toLowerCase())!;
      return this.branches.find((b) => b.id === id)!;
    }
    const open = this.branches.filter((b) => b.path.startsWith(need.handlingPath));
    const skilled = open.filter((b) => need.category.skills.some((s) => b.skills.has(s)));
    return rng.pick(skilled.length && rng.chance(0.7) ? skilled : open.length ? open : this.branches);
  }
}
