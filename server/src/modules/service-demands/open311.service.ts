import { createHash, randomBytes } from 'node:crypto';
import { type DemandState, DONE_STATES, FINAL_STATES } from '@pioneer/domain';
import { type Kysely, sql } from 'kysely';
import { type Actor, scopePaths } from '../../core/actor';
import { recordAudit } from '../../core/audit/audit';
import { forbidden, notFound } from '../../core/errors';
import type { Context } from '../../core/module';
import { hit } from '../../core/rate-limit';
import type { DB } from '../../db/types';
import { clockFor } from './demands.present';
import * as repo from './demands.repository';
import { insertDemand, PUBLIC_LIMIT } from './intake.service';
import { Open311Error } from './open311.errors';
import { type PostBody, possibleCode, possibleId } from './open311.input';

type Ctx = Pick<Context, 'db'>;

/** Keyed clients may send more than an anonymous caller. */
export const KEYED_LIMIT = { hits: 600, windowSeconds: 3600 };
const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

export const CLOSED_STATES: readonly DemandState[] = [...new Set([...DONE_STATES, ...FINAL_STATES])];
/** Until triage has reviewed the text, a request is listed without its description and address. */
const REVIEWED = (s: string) => !['submitted', 'triaged', 'rejected', 'merged', 'withdrawn'].includes(s);

export async function services(db: Kysely<DB>) {
  const rows = await db
    .selectFrom('demand_category')
    .select(['code', 'name', 'description', 'grp', 'required_skills'])
    .where('active', '=', true)
    .orderBy('grp')
    .orderBy('id')
    .execute();
  return rows.map((c) => ({
    service_code: c.code,
    service_name: c.name,
    description: c.description,
    metadata: false,
    type: 'realtime',
    keywords: c.required_skills.join(','),
    group: c.grp,
  }));
}

/** GET services/{code}: our categories have no extra attributes; an unknown or impossible code is a 404. */
export async function serviceDefinition(db: Kysely<DB>, code: string) {
  const found = possibleCode(code) ? (await services(db)).find((s) => s.service_code === code) : undefined;
  if (!found) throw new Open311Error(404, `service_code 不存在：${code.slice(0, 60)}`);
  return { service_code: found.service_code, attributes: [] };
}

/** Discovery's changeset moves whenever the service list or a service definition changes (Service Discovery). */
export async function changeset(db: Kysely<DB>) {
  const row = await db
    .selectFrom('demand_category')
    .select((eb) => eb.fn.max('updated_at').as('latest'))
    .executeTakeFirst();
  return row?.latest ? new Date(row.latest).toISOString() : '2026-01-01T00:00:00.000Z';
}

async function client(ctx: Ctx, ip: string, apiKey: string | undefined) {
  if (apiKey) {
    const found = await ctx.db
      .selectFrom('open311_client')
      .select(['id', 'name'])
      .where('key_hash', '=', hashKey(apiKey))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!found) throw new Open311Error(403, 'api_key 无效或已停用');
    if (!(await hit(ctx.db, `open311:client:${found.id}`, KEYED_LIMIT.hits, KEYED_LIMIT.windowSeconds))) {
      throw new Open311Error(429, '请求过于频繁，请稍后再试');
    }
    return found;
  }
  if (!(await hit(ctx.db, `open311:ip:${ip}`, PUBLIC_LIMIT.hits, PUBLIC_LIMIT.windowSeconds))) {
    throw new Open311Error(429, '请求过于频繁，请稍后再试');
  }
  return null;
}

/** POST requests.json: a society need from a municipal or community system. */
export async function createRequest(ctx: Ctx, ip: string, input: PostBody) {
  const from = await client(ctx, ip, input.api_key);
  const cat = possibleCode(input.service_code)
    ? await ctx.db
        .selectFrom('demand_category')
        .select(['id', 'name'])
        .where('code', '=', input.service_code)
        .where('active', '=', true)
        .executeTakeFirst()
    : undefined;
  // The spec's answer to an unknown service_code is 404, as for GET services/{code}.
  if (!cat) throw new Open311Error(404, `service_code 不存在：${input.service_code.slice(0, 60)}`);
  const hasPoint = input.lat !== undefined && input.long !== undefined;
  if (!hasPoint && !input.address_string && !input.address_id) {
    throw new Open311Error(400, '缺少位置：须提供 lat 与 long、address_string 或 address_id 之一');
  }
  const name = [input.last_name, input.first_name].filter(Boolean).join('') || '匿名';
  const place = input.address_string ?? '';
  const created = await ctx.db.transaction().execute((trx) =>
    insertDemand(
      trx,
      { actor: null, label: `${from ? from.name : '匿名调用方'}（Open311）` },
      {
        title: `${cat.name}${place ? ` · ${place}` : ''}`.slice(0, 100),
        description: input.description || cat.name,
        category_id: cat.id,
        audience: 'society',
        channel: 'open311',
        location: place,
        lat: input.lat ?? null,
        long: input.long ?? null,
        address_id: input.address_id ?? null,
        zipcode: input.zipcode ?? null,
        media_url: input.media_url ?? null,
        requester_name: name,
        requester_phone: input.phone ?? null,
        requester_email: input.email ?? null,
        open311_client_id: from?.id ?? null,
      },
    ),
  );
  return [
    {
      service_request_id: String(created.id),
      service_notice: created.dueAt ? `将于 ${created.dueAt} 前完成受理分拣` : '',
      account_id: input.account_id ?? null,
    },
  ];
}

