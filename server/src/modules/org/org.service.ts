import {
  type gridUnitInput,
  type partnerInput,
  UNIT_TYPE_LABELS,
  type UnitType,
  type unitCreateInput,
} from '@pioneer/domain';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../core/actor';
import { recordAudit } from '../../core/audit/audit';
import { conflict, forbidden, notFound } from '../../core/errors';
import type { Context } from '../../core/module';
import {
  acceptsChild,
  canCloseUnit,
  canCreateUnitUnder,
  canManageGrid,
  canManagePartners,
  canMoveUnit,
  canRenameUnit,
  parentPathOf,
} from './org.policy';
import * as repo from './org.repository';

type Ctx = Pick<Context, 'db'>;

export async function createUnit(ctx: Ctx, actor: Actor, input: z.infer<typeof unitCreateInput>) {
  return ctx.db.transaction().execute(async (trx) => {
    const parent = await repo.findUnit(trx, actor, input.parentId);
    if (!parent) throw notFound('上级组织');
    if (!canCreateUnitUnder(actor, parent)) throw forbidden('您无权在该组织下新建下级组织');
    if (!acceptsChild(parent.type, input.type)) {
      throw conflict(
        'INVALID_PARENT_TYPE',
        `${UNIT_TYPE_LABELS[parent.type as UnitType]}下不能设立${UNIT_TYPE_LABELS[input.type]}`,
      );
    }
    if (await repo.findUnitByCode(trx, input.code)) throw conflict('CODE_TAKEN', `组织编码 ${input.code} 已被使用`);
    const branchKind = input.type === 'branch' || input.type === 'direct_branch' ? (input.branchKind ?? 'staff') : null;
    const inserted = await trx
      .insertInto('org_unit')
      .values({
        parent_id: parent.id,
        path: `${parent.path}new-${input.code}/`,
        depth: parent.depth + 1,
        type: input.type,
        branch_kind: branchKind,
        name: input.name,
        code: input.code,
        partner_id: null,
        closed_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const path = `${parent.path}${inserted.id}/`;
    await trx.updateTable('org_unit').set({ path }).where('id', '=', inserted.id).execute();
    const after = { name: input.name, code: input.code, type: input.type, branchKind, parentId: parent.id };
    await recordAudit(trx, actor, {
      action: 'org_unit.created',
      entityType: 'org_unit',
      entityId: inserted.id,
      unitPath: path,
      after,
      reason: input.reason,
    });
    return { id: inserted.id, path };
  });
}

export async function renameUnit(ctx: Ctx, actor: Actor, id: number, input: { name: string; reason?: string }) {
  return ctx.db.transaction().execute(async (trx) => {
    const unit = await repo.findUnit(trx, actor, id);
    if (!unit) throw notFound('组织');
    if (!canRenameUnit(actor, unit)) throw forbidden('您无权修改该组织');
    await trx.updateTable('org_unit').set({ name: input.name }).where('id', '=', id).execute();
    await recordAudit(trx, actor, {
      action: 'org_unit.renamed',
      entityType: 'org_unit',
      entityId: id,
      unitPath: unit.path,
      before: { name: unit.name },
      after: { name: input.name },
      reason: input.reason,
    });
  });
}

/** Moves a unit and its whole subtree: every path under it is rewritten in one statement. */
export async function moveUnit(ctx: Ctx, actor: Actor, id: number, input: { parentId: number; reason?: string }) {
  return ctx.db.transaction().execute(async (trx) => {
    const unit = await repo.findUnit(trx, actor, id);
    if (!unit) throw notFound('组织');
    const target = await repo.findUnit(trx, actor, input.parentId);
    if (!target) throw notFound('目标上级组织');
    if (!canMoveUnit(actor, unit, parentPathOf(unit.path)) || !canCreateUnitUnder(actor, target)) {
      throw forbidden('移动组织需要同时管理原上级和目标上级');
    }
    if (target.path.startsWith(unit.path)) throw conflict('MOVE_INTO_SUBTREE', '不能把组织移动到它自己或其下级之下');
    if (target.id === unit.parentId) throw conflict('SAME_PARENT', '该组织已在目标上级之下');
    if (!acceptsChild(target.type, unit.type as UnitType)) {
      throw conflict(
        'INVALID_PARENT_TYPE',
        `${UNIT_TYPE_LABELS[target.type as UnitType]}下不能设立${UNIT_TYPE_LABELS[unit.type as UnitType]}`,
      );
    }
    const newPath = `${target.path}${unit.id}/`;
    const depthDelta = target.depth + 1 - unit.depth;
    await sql`update org_unit
      set path = ${newPath} || substr(path, ${unit.path.length + 1}), depth = depth + ${depthDelta}
      where path like ${`${unit.path}%`}`.execute(trx);
    await trx.updateTable('org_unit').set({ parent_id: target.id }).where('id', '=', unit.id).execute();
    await recordAudit(trx, actor, {
      action: 'org_unit.moved',
      entityType: 'org_unit',
      entityId: id,
      unitPath: newPath,
      before: { parentId: unit.parentId, path: unit.path },
      after: { parentId: target.id, path: newPath },
      reason: input.reason,
    });
    return { path: newPath };
  });
}

export async function closeUnit(ctx: Ctx, actor: Actor, id: number, input: { reason: string }) {
  return ctx.db.transaction().execute(async (trx) => {
    const unit = await repo.findUnit(trx, actor, id);
    if (!unit) throw notFound('组织');
    if (unit.closedAt) throw conflict('ALREADY_CLOSED', '该组织已撤销');
    if (!canCloseUnit(actor, unit, parentPathOf(unit.path))) throw forbidden('撤销组织需由上级组织办理');
    const children = await repo.countOpenChildren(trx, id);
    if (children > 0) throw conflict('HAS_OPEN_CHILDREN', `该组织下还有 ${children} 个未撤销的下级组织`);
    const people = await repo.countPeopleIn(trx, id);
    if (people > 0) throw conflict('HAS_PEOPLE', `该组织还有 ${people} 名人员，请先转移组织关系`);
    const closedAt = new Date().toISOString();
    await trx.updateTable('org_unit').set({ closed_at: closedAt }).where('id', '=', id).execute();
    await recordAudit(trx, actor, {
      action: 'org_unit.closed',
      entityType: 'org_unit',
      entityId: id,
      unitPath: unit.path,
      before: { closedAt: null },
      after: { closedAt },
      reason: input.reason,
    });
  });
}

export async function savePartner(ctx: Ctx, actor: Actor, id: number | null, input: z.infer<typeof partnerInput>) {
  return ctx.db.transaction().execute(async (trx) => {
    const owner = await repo.findUnit(trx, actor, input.ownerUnitId);
    if (!owner) throw notFound('所属组织');
    if (!canManagePartners(actor, owner.path)) throw forbidden('您无权管理该组织的共建单位');
    const values = {
      name: input.name,
      kind: input.kind,
      owner_unit_id: owner.id,
      address: input.address,
      contact_name: input.contactName,
      contact_phone: input.contactPhone,
    };
    if (id === null) {
      const row = await trx.insertInto('partner').values(values).returning('id').executeTakeFirstOrThrow();
      await recordAudit(trx, actor, {
        action: 'partner.created',
        entityType: 'partner',
        entityId: row.id,
        unitPath: owner.path,
        after: values,
      });
      return { id: row.id };
    }
    const before = await repo.findPartner(trx, actor, id);
    if (!before) throw notFound('共建单位');
    if (!canManagePartners(actor, before.ownerPath)) throw forbidden('您无权管理该共建单位');
    await trx.updateTable('partner').set(values).where('id', '=', id).execute();
    await recordAudit(trx, actor, {
      action: 'partner.updated',
      entityType: 'partner',
      entityId: id,
      unitPath: owner.path,
      before,
      after: values,
    });
    return { id };
  });
}

export async function saveGridUnit(ctx: Ctx, actor: Actor, id: number | null, input: z.infer<typeof gridUnitInput>) {
  return ctx.db.transaction().execute(async (trx) => {
    const owner = await repo.findUnit(trx, actor, input.ownerUnitId);
    if (!owner) throw notFound('所属组织');
    if (!canManageGrid(actor, owner.path)) throw forbidden('您无权管理该组织的网格单元');
    if (input.coveringBranchId !== null) {
      const branch = await repo.findUnit(trx, actor, input.coveringBranchId);
      if (!branch) throw notFound('覆盖党支部');
      if (branch.type !== 'branch' && branch.type !== 'direct_branch')
        throw conflict('NOT_A_BRANCH', '覆盖组织必须是党支部');
      if (branch.closedAt) throw conflict('BRANCH_CLOSED', '覆盖党支部已撤销');
    }
    if (input.contactPersonId !== null) {
      const contact = await trx
        .selectFrom('person')
        .select(['unit_id', 'political_status'])
        .where('id', '=', input.contactPersonId)
        .executeTakeFirst();
      if (!contact || contact.unit_id !== input.coveringBranchId) {
        throw conflict('CONTACT_NOT_IN_BRANCH', '联系党员必须是覆盖党支部的成员');
      }
      if (contact.political_status !== 'member' && contact.political_status !== 'probationary') {
        throw conflict('CONTACT_NOT_MEMBER', '联系人必须是党员');
      }
    }
    const values = {
      name: input.name,
      kind: input.kind,
      owner_unit_id: owner.id,
      campus: input.campus,
      covering_branch_id: input.coveringBranchId,
      contact_person_id: input.contactPersonId,
    };
    if (id === null) {
      const row = await trx.insertInto('grid_unit').values(values).returning('id').executeTakeFirstOrThrow();
      await recordAudit(trx, actor, {
        action: 'grid_unit.created',
        entityType: 'grid_unit',
        entityId: row.id,
        unitPath: owner.path,
        after: values,
      });
      return { id: row.id };
    }
    const before = await repo.findGridUnit(trx, actor, id);
    if (!before) throw notFound('网格单元');
    if (!canManageGrid(actor, before.ownerPath)) throw forbidden('您无权管理该网格单元');
    await trx.updateTable('grid_unit').set(values).where('id', '=', id).execute();
    await recordAudit(trx, actor, {
      action: 'grid_unit.updated',
      entityType: 'grid_unit',
      entityId: id,
      unitPath: owner.path,
      before,
      after: values,
    });
    return { id };
  });
}

/** Coverage (网格化全覆盖) of the grid units owned in a unit's subtree: what lacks a branch or a contact member. */
export async function coverageReport(ctx: Ctx, actor: Actor, unitId: number) {
  const unit = await repo.findUnit(ctx.db, actor, unitId);
  if (!unit) throw notFound('组织');
  const grid = await repo.listGridUnits(ctx.db, actor, unit.path);
  const gapOf = (g: (typeof grid)[number]) =>
    g.coveringBranchId === null || g.coveringBranchClosedAt
      ? 'no_branch'
      : g.contactPersonId === null
        ? 'no_contact'
        : null;
  const rows = grid.map((g) => ({ ...g, gap: gapOf(g) }));
  const covered = rows.filter((r) => r.gap === null).length;
  return {
    unit: { id: unit.id, name: unit.name },
    total: rows.length,
    covered,
    rate: rows.length === 0 ? 1 : covered / rows.length,
    uncovered: rows.filter((r) => r.gap !== null),
    byKind: Object.entries(
      rows.reduce<Record<string, { total: number; covered: number }>>((acc, r) => {
        acc[r.kind] ??= { total: 0, covered: 0 };
        acc[r.kind].total += 1;
        if (r.gap === null) acc[r.kind].covered += 1;
        return acc;
      }, {}),
    ).map(([kind, v]) => ({ kind, ...v })),
  };
}
