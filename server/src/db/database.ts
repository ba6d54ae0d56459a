import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { type Listen, pgliteListen, postgresListen } from './listen';
import { PGliteDialect } from './pglite-dialect';
import type { DB } from './types';

export type Engine = 'pglite' | 'postgres';
export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** Subscribes to a NOTIFY channel; see listen.ts. */
  listen: Listen;
  close(): Promise<void>;
}

// Both engines hand back the same JS shapes: timestamps as ISO strings, dates as 'YYYY-MM-DD',
// bigint counts as numbers (pg gives "10", PGlite 10 — STACK-NOTES pitfall 2).
const TIMESTAMPTZ = 1184;
const TIMESTAMP = 1114;
const DATE = 1082;
const INT8 = 20;
const NUMERIC = 1700;
const toIso = (v: string) => new Date(v).toISOString();
const PARSERS: Record<number, (v: string) => unknown> = {
  [TIMESTAMPTZ]: toIso,
  [TIMESTAMP]: toIso,
  [DATE]: (v) => v,
  [INT8]: Number,
  [NUMERIC]: Number,
};
for (const [oid, parse] of Object.entries(PARSERS)) pg.types.setTypeParser(Number(oid), parse);

export async function openDatabase(opts: { url?: string; dataDir?: string; poolSize?: number }): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    // An idle client cut off by the server (restart, admin command) must not crash the process; the pool replaces it.
    pool.on('error', (err) => console.error('PostgreSQL 空闲连接出错：', err.message));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    const listener = postgresListen(opts.url);
    return {
      db,
      engine: 'postgres',
      listen: listener.listen,
      close: async () => {
        await listener.close();
        await db.destroy();
      },
    };
  }
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const pglite = await PGlite.create(opts.dataDir, { parsers: PARSERS });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    engine: 'pglite',
    listen: pgliteListen(pglite, db),
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}
