import type { SessionActor } from './sessions';

/**
 * A short-lived, per-process copy of resolved sessions, so a burst of requests from the same signed-in people
 * (a sign-up rush) does not read the session and its grants from the database on every request.
 * The database stays the only record: a miss or an expired entry reads it again. What another process
 * changes (a sign-out there, a revoked grant) reaches this process within the TTL; what this process
 * changes clears the cache at once (sign-out, password change, and every audited change to access).
 */
interface Entry {
  value: SessionActor;
  until: number;
}
const entries = new Map<string, Entry>();
const MAX_ENTRIES = 20_000;

export function cachedSession(hash: string, now: number): SessionActor | null {
  const entry = entries.get(hash);
  if (!entry) return null;
  if (entry.until <= now) {
    entries.delete(hash);
    return null;
  }
  return entry.value;
}

export function cacheSession(hash: string, value: SessionActor, ttlMs: number, now: number) {
  if (ttlMs <= 0) return;
  // Maps iterate in insertion order: dropping the first key drops the oldest entry.
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(hash, { value, until: now + ttlMs });
}

export function forgetSession(hash: string) {
  entries.delete(hash);
}

export function forgetAllSessions() {
  entries.clear();
}

/** Audited entities whose change can alter who may do what: any of them clears the cache. */
export const ACCESS_ENTITIES = new Set([
  'role_grant',
  'org_unit',
  'account',
  'person',
  'person_transfer',
  'import_batch',
]);
