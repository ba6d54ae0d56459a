import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../db/types';

/**
 * A fixed-window counter kept in the database, so every server process sees the same count.
 * Returns true when this hit is within `limit` for the window.
 */
export async function hit(db: Kysely<DB>, key: string, limit: number, windowSeconds: number): Promise<boolean> {
  const row = await sql<{ hits: number }>`
    insert into rate_limit (key, window_start, hits) values (${key}, now(), 1)
    on conflict (key) do update set
      hits = case when rate_limit.window_start < now() - make_interval(secs => ${windowSeconds}) then 1 else rate_limit.hits + 1 end,
      window_start = case when rate_limit.window_start < now() - make_interval(secs => ${windowSeconds}) then now() else rate_limit.window_start end
    returning hits`.execute(db);
  return row.rows[0].hits <= limit;
}

export async function clearHits(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('rate_limit').where('key', '=', key).execute();
}
