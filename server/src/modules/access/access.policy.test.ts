import { explainAccess, type GrantFact, grantableRoles, grantStatus, ROLE_NAMES, type RoleName } from '@pioneer/domain';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../core/actor';
import { canGrantRole, canRevokeGrant } from './access.policy';

const actor = (personId: number, grants: [RoleName, string][], isSystemAdmin = false): Actor => ({
  accountId: personId,
  personId,
  name: `p${personId}`,
  username: `u${personId}`,
  unitId: 1,
  unitPath: '/1/',
  isSystemAdmin,
  grants: grants.map(([role, unitPath], i) => ({ grantId: i + 1, role, unitId: i + 1, unitPath, unitName: unitPath })),
});
const orgDept = actor(1, [['org_dept', '/1/']]);
const college = actor(2, [
  ['general_branch_secretary', '/1/2/'],
  ['member', '/1/2/3/'],
]);
const branch = actor(3, [['branch_secretary', '/1/2/3/']]);
const admin = actor(4, [], true);

describe('who may grant which role where', () => {
  it.each([
    ['org dept, anywhere', orgDept, '/1/4/5/', ROLE_NAMES.filter((r) => r !== 'committee_admin')],
    ['college secretary, inside the college', college, '/1/2/3/', ['branch_secretary', 'member']],
    ['college secretary, on the college itself', college, '/1/2/', ['branch_secretary', 'member']],
    ['college secretary, another college', college, '/1/4/5/', []],
    ['college secretary, above the college', college, '/1/', []],
    ['branch secretary (no grants.manage)', branch, '/1/2/3/', []],
    ['system admin', admin, '/1/', [...ROLE_NAMES]],
  ])('%s', (_, who, path, roles) => {
    expect(grantableRoles(who.grants, who.isSystemAdmin, path)).toEqual(roles);
  });

  it.each([
    ['college secretary names a branch secretary', college, 'branch_secretary', '/1/2/3/', 9, true],
    ['college secretary cannot name an org dept', college, 'org_dept', '/1/2/3/', 9, false],
    [
      'college secretary cannot name a general-branch secretary',
      college,
      'general_branch_secretary',
      '/1/2/',
      9,
      false,
    ],
    ['org dept cannot name the committee admin', orgDept, 'committee_admin', '/1/', 9, false],
    ['org dept names a publicity officer', orgDept, 'publicity', '/1/', 9, true],
    ['nobody grants to themselves', orgDept, 'publicity', '/1/', 1, false],
    ['system admin grants the committee admin', admin, 'committee_admin', '/1/', 9, true],
  ])('%s', (_, who, role, path, personId, expected) => {
    expect(canGrantRole(who, role, path, personId)).toBe(expected);
  });

  it.each([
    [college, { personId: 9, role: 'member', unitPath: '/1/2/3/', revokedAt: null }, true],
    [college, { personId: 9, role: 'member', unitPath: '/1/2/3/', revokedAt: '2026-01-01T00:00:00Z' }, false],
    [college, { personId: 9, role: 'general_branch_secretary', unitPath: '/1/2/', revokedAt: null }, false],
    [branch, { personId: 9, role: 'member', unitPath: '/1/2/3/', revokedAt: null }, false],
    [orgDept, { personId: 9, role: 'general_branch_secretary', unitPath: '/1/2/', revokedAt: null }, true],
  ])('revoke #%#', (who, grant, expected) => {
    expect(canRevokeGrant(who, grant)).toBe(expected);
  });
});

const fact = (id: number, role: string, unitPath: string, over: Partial<GrantFact> = {}): GrantFact => ({
  id,
  role,
  unitId: Number(unitPath.split('/').at(-2)),
  unitName: `组织${unitPath}`,
  unitPath,
  unitClosedAt: null,
  validFrom: '2026-01-01',
  validTo: null,
  revokedAt: null,
  ...over,
});

