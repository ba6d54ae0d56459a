import type { RoleName } from '@pioneer/domain';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../core/actor';
import {
  ancestorPaths,
  canManageCategory,
  type DemandAbilities,
  type DemandRef,
  demandAbilities,
  openNeedPaths,
} from './demands.policy';

// A small tree: committee /1/ → 文学院 /1/2/ (branches /1/2/3/ student, /1/2/4/ staff) and 数学 /1/5/ (branch /1/5/6/).
const actor = (personId: number, grants: [RoleName, string][], isSystemAdmin = false): Actor => ({
  accountId: personId,
  personId,
  name: `P${personId}`,
  username: `p${personId}`,
  unitId: 4,
  unitPath: '/1/',
  isSystemAdmin,
  grants: grants.map(([role, unitPath], i) => ({
    grantId: i + 1,
    role,
    unitId: Number(unitPath.split('/').at(-2)),
    unitPath,
    unitName: unitPath,
  })),
});
const A = {
  union: actor(1, [['union', '/1/']]),
  studentAffairs: actor(2, [['student_affairs', '/1/']]),
  localCoop: actor(3, [['local_coop', '/1/']]),
  orgDept: actor(4, [['org_dept', '/1/']]),
  committee: actor(5, [['committee_admin', '/1/']]),
  zongzhi: actor(6, [
    ['general_branch_secretary', '/1/2/'],
    ['member', '/1/2/4/'],
  ]),
  zhibu: actor(7, [
    ['branch_secretary', '/1/2/3/'],
    ['member', '/1/2/4/'],
  ]),
  zhibu2: actor(8, [
    ['branch_secretary', '/1/5/6/'],
    ['member', '/1/5/6/'],
  ]),
  member: actor(9, [['member', '/1/2/3/']]),
  member2: actor(10, [['member', '/1/5/6/']]),
  requester: actor(100, []),
  publicity: actor(11, [['publicity', '/1/']]),
  admin: actor(12, [], true),
};
const need = (over: Partial<DemandRef>): DemandRef => ({
  state: 'submitted',
  audience: 'student',
  handlingPath: '/1/',
  claimPath: null,
  originPath: '/1/2/3/',
  claimPersonId: null,
  requesterPersonId: 100,
  enteredBy: null,
  assigneeIds: [],
  ...over,
});
const D = {
  submitted: need({}),
  triagedSociety: need({ state: 'triaged', audience: 'society', originPath: null, requesterPersonId: null }),
  publishedWenxue: need({
    state: 'published',
    audience: 'society',
    handlingPath: '/1/2/',
    originPath: null,
    requesterPersonId: null,
  }),
  publishedRoot: need({ state: 'published' }),
  claimed: need({ state: 'claimed', claimPath: '/1/2/3/', assigneeIds: [9] }),
  inProgressSelf: need({ state: 'in_progress', claimPath: '/1/2/3/', claimPersonId: 9, assigneeIds: [9] }),
  completed: need({ state: 'completed', claimPath: '/1/2/3/', assigneeIds: [9] }),
  enteredByOffice: need({
    state: 'completed',
    audience: 'staff',
    claimPath: '/1/2/3/',
    requesterPersonId: null,
    enteredBy: 1,
  }),
  reopened: need({ state: 'reopened', claimPath: '/1/2/3/' }),
};

