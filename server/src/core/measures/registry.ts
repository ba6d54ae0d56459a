import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type RawBuilder,
  sql,
} from 'kysely';
import type { DB } from '../../db/types';
import { checkMeasure, type Measure, type MeasureFilter } from './measure';

export interface RegisteredMeasure extends Measure {
  /** The module that declared it. */
  module: string;
}

// Compiles a declaration's SQL without a database, so the registry can read which tables a measure touches.
const compiler = new Kysely<unknown>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});
const SAMPLE: MeasureFilter = { unitPath: '/1/', from: '2026-01-01T00:00:00+08:00', to: '2027-01-01T00:00:00+08:00' };

/**
 * The one registry of measures, built from the module manifests at start-up. A duplicate key or a measure over
 * log-ins, clicks, likes, page views or study minutes stops the build (MeasureRefused).
 */
export class MeasureRegistry {
  private readonly byKey = new Map<string, RegisteredMeasure>();

  constructor(modules: readonly { name: string; measures?: readonly Measure[] }[]) {
    for (const mod of modules) {
      for (const m of mod.measures ?? []) {
        checkMeasure(m, m.rows(SAMPLE).compile(compiler).sql);
        if (this.byKey.has(m.key)) throw new Error(`指标键名重复：${m.key}`);
        this.byKey.set(m.key, { ...m, module: mod.name });
      }
    }
  }

  all(): RegisteredMeasure[] {
    return [...this.byKey.values()];
  }

  get(key: string): RegisteredMeasure | undefined {
    return this.byKey.get(key);
  }
}

/** The value, computed in the database from the measure's own rows. */
export function valueSql(m: Measure, f: MeasureFilter): RawBuilder<{ value: number | null; rowCount: number }> {
  const agg = {
    count: sql`count(*)::float8`,
    sum: sql`coalesce(sum(r.amount), 0)::float8`,
    avg: sql`avg(r.amount)::float8`,
    ratio: sql`sum(r.num)::float8 / nullif(sum(r.den), 0)::float8`,
  }[m.aggregate];
  return sql`select ${agg} as value, count(*)::int as "rowCount" from (${m.rows(f)}) r`;
}

export async function measureValue(db: Kysely<DB>, m: Measure, f: MeasureFilter) {
  const { rows } = await valueSql(m, f).execute(db);
  const row = rows[0] as { value: number | null; rowCount: number };
  return { value: row.value === null ? null : Number(row.value), rowCount: Number(row.rowCount) };
}

/** The rows behind the value, in id order; `limit` null returns them all (exports, the registry check). */
export async function measureRows(
  db: Kysely<DB>,
  m: Measure,
  f: MeasureFilter,
  page: { limit: number | null; offset: number },
) {
  const limit = page.limit === null ? sql`` : sql`limit ${page.limit} offset ${page.offset}`;
  const { rows } = await sql<Record<string, unknown>>`select * from (${m.rows(f)}) r order by r.id ${limit}`.execute(
    db,
  );
  return rows;
}