describe('grant status', () => {
  it.each([
    [fact(1, 'member', '/1/'), 'active'],
    [fact(1, 'member', '/1/', { validTo: '2026-06-01' }), 'active'],
    [fact(1, 'member', '/1/', { validTo: '2026-05-31' }), 'expired'],
    [fact(1, 'member', '/1/', { validFrom: '2026-06-02' }), 'future'],
    [fact(1, 'member', '/1/', { revokedAt: '2026-02-01T00:00:00Z', validTo: '2020-01-01' }), 'revoked'],
    [fact(1, 'member', '/1/', { unitClosedAt: '2026-02-01T00:00:00Z' }), 'unit_closed'],
  ])('#%# is %s', (g, status) => {
    expect(grantStatus(g, '2026-06-01')).toBe(status);
  });
});

describe('explaining access', () => {
  const today = '2026-06-01';
  const scopesOf = (grants: GrantFact[], permission: string, isSystemAdmin = false) =>
    explainAccess(grants, { isSystemAdmin, today })
      .find((p) => p.permission === permission)!
      .scopes.map((s) => [s.unitPath, s.reasons.map((r) => (r.kind === 'grant' ? r.grantId : r.kind))]);

  it.each([
    ['no grants: nothing', [], 'people.view', []],
    ['a member sees their branch', [fact(1, 'member', '/1/2/3/')], 'people.view', [['/1/2/3/', [1]]]],
    ['a member handles no one', [fact(1, 'member', '/1/2/3/')], 'people.sensitive', []],
    [
      'a branch inside a college folds into the college, keeping both reasons',
      [fact(1, 'member', '/1/2/3/'), fact(2, 'general_branch_secretary', '/1/2/')],
      'people.view',
      [['/1/2/', [2, 1]]],
    ],
    [
      'two colleges stay two scopes',
      [fact(1, 'branch_secretary', '/1/4/5/'), fact(2, 'branch_secretary', '/1/2/3/')],
      'transfer.approve',
      [
        ['/1/2/3/', [2]],
        ['/1/4/5/', [1]],
      ],
    ],
    ['an expired grant confers nothing', [fact(1, 'org_dept', '/1/', { validTo: '2026-05-01' })], 'org.manage', []],
    [
      'a revoked grant confers nothing',
      [fact(1, 'org_dept', '/1/', { revokedAt: '2026-05-01T00:00:00Z' })],
      'org.view',
      [],
    ],
    ['a future grant confers nothing yet', [fact(1, 'org_dept', '/1/', { validFrom: '2026-07-01' })], 'org.view', []],
    ['publicity may not manage grants', [fact(1, 'publicity', '/1/')], 'grants.manage', []],
  ])('%s', (_, grants, permission, expected) => {
    expect(scopesOf(grants as GrantFact[], permission)).toEqual(expected);
  });

  it('gives a system admin every permission on the whole tree', () => {
    const all = explainAccess([fact(1, 'member', '/1/2/3/')], { isSystemAdmin: true, today });
    for (const p of all) {
      expect(p.scopes).toHaveLength(1);
      expect(p.scopes[0]).toMatchObject({ unitId: null, unitName: '全部组织', unitPath: '/' });
      expect(p.scopes[0].reasons[0].kind).toBe('system_admin');
    }
    expect(all.find((p) => p.permission === 'people.view')!.scopes[0].reasons).toHaveLength(2);
  });

  it('labels every permission and every reason in Chinese', () => {
    const all = explainAccess([fact(7, 'branch_secretary', '/1/2/3/', { validTo: '2027-01-01' })], {
      isSystemAdmin: false,
      today,
    });
    const view = all.find((p) => p.permission === 'people.view')!;
    expect(view.label).toBe('查看人员名册');
    expect(view.scopes[0].reasons[0].label).toBe('在「组织/1/2/3/」担任党支部书记（2026-01-01 至 2027-01-01）');
  });
});
