import type { DemandCategoryInput } from '@pioneer/domain';
import type { Kysely } from 'kysely';
import { type Actor, scopePaths } from '../../core/actor';
import { recordAudit } from '../../core/audit/audit';
import { forbidden, notFound } from '../../core/errors';
import type { Context } from '../../core/module';
import type { DB } from '../../db/types';
import { canManageCategory } from './demands.policy';
import * as repo from './demands.repository';

type Ctx = Pick<Context, 'db'>;

const COLUMNS = [
  'c.id',
  'c.name',
  'c.grp as group',
  'c.code',
  'c.description',
  'c.required_skills as requiredSkills',
  'c.default_unit_id as defaultUnitId',
  'u.name as defaultUnitName',
  'u.path as defaultUnitPath',
  'c.triage_minutes as triageMinutes',
  'c.claim_minutes as claimMinutes',
  'c.complete_minutes as completeMinutes',
  'c.active',
] as const;

/** Categories are school-wide reference data: everyone reads them; the organization department sets them. */
export function listCategories(db: Kysely<DB>, opts: { activeOnly: boolean }) {
  return db
    .selectFrom('demand_category as c')
    .leftJoin('org_unit as u', 'u.id', 'c.default_unit_id')
    .select(COLUMNS)
    .$if(opts.activeOnly, (q) => q.where('c.active', '=', true))
    .orderBy('c.grp')
    .orderBy('c.id')
    .execute();
}

/** Who may set a category: over its default handling unit, or over a whole tree when it has none. */
function mayManage(actor: Actor, unitPath: string | null) {
  if (unitPath) return canManageCategory(actor, unitPath);
  return scopePaths(actor, 'demand.category.manage').some(
    (p) => p === '/' || p.split('/').filter(Boolean).length === 1,
  );
}

export async function saveCategory(ctx: Ctx, actor: Actor, id: number | null, input: DemandCategoryInput) {
  return ctx.db.transaction().execute(async (trx) => {
    let unitPath: string | null = null;
    if (input.defaultUnitId !== null) {
      const unit = await repo.findUnit(trx, actor, input.defaultUnitId);
      if (!unit) throw notFound('默认承办组织');
      unitPath = unit.path;
    }
    if (!mayManage(actor, unitPath)) throw forbidden('只有党委组织部可以设置需求类别');
    const values = {
      name: input.name,
      grp: input.group,
      code: input.code,
      description: input.description,
      required_skills: input.requiredSkills,
      default_unit_id: input.defaultUnitId,
      triage_minutes: input.triageMinutes,
      claim_minutes: input.claimMinutes,
      complete_minutes: input.completeMinutes,
      active: input.active,
    };
    if (id === null) {
      const row = await trx.insertInto('demand_category').values(values).returning('id').executeTakeFirstOrThrow();
      await recordAudit(trx, actor, {
        action: 'demand_category.created',
        entityType: 'demand_category',
        entityId: row.id,
        unitPath,
        after: values,
      });
      return { id: row.id };
    }
    const before = await trx
      .selectFrom('demand_category as c')
      .leftJoin('org_unit as u', 'u.id', 'c.default_unit_id')
      .select(COLUMNS)
      .where('c.id', '=', id)
      .executeTakeFirst();
    if (!before) throw notFound('需求类别');
    if (!mayManage(actor, before.defaultUnitPath)) throw forbidden('您不能修改该需求类别');
    await trx
      .updateTable('demand_category')
      .set({ ...values, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'demand_category.updated',
      entityType: 'demand_category',
      entityId: id,
      unitPath,
      before,
      after: values,
    });
    return { id };
  });
}
