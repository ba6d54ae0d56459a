import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { POOR_RATING_MAX, type RatingVia } from '@pioneer/domain';
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../core/actor';
import { forbidden, notFound } from '../../core/errors';
import type { Context } from '../../core/module';
import { hit } from '../../core/rate-limit';
import type { DB } from '../../db/types';
import * as tell from './demands.notify';
import { canRateAsAccount } from './demands.policy';
import * as repo from './demands.repository';
import { applyTransition, type By, ensure } from './demands.transition';
import { rateLimited } from './intake.service';

type Ctx = Pick<Context, 'db'>;
type Db = Kysely<DB> | Transaction<DB>;
type Trx = Transaction<DB>;

/** Public rating attempts per IP address per hour (tracking codes and links are not to be guessed at). */
export const RATE_LIMIT = { hits: 30, windowSeconds: 3600 };

/**
 * The HMAC key for rating links lives in the database, so every server process signs and checks alike and a
 * restart does not invalidate the links already sent.
 */
async function signingKey(db: Db): Promise<string> {
  await db
    .insertInto('demand_signing_key')
    .values({ name: 'rating-link', secret: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db
    .selectFrom('demand_signing_key')
    .select('secret')
    .where('name', '=', 'rating-link')
    .executeTakeFirstOrThrow();
  return row.secret;
}

const mac = (secret: string, id: number, round: number) =>
  createHmac('sha256', secret).update(`demand-rating:${id}:${round}`).digest('base64url').slice(0, 32);

/** A link for rating one round of one need without signing in: `/rate/<id>.<round>.<signature>`. */
export async function ratingLinkPath(db: Db, id: number, round: number) {
  return `/rate/${id}.${round}.${mac(await signingKey(db), id, round)}`;
}

export async function verifyRatingToken(db: Db, token: string): Promise<{ id: number; round: number } | null> {
  const m = /^(\d{1,9})\.(\d{1,4})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!m) return null;
  const [id, round] = [Number(m[1]), Number(m[2])];
  const expected = Buffer.from(mac(await signingKey(db), id, round));
  const given = Buffer.from(m[3] as string);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { id, round } : null;
}

/**
 * Records the requester's rating of the current round and attributes it to the unit, team (by id when a team
 * claimed it) and members who served
 * (those who logged minutes; else those assigned). A poor rating reopens the need for review in a new round.
 */
async function recordRating(
  trx: Trx,
  by: By,
  row: repo.DemandRow,
  input: { score: number; comment: string },
  via: RatingVia,
) {
  ensure(row, 'rate');
  const served = await trx
    .selectFrom('demand_service')
    .select('person_id')
    .where('demand_id', '=', row.id)
    .where('round', '=', row.round)
    .execute();
  const memberIds = served.length ? served.map((s) => s.person_id) : [...row.assigneeIds];
  const rating = await trx
    .insertInto('demand_rating')
    .values({
      demand_id: row.id,
      round: row.round,
      score: input.score,
      comment: input.comment,
      via,
      rated_by: by.actor?.personId ?? null,
      unit_id: row.claimUnitId,
      team: row.claimTeam,
      team_id: row.claimTeamId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (memberIds.length) {
    await trx
      .insertInto('demand_rating_member')
      .values(memberIds.map((person_id) => ({ rating_id: rating.id, person_id })))
      .execute();
  }
  const poor = input.score <= POOR_RATING_MAX;
  const result = await applyTransition(trx, by, row, 'rate', {
    score: input.score,
    patch: { last_rating_score: input.score, ...(poor ? { round: row.round + 1 } : {}) },
    note: `满意度评价：${input.score} 分${input.comment ? `，「${input.comment}」` : ''}${poor ? '；需求已退回复核' : ''}`,
  });
  await tell.rated(trx, row, input.score, memberIds, poor);
  return {
    ...result,
    ratingId: rating.id,
    attributedTo: { unitId: row.claimUnitId, team: row.claimTeam, teamId: row.claimTeamId, memberIds },
  };
}

export const rateAsAccount = (ctx: Ctx, actor: Actor, id: number, input: { score: number; comment: string }) =>
  ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findDemand(trx, actor, id);
    if (!row) throw notFound('服务需求');
    if (!canRateAsAccount(actor, repo.toRef(row))) throw forbidden('只有需求人本人可以评价');
    return recordRating(trx, { actor }, row, input, 'account');
  });

export async function rateByCode(ctx: Ctx, ip: string, code: string, input: { score: number; comment: string }) {
  if (!(await hit(ctx.db, `demand:rate:${ip}`, RATE_LIMIT.hits, RATE_LIMIT.windowSeconds))) throw rateLimited();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findDemandByCode(trx, code);
    if (!row) throw notFound('服务需求');
    return recordRating(trx, { actor: null, label: '需求人（凭查询码）' }, row, input, 'tracking_code');
  });
}

/** The need behind a signed link, or 404 for a link that is forged, mistyped, or for a round already past. */
export async function demandForLink(db: Db, token: string) {
  const proof = await verifyRatingToken(db, token);
  const row = proof ? await repo.findDemandById(db, proof.id) : undefined;
  if (!proof || !row) throw notFound('评价链接');
  return { row, round: proof.round };
}

export async function rateByLink(ctx: Ctx, ip: string, token: string, input: { score: number; comment: string }) {
  if (!(await hit(ctx.db, `demand:rate:${ip}`, RATE_LIMIT.hits, RATE_LIMIT.windowSeconds))) throw rateLimited();
  return ctx.db.transaction().execute(async (trx) => {
    const { row, round } = await demandForLink(trx, token);
    // A link rates the round it was made for; after a reopen the old link answers as already rated.
    if (round !== row.round) ensure({ state: 'rated' }, 'rate');
    return recordRating(trx, { actor: null, label: '需求人（凭评价链接）' }, row, input, 'signed_link');
  });
}
