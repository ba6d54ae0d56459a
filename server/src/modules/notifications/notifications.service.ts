import { type Permission, ROLE_PERMISSIONS, type RoleName } from '@pioneer/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Actor } from '../../core/actor';
import { recordAudit } from '../../core/audit/audit';
import { notFound } from '../../core/errors';
import type { DB } from '../../db/types';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * Who gets a notification: named people, or everyone holding `permission` through a live role grant — on a unit
 * covering `unitPath` (reach 'covering', the default: the people responsible for it), or on a unit inside it
 * (reach 'subtree': everyone below who could act on it).
 */
export type Recipients =
  | readonly number[]
  | { unitPath: string; permission: Permission; reach?: 'covering' | 'subtree' };

export interface NotifyInput {
  recipients: Recipients;
  /** A stable machine name, e.g. 'demand.claimed', so pages and filters can tell kinds apart. */
  kind: string;
  title: string;
  body?: string;
  /** A web path to open, e.g. '/demands/12'. */
  link?: string | null;
  /** People not to tell, typically the actor who caused the event. */
  except?: readonly number[];
}

const rolesWith = (permission: Permission) =>
  (Object.keys(ROLE_PERMISSIONS) as RoleName[]).filter((r) => ROLE_PERMISSIONS[r].includes(permission));

/** One notification row per named person (deduplicated, `except` left out). */
export function noticeRows(people: readonly number[], input: Omit<NotifyInput, 'recipients'>) {
  const except = input.except ?? [];
  const values = { kind: input.kind, title: input.title, body: input.body ?? '', link: input.link ?? null };
  return [...new Set(people)].filter((id) => !except.includes(id)).map((person_id) => ({ person_id, ...values }));
}

/**
 * Posts a notification inside the caller's transaction, so it exists exactly when the change it reports does.
 * Any module calls this; recipients by permission are resolved from live role grants whose unit covers the path.
 */
export async function notify(trx: Db, input: NotifyInput): Promise<number> {
  const except = input.except ?? [];
  const values = { kind: input.kind, title: input.title, body: input.body ?? '', link: input.link ?? null };
  if (Array.isArray(input.recipients)) {
    const rows = noticeRows(input.recipients as number[], input);
    if (rows.length === 0) return 0;
    await trx.insertInto('notification').values(rows).execute();
    return rows.length;
  }
  const { unitPath, permission, reach = 'covering' } = input.recipients as Exclude<Recipients, readonly number[]>;
  const roles = rolesWith(permission);
  if (roles.length === 0) return 0;
  const today = sql<string>`current_date`;
  const result = await trx
    .insertInto('notification')
    .columns(['person_id', 'kind', 'title', 'body', 'link'])
    .expression((eb) =>
      eb
        .selectFrom('role_grant as g')
        .innerJoin('org_unit as u', 'u.id', 'g.unit_id')
        .select([
          'g.person_id',
          sql<string>`${values.kind}::text`.as('kind'),
          sql<string>`${values.title}::text`.as('title'),
          sql<string>`${values.body}::text`.as('body'),
          sql<string | null>`${values.link}::text`.as('link'),
        ])
        .distinct()
        .where('g.role', 'in', roles)
        .where('g.revoked_at', 'is', null)
        .where('g.valid_from', '<=', today)
        .where((e) => e.or([e('g.valid_to', 'is', null), e('g.valid_to', '>=', today)]))
        .where('u.closed_at', 'is', null)
        .where(
          reach === 'covering'
            ? sql<boolean>`${unitPath} like u.path || '%'`
            : sql<boolean>`u.path like ${`${unitPath}%`}`,
        )
        .$if(except.length > 0, (q) => q.where('g.person_id', 'not in', except)),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export async function listFor(db: Db, actor: Actor, opts: { limit: number; unreadOnly: boolean }) {
  const items = await db
    .selectFrom('notification')
    .select(['id', 'kind', 'title', 'body', 'link', 'read_at as readAt', 'created_at as createdAt'])
    .where('person_id', '=', actor.personId)
    .$if(opts.unreadOnly, (q) => q.where('read_at', 'is', null))
    .orderBy('id', 'desc')
    .limit(opts.limit)
    .execute();
  const { unread } = await db
    .selectFrom('notification')
    .select(sql<number>`count(*)::int`.as('unread'))
    .where('person_id', '=', actor.personId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { items, unread };
}

/** Marks one of the actor's own notifications read; someone else's answers 404. Reading twice keeps the first time. */
export async function markRead(db: Kysely<DB>, actor: Actor, id: number) {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('notification')
      .select(['id', 'read_at'])
      .where('id', '=', id)
      .where('person_id', '=', actor.personId)
      .executeTakeFirst();
    if (!row) throw notFound('通知');
    if (row.read_at) return { id, readAt: row.read_at };
    const updated = await trx
      .updateTable('notification')
      .set({ read_at: sql<string>`now()` })
      .where('id', '=', id)
      .returning('read_at')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'notification.read',
      entityType: 'notification',
      entityId: id,
      unitPath: null,
    });
    return { id, readAt: updated.read_at };
  });
}

export async function markAllRead(db: Kysely<DB>, actor: Actor) {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('notification')
      .set({ read_at: sql<string>`now()` })
      .where('person_id', '=', actor.personId)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    const count = Number(result.numUpdatedRows);
    if (count > 0) {
      await recordAudit(trx, actor, {
        action: 'notification.read_all',
        entityType: 'person',
        entityId: actor.personId,
        unitPath: null,
        after: { count },
      });
    }
    return { count };
  });
}
