/**
 * Shared state of the demo-school generator. The generation phases (in `demo-units.ts`, `demo-people.ts` and
 * `demo-grid-grants.ts`) read and extend one `Builder`, run in a fixed order by `generateDemoSchool`.
 */
import type { Campus, College } from './demo-catalog';
import type { Rng } from './demo-names';
import type { DemoAccount, DemoGrant, DemoGridUnit, DemoPartner, DemoPerson, DemoUnit } from './demo-school.types';

export interface SizeConfig {
  colleges: string[] | null;
  directs: number;
  officeBranches: number;
  people: number;
  partners: number;
  staffBranches: (c: College) => number;
  ugBranches: (c: College) => number;
  gradBranches: (c: College) => number;
}

export type BranchRole = 'staff' | 'ug' | 'grad' | 'joint' | 'office' | 'direct';
export interface Top {
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
export interface Branch {
  unit: DemoUnit;
  role: BranchRole;
  top: Top;
  staff: DemoPerson[];
  students: DemoPerson[];
}
export interface ClassInfo {
  name: string;
  branch: Branch;
}

export const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The generation phases share this state; each phase is a function of it, run in a fixed order. */
export class Builder {
  readonly units: DemoUnit[] = [];
  readonly people: DemoPerson[] = [];
  readonly partners: DemoPartner[] = [];
  readonly gridUnits: DemoGridUnit[] = [];
  readonly grants: DemoGrant[] = [];
  readonly accounts: DemoAccount[] = [];
  readonly tops: Top[] = [];
  readonly branches: Branch[] = [];
  readonly classes: ClassInfo[] = [];
  readonly ids = new Set<string>();
  readonly phones = new Set<string>();
  private readonly counters = new Map<string, number>();
  /** People already given a named role (secretary or demo account): nobody gets two. */
  readonly used = new Set<DemoPerson>();
  readonly leaders = new Set<DemoPerson>();
  readonly secretaryOf = new Map<string, DemoPerson>();
  root!: DemoUnit;

  constructor(
    readonly cfg: SizeConfig,
    readonly rng: Rng,
  ) {}

  unit(
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

  next(key: string, start = 1): number {
    const n = this.counters.get(key) ?? start;
    this.counters.set(key, n + 1);
    return n;
  }

  addBranch(top: Top, role: BranchRole, suffix: string, name: string, kind: DemoUnit['branchKind']) {
    const code = `${top.unit.code}-${suffix}`;
    const unit = role === 'direct' ? top.unit : this.unit(code.toLowerCase(), top.unit.key, 'branch', kind, name, code);
    const b: Branch = { unit, role, top, staff: [], students: [] };
    top.branches.push(b);
    this.branches.push(b);
  }

  /** Picks an unused person from the pool, preferring `prefer`, then members; makes them a member. */
  choose(pool: DemoPerson[], prefer: (p: DemoPerson) => boolean = () => false, makeMember = true): DemoPerson {
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

  account(username: string, p: DemoPerson, label: string, isSystemAdmin = false): void {
    this.accounts.push({ username, personKey: p.key, label, isSystemAdmin });
  }

  branch(code: string): Branch {
    return this.branches.find((b) => b.unit.code === code) as Branch;
  }
}
