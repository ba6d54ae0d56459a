import { CLOCK_LABELS, type ClockKind, DEMAND_STATE_LABELS, type DemandState } from '@pioneer/domain';
import { sql } from 'kysely';
import { type Actor, scopePaths } from '../../core/actor';
import { recordAudit } from '../../core/audit/audit';
import { notFound } from '../../core/errors';
import type { Context } from '../../core/module';
import * as tell from './demands.notify';
import { clockFor, presentDemand } from './demands.present';
import * as repo from './demands.repository';
import { addEvent, applyTransition } from './demands.transition';

type Ctx = Pick<Context, 'db'>;

/** The unit to show when none is named: the top of the actor's demand (or report) scope. */
async function defaultUnit(ctx: Ctx, actor: Actor) {
  const [top] = [...scopePaths(actor, 'demand.view'), ...scopePaths(actor, 'report.view')];
  if (!top) return undefined;
  if (top === '/') {
    return ctx.db
      .selectFrom('org_unit')
      .select(['id', 'path', 'name'])
      .where('parent_id', 'is', null)
      .orderBy('id')
      .executeTakeFirst();
  }
  return ctx.db.selectFrom('org_unit').select(['id', 'path', 'name']).where('path', '=', top).executeTakeFirst();
}

/**
 * Overdue needs whose responsible unit lies in the unit's subtree (what is overdue below is visible above), with a
 * count for each direct child so a general branch sees which of its branches lag.
 */
export async function overdueQueue(ctx: Ctx, actor: Actor, unitId?: number) {
  const unit = unitId ? await repo.findUnit(ctx.db, actor, unitId) : await defaultUnit(ctx, actor);
  if (!unit) {
    if (unitId) throw notFound('组织');
    return { unit: null, items: [], total: 0, byUnit: [] };
  }
  const { rows, total } = await repo.listDemands(ctx.db, actor, {
    view: 'scope',
    unitPath: unit.path,
    overdue: true,
    page: 1,
    pageSize: 100,
  });
  const byUnit = await ctx.db
    .selectFrom('demand as d')
    .innerJoin('org_unit as r', 'r.id', 'd.responsible_unit_id')
    .innerJoin('org_unit as child', (j) =>
      j.on(sql<boolean>`child.parent_id = ${unit.id} and r.path like child.path || '%'`),
    )
    .select(['child.id as unitId', 'child.name as unitName', sql<number>`count(*)::int`.as('overdue')])
    .where('d.state', 'in', repo.CLOCK_STATES)
    .where('d.due_at', '<', sql<string>`now()`)
    .groupBy(['child.id', 'child.name', 'child.path'])
    .orderBy('child.path')
    .execute();
  const own = rows.filter((r) => r.responsibleUnitId === unit.id).length;
  return {
    unit: { id: unit.id, name: unit.name },
    total,
    ownCount: own,
    byUnit,
    items: rows.map((r) => ({ ...presentDemand(r, actor), stateLabel: DEMAND_STATE_LABELS[r.state as DemandState] })),
  };
}

/** Days a completed need waits for its rating before it is closed without one. */
export const RATING_WINDOW_DAYS = 14;

/**
 * The clock's work, run periodically: needs whose wanted date has passed unclaimed expire; newly overdue needs
 * notify whoever the clock waits on (once per clock); completed needs left unrated past the window are closed.
 */
export async function sweep(ctx: Ctx, now = new Date()) {
  const today = now.toISOString().slice(0, 10);
  const system = { actor: null, label: '系统' };
  const counts = { expired: 0, overdueNotified: 0, closed: 0 };
  const ids = (q: Promise<{ id: number }[]>) => q.then((rows) => rows.map((r) => r.id));

  const toExpire = await ids(
    ctx.db
      .selectFrom('demand')
      .select('id')
      .where('state', 'in', ['submitted', 'triaged', 'published'])
      .where('needed_on', '<', today)
      .limit(500)
      .execute(),
  );
  for (const id of toExpire) {
    await ctx.db.transaction().execute(async (trx) => {
      const row = await repo.findDemandById(trx, id);
      if (!row || !['submitted', 'triaged', 'published'].includes(row.state)) return;
      await applyTransition(trx, system, row, 'expire', { note: `需求日期 ${row.neededOn} 已过，未被认领，自动过期` });
      counts.expired++;
    });
  }

  const late = await ids(
    ctx.db
      .selectFrom('demand')
      .select('id')
      .where('state', 'in', repo.CLOCK_STATES)
      .where('due_at', '<', now.toISOString())
      .where('overdue_notified_at', 'is', null)
      .orderBy('due_at')
      .limit(500)
      .execute(),
  );
  for (const id of late) {
    await ctx.db.transaction().execute(async (trx) => {
      const row = await repo.findDemandById(trx, id);
      const clock = row ? clockFor(row, now.toISOString()) : null;
      if (!row || !clock?.overdue) return;
      const kind = clock.kind as ClockKind;
      await tell.overdue(trx, row, kind);
      await trx.updateTable('demand').set({ overdue_notified_at: now.toISOString() }).where('id', '=', id).execute();
      await addEvent(trx, id, system, { action: 'overdue', note: `${CLOCK_LABELS[kind]}时限已到（${clock.dueAt}）` });
      await recordAudit(trx, null, {
        action: 'demand.overdue',
        entityType: 'demand',
        entityId: id,
        unitPath: row.responsiblePath,
        after: { clock: kind, dueAt: clock.dueAt },
      });
      counts.overdueNotified++;
    });
  }

  const cutoff = new Date(now.getTime() - RATING_WINDOW_DAYS * 86_400_000).toISOString();
  const unrated = await ids(
    ctx.db
      .selectFrom('demand')
      .select('id')
      .where('state', '=', 'completed')
      .where('completed_at', '<', cutoff)
      .limit(500)
      .execute(),
  );
  for (const id of unrated) {
    await ctx.db.transaction().execute(async (trx) => {
      const row = await repo.findDemandById(trx, id);
      if (row?.state !== 'completed') return;
      await applyTransition(trx, system, row, 'close', { note: `${RATING_WINDOW_DAYS} 天内未评价，自动办结` });
      counts.closed++;
    });
  }
  return counts;
}
