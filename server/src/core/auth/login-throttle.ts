import { type Kysely, sql, type Transaction } from 'kysely';
import type { Config } from '../../config';
import type { DB, LoginThrottleTable } from '../../db/types';

/**
 * Sign-in throttling without a lock an attacker can hold. Failures are counted per subject:
 *
 * - `pair`    (address, username): one client guessing one account — slows down after LOGIN_MAX_FAILURES;
 * - `account` (username, from browsers that never signed in to it): guesses spread over many addresses —
 *             slows down after twice that;
 * - `device`  (a browser that has signed in to the account before, and the username): the owner's own
 *             browser is judged only by its own failures, so strangers' guesses never slow it down;
 * - `address` (any usernames): a fixed window of LOGIN_ADDRESS_MAX_FAILURES failures per 15 minutes, high
 *             enough for a campus behind a few NAT addresses; it counts failures only.
 *
 * Past its allowance a backoff subject waits 15 s, 30 s, 1 min … up to LOGIN_LOCK_MINUTES between attempts.
 * Successes never count. Keys use the username as typed, whether or not such an account exists, so the
 * answers reveal nothing about which accounts exist.
 */
export type ThrottleKind = LoginThrottleTable['kind'];
export interface Subject {
  key: string;
  kind: ThrottleKind;
  username: string | null;
  address: string | null;
}
interface Policy {
  free: number;
  /** backoff: failures are forgotten after this long without one; window: the window's length. */
  periodMs: number;
  maxDelayMs: number;
  window: boolean;
}

const DAY = 24 * 3600_000;
const WINDOW = 15 * 60_000;
// Long enough to make guessing slow from the first wait, short enough for an owner who mistyped.
const FIRST_DELAY_MS = 15_000;

function policyOf(kind: ThrottleKind, config: Config): Policy {
  const maxDelayMs = config.LOGIN_LOCK_MINUTES * 60_000;
  if (kind === 'address')
    return { free: config.LOGIN_ADDRESS_MAX_FAILURES, periodMs: WINDOW, maxDelayMs, window: true };
  const free = kind === 'account' ? config.LOGIN_MAX_FAILURES * 2 : config.LOGIN_MAX_FAILURES;
  return { free, periodMs: DAY, maxDelayMs, window: false };
}

export const subjects = {
  pair: (address: string, username: string): Subject => ({
    key: `pair:${address}|${username}`,
    kind: 'pair',
    username,
    address,
  }),
  account: (username: string): Subject => ({ key: `account:${username}`, kind: 'account', username, address: null }),
  device: (deviceHash: string, username: string, address: string): Subject => ({
    key: `device:${deviceHash}|${username}`,
    kind: 'device',
    username,
    address,
  }),
  address: (address: string): Subject => ({ key: `address:${address}`, kind: 'address', username: null, address }),
};

type Row = Pick<LoginThrottleTable, 'key' | 'first_failure_at' | 'last_failure_at' | 'blocked_until'> & {
  failures: number;
};
const ms = (iso: string | null) => (iso ? new Date(iso).getTime() : 0);
const iso = (t: number) => new Date(t).toISOString();

/** The failures still counted at `now` (older ones are forgotten). */
function liveFailures(row: Row, policy: Policy, now: number): number {
  const since = policy.window ? ms(row.first_failure_at) : ms(row.last_failure_at);
  return since && now - since < policy.periodMs ? row.failures : 0;
}

/** When the next attempt may come, after `failures` failures, the last at `at`; null = no wait. */
function blockedUntil(failures: number, firstAt: number, at: number, policy: Policy): number | null {
  if (policy.window) return failures >= policy.free ? firstAt + policy.periodMs : null;
  if (failures <= policy.free) return null;
  return at + Math.min(FIRST_DELAY_MS * 2 ** (failures - policy.free - 1), policy.maxDelayMs);
}

function nextState(row: Row, policy: Policy, now: number, delta: 1 | -1) {
  const live = liveFailures(row, policy, now);
  const failures = Math.max(live + delta, 0);
  const first = live === 0 || !row.first_failure_at ? now : ms(row.first_failure_at);
  const last = delta === 1 ? now : ms(row.last_failure_at) || now;
  const until = failures ? blockedUntil(failures, first, last, policy) : null;
  return {
    failures,
    first_failure_at: failures ? iso(first) : null,
    last_failure_at: failures ? iso(last) : null,
    blocked_until: until ? iso(until) : null,
  };
}

/**
 * Creates the subjects' rows if missing and locks them until the transaction ends, returning their current
 * state — one statement: the no-op update of ON CONFLICT takes the row lock and RETURNING reads the row.
 */
async function lockRows(trx: Transaction<DB>, list: Subject[]): Promise<Map<string, Row>> {
  const rows = await trx
    .insertInto('login_throttle')
    .values(list.map((s) => ({ key: s.key, kind: s.kind, username: s.username, address: s.address })))
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ key: eb.ref('excluded.key') })))
    .returning(['key', 'failures', 'first_failure_at', 'last_failure_at', 'blocked_until'])
    .execute();
  return new Map(rows.map((r) => [r.key, r]));
}

