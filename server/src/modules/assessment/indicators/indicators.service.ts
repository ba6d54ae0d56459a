import { defaultIndicatorTree, type IndicatorTreeInput, indicatorTreeInput, type UnitClass } from '@pioneer/domain';
import type { Actor } from '../../../core/actor';
import { recordAudit } from '../../../core/audit/audit';
import { AppError, conflict, forbidden, notFound } from '../../../core/errors';
import type { Context } from '../../../core/module';
import { canManageSystems, canReadSystems, readableOwner } from './indicators.policy';
import * as repo from './indicators.repository';

type Ctx = Pick<Context, 'db' | 'measures'>;

/** What the actor may do with a system: edit it while unfrozen, or start a new version once frozen. */
function abilitiesOf(actor: Actor, s: { ownerPath: string; frozenAt: string | null }) {
  const manager = canManageSystems(actor, s.ownerPath);
  return { manage: manager && !s.frozenAt, newVersion: manager && Boolean(s.frozenAt) };
}

/** A system the actor may read (else 404), and whether they may manage it. */
export async function readableSystem(ctx: Ctx, actor: Actor, id: number) {
  const system = await repo.findSystem(ctx.db, id);
  if (!system || !canReadSystems(actor, system.ownerPath)) throw notFound('考核指标体系');
  return system;
}

/** Every computed item must name a measure the registry knows: a 400 naming the item otherwise. */
function checkMeasures(ctx: Ctx, tree: IndicatorTreeInput) {
  const details: { path: string; message: string }[] = [];
  tree.groups.forEach((g, i) => {
    g.children.forEach((c, j) => {
      if (c.method === 'computed' && c.measureKey && !ctx.measures.get(c.measureKey))
        details.push({ path: `groups.${i}.children.${j}.measureKey`, message: `没有这个数据指标：${c.measureKey}` });
    });
  });
  if (details.length) throw new AppError(400, 'VALIDATION', `${details[0]!.path}：${details[0]!.message}`, details);
}

export async function getSystem(ctx: Ctx, actor: Actor, id: number) {
  const system = await readableSystem(ctx, actor, id);
  const tree = await repo.loadTree(ctx.db, id);
  return {
    ...system,
    groups: tree.map((g) => ({
      ...g,
      children: g.children.map((c) => ({
        ...c,
        measureName: c.measureKey ? (ctx.measures.get(c.measureKey)?.name ?? null) : null,
      })),
    })),
    abilities: abilitiesOf(actor, system),
  };
}

/**
 * A new system for a school, year and class: a copy of `copyFrom`, else of the latest version of last year's
 * system of the same class, else the default 六有 tree.
 */
export async function createSystem(
  ctx: Ctx,
  actor: Actor,
  input: { ownerUnitId: number; year: number; unitClass: UnitClass; copyFrom?: number | null },
) {
  const owner = await ctx.db
    .selectFrom('org_unit')
    .select(['id', 'path', 'type'])
    .where('id', '=', input.ownerUnitId)
    .executeTakeFirst();
  if (!owner || !canReadSystems(actor, owner.path)) throw notFound('组织');
  if (!canManageSystems(actor, owner.path)) throw forbidden('只有党委组织部可以制定考核指标体系');
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('assessment_system')
      .select('id')
      .where('owner_unit_id', '=', owner.id)
      .where('year', '=', input.year)
      .where('unit_class', '=', input.unitClass)
      .executeTakeFirst();
    if (existing) throw conflict('SYSTEM_EXISTS', `${input.year} 年该类组织的考核指标体系已存在`, { id: existing.id });
    let sourceId = input.copyFrom ?? null;
    if (sourceId) {
      const source = await repo.findSystem(trx, sourceId);
      if (!source || source.ownerUnitId !== owner.id) throw notFound('要复制的考核指标体系');
    } else {
      const lastYear = await trx
        .selectFrom('assessment_system')
        .select('id')
        .where('owner_unit_id', '=', owner.id)
        .where('year', '=', input.year - 1)
        .where('unit_class', '=', input.unitClass)
        .orderBy('version', 'desc')
        .executeTakeFirst();
      sourceId = lastYear?.id ?? null;
    }
    const tree: IndicatorTreeInput = sourceId ? treeInput(await repo.loadTree(trx, sourceId)) : defaultIndicatorTree();
    const row = await trx
      .insertInto('assessment_system')
      .values({
        owner_unit_id: owner.id,
        year: input.year,
        unit_class: input.unitClass,
        copied_from: sourceId,
        created_by: actor.personId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await repo.insertTree(trx, row.id, tree);
    await recordAudit(trx, actor, {
      action: 'assessment.system_created',
      entityType: 'assessment_system',
      entityId: row.id,
      unitPath: owner.path,
      after: { year: input.year, unitClass: input.unitClass, copiedFrom: sourceId },
    });
    return { id: row.id, copiedFrom: sourceId };
  });
}

