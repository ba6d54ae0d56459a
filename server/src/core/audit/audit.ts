import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/types';
import type { Actor } from '../actor';
import { ACCESS_ENTITIES, forgetAllSessions } from '../auth/session-cache';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string | number;
  unitPath: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/**
 * Writes the audit event inside the caller's transaction, so a change and its record commit together.
 * The event is sealed into the hash chain later by the sealer, which keeps writers from queueing on one lock.
 */
export async function recordAudit(trx: Transaction<DB> | Kysely<DB>, actor: Actor | null, input: AuditInput) {
  if (ACCESS_ENTITIES.has(input.entityType)) forgetAllSessions();
  await trx
    .insertInto('audit_event')
    .values({
      actor_person_id: actor?.personId ?? null,
      actor_name: actor ? `${actor.name}（${actor.username}）` : '系统',
      action: input.action,
      entity_type: input.entityType,
      entity_id: String(input.entityId),
      unit_path: input.unitPath,
      before: input.before === undefined ? undefined : JSON.stringify(input.before),
      after: input.after === undefined ? undefined : JSON.stringify(input.after),
      reason: input.reason ?? null,
    })
    .execute();
}