/** Writes the subjects' new states in one statement (a sign-in charges two subjects). */
async function writeRows(trx: Transaction<DB>, updates: { key: string; next: ReturnType<typeof nextState> }[]) {
  const values = updates.map(
    ({ key, next: n }) =>
      sql`(${key}, ${n.failures}::int, ${n.first_failure_at}::timestamptz, ${n.last_failure_at}::timestamptz, ${n.blocked_until}::timestamptz)`,
  );
  await sql`
    update login_throttle t set failures = v.failures, first_failure_at = v.first_at, last_failure_at = v.last_at,
      blocked_until = v.blocked_until
    from (values ${sql.join(values)}) as v(key, failures, first_at, last_at, blocked_until)
    where t.key = v.key`.execute(trx);
}

export type Charge =
  | { ok: true; crossed: Subject[]; failures: Map<string, number> }
  | { ok: false; retryAfterMs: number };

/**
 * Counts this attempt as a failure for every subject before its password is checked — atomically, so a burst
 * of parallel guesses cannot all slip past the allowance — unless a subject must still wait, in which case
 * nothing is counted and the wait is returned. A success gives the charge back (`refund`).
 * `crossed` lists the subjects this attempt pushed past their allowance (for the audit log).
 */
export async function charge(db: Kysely<DB>, config: Config, list: Subject[], now = Date.now()): Promise<Charge> {
  return db.transaction().execute(async (trx) => {
    const rows = await lockRows(trx, list);
    const waits = list.map((s) => ms(rows.get(s.key)?.blocked_until ?? null) - now).filter((w) => w > 0);
    if (waits.length) return { ok: false as const, retryAfterMs: Math.max(...waits) };
    const crossed: Subject[] = [];
    const failures = new Map<string, number>();
    const updates = list.map((s) => {
      const policy = policyOf(s.kind, config);
      const row = rows.get(s.key)!;
      const next = nextState(row, policy, now, 1);
      if (liveFailures(row, policy, now) <= policy.free && next.failures > policy.free) crossed.push(s);
      failures.set(s.key, next.failures);
      return { key: s.key, next };
    });
    await writeRows(trx, updates);
    return { ok: true as const, crossed, failures };
  });
}

/**
 * After a success: the pair and device subjects start afresh; an account subject only gets this attempt's
 * charge back — the owner signing in must not hand a distributed guesser a fresh allowance.
 * `charged` is the charge's failure counts: a subject this attempt alone had charged is simply deleted.
 */
export async function refund(
  db: Kysely<DB>,
  config: Config,
  list: Subject[],
  charged: Map<string, number>,
  now = Date.now(),
): Promise<void> {
  const keep = list.filter((s) => s.kind === 'account' && (charged.get(s.key) ?? 0) > 1);
  const drop = list.filter((s) => !keep.includes(s)).map((s) => s.key);
  if (drop.length) await db.deleteFrom('login_throttle').where('key', 'in', drop).execute();
  if (!keep.length) return;
  await db.transaction().execute(async (trx) => {
    const rows = await lockRows(trx, keep);
    await writeRows(
      trx,
      keep.map((s) => ({ key: s.key, next: nextState(rows.get(s.key)!, policyOf(s.kind, config), now, -1) })),
    );
  });
}

/** Counts a failure against an address; addresses are read at sign-in (auth.service.ts), never charged ahead. */
export async function recordAddressFailure(db: Kysely<DB>, config: Config, address: string, now = Date.now()) {
  const subject = subjects.address(address);
  await db.transaction().execute(async (trx) => {
    const rows = await lockRows(trx, [subject]);
    const next = nextState(rows.get(subject.key)!, policyOf('address', config), now, 1);
    await trx.updateTable('login_throttle').set(next).where('key', '=', subject.key).execute();
  });
  // Rows of long-quiet subjects (typos, guessed names that never existed) are dropped now and then.
  if (Math.random() < 0.02) {
    await db
      .deleteFrom('login_throttle')
      .where('last_failure_at', '<', iso(now - 2 * DAY))
      .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', iso(now))]))
      .execute();
  }
}

export interface ThrottleEntry {
  kind: ThrottleKind;
  address: string | null;
  failures: number;
  /** Past its allowance: each further attempt waits (blockedUntil, while it lasts). */
  slowed: boolean;
  lastFailureAt: string | null;
  blockedUntil: string | null;
}

/** What is currently counted against a username (its pair, account and device subjects), newest first. */
export async function throttleEntries(
  db: Kysely<DB>,
  config: Config,
  username: string,
  now = Date.now(),
): Promise<ThrottleEntry[]> {
  const rows = await db
    .selectFrom('login_throttle')
    .select(['kind', 'address', 'failures', 'first_failure_at', 'last_failure_at', 'blocked_until', 'key'])
    .where('username', '=', username)
    .orderBy('last_failure_at', 'desc')
    .execute();
  return rows
    .map((r) => ({ r, policy: policyOf(r.kind, config), live: liveFailures(r, policyOf(r.kind, config), now) }))
    .filter(({ live }) => live > 0)
    .map(({ r, policy, live }) => ({
      kind: r.kind,
      address: r.address,
      failures: live,
      slowed: policy.window ? live >= policy.free : live > policy.free,
      lastFailureAt: r.last_failure_at,
      blockedUntil: ms(r.blocked_until) > now ? r.blocked_until : null,
    }));
}

export async function clearThrottle(db: Kysely<DB> | Transaction<DB>, username: string): Promise<number> {
  const result = await db.deleteFrom('login_throttle').where('username', '=', username).executeTakeFirst();
  return Number(result.numDeletedRows);
}
