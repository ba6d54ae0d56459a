import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { DB } from '../../db/types';
import { type Actor, loadActorGrants } from '../actor';

export const SESSION_COOKIE = 'pioneer_session';
export const CSRF_HEADER = 'x-csrf-token';

const sha256 = (v: string) => createHash('sha256').update(v).digest('hex');
const minutesFromNow = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

/** Sessions live in the database (only the token's hash), so any server process can serve any request. */
export async function createSession(db: Kysely<DB>, config: Config, accountId: number) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db
    .insertInto('session')
    .values({
      id_hash: sha256(token),
      account_id: accountId,
      csrf_token: csrfToken,
      last_seen_at: new Date().toISOString(),
      expires_at: minutesFromNow(config.SESSION_MAX_HOURS * 60),
    })
    .execute();
  return { token, csrfToken };
}

export interface SessionActor {
  actor: Actor;
  csrfToken: string;
  sessionHash: string;
}

export async function resolveSession(db: Kysely<DB>, config: Config, token: string): Promise<SessionActor | null> {
  const hash = sha256(token);
  const row = await db
    .selectFrom('session as s')
    .innerJoin('account as a', 'a.id', 's.account_id')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .select([
      's.csrf_token',
      's.last_seen_at',
      's.expires_at',
      'a.id as accountId',
      'a.username',
      'a.is_system_admin',
      'p.id as personId',
      'p.name',
      'p.unit_id',
    ])
    .where('s.id_hash', '=', hash)
    .executeTakeFirst();
  if (!row) return null;
  const now = Date.now();
  const idleLimit = new Date(row.last_seen_at).getTime() + config.SESSION_IDLE_MINUTES * 60_000;
  if (new Date(row.expires_at).getTime() < now || idleLimit < now) {
    await db.deleteFrom('session').where('id_hash', '=', hash).execute();
    return null;
  }
  // Touch at most once a minute: idle expiry needs minute precision, not a write per request.
  if (now - new Date(row.last_seen_at).getTime() > 60_000) {
    await db.updateTable('session').set({ last_seen_at: new Date().toISOString() }).where('id_hash', '=', hash).execute();
  }
  const grants = await loadActorGrants(db, row.personId);
  return {
    csrfToken: row.csrf_token,
    sessionHash: hash,
    actor: {
      accountId: row.accountId,
      personId: row.personId,
      name: row.name,
      username: row.username,
      unitId: row.unit_id,
      isSystemAdmin: row.is_system_admin,
      grants,
    },
  };
}

export async function deleteSession(db: Kysely<DB>, token: string) {
  await db.deleteFrom('session').where('id_hash', '=', sha256(token)).execute();
}
