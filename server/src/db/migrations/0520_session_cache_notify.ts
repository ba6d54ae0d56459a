import type { Kysely } from 'kysely';
import { execStatements } from '../exec-statements';

/**
 * Every server process keeps a short-lived copy of resolved sessions (core/auth/session-cache.ts). These
 * triggers tell all processes, at commit, when a copy may be out of date: a session ended (payload: its hash),
 * or anything a session's actor is built from changed (payload '*': grants, units, the account, the person).
 * Statement-level where possible, so an import of thousands of people sends one notice, not thousands.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(
    db,
    `
    create function session_ended_notify() returns trigger language plpgsql as $$ begin perform pg_notify('session_changed', old.id_hash); return null; end $$;
    create trigger session_ended after delete on session for each row execute function session_ended_notify();
    create function access_changed_notify() returns trigger language plpgsql as $$ begin perform pg_notify('session_changed', '*'); return null; end $$;
    create trigger role_grant_changed after insert or update or delete on role_grant for each statement execute function access_changed_notify();
    create trigger org_unit_changed after update of path, name, closed_at or delete on org_unit for each statement execute function access_changed_notify();
    create trigger account_changed after update of username, is_system_admin, person_id or delete on account for each statement execute function access_changed_notify();
    create trigger person_changed after update of name, unit_id or delete on person for each statement execute function access_changed_notify();
  `,
  );
}
