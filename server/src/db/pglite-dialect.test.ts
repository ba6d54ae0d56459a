import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Database, openDatabase } from './database';

// STACK-NOTES pitfall 1: on PGlite's single session, two transactions must never interleave.
let database: Database;
beforeAll(async () => {
  database = await openDatabase({});
  await sql`create table t (id int primary key, v text)`.execute(database.db);
});
afterAll(() => database.close());

it('does not let a rolled-back transaction leak rows into a concurrent one', async () => {
  const failing = database.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('t' as never)
      .values({ id: 1, v: 'rolled back' } as never)
      .execute();
    await new Promise((r) => setTimeout(r, 20));
    throw new Error('boom');
  });
  const reader = database.db.transaction().execute(async (trx) => {
    const rows = await sql<{ n: number }>`select count(*)::int as n from t`.execute(trx);
    return rows.rows[0].n;
  });
  await expect(failing).rejects.toThrow('boom');
  expect(await reader).toBe(0);
  const after = await sql<{ n: number }>`select count(*)::int as n from t`.execute(database.db);
  expect(after.rows[0].n).toBe(0);
});

it('runs many concurrent transactions one after another without losing updates', async () => {
  await sql`insert into t values (2, '0')`.execute(database.db);
  await Promise.all(
    Array.from({ length: 50 }, () =>
      database.db.transaction().execute(async (trx) => {
        const row = await sql<{ v: string }>`select v from t where id = 2`.execute(trx);
        await sql`update t set v = ${String(Number(row.rows[0].v) + 1)} where id = 2`.execute(trx);
      }),
    ),
  );
  const row = await sql<{ v: string }>`select v from t where id = 2`.execute(database.db);
  expect(row.rows[0].v).toBe('50');
});

it('returns the same JS shapes as pg: counts as numbers, timestamps as ISO strings, dates as plain dates', async () => {
  const r = await sql<{
    n: number;
    at: string;
    d: string;
  }>`select count(*) as n, now() as at, date '2026-11-27' as d from t`.execute(database.db);
  expect(typeof r.rows[0].n).toBe('number');
  expect(r.rows[0].at).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
  expect(r.rows[0].d).toBe('2026-11-27');
});
