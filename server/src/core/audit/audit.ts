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

/** The audit_event row for `input`, with before/after as plain values (callers that insert from SQL pass it as JSON). */
export function auditRow(actor: Actor | null, input: AuditInput) {
  return {
    actor_person_id: actor?.personId ?? null,
    actor_name: actor ? `${actor.name}（${actor.username}）` : '系统',
    action: input.action,
    entity_type: input.entityType,
    entity_id: String(input.entityId),
    unit_path: input.unitPath,
    before: input.before,
    after: input.after,
    reason: input.reason ?? null,
  };
}

/**
 * Writes the audit event inside the caller's transaction, so a change and its record commit together.
 * The event is sealed into the hash chain later by the sealer, which keeps writers from queueing on one lock.
 */
export async function recordAudit(trx: Transaction<DB> | Kysely<DB>, actor: Actor | null, input: AuditInput) {
  if (ACCESS_ENTITIES.has(input.entityType)) forgetAllSessions();
  const row = auditRow(actor, input);
  await trx
    .insertInto('audit_event')
    .values({
      ...row,
      before: row.before === undefined ? undefined : JSON.stringify(row.before),
      after: row.after === undefined ? undefined : JSON.stringify(row.after),
    })
    .execute();
}
