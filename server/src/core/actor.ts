import { type Permission, ROLE_PERMISSIONS, type RoleName } from '@pioneer/domain';

export interface ActorGrant {
  grantId: number;
  role: RoleName;
  unitId: number;
  unitPath: string;
  unitName: string;
}
/** The signed-in person as every service sees it: who they are and where each of their roles reaches. */
export interface Actor {
  accountId: number;
  personId: number;
  name: string;
  username: string;
  unitId: number;
  /** The materialized path of the person's own unit (where they belong, not what they may manage). */
  unitPath: string;
  isSystemAdmin: boolean;
  grants: ActorGrant[];
}

export const ROOT_PATH = '/';

/** The unit paths (each covering its subtree) where the actor holds `permission`. System admins reach everything. */
export function scopePaths(actor: Actor, permission: Permission): string[] {
  if (actor.isSystemAdmin) return [ROOT_PATH];
  const paths = actor.grants.filter((g) => ROLE_PERMISSIONS[g.role].includes(permission)).map((g) => g.unitPath);
  // Drop paths already covered by a shorter one, so queries stay small.
  return paths.filter((p, i) => !paths.some((q, j) => j !== i && p.startsWith(q) && (q !== p || j < i)));
}

export function can(actor: Actor, permission: Permission, unitPath: string): boolean {
  return scopePaths(actor, permission).some((p) => unitPath.startsWith(p));
}

/** Why the actor may do `permission` on `unitPath`: the grants that allow it (for the access page). */
export function grantsAllowing(actor: Actor, permission: Permission, unitPath: string): ActorGrant[] {
  return actor.grants.filter((g) => ROLE_PERMISSIONS[g.role].includes(permission) && unitPath.startsWith(g.unitPath));
}
