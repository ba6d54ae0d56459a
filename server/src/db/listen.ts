import type { PGlite } from '@electric-sql/pglite';
import type { Kysely } from 'kysely';
import pg from 'pg';
import type { DB } from './types';

/**
 * PostgreSQL's LISTEN/NOTIFY, for facts one server process must hear from another at once (a shift got a free
 * seat again). `message` gets each payload; `lost` runs when notifications may have been missed (the listening
 * connection dropped), so the subscriber can forget whatever it kept; `listening` runs each time the
 * subscription is (again) in place. The returned promise settles with the first subscription.
 */
export interface Subscriber {
  message: (payload: string) => void;
  lost?: () => void;
  listening?: () => void;
}
export type Listen = (channel: string, subscriber: Subscriber) => Promise<void>;

const assertChannel = (channel: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`invalid channel name: ${channel}`);
};

/** One dedicated connection per process (pooled connections cannot listen), reconnecting a second after a drop. */
export function postgresListen(url: string) {
  const subscribers = new Map<string, Subscriber[]>();
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let closed = false;
  /** Channels LISTENed on the current connection. */
  const active = new Set<string>();

  const lost = (dead: pg.Client) => {
    if (client !== dead) return;
    client = null;
    connecting = null;
    active.clear();
    for (const subs of subscribers.values()) for (const s of subs) s.lost?.();
    if (!closed) setTimeout(() => connect(true).catch(() => {}), 1000).unref();
  };
  const connect = (reconnecting = false) => {
    connecting ??= (async () => {
      const c = new pg.Client({ connectionString: url });
      c.on('notification', (m) => {
        for (const s of subscribers.get(m.channel) ?? []) s.message(m.payload ?? '');
      });
      c.on('error', () => lost(c));
      c.on('end', () => lost(c));
      client = c;
      try {
        await c.connect();
        for (const [channel, subs] of subscribers) {
          await c.query(`listen ${channel}`);
          active.add(channel);
          if (reconnecting) for (const s of subs) s.listening?.();
        }
      } catch (err) {
        c.end().catch(() => {});
        lost(c);
        throw err;
      }
      return c;
    })();
    return connecting;
  };

  const listen: Listen = async (channel, subscriber) => {
    assertChannel(channel);
    subscribers.set(channel, [...(subscribers.get(channel) ?? []), subscriber]);
    const c = await connect();
    if (!active.has(channel)) {
      await c.query(`listen ${channel}`);
      active.add(channel);
    }
    subscriber.listening?.();
  };
  const close = async () => {
    closed = true;
    const c = client;
    client = null;
    await c?.end().catch(() => {});
  };
  return { listen, close };
}

/**
 * The embedded engine is one process and one session. LISTEN runs while the dialect's single connection is
 * ours, so it never lands inside somebody's open transaction (where a rollback would undo it).
 */
export function pgliteListen(pglite: PGlite, db: Kysely<DB>): Listen {
  return async (channel, subscriber) => {
    assertChannel(channel);
    await db.connection().execute(() => pglite.listen(channel, subscriber.message));
    subscriber.listening?.();
  };
}