/** A stored tree as input again (for copies and new versions). */
function treeInput(tree: repo.IndicatorTree): IndicatorTreeInput {
  return indicatorTreeInput.parse({
    groups: tree.map((g) => ({
      name: g.name,
      weight: g.weight,
      children: g.children.map(({ id: _id, ...c }) => c),
    })),
  });
}

/** Locks the system row for the transaction and refuses changes once frozen. */
async function lockEditable(ctx: Ctx, trx: Parameters<typeof repo.deleteTree>[0], actor: Actor, id: number) {
  const system = await readableSystem({ ...ctx, db: trx }, actor, id);
  if (!canManageSystems(actor, system.ownerPath)) throw forbidden('只有党委组织部可以修改考核指标体系');
  await trx.selectFrom('assessment_system').select('id').where('id', '=', id).forUpdate().execute();
  const frozen = await trx
    .selectFrom('assessment_system')
    .select('frozen_at')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  if (frozen.frozen_at)
    throw conflict('SYSTEM_FROZEN', '该年度考核已启动，指标体系已冻结；如需修改请另建新版本并说明理由');
  return system;
}

export async function replaceTree(ctx: Ctx, actor: Actor, id: number, tree: IndicatorTreeInput) {
  checkMeasures(ctx, tree);
  return ctx.db.transaction().execute(async (trx) => {
    const system = await lockEditable(ctx, trx, actor, id);
    const before = await repo.loadTree(trx, id);
    await repo.deleteTree(trx, id);
    await repo.insertTree(trx, id, tree);
    await recordAudit(trx, actor, {
      action: 'assessment.indicators_changed',
      entityType: 'assessment_system',
      entityId: id,
      unitPath: system.ownerPath,
      before: treeInput(before),
      after: tree,
    });
    return { id };
  });
}

/** Freezes a system: from now on its indicators are what the year is judged by (the cycle calls this too). */
export async function freezeSystem(ctx: Ctx, actor: Actor, id: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const system = await lockEditable(ctx, trx, actor, id);
    await trx
      .updateTable('assessment_system')
      .set({ frozen_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'assessment.system_frozen',
      entityType: 'assessment_system',
      entityId: id,
      unitPath: system.ownerPath,
    });
    return { id };
  });
}

/** A frozen system changes only as a new version, with a reason; the frozen one stays as it was. */
export async function newVersion(ctx: Ctx, actor: Actor, id: number, reason: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const system = await readableSystem({ ...ctx, db: trx }, actor, id);
    if (!canManageSystems(actor, system.ownerPath)) throw forbidden('只有党委组织部可以修改考核指标体系');
    if (!system.frozenAt) throw conflict('SYSTEM_NOT_FROZEN', '该指标体系尚未冻结，可直接修改，无需另建版本');
    const latest = await trx
      .selectFrom('assessment_system')
      .select(({ fn }) => fn.max('version').as('v'))
      .where('owner_unit_id', '=', system.ownerUnitId)
      .where('year', '=', system.year)
      .where('unit_class', '=', system.unitClass)
      .executeTakeFirstOrThrow();
    const row = await trx
      .insertInto('assessment_system')
      .values({
        owner_unit_id: system.ownerUnitId,
        year: system.year,
        unit_class: system.unitClass,
        version: Number(latest.v) + 1,
        reason,
        copied_from: id,
        created_by: actor.personId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await repo.insertTree(trx, row.id, treeInput(await repo.loadTree(trx, id)));
    await recordAudit(trx, actor, {
      action: 'assessment.system_versioned',
      entityType: 'assessment_system',
      entityId: row.id,
      unitPath: system.ownerPath,
      after: { from: id, version: Number(latest.v) + 1 },
      reason,
    });
    return { id: row.id };
  });
}

/** Systems of the schools the actor belongs to or reports on, newest year first (scope filtered in SQL). */
export async function listSystems(ctx: Ctx, actor: Actor, filter: { year?: number; unitClass?: UnitClass }) {
  let q = repo
    .baseSystems(ctx.db)
    .select(repo.systemColumns)
    .where(readableOwner(actor))
    .orderBy('s.year', 'desc')
    .orderBy('s.unit_class')
    .orderBy('s.version', 'desc');
  if (filter.year) q = q.where('s.year', '=', filter.year);
  if (filter.unitClass) q = q.where('s.unit_class', '=', filter.unitClass);
  const rows = await q.execute();
  return rows.map((s) => ({ ...s, abilities: abilitiesOf(actor, s) }));
}
