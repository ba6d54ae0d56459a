import { type ExpressionBuilder, type Kysely, sql, type Transaction } from 'kysely';
import type { Actor } from '../../core/actor';
import { inScope } from '../../core/scope';
import type { DB } from '../../db/types';

type Db = Kysely<DB> | Transaction<DB>;
export type TransferDirection = 'incoming' | 'outgoing';

function base(db: Db) {
  return db
    .selectFrom('person_transfer as t')
    .innerJoin('person as p', 'p.id', 't.person_id')
    .innerJoin('org_unit as f', 'f.id', 't.from_unit_id')
    .innerJoin('org_unit as tu', 'tu.id', 't.to_unit_id')
    .innerJoin('person as rq', 'rq.id', 't.requested_by')
    .leftJoin('person as d', 'd.id', 't.decided_by')
    .select([
      't.id',
      't.person_id as personId',
      'p.name as personName',
      'p.staff_no as staffNo',
      'p.kind as personKind',
      'p.political_status as politicalStatus',
      't.from_unit_id as fromUnitId',
      'f.name as fromUnitName',
      'f.path as fromPath',
      't.to_unit_id as toUnitId',
      'tu.name as toUnitName',
      'tu.path as toPath',
      't.status',
      't.reason',
      'rq.name as requestedByName',
      't.created_at as requestedAt',
      'd.name as decidedByName',
      't.decision_note as decisionNote',
      't.decided_at as decidedAt',
    ]);
}
export type TransferRow = NonNullable<Awaited<ReturnType<typeof findTransfer>>>;

/** Outgoing: the sender's managers (people.manage over the old unit). Incoming: approvers of the new unit. */
function visible<D, T extends keyof D>(eb: ExpressionBuilder<D, T>, actor: Actor, direction?: TransferDirection) {
  const outgoing = inScope(eb, 'f.path', actor, 'people.manage');
  const incoming = inScope(eb, 'tu.path', actor, 'transfer.approve');
  if (direction === 'incoming') return incoming;
  if (direction === 'outgoing') return outgoing;
  return eb.or([incoming, outgoing]);
}

export interface TransferListQuery {
  direction?: TransferDirection;
  status?: string;
  limit: number;
  offset: number;
}

export async function listTransfers(db: Db, actor: Actor, q: TransferListQuery) {
  let query = base(db).where((eb) => visible(eb, actor, q.direction));
  if (q.status) query = query.where('t.status', '=', q.status);
  const [items, count] = await Promise.all([
    query.orderBy('t.id', 'desc').limit(q.limit).offset(q.offset).execute(),
    query.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: count.n };
}

export function findTransfer(db: Db, actor: Actor, id: number) {
  return base(db)
    .where('t.id', '=', id)
    .where((eb) => visible(eb, actor))
    .executeTakeFirst();
}

/** Serializes two deciders on the same request: the second sees the first one's decision. */
export function lockTransfer(trx: Db, id: number) {
  return trx.selectFrom('person_transfer').select(['id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Unscoped: shown on a profile the viewer may already read. */
export function pendingTransferOf(db: Db, personId: number) {
  return base(db).where('t.person_id', '=', personId).where('t.status', '=', 'pending').executeTakeFirst();
}

/** Unscoped: a transfer goes to a branch anywhere in the tree, usually outside the sender's own scope. */
export function findTargetUnit(db: Db, id: number) {
  return db
    .selectFrom('org_unit')
    .select(['id', 'name', 'path', 'type', 'closed_at as closedAt'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Open branches anywhere in the tree that a transfer could go to, with their parent's name. */
export function listTargets(db: Db, q: string | undefined, limit: number) {
  let query = db
    .selectFrom('org_unit as u')
    .leftJoin('org_unit as parent', 'parent.id', 'u.parent_id')
    .select(['u.id', 'u.name', 'u.type', 'u.branch_kind as branchKind', 'parent.name as parentName'])
    .where('u.type', 'in', ['branch', 'direct_branch'])
    .where('u.closed_at', 'is', null);
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, '\\$&')}%`;
    query = query.where((eb) => eb.or([eb('u.name', 'ilike', like), eb('parent.name', 'ilike', like)]));
  }
  return query.orderBy('u.path').limit(limit).execute();
}

/** The person's unit right now, read under the transfer's lock. */
export function currentUnitOf(db: Db, personId: number) {
  return db
    .selectFrom('person')
    .select(['unit_id as unitId', 'political_status as politicalStatus'])
    .where('id', '=', personId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}
