import { type Kysely, sql, type Transaction } from 'kysely';
import type { Actor } from '../../core/actor';
import { recordAudit } from '../../core/audit/audit';
import type { DB } from '../../db/types';

/**
 * The grant operations other modules call (people: a member's own `member` grant follows their status and
 * their unit). The caller has already authorized the change and passes its transaction.
 */
type Db = Kysely<DB> | Transaction<DB>;

/** "Today" as the actor loader computes it (core/actor.ts), so what we show matches what is enforced. */
export const grantToday = () => new Date().toISOString().slice(0, 10);

/** A grant as every list shows it (joined: `g` role_grant, `u` its unit, `by` who granted it). */
export const GRANT_COLUMNS = [
  'g.id',
  'g.role',
  'g.unit_id as unitId',
  'u.name as unitName',
  'u.path as unitPath',
  'u.closed_at as unitClosedAt',
  'g.valid_from as validFrom',
  'g.valid_to as validTo',
  'g.revoked_at as revokedAt',
  'by.name as grantedByName',
  'g.created_at as createdAt',
] as const;

/** Every grant the person holds or held, with its unit; newest first within a unit. */
export function grantsOf(db: Db, personId: number) {
  return db
    .selectFrom('role_grant as g')
    .innerJoin('org_unit as u', 'u.id', 'g.unit_id')
    .leftJoin('person as by', 'by.id', 'g.granted_by')
    .select(GRANT_COLUMNS)
    .where('g.person_id', '=', personId)
    .orderBy('u.path')
    .orderBy('g.id', 'desc')
    .execute();
}

function activeMemberGrants(db: Db, personId: number) {
  const today = grantToday();
  return db
    .selectFrom('role_grant as g')
    .innerJoin('org_unit as u', 'u.id', 'g.unit_id')
    .select(['g.id', 'g.unit_id as unitId', 'u.path as unitPath'])
    .where('g.person_id', '=', personId)
    .where('g.role', '=', 'member')
    .where('g.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('g.valid_to', 'is', null), eb('g.valid_to', '>=', today)]))
    .execute();
}

/** Gives the person the `member` role on their unit unless they already hold it there. */
export async function ensureMemberGrant(trx: Db, actor: Actor, personId: number, unit: { id: number; path: string }) {
  const held = await activeMemberGrants(trx, personId);
  if (held.some((g) => g.unitId === unit.id)) return;
  const row = await trx
    .insertInto('role_grant')
    .values({
      person_id: personId,
      role: 'member',
      unit_id: unit.id,
      valid_from: grantToday(),
      valid_to: null,
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
    after: { personId, role: 'member', unitId: unit.id },
    reason: '党员身份随人员信息自动授予',
  });
}

/** Ends every active `member` grant the person holds (left the Party, or moved away from those units). */
export async function endMemberGrants(trx: Db, actor: Actor, personId: number, reason: string, keepUnitId?: number) {
  const held = (await activeMemberGrants(trx, personId)).filter((g) => g.unitId !== keepUnitId);
  for (const g of held) {
    await trx.updateTable('role_grant').set({ revoked_at: sql<string>`now()` }).where('id', '=', g.id).execute();
    await recordAudit(trx, actor, {
      action: 'role_grant.revoked',
      entityType: 'role_grant',
      entityId: g.id,
      unitPath: g.unitPath,
      before: { personId, role: 'member', unitId: g.unitId },
      reason,
    });
  }
  return held.length;
}

/** A transfer moves the member grant: the old one ends, a new one starts on the receiving unit today. */
export async function moveMemberGrant(
  trx: Db,
  actor: Actor,
  person: { id: number; isPartyMember: boolean },
  to: { id: number; path: string },
  reason: string,
) {
  await endMemberGrants(trx, actor, person.id, reason, to.id);
  if (person.isPartyMember) await ensureMemberGrant(trx, actor, person.id, to);
}
