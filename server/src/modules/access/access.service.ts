import {
  explainAccess,
  GRANT_STATUS_LABELS,
  type GrantInput,
  grantStatus,
  isPartyMember,
  ROLE_LABELS,
  type RoleName,
} from '@pioneer/domain';
import { sql, type Transaction } from 'kysely';
import type { Actor } from '../../core/actor';
import { recordAudit } from '../../core/audit/audit';
import { badRequest, conflict, forbidden, notFound } from '../../core/errors';
import type { Context } from '../../core/module';
import type { DB } from '../../db/types';
import { findVisiblePerson } from '../people/people.service';
import { canGrantRole, grantAbilities, grantableRolesOn, isOwnGrant } from './access.policy';
import * as repo from './access.repository';
import { grantsOf, grantToday } from './role-grants';

type Ctx = Pick<Context, 'db'>;
type Trx = Transaction<DB>;

const roleLabel = (role: string) => ROLE_LABELS[role as RoleName] ?? role;

export async function listGrants(ctx: Ctx, actor: Actor, q: repo.GrantListQuery) {
  const today = grantToday();
  const rows = await repo.listGrants(ctx.db, actor, q);
  return rows.map((g) => {
    const status = grantStatus(g, today);
    return {
      ...g,
      roleLabel: roleLabel(g.role),
      status,
      statusLabel: GRANT_STATUS_LABELS[status],
      abilities: grantAbilities(actor, g),
    };
  });
}

/** The roles the actor may grant on a unit they can see (for the grant form). */
export async function grantableOn(ctx: Ctx, actor: Actor, unitId: number) {
  const unit = await repo.findUnit(ctx.db, actor, unitId);
  if (!unit) throw notFound('组织');
  return grantableRolesOn(actor, unit.path).map((role) => ({ role, label: roleLabel(role) }));
}

export async function createGrant(ctx: Ctx, actor: Actor, input: GrantInput, reason?: string) {
  return ctx.db.transaction().execute((trx) => createGrantIn(trx, actor, input, reason));
}

/** Grants a role inside the caller's transaction (one grant, or each of a batch: all or nothing). */
export async function createGrantIn(trx: Trx, actor: Actor, input: GrantInput, reason?: string) {
  const unit = await repo.findUnit(trx, actor, input.unitId);
  if (!unit) throw notFound('组织');
  const person = await findVisiblePerson(trx, actor, input.personId);
  if (!person) throw notFound('人员');
  if (isOwnGrant(actor, person.id)) throw forbidden('不能给自己授予角色');
  if (!canGrantRole(actor, input.role, unit.path, person.id)) {
    throw forbidden(`您无权在「${unit.name}」授予「${roleLabel(input.role)}」角色`);
  }
  if (unit.closedAt) throw conflict('UNIT_CLOSED', '该组织已撤销');
  if (input.validTo !== null && input.validTo < grantToday())
    throw badRequest('validTo', '结束日期已过，授予的角色不会生效');
  if (input.role === 'member' && !isPartyMember(person.politicalStatus)) {
    throw conflict('NOT_A_MEMBER', '只有中共党员或预备党员可以授予「党员」角色');
  }
  if (await repo.overlappingGrant(trx, input)) {
    throw conflict('GRANT_EXISTS', `${person.name}在该时段已在「${unit.name}」担任${roleLabel(input.role)}`);
  }
  const row = await trx
    .insertInto('role_grant')
    .values({
      person_id: person.id,
      role: input.role,
      unit_id: unit.id,
      valid_from: input.validFrom,
      valid_to: input.validTo,
      granted_by: actor.personId,
      revoked_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: 'role_grant.created',
    entityType: 'role_grant',
    entityId: row.id,
    unitPath: unit.path,
    after: {
      personId: person.id,
      personName: person.name,
      role: input.role,
      unitId: unit.id,
      validFrom: input.validFrom,
      validTo: input.validTo,
    },
    reason: reason ?? null,
  });
  return { id: row.id };
}

export async function revokeGrant(ctx: Ctx, actor: Actor, id: number, input: { reason: string }) {
  return ctx.db.transaction().execute((trx) => revokeGrantIn(trx, actor, id, input));
}

/** Revokes a grant inside the caller's transaction (404 unseen, 403 beyond the actor's right, 409 already). */
export async function revokeGrantIn(trx: Trx, actor: Actor, id: number, input: { reason: string }) {
  await repo.lockGrant(trx, id);
  const grant = await repo.findGrant(trx, actor, id);
  if (!grant) throw notFound('角色授权');
  if (isOwnGrant(actor, grant.personId)) throw forbidden('不能收回自己的角色');
  if (!canGrantRole(actor, grant.role, grant.unitPath, grant.personId)) {
    throw forbidden(`您无权收回「${grant.unitName}」的「${roleLabel(grant.role)}」角色`);
  }
  if (grant.revokedAt) throw conflict('ALREADY_REVOKED', '该角色授权已收回');
  await trx.updateTable('role_grant').set({ revoked_at: sql<string>`now()` }).where('id', '=', id).execute();
  await recordAudit(trx, actor, {
    action: 'role_grant.revoked',
    entityType: 'role_grant',
    entityId: id,
    unitPath: grant.unitPath,
    before: { personId: grant.personId, personName: grant.personName, role: grant.role, unitId: grant.unitId },
    reason: input.reason,
  });
  return { id, revoked: true };
}

/** What a person can see and do, and why: every permission with its subtrees and the grants behind them. */
export async function explain(ctx: Ctx, actor: Actor, personId: number) {
  const person = await findVisiblePerson(ctx.db, actor, personId);
  if (!person) throw notFound('人员');
  const [facts, isSystemAdmin] = await Promise.all([grantsOf(ctx.db, personId), repo.isSystemAdmin(ctx.db, personId)]);
  const today = grantToday();
  return {
    person: { id: person.id, name: person.name, unitId: person.unitId, unitName: person.unitName },
    isSystemAdmin,
    today,
    permissions: explainAccess(facts, { isSystemAdmin, today }),
    grants: facts.map((g) => {
      const status = grantStatus(g, today);
      return {
        ...g,
        roleLabel: roleLabel(g.role),
        status,
        statusLabel: GRANT_STATUS_LABELS[status],
        abilities: grantAbilities(actor, { ...g, personId }),
      };
    }),
  };
}
