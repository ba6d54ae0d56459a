import { type ExpressionBuilder, sql } from 'kysely';
import { type Actor, can, scopePaths } from '../../../core/actor';
import type { DB } from '../../../db/types';

/** The organization department (assessment.manage over the school) sets the indicator system. */
export const canManageSystems = (actor: Actor, ownerPath: string) => can(actor, 'assessment.manage', ownerPath);

/**
 * Everyone in the school reads its indicator system (a branch must know what it is judged by): the person's
 * own unit lies in the school, or one of their report scopes touches it.
 */
export const canReadSystems = (actor: Actor, ownerPath: string) =>
  actor.isSystemAdmin ||
  actor.unitPath.startsWith(ownerPath) ||
  scopePaths(actor, 'report.view').some((p) => p.startsWith(ownerPath) || ownerPath.startsWith(p));

/** The same rule as `canReadSystems`, as SQL over the owner unit `o` (lists filter in the query). */
export function readableOwner(actor: Actor) {
  return (eb: ExpressionBuilder<DB & { o: DB['org_unit'] }, 'o'>) => {
    if (actor.isSystemAdmin) return sql<boolean>`true`;
    const reports = scopePaths(actor, 'report.view');
    return eb.or([
      eb(sql.val(actor.unitPath), 'like', sql<string>`o.path || '%'`),
      ...reports.flatMap((p) => [eb('o.path', 'like', `${p}%`), eb(sql.val(p), 'like', sql<string>`o.path || '%'`)]),
    ]);
  };
}
