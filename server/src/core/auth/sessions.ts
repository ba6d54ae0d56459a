import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Config } from '../../config';
import type { DB } from '../../db/types';
import type { Actor, ActorGrant } from '../actor';
import { cachedSession, cacheSession, forgetSession } from './session-cache';

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
  const now = Date.now();
  const cached = cachedSession(hash, now);
  if (cached) return cached;
  // One round trip: the session, its person, and the person's current grants with their unit paths.
  const row = await db
    .selectFrom('session as s')
    .innerJoin('account as a', 'a.id', 's.account_id')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .innerJoin('org_unit as pu', 'pu.id', 'p.unit_id')
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
      'pu.path as unitPath',
      sql<ActorGrant[]>`coalesce((
        select json_agg(json_build_object('grantId', g.id, 'role', g.role, 'unitId', g.unit_id,
                                          'unitPath', u.path, 'unitName', u.name) order by u.path, g.id)
        from role_grant g join org_unit u on u.id = g.unit_id
        where g.person_id = p.id and g.revoked_at is null and u.closed_at is null
          and g.valid_from <= (now() at time zone 'Asia/Shanghai')::date
          and (g.valid_to is null or g.valid_to >= (now() at time zone 'Asia/Shanghai')::date)
      ), '[]'::json)`.as('grants'),
    ])
    .where('s.id_hash', '=', hash)
    .executeTakeFirst();
  if (!row) return null;
  const idleLimit = new Date(row.last_seen_at).getTime() + config.SESSION_IDLE_MINUTES * 60_000;
  if (new Date(row.expires_at).getTime() < now || idleLimit < now) {
    await db.deleteFrom('session').where('id_hash', '=', hash).execute();
    return null;
  }
  // Touch at most once a minute: idle expiry needs minute precision, not a write per request.
  if (now - new Date(row.last_seen_at).getTime() > 60_000) {
    await db
      .updateTable('session')
      .set({ last_seen_at: new Date(now).toISOString() })
      .where('id_hash', '=', hash)
      .execute();
  }
  const resolved: SessionActor = {
    csrfToken: row.csrf_token,
    sessionHash: hash,
    actor: {
      accountId: row.accountId,
      personId: row.personId,
      name: row.name,
      username: row.username,
      unitId: row.unit_id,
      unitPath: row.unitPath,
      isSystemAdmin: row.is_system_admin,
      grants: row.grants,
    },
  };
  // Never cache past the session's own end.
  const ttl = Math.min(config.SESSION_CACHE_SECONDS * 1000, new Date(row.expires_at).getTime() - now);
  cacheSession(hash, resolved, ttl, now);
  return resolved;
}

export async function deleteSession(db: Kysely<DB>, token: string) {
  forgetSession(sha256(token));
  await db.deleteFrom('session').where('id_hash', '=', sha256(token)).execute();
}
