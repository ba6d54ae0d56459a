import { ALLOWED_CHILDREN, type UnitType } from '@pioneer/domain';
import { type Actor, can } from '../../core/actor';

/** Named, pure predicates for the organization tree. Scope: a grant on a unit covers its subtree. */
export interface UnitRef {
  id: number;
  path: string;
  type: string;
  closedAt: string | null;
}

export const canViewUnit = (actor: Actor, unit: UnitRef) => can(actor, 'org.view', unit.path);

/** Creating under a parent needs org.manage on the parent, and the parent type must accept the child type. */
export const canCreateUnitUnder = (actor: Actor, parent: UnitRef) =>
  parent.closedAt === null && can(actor, 'org.manage', parent.path);

export const acceptsChild = (parentType: string, childType: UnitType) =>
  (ALLOWED_CHILDREN[parentType as UnitType] ?? []).includes(childType);

/** Renaming or closing a unit needs org.manage on the unit itself; nobody renames the root they stand on but its managers. */
export const canRenameUnit = (actor: Actor, unit: UnitRef) =>
  unit.closedAt === null && can(actor, 'org.manage', unit.path);

/** Moving needs org.manage above the unit (on its parent's subtree), so a secretary cannot move their own unit away. */
export const canMoveUnit = (actor: Actor, unit: UnitRef, parentPath: string | null) =>
  unit.closedAt === null && parentPath !== null && can(actor, 'org.manage', parentPath);

export const canCloseUnit = (actor: Actor, unit: UnitRef, parentPath: string | null) =>
  canMoveUnit(actor, unit, parentPath);

export const canManagePartners = (actor: Actor, ownerPath: string) => can(actor, 'partner.manage', ownerPath);
export const canManageGrid = (actor: Actor, ownerPath: string) => can(actor, 'grid.manage', ownerPath);

export function unitAbilities(actor: Actor, unit: UnitRef) {
  const parentPath = parentPathOf(unit.path);
  return {
    createChild: canCreateUnitUnder(actor, unit) && (ALLOWED_CHILDREN[unit.type as UnitType] ?? []).length > 0,
    rename: canRenameUnit(actor, unit),
    move: canMoveUnit(actor, unit, parentPath),
    close: canCloseUnit(actor, unit, parentPath),
    managePartners: canManagePartners(actor, unit.path),
    manageGrid: canManageGrid(actor, unit.path),
  };
}

/** '/1/5/23/' → '/1/5/'; a root unit has no parent path. */
export function parentPathOf(path: string): string | null {
  const parts = path.split('/').filter(Boolean);
  return parts.length <= 1 ? null : `/${parts.slice(0, -1).join('/')}/`;
}
