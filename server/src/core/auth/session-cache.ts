import type { Listen } from '../../db/listen';
import type { SessionActor } from './sessions';

/**
 * A short-lived, per-process copy of resolved sessions, so a burst of requests from the same signed-in people
 * (a sign-up rush) does not read the session and its grants from the database on every request.
 * The database stays the only record: a miss or an expired entry reads it again. What this process changes
 * clears the cache at once (sign-out, password change, every audited change to access); what any process
 * changes reaches every process at commit through NOTIFY session_changed (migration 0520). While that
 * subscription is not up, entries live at most UNFOLLOWED_MAX_MS, as they did before it existed.
 */
interface Entry {
  value: SessionActor;
  until: number;
}
const entries = new Map<string, Entry>();
const MAX_ENTRIES = 20_000;
const UNFOLLOWED_MAX_MS = 5_000;
export const SESSION_CHANGED_CHANNEL = 'session_changed';
let following = false;

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
  const ttl = following ? ttlMs : Math.min(ttlMs, UNFOLLOWED_MAX_MS);
  if (ttl <= 0) return;
  // Maps iterate in insertion order: dropping the first key drops the oldest entry.
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(hash, { value, until: now + ttl });
}

export function forgetSession(hash: string) {
  entries.delete(hash);
}

export function forgetAllSessions() {
  entries.clear();
}

/** Hears every process's session endings ('<hash>') and access changes ('*'); a dropped subscription forgets all. */
export function followSessionChanges(listen: Listen) {
  return listen(SESSION_CHANGED_CHANNEL, {
    message: (payload) => (payload === '*' ? forgetAllSessions() : forgetSession(payload)),
    lost: () => {
      following = false;
      forgetAllSessions();
    },
    listening: () => {
      following = true;
    },
  });
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
