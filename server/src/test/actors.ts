import type { Actor } from '../core/actor';

/** An actor for pure policy tests: grants as [role, unit path] pairs, nothing read from a database. */
export const testActor = (grants: [string, string][], personId = 1): Actor => ({
  accountId: 1,
  personId,
  name: '测试',
  username: 't',
  unitId: 1,
  unitPath: '/1/',
  isSystemAdmin: false,
  grants: grants.map(([role, unitPath], i) => ({ grantId: i, role: role as never, unitId: i, unitPath, unitName: '' })),
});
