import {
  isPartyMember,
  maskIdNumber,
  maskPhone,
  type PeopleFilter,
  type PeopleSort,
  type PersonInput,
  type personUpdateInput,
  ROLE_LABELS,
  type RoleName,
} from '@pioneer/domain';
import type { z } from 'zod';
import type { Actor } from '../../core/actor';
import { recordAudit } from '../../core/audit/audit';
import { conflict, forbidden, notFound } from '../../core/errors';
import type { Context } from '../../core/module';
import { endMemberGrants, ensureMemberGrant, grantsOf, grantToday } from '../access/role-grants';
import { canCreatePersonIn, canUpdatePerson, maskFor, personAbilities } from './people.policy';
import * as repo from './people.repository';
import { pendingTransferOf } from './transfer.repository';

export { staffingReport } from './staffing';

type Ctx = Pick<Context, 'db'>;
type Trx = Parameters<typeof repo.findPerson>[0];

/** What the roster list and the roster export ask for. Without pageSize every matching row comes back. */
export interface PeopleQuery extends PeopleFilter {
  sort?: PeopleSort;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

/** A person as this viewer may see them: phone and ID number masked unless they handle the person. */
function present(actor: Actor, row: repo.PersonRow) {
  return { ...maskFor(actor, row), abilities: personAbilities(actor, row) };
}
export type PersonListItem = ReturnType<typeof present>;

/** Scoped search, already masked for this viewer; `total` counts every match, not just this page. */
export async function searchPeople(
  ctx: Ctx,
  actor: Actor,
  query: PeopleQuery,
): Promise<{ items: PersonListItem[]; total: number }> {
  const paged = query.pageSize !== undefined;
  const rows = await repo.searchPeople(ctx.db, actor, query, {
    sort: query.sort ?? 'unit',
    order: query.order ?? 'asc',
    ...(paged ? { limit: query.pageSize, offset: ((query.page ?? 1) - 1) * (query.pageSize ?? 0) } : {}),
  });
  const total = paged ? await repo.countPeople(ctx.db, actor, query) : rows.length;
  return { items: rows.map((r) => present(actor, r)), total };
}

/** The profile: unit trail, roles held now, the pending transfer, and what this viewer may do. */
export async function getProfile(ctx: Ctx, actor: Actor, id: number) {
  const row = await repo.findPerson(ctx.db, actor, id);
  if (!row) throw notFound('人员');
  const [trail, grants, pendingTransfer] = await Promise.all([
    repo.unitTrail(ctx.db, row.unitPath),
    grantsOf(ctx.db, id),
    pendingTransferOf(ctx.db, id),
  ]);
  const today = grantToday();
  const roles = grants
    .filter((g) => !g.revokedAt && !g.unitClosedAt && g.validFrom <= today && (!g.validTo || g.validTo >= today))
    .map((g) => ({
      grantId: g.id,
      role: g.role,
      roleLabel: ROLE_LABELS[g.role as RoleName] ?? g.role,
      unitId: g.unitId,
      unitName: g.unitName,
      validFrom: g.validFrom,
      validTo: g.validTo,
    }));
  return { ...present(actor, row), unitTrail: trail, roles, pendingTransfer: pendingTransfer ?? null };
}

/** Person fields of the API and their columns; the roster import writes the same mapping. */
export const PERSON_COLUMN_OF = {
  name: 'name',
  gender: 'gender',
  kind: 'kind',
  staffNo: 'staff_no',
  idNumber: 'id_number',
  phone: 'phone',
  politicalStatus: 'political_status',
  cadreLevel: 'cadre_level',
  fulltimePartyWorker: 'fulltime_party_worker',
  skills: 'skills',
  specialty: 'specialty',
  department: 'department',
  major: 'major',
  campus: 'campus',
  developmentStage: 'development_stage',
} as const;
type Field = keyof typeof PERSON_COLUMN_OF;

/** Audit events keep phone and ID numbers masked: the audit log has readers who do not handle the person. */
function auditable(values: Partial<Record<Field, unknown>>) {
  const out: Record<string, unknown> = { ...values };
  if ('phone' in out) out.phone = maskPhone(out.phone as string | null);
  if ('idNumber' in out) out.idNumber = maskIdNumber(out.idNumber as string | null);
  return out;
}

async function assertStaffNoFree(trx: Trx, staffNo: string, selfId: number | null) {
  const taken = await repo.findIdByStaffNo(trx, staffNo);
  if (taken && taken.id !== selfId) throw conflict('DUPLICATE_STAFF_NO', `工号/学号 ${staffNo} 已被使用`);
}

/** Two writers racing past the check above meet the unique index; answer them the same way. */
function duplicateStaffNo(error: unknown, staffNo: string): never {
  if ((error as { code?: string }).code === '23505')
    throw conflict('DUPLICATE_STAFF_NO', `工号/学号 ${staffNo} 已被使用`);
  throw error;
}

export async function createPerson(ctx: Ctx, actor: Actor, input: PersonInput) {
  return ctx.db.transaction().execute((trx) => createPersonIn(trx, actor, input));
}

/** The create rules inside the caller's transaction. */
export async function createPersonIn(trx: Trx, actor: Actor, input: PersonInput) {
  const unit = await repo.findUnitForPeople(trx, actor, input.unitId);
  if (!unit) throw notFound('所在组织');
  if (!canCreatePersonIn(actor, unit.path)) throw forbidden('您无权在该组织录入人员');
  if (unit.closedAt) throw conflict('UNIT_CLOSED', '该组织已撤销');
  if (unit.type !== 'branch' && unit.type !== 'direct_branch') throw conflict('NOT_A_BRANCH', '人员只能编入党支部');
  await assertStaffNoFree(trx, input.staffNo, null);
  const { unitId, ...fields } = input;
  const values = Object.fromEntries(Object.entries(fields).map(([k, v]) => [PERSON_COLUMN_OF[k as Field], v]));
  const row = await trx
    .insertInto('person')
    .values({ ...(values as Record<string, unknown>), unit_id: unit.id } as never)
    .returning('id')
    .executeTakeFirstOrThrow()
    .catch((e) => duplicateStaffNo(e, input.staffNo));
  await recordAudit(trx, actor, {
    action: 'person.created',
    entityType: 'person',
    entityId: row.id,
    unitPath: unit.path,
    after: { ...auditable(fields), unitId },
  });
  if (isPartyMember(input.politicalStatus)) await ensureMemberGrant(trx, actor, row.id, unit);
  return { id: row.id };
}

export async function updatePerson(ctx: Ctx, actor: Actor, id: number, input: z.infer<typeof personUpdateInput>) {
  return ctx.db.transaction().execute(async (trx) => {
    const person = await repo.findPerson(trx, actor, id);
    if (!person) throw notFound('人员');
    if (!canUpdatePerson(actor, person)) throw forbidden('您无权修改该人员的信息');
    if (input.staffNo !== undefined && input.staffNo !== person.staffNo)
      await assertStaffNoFree(trx, input.staffNo, id);
    const before: Partial<Record<Field, unknown>> = {};
    const after: Partial<Record<Field, unknown>> = {};
    for (const [key, value] of Object.entries(input) as [Field, unknown][]) {
      if (value === undefined || JSON.stringify(person[key]) === JSON.stringify(value)) continue;
      before[key] = person[key];
      after[key] = value;
    }
    if (Object.keys(after).length === 0) return { id, changed: [] as string[] };
    const set = Object.fromEntries(Object.entries(after).map(([k, v]) => [PERSON_COLUMN_OF[k as Field], v]));
    await trx
      .updateTable('person')
      .set({ ...(set as Record<string, unknown>), updated_at: new Date().toISOString() } as never)
      .where('id', '=', id)
      .execute()
      .catch((e) => duplicateStaffNo(e, String(input.staffNo)));
    await recordAudit(trx, actor, {
      action: 'person.updated',
      entityType: 'person',
      entityId: id,
      unitPath: person.unitPath,
      before: auditable(before),
      after: auditable(after),
    });
    if (after.politicalStatus !== undefined) {
      const unit = { id: person.unitId, path: person.unitPath };
      if (isPartyMember(after.politicalStatus as string)) await ensureMemberGrant(trx, actor, id, unit);
      else await endMemberGrants(trx, actor, id, '政治面貌变更，不再是党员');
    }
    return { id, changed: Object.keys(after) };
  });
}

/** For other modules: the person if this actor may see them (undefined → 404), with their unit. */
export async function findVisiblePerson(db: Trx, actor: Actor, id: number) {
  const row = await repo.findPerson(db, actor, id);
  if (!row) return undefined;
  const { name, unitId, unitName, unitPath, politicalStatus } = row;
  return { id: row.id, name, unitId, unitName, unitPath, politicalStatus };
}
