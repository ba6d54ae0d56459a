/**
 * A deterministic demo school: 「江南师范大学」 (fictional), its Party organization tree, people, partners,
 * grid units, role grants and the named demo accounts. Pure: same (size, seed) → deep-equal output.
 *
 * The phases live in `demo-units.ts`, `demo-people.ts` and `demo-grid-grants.ts` and share one `Builder`
 * (`demo-builder.ts`); the public types and constants are in `demo-school.types.ts`, re-exported here.
 */
import { Builder, type SizeConfig } from './demo-builder';
import { assignNamedStaff, assignNamedStudents, assignSecretaries, buildGrid, grantMembers } from './demo-grid-grants';
import { Rng } from './demo-names';
import { assignCadres, assignDevelopmentStages, assignFulltimeWorkers, populate, settleJoinDate } from './demo-people';
import type { DemoSchool, DemoSize } from './demo-school.types';
import { buildPartners, buildTree } from './demo-units';

export type { Campus } from './demo-catalog';
export {
  DEMO_PASSWORD,
  type DemoAccount,
  type DemoGrant,
  type DemoGridUnit,
  type DemoPartner,
  type DemoPerson,
  type DemoSchool,
  type DemoSize,
  type DemoUnit,
  type PoliticalStatus,
  ROLE_LABELS,
  type RoleName,
  SCHOOL_NAME,
} from './demo-school.types';

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

export function generateDemoSchool(size: DemoSize, seed = 20261127): DemoSchool {
  const b = new Builder(SIZES[size], new Rng(seed));
  buildTree(b);
  populate(b);
  assignFulltimeWorkers(b);
  assignSecretaries(b);
  assignNamedStaff(b);
  assignCadres(b);
  for (const p of b.people) settleJoinDate(b.rng, p);
  assignNamedStudents(b);
  assignDevelopmentStages(b);
  buildPartners(b);
  buildGrid(b);
  grantMembers(b);
  return {
    units: b.units,
    people: b.people,
    partners: b.partners,
    gridUnits: b.gridUnits,
    grants: b.grants,
    accounts: b.accounts,
  };
}
