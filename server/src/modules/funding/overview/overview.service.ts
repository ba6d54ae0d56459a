import { type Actor, scopePaths } from '../../../core/actor';
import { forbidden } from '../../../core/errors';
import { canAllocateFrom } from '../allocations/allocations.policy';
import { canRecordExpense } from '../expenses/expenses.policy';
import { type Ctx, visibleUnit } from '../shared';
import { type UnitFigures, unitFigures } from './overview.repository';

const BRANCH_TYPES = new Set(['branch', 'direct_branch']);

/**
 * Each unit's money for the year: balance, execution rate (spent within its subtree ÷ what it received — the
 * same figure as the measure funding.execution_rate for that unit), and its shortfall against the minimum.
 */
export async function overview(ctx: Ctx, actor: Actor, q: { year: number; unitId?: number }) {
  if (scopePaths(actor, 'funding.view').length === 0) throw forbidden('您没有查看党建经费的权限');
  const unit = q.unitId ? await visibleUnit(ctx.db, actor, q.unitId) : undefined;
  const units = await unitFigures(ctx.db, actor, q.year, unit?.path);
  const rule = await ctx.db
    .selectFrom('funding_rule')
    .select(['confirmed_at as confirmedAt'])
    .where('year', '=', q.year)
    .executeTakeFirst();
  const subtreeSpent = (u: UnitFigures) =>
    units.filter((x) => x.path.startsWith(u.path)).reduce((sum, x) => sum + x.spentFen, 0);
  const items = units.map((u) => {
    const spentWithin = subtreeSpent(u);
    return {
      ...u,
      balanceFen: u.receivedFen - u.allocatedFen - u.spentFen - u.pendingFen,
      subtreeSpentFen: spentWithin,
      executionRate: u.receivedFen > 0 ? spentWithin / u.receivedFen : null,
      shortfallFen: shortfall(u),
      abilities: {
        allocate: u.parentId !== null && canAllocateFrom(actor, parentPathOf(u.path)),
        recordExpense: canRecordExpense(actor, u.path),
      },
    };
  });
  // 重心下移: of the money that came into the top unit shown, how much reached the branches.
  const top = items[0];
  const toBranches = items.filter((u) => BRANCH_TYPES.has(u.type)).reduce((s, u) => s + u.receivedFen, 0);
  return {
    year: q.year,
    confirmed: Boolean(rule?.confirmedAt),
    items,
    reachedBranches: {
      fen: toBranches,
      share: top && top.receivedFen > 0 && !BRANCH_TYPES.has(top.type) ? toBranches / top.receivedFen : null,
    },
  };
}

/** `/1/5/23/` → `/1/5/`. */
const parentPathOf = (path: string) => path.replace(/[^/]+\/$/, '');

/** How far short of its frozen minimum a unit below the committee is (0 when met); null when not checked. */
function shortfall(u: UnitFigures): number | null {
  if (u.parentId === null || u.minimumFen === null || u.minimumFen === 0) return null;
  return Math.max(0, u.minimumFen - u.receivedFen);
}

/** The compliance check: every unit below the committee received at least its minimum; those that did not. */
export async function compliance(ctx: Ctx, actor: Actor, q: { year: number; unitId?: number }) {
  const { items, confirmed } = await overview(ctx, actor, q);
  const checked = items.filter((u) => u.shortfallFen !== null);
  const short = checked
    .filter((u) => (u.shortfallFen ?? 0) > 0)
    .sort((a, b) => (b.shortfallFen ?? 0) - (a.shortfallFen ?? 0) || a.path.localeCompare(b.path))
    .map((u) => ({
      unitId: u.id,
      name: u.name,
      pathNames: u.pathNames,
      type: u.type,
      minimumFen: u.minimumFen!,
      receivedFen: u.receivedFen,
      shortfallFen: u.shortfallFen!,
    }));
  return {
    year: q.year,
    confirmed,
    checked: checked.length,
    met: checked.length - short.length,
    short,
  };
}
