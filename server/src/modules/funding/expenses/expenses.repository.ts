import { EXPENSE_CATEGORIES, EXPENSE_STATUSES } from '@pioneer/domain';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../../../core/actor';
import { offsetOf, pageQuery } from '../../../core/paging';
import { inScope } from '../../../core/scope';
import { type Db, unitPathNames } from '../shared';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const expenseFilters = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  category: z.enum(EXPENSE_CATEGORIES).optional(),
  status: z.enum([...EXPENSE_STATUSES, 'reversed']).optional(),
  q: z.string().trim().max(50).optional(),
  from: day.optional(),
  to: day.optional(),
  sort: z.enum(['spentOn', 'amountFen', 'recordedAt']).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type ExpenseFilters = z.infer<typeof expenseFilters> & { unitPath?: string };
export const expenseListQuery = expenseFilters.extend(pageQuery.shape);

/** recorded / pending / approved / rejected, from the decision on the original entry (a reversal shares it). */
const STATUS = sql<string>`case when d.decision is not null then d.decision when e.needs_approval then 'pending' else 'recorded' end`;

function base(db: Db) {
  return db
    .selectFrom('funding_expense as e')
    .innerJoin('org_unit as u', 'u.id', 'e.unit_id')
    .leftJoin('org_unit as pu', 'pu.id', 'u.parent_id')
    .leftJoin('funding_expense_decision as d', (j) => j.on(sql<boolean>`d.expense_id = coalesce(e.reverses_id, e.id)`))
    .leftJoin('person as dp', 'dp.id', 'd.decided_by')
    .leftJoin('person as rp', 'rp.id', 'e.recorded_by')
    .leftJoin('funding_expense as rv', 'rv.reverses_id', 'e.id')
    .select([
      'e.id',
      'e.year',
      'e.unit_id as unitId',
      'u.name as unitName',
      'u.path as unitPath',
      'pu.path as parentPath',
      'e.category',
      'e.spent_on as spentOn',
      'e.amount_fen as amountFen',
      'e.payee',
      'e.description',
      'e.activity_id as activityId',
      'e.demand_id as demandId',
      'e.link_title as linkTitle',
      'e.needs_approval as needsApproval',
      'e.reverses_id as reversesId',
      'rv.id as reversedById',
      'e.reason',
      'e.recorded_by as recordedBy',
      'rp.name as recordedByName',
      'e.recorded_at as recordedAt',
      'd.decision',
      'd.reason as decisionReason',
      'dp.name as decidedByName',
      'd.decided_at as decidedAt',
      STATUS.as('status'),
      unitPathNames('u').as('unitPathNames'),
      sql<{ id: number; fileName: string; mime: string; bytes: number; sha256: string }[]>`coalesce((
        select json_agg(json_build_object('id', r.id, 'fileName', r.file_name, 'mime', r.mime, 'bytes', r.bytes,
          'sha256', r.sha256) order by r.id)
        from funding_receipt r where r.expense_id = e.id), '[]'::json)`.as('receipts'),
    ]);
}
export type ExpenseRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

function filtered(db: Db, actor: Actor, f: ExpenseFilters) {
  return base(db)
    .where((eb) => inScope(eb, 'u.path', actor, 'funding.view'))
    .$if(f.year !== undefined, (q) => q.where('e.year', '=', f.year!))
    .$if(f.unitPath !== undefined, (q) => q.where('u.path', 'like', `${f.unitPath}%`))
    .$if(f.category !== undefined, (q) => q.where('e.category', '=', f.category!))
    .$if(f.status === 'reversed', (q) =>
      q.where((eb) => eb.or([eb('e.reverses_id', 'is not', null), eb('rv.id', 'is not', null)])),
    )
    .$if(f.status !== undefined && f.status !== 'reversed', (q) => q.where(STATUS, '=', f.status!))
    .$if(Boolean(f.q), (q) =>
      q.where((eb) => eb.or([eb('e.payee', 'ilike', `%${f.q}%`), eb('e.description', 'ilike', `%${f.q}%`)])),
    )
    .$if(f.from !== undefined, (q) => q.where('e.spent_on', '>=', f.from!))
    .$if(f.to !== undefined, (q) => q.where('e.spent_on', '<=', f.to!));
}

const SORT = { spentOn: 'e.spent_on', amountFen: 'e.amount_fen', recordedAt: 'e.recorded_at' } as const;

function ordered<Q extends ReturnType<typeof filtered>>(q: Q, f: ExpenseFilters) {
  return q.orderBy(SORT[f.sort ?? 'spentOn'], f.order).orderBy('e.id', f.order);
}

export async function listExpenses(db: Db, actor: Actor, f: ExpenseFilters & { page: number; pageSize: number }) {
  const q = filtered(db, actor, f);
  const [items, total] = await Promise.all([
    ordered(q, f).limit(f.pageSize).offset(offsetOf(f)).execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export function allExpenses(db: Db, actor: Actor, f: ExpenseFilters, limit: number) {
  return ordered(filtered(db, actor, f), f)
    .limit(limit)
    .execute();
}

export function findExpense(db: Db, actor: Actor, id: number) {
  return base(db)
    .where('e.id', '=', id)
    .where((eb) => inScope(eb, 'u.path', actor, 'funding.view'))
    .executeTakeFirst();
}
