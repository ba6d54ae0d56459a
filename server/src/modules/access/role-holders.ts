import { GRANT_STATUS_LABELS, grantStatus, ROLE_LABELS, ROLE_NAMES, type RoleName } from '@pioneer/domain';
import { type Kysely, type SqlBool, sql } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../../core/actor';
import { inScope } from '../../core/scope';
import type { ExportColumn } from '../../core/xlsx';
import type { DB } from '../../db/types';
import { grantAbilities } from './access.policy';
import { GRANT_COLUMNS, grantToday } from './role-grants';

/**
 * 角色持有人: who holds which role on which unit, today and ahead, with the roles about to expire first in
 * mind. The `member` role everyone in the Party holds is left out unless asked for (it would drown the list).
 */
export const roleHoldersQuery = z.object({
  unitId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  role: z.enum(ROLE_NAMES).optional(),
  q: z.string().trim().max(50).optional(),
  /** Only grants ending within this many days from today (到期提醒). */
  expiringDays: z.coerce.number().int().min(0).max(3650).optional(),
  sort: z.enum(['person', 'unit', 'role', 'validFrom', 'validTo']).optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type RoleHoldersQuery = z.infer<typeof roleHoldersQuery>;

const SORTS = {
  person: 'p.name',
  unit: 'u.path',
  role: 'g.role',
  validFrom: 'g.valid_from',
  validTo: 'g.valid_to',
} as const;

const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** Grants not revoked and not yet ended, on units the actor manages grants for or sees. */
export function roleHolders(db: Kysely<DB>, actor: Actor, q: RoleHoldersQuery) {
  const today = grantToday();
  let query = db
    .selectFrom('role_grant as g')
    .innerJoin('org_unit as u', 'u.id', 'g.unit_id')
    .innerJoin('person as p', 'p.id', 'g.person_id')
    .leftJoin('person as by', 'by.id', 'g.granted_by')
    .where((eb) => eb.or([inScope(eb, 'u.path', actor, 'grants.manage'), inScope(eb, 'u.path', actor, 'org.view')]))
    .where('g.revoked_at', 'is', null)
    .where('u.closed_at', 'is', null)
    .where((eb) => eb.or([eb('g.valid_to', 'is', null), eb('g.valid_to', '>=', today)]));
  if (q.unitId !== undefined) {
    query = query.where(sql<SqlBool>`u.path like (select f.path || '%' from org_unit f where f.id = ${q.unitId})`);
  }
  query = q.role ? query.where('g.role', '=', q.role) : query.where('g.role', '<>', 'member');
  if (q.q) query = query.where((eb) => eb.or([eb('p.name', 'like', `%${q.q}%`), eb('p.staff_no', '=', q.q!)]));
  if (q.expiringDays !== undefined) {
    query = query.where('g.valid_to', 'is not', null).where('g.valid_to', '<=', addDays(today, q.expiringDays));
  }
  return query;
}

export async function listRoleHolders(
  db: Kysely<DB>,
  actor: Actor,
  q: RoleHoldersQuery,
  page: { limit: number; offset: number },
) {
  const query = roleHolders(db, actor, q);
  const sortColumn = q.sort ? SORTS[q.sort] : 'g.valid_to';
  const [rows, total] = await Promise.all([
    query
      .select([...GRANT_COLUMNS, 'g.person_id as personId', 'p.name as personName', 'p.staff_no as staffNo'])
      .orderBy(sql.ref(sortColumn), sql.raw(`${q.order} nulls last`))
      .orderBy('p.name')
      .orderBy('g.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const today = grantToday();
  const items = rows.map((g) => {
    const status = grantStatus(g, today);
    return {
      ...g,
      roleLabel: ROLE_LABELS[g.role as RoleName] ?? g.role,
      status,
      statusLabel: GRANT_STATUS_LABELS[status],
      daysLeft: g.validTo ? Math.round((Date.parse(g.validTo) - Date.parse(today)) / 86_400_000) : null,
      abilities: grantAbilities(actor, g),
    };
  });
  return { items, total: Number(total.n) };
}
export type RoleHolder = Awaited<ReturnType<typeof listRoleHolders>>['items'][number];

export const ROLE_HOLDER_COLUMNS: ExportColumn<RoleHolder>[] = [
  { header: '姓名', width: 12, value: (g) => g.personName },
  { header: '工号/学号', width: 16, text: true, value: (g) => g.staffNo },
  { header: '角色', width: 22, value: (g) => g.roleLabel },
  { header: '组织', width: 32, value: (g) => g.unitName },
  { header: '起始日期', width: 12, value: (g) => g.validFrom },
  { header: '结束日期', width: 12, value: (g) => g.validTo ?? '长期' },
  { header: '剩余天数', width: 10, value: (g) => g.daysLeft },
  { header: '状态', width: 10, value: (g) => g.statusLabel },
  { header: '授予人', width: 12, value: (g) => g.grantedByName ?? '' },
];