type Row = [actor: keyof typeof A, demand: keyof typeof D, ability: keyof DemandAbilities, expected: boolean];
const TABLE: Row[] = [
  // triage belongs to the office of the audience, over the handling unit
  ['studentAffairs', 'submitted', 'triage', true],
  ['union', 'submitted', 'triage', false],
  ['localCoop', 'triagedSociety', 'publish', true],
  ['localCoop', 'triagedSociety', 'triage', false], // state: already triaged
  ['orgDept', 'submitted', 'triage', true],
  ['zongzhi', 'submitted', 'triage', false],
  ['admin', 'submitted', 'reject', true],
  ['studentAffairs', 'submitted', 'publish', false], // state: not triaged
  ['studentAffairs', 'submitted', 'merge', true],
  // claiming: secretaries within (or above) the handling unit; members of a unit inside it
  ['zhibu', 'publishedWenxue', 'claim', true],
  ['zongzhi', 'publishedWenxue', 'claim', true],
  ['zhibu2', 'publishedWenxue', 'claim', false],
  ['zhibu2', 'publishedRoot', 'claim', true],
  ['member', 'publishedWenxue', 'claimAsMember', true],
  ['member2', 'publishedWenxue', 'claimAsMember', false],
  ['member', 'publishedWenxue', 'claim', false],
  ['studentAffairs', 'publishedRoot', 'claim', false],
  ['zhibu', 'submitted', 'claim', false], // state: not published
  // assignment is the organization department's
  ['orgDept', 'publishedRoot', 'assign', true],
  ['orgDept', 'reopened', 'assign', true],
  ['zongzhi', 'publishedWenxue', 'assign', false],
  ['orgDept', 'claimed', 'assign', false], // state
  // running the service: the claiming unit's secretaries, the claimer, the assigned members
  ['zhibu', 'claimed', 'start', true],
  ['zongzhi', 'claimed', 'assignMembers', true],
  ['zhibu2', 'claimed', 'start', false],
  ['member', 'claimed', 'start', true],
  ['member', 'claimed', 'release', false],
  ['zhibu', 'claimed', 'release', true],
  ['member', 'inProgressSelf', 'complete', true],
  ['member', 'inProgressSelf', 'release', false], // state: already started
  ['member2', 'inProgressSelf', 'complete', false],
  ['zhibu', 'claimed', 'complete', false], // state: not started
  // rating through an account is the requester's alone
  ['requester', 'completed', 'rate', true],
  ['zhibu', 'completed', 'rate', false],
  ['union', 'enteredByOffice', 'rate', false],
  ['requester', 'claimed', 'rate', false],
  // withdrawing: the requester or the office; closing: the office or the org dept
  ['requester', 'submitted', 'withdraw', true],
  ['union', 'enteredByOffice', 'close', true],
  ['union', 'enteredByOffice', 'withdraw', false], // state: completed
  ['zhibu', 'completed', 'close', false],
  ['studentAffairs', 'reopened', 'close', true],
  // who sees the requester's contact details
  ['zhibu', 'claimed', 'seeRequester', true],
  ['member', 'claimed', 'seeRequester', true],
  ['zhibu2', 'claimed', 'seeRequester', false],
  ['member', 'publishedWenxue', 'seeRequester', false],
  ['committee', 'submitted', 'seeRequester', true],
  ['publicity', 'submitted', 'seeRequester', false],
  ['requester', 'submitted', 'seeRequester', true],
  // matching suggestions: those who oversee it or could take it up
  ['zhibu', 'publishedWenxue', 'matches', true],
  ['member', 'publishedWenxue', 'matches', false],
  ['orgDept', 'submitted', 'matches', true],
  // once claimed: the claiming unit and those above it, not another branch
  ['zhibu', 'claimed', 'matches', true],
  ['zhibu2', 'claimed', 'matches', false],
];

describe('service demand policy', () => {
  it.each(TABLE)('%s on %s: %s → %s', (a, d, ability, expected) => {
    expect(demandAbilities(A[a], D[d])[ability]).toBe(expected);
  });

  it.each([
    ['orgDept', '/1/2/', true],
    ['orgDept', '/1/', true],
    ['zongzhi', '/1/2/', false],
    ['admin', '/1/5/', true],
  ] as const)('category management: %s over %s → %s', (a, path, expected) => {
    expect(canManageCategory(A[a], path)).toBe(expected);
  });

  it('lists ancestor paths and the handling units whose needs a person may take up', () => {
    expect(ancestorPaths('/1/2/3/')).toEqual(['/1/', '/1/2/', '/1/2/3/']);
    expect(openNeedPaths(A.zhibu).sort()).toEqual(['/1/', '/1/2/', '/1/2/3/', '/1/2/4/']);
    expect(openNeedPaths(A.member2).sort()).toEqual(['/1/', '/1/5/', '/1/5/6/']);
    expect(openNeedPaths(A.requester)).toEqual([]);
  });
});
