import type { Permission } from '@pioneer/domain';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { type Actor, ROOT_PATH, scopePaths } from './actor';

/**
 * The scope filter every repository puts in its WHERE clause: the row's unit path lies under one of the
 * actor's granted paths for `permission`. Out-of-scope rows are never read, so they answer 404.
 */
export function inScope<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  pathColumn: string,
  actor: Actor,
  permission: Permission,
): Expression<SqlBool> {
  return pathUnder(eb, pathColumn, scopePaths(actor, permission));
}

export function pathUnder<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  pathColumn: string,
  paths: string[],
): Expression<SqlBool> {
  if (paths.length === 0) return sql<SqlBool>`false`;
  if (paths.includes(ROOT_PATH)) return sql<SqlBool>`true`;
  return eb.or(paths.map((p) => eb(sql.ref(pathColumn), 'like', `${p}%`)));
}