export function toRequest(row: repo.DemandRow & { code: string | null; statusNotes: string | null }) {
  const reviewed = REVIEWED(row.state);
  return {
    service_request_id: String(row.id),
    status: CLOSED_STATES.includes(row.state as DemandState) ? 'closed' : 'open',
    status_notes: row.statusNotes ?? '',
    service_name: row.categoryName,
    service_code: row.code ?? '',
    description: reviewed ? row.description : '',
    agency_responsible: row.responsibleUnitName,
    service_notice: '',
    requested_datetime: row.submittedAt,
    // The row's updated_at is the transaction's start, a moment before submitted_at is taken: never show it earlier.
    updated_datetime: Date.parse(row.updatedAt) < Date.parse(row.submittedAt) ? row.submittedAt : row.updatedAt,
    expected_datetime: clockFor(row)?.dueAt ?? null,
    address: reviewed ? row.location : '',
    address_id: row.addressId,
    zipcode: row.zipcode,
    lat: row.lat,
    long: row.long,
    media_url: row.mediaUrl,
  };
}

export interface Open311Query {
  /** As given: ids that cannot exist (not a number, too long) match nothing. */
  ids?: string[];
  codes?: string[];
  start?: string;
  end?: string;
  statuses?: ('open' | 'closed')[];
}

/**
 * GET requests: by ids (then every other argument is ignored), or by codes and status within a window of
 * requested_datetime (default the last 90 days), newest first, at most 1000.
 */
export async function findRequests(db: Kysely<DB>, q: Open311Query) {
  const ids = q.ids ? [...new Set(q.ids.filter(possibleId).map(Number))].slice(0, 1000) : undefined;
  const codes = q.ids ? undefined : q.codes?.filter(possibleCode);
  if (ids?.length === 0 || codes?.length === 0) return [];
  let query = repo
    .base(db)
    .select(repo.COLUMNS)
    .select(['cat.code as code'])
    .select(
      sql<
        string | null
      >`(select e.note from demand_event e where e.demand_id = d.id and e.public and e.note <> '' order by e.id desc limit 1)`.as(
        'statusNotes',
      ),
    )
    .select(sql<number[]>`'{}'::int[]`.as('assigneeIds'))
    // A GeoReport request always has a service_code: needs not yet given a category are not service requests yet.
    .where('d.category_id', 'is not', null);
  if (ids) {
    query = query.where('d.id', 'in', ids);
  } else {
    const end = q.end ?? new Date().toISOString();
    const start = q.start ?? new Date(Date.parse(end) - 90 * 86_400_000).toISOString();
    query = query.where('d.submitted_at', '>=', start).where('d.submitted_at', '<=', end);
    if (codes) query = query.where('cat.code', 'in', codes);
    if (q.statuses?.length === 1) {
      query = query.where('d.state', q.statuses[0] === 'closed' ? 'in' : 'not in', CLOSED_STATES as DemandState[]);
    }
  }
  const rows = await query.orderBy('d.submitted_at', 'desc').orderBy('d.id', 'desc').limit(1000).execute();
  return rows.map(toRequest);
}

// ---- API keys for municipal and community systems, managed by the organization department

const mayManageClients = (actor: Actor) => scopePaths(actor, 'demand.category.manage').length > 0;

export async function listClients(ctx: Ctx, actor: Actor) {
  if (!mayManageClients(actor)) throw forbidden('只有党委组织部可以管理 Open311 接入方');
  return ctx.db
    .selectFrom('open311_client')
    .select(['id', 'name', 'created_at as createdAt', 'revoked_at as revokedAt'])
    .orderBy('id')
    .execute();
}

/** The key is shown once; only its hash is kept. */
export async function createClient(ctx: Ctx, actor: Actor, name: string) {
  if (!mayManageClients(actor)) throw forbidden('只有党委组织部可以管理 Open311 接入方');
  const apiKey = randomBytes(24).toString('base64url');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('open311_client')
      .values({ name, key_hash: hashKey(apiKey), created_by: actor.personId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'open311_client.created',
      entityType: 'open311_client',
      entityId: row.id,
      unitPath: null,
      after: { name },
    });
    return { id: row.id, name, apiKey };
  });
}

export async function revokeClient(ctx: Ctx, actor: Actor, id: number) {
  if (!mayManageClients(actor)) throw forbidden('只有党委组织部可以管理 Open311 接入方');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('open311_client')
      .select(['id', 'revoked_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('接入方');
    if (row.revoked_at) return { id, revokedAt: row.revoked_at };
    const revokedAt = new Date().toISOString();
    await trx.updateTable('open311_client').set({ revoked_at: revokedAt }).where('id', '=', id).execute();
    await recordAudit(trx, actor, {
      action: 'open311_client.revoked',
      entityType: 'open311_client',
      entityId: id,
      unitPath: null,
    });
    return { id, revokedAt };
  });
}
