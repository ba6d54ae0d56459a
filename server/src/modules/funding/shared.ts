import { type Kysely, sql, type Transaction } from 'kysely';
import { type Actor, ROOT_PATH } from '../../core/actor';
import { conflict, notFound } from '../../core/errors';
import type { Context } from '../../core/module';
import { inScope } from '../../core/scope';
import type { DB } from '../../db/types';

/** What every funding sub-area shares: unit look-ups by scope, the Shanghai calendar, the balance and its lock. */
export type Db = Kysely<DB> | Transaction<DB>;
export type Ctx = Pick<Context, 'db'>;

export interface FundingUnit {
  id: number;
  path: string;
  name: string;
  parentId: number | null;
  parentPath: string | null;
  parentName: string | null;
}

/** A unit whose funding the actor may see (funding.view over it); out of reach is 404, so it is not revealed. */
export async function visibleUnit(db: Db, actor: Actor, unitId: number): Promise<FundingUnit> {
  const unit = await db
    .selectFrom('org_unit as u')
    .leftJoin('org_unit as p', 'p.id', 'u.parent_id')
    .select(['u.id', 'u.path', 'u.name', 'u.parent_id as parentId', 'p.path as parentPath', 'p.name as parentName'])
    .where('u.id', '=', unitId)
    .where('u.closed_at', 'is', null)
    .where((eb) => inScope(eb, 'u.path', actor, 'funding.view'))
    .executeTakeFirst();
  if (!unit) throw notFound('组织');
  return unit;
}

/** The committee at the top of the tree: where the school's budget enters and whose office sets the rules. */
export async function rootUnit(db: Db) {
  const root = await db
    .selectFrom('org_unit')
    .select(['id', 'path', 'name'])
    .where('parent_id', 'is', null)
    .where('closed_at', 'is', null)
    .orderBy('id')
    .executeTakeFirst();
  if (!root) throw notFound('党委');
  return root;
}

const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });
/** Today's date in Asia/Shanghai, YYYY-MM-DD. */
export const todayInShanghai = (now = new Date()) => SHANGHAI_DAY.format(now);
export const yearOf = (day: string) => Number(day.slice(0, 4));

/**
 * A unit's holdings for a year: what it received, minus what it passed down, minus its expenses that are not
 * rejected (pending ones are reserved). Computed by the same SQL function the database's balance trigger uses.
 */
export async function balanceOf(db: Db, unitId: number, year: number): Promise<number> {
  const { rows } = await sql<{
    balance: number;
  }>`select funding_balance(${unitId}, ${year})::bigint as balance`.execute(db);
  return Number(rows[0]?.balance ?? 0);
}

/**
 * Serialises every write that lowers one unit's balance (an expense, an allocation out, the reversal of an
 * allocation in): two concurrent spends cannot both see the same money. Released when the transaction ends.
 */
export async function lockUnitFunds(trx: Transaction<DB>, unitId: number) {
  await sql`select pg_advisory_xact_lock(6600, ${unitId}::int)`.execute(trx);
}

/** ¥ with two decimals, for messages. */
export const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

/** The refusal of any write that would leave the unit with less than nothing. */
export const insufficientFunds = (unitName: string, year: number, available: number, wanted: number) =>
  conflict(
    'INSUFFICIENT_FUNDS',
    `「${unitName}」${year} 年度经费余额不足：可用 ${yuan(available)}，本次需要 ${yuan(wanted)}`,
    { available, wanted },
  );

/**
 * Runs a funding write; the database's own balance check (a trigger, SQLSTATE P0460) is the last line behind
 * the service's check and answers as the same 409 rather than a 500.
 */
export async function guardBalance<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if ((error as { code?: string }).code === 'P0460')
      throw conflict('INSUFFICIENT_FUNDS', '经费余额不足：该操作会使余额为负，已拒绝');
    throw error;
  }
}

/** The year's confirmed rules, or 409: money moves only in a year whose standard has been confirmed. */
export async function confirmedRule(db: Db, year: number) {
  const rule = await db.selectFrom('funding_rule').selectAll().where('year', '=', year).executeTakeFirst();
  if (!rule?.confirmed_at)
    throw conflict('RULE_NOT_CONFIRMED', `${year} 年度经费标准尚未确认，确认后才能下拨和登记支出`);
  return rule;
}

/** "中共…委员会 / 文学院党总支 / 文学院本科生第一党支部": a unit's names from the top, for lists and exports. */
export const unitPathNames = (unitAlias: string) =>
  sql<string>`(select string_agg(a.name, ' / ' order by a.depth) from org_unit a where ${sql.ref(`${unitAlias}.path`)} like a.path || '%')`;

/** The same scope test as inScope, for raw SQL: the column lies under one of `paths`. */
export function pathsUnder(column: string, paths: string[]) {
  if (paths.length === 0) return sql<boolean>`false`;
  if (paths.includes(ROOT_PATH)) return sql<boolean>`true`;
  return sql<boolean>`(${sql.join(
    paths.map((p) => sql`${sql.ref(column)} like ${`${p}%`}`),
    sql` or `,
  )})`;
}
