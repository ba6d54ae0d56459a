import type { Me } from '../api';

const ALL_PERMISSIONS = [
  'org.view',
  'org.manage',
  'partner.manage',
  'grid.manage',
  'people.view',
  'people.manage',
  'people.sensitive',
  'transfer.approve',
  'grants.manage',
  'audit.view',
  'import.run',
  'report.view',
];

/** A signed-in person for web tests: `permissions` are held on the root ('/1/'), the rest are empty. */
export function makeMe(
  opts: { permissions?: string[]; roles?: Partial<Me['roles'][number]>[]; username?: string } = {},
): Me {
  const held = new Set(opts.permissions ?? []);
  return {
    person: { id: 7, name: '王小明', unitId: 12, unitName: '文学院本科生第一党支部' },
    username: opts.username ?? 'tester',
    isSystemAdmin: false,
    roles: (opts.roles ?? []).map((r, i) => ({
      grantId: i + 1,
      role: 'member',
      roleLabel: '党员',
      unitId: 12,
      unitName: '文学院本科生第一党支部',
      unitPath: '/1/3/12/',
      ...r,
    })),
    scopes: Object.fromEntries(ALL_PERMISSIONS.map((p) => [p, held.has(p) ? ['/1/'] : []])),
    csrfToken: 'csrf-test-token',
  };
}
