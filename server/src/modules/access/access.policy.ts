import { grantableRoles, type RoleName } from '@pioneer/domain';
import type { Actor } from '../../core/actor';

/** Named, pure predicates for role grants. */
export interface GrantRef {
  personId: number;
  role: string;
  unitPath: string;
  revokedAt: string | null;
}

/** The roles this actor may hand out on the unit: GRANTABLE_BY of their granting roles that cover it. */
export const grantableRolesOn = (actor: Actor, unitPath: string) =>
  grantableRoles(actor.grants, actor.isSystemAdmin, unitPath);

/** Nobody changes their own roles: a grant always has a second person behind it. */
export const isOwnGrant = (actor: Actor, personId: number) => actor.personId === personId;

export const canGrantRole = (actor: Actor, role: RoleName | string, unitPath: string, personId: number) =>
  !isOwnGrant(actor, personId) && grantableRolesOn(actor, unitPath).includes(role as RoleName);

/** Revoking takes the same right as granting that role on that unit. */
export const canRevokeGrant = (actor: Actor, grant: GrantRef) =>
  grant.revokedAt === null && canGrantRole(actor, grant.role, grant.unitPath, grant.personId);

export const grantAbilities = (actor: Actor, grant: GrantRef) => ({ revoke: canRevokeGrant(actor, grant) });
