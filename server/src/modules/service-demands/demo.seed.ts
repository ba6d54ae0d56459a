import { createHash } from 'node:crypto';
import {
  clockOf,
  type DemandAction,
  type DemandAudience,
  type DemandChannel,
  type DemandState,
  POOR_RATING_MAX,
  transition,
} from '@pioneer/domain';
import { type Insertable, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/types';
import { Rng, WeightedTable } from '../../seed/demo-names';
import type { LoadedDemo } from '../../seed/load-demo';
import { DEMO_CATEGORIES } from './demo.catalog';
import { applyStep } from './demo.steps';
import { type DemoNeed, DemoWorld } from './demo.world';
import type { DemandTable } from './service-demands.tables';

/** Needs per demo size: tens for the small school every test file loads, thousands for the board benchmark. */
const NEEDS = { small: 60, standard: 400, large: 20_000 };
/** A known key for the demo Open311 client, documented in docs/open311.md. Demo data only. */
export const DEMO_OPEN311_KEY = 'demo-open311-key';
const CHUNK = 1000;

const STATES = new WeightedTable<DemandState>([
  ['submitted', 6],
  ['triaged', 4],
  ['published', 10],
  ['claimed', 6],
  ['in_progress', 6],
  ['completed', 8],
  ['rated', 25],
  ['reopened', 2],
  ['closed', 18],
  ['merged', 2],
  ['rejected', 4],
  ['withdrawn', 3],
  ['expired', 3],
]);
const AUDIENCES = new WeightedTable<DemandAudience>([
  ['staff', 30],
  ['student', 35],
  ['society', 35],
]);
const SOCIETY_CHANNELS = new WeightedTable<DemandChannel>([
  ['public', 50],
  ['open311', 20],
  ['officer', 20],
  ['contact_visit', 10],
]);
const SERVICE: DemandAction[] = ['triage', 'publish', 'claim'];

/** The steps from `submitted` to the target state, checked against the state machine as they are written. */
function pathTo(rng: Rng, target: DemandState): DemandAction[] {
  const served: DemandAction[] = [...SERVICE, 'start', 'complete'];
  const paths: Record<DemandState, DemandAction[]> = {
    submitted: [],
    triaged: ['triage'],
    published: ['triage', 'publish'],
    claimed: SERVICE,
    in_progress: [...SERVICE, 'start'],
    completed: served,
    rated: [...served, 'rate'],
    reopened: [...served, 'rate'],
    closed: rng.chance(0.75) ? [...served, 'rate', 'close'] : [...served, 'close'],
    merged: rng.chance(0.5) ? ['merge'] : ['triage', 'merge'],
    rejected: rng.chance(0.5) ? ['reject'] : ['triage', 'reject'],
    withdrawn: rng.chance(0.5) ? ['withdraw'] : ['triage', 'publish', 'withdraw'],
    expired: ['triage', 'publish', 'expire'],
  };
  return paths[target];
}

const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The demo's calendar, relative to the day it is loaded: a year of needs up to two hours ago. Active needs are
 * from the last three weeks, needs completed and awaiting their rating from the last six days (inside the
 * 14-day rating window, so the clock sweep does not close them minutes after the first start), finished ones
 * spread over the year. Wanted dates of open needs lie ahead, so they do not expire at once either.
 */
export function demoCalendar(now = Date.now()) {
  const recentEnd = Math.floor(now / HOUR) * HOUR - 2 * HOUR;
  return { yearStart: recentEnd - 325 * DAY, recentEnd };
}

function generate(world: DemoWorld, rng: Rng, n: number, calendar = demoCalendar()): DemoNeed[] {
  const { yearStart: YEAR_START, recentEnd: RECENT_END } = calendar;
  const today = iso(RECENT_END).slice(0, 10);
  const needs: DemoNeed[] = [];
  for (let i = 0; i < n; i++) {
    const target = world.fixedTarget(i) ?? rng.weighted(STATES);
    const audience = world.fixedAudience(i) ?? rng.weighted(AUDIENCES);
    const channel: DemandChannel =
      world.fixedChannel(i) ??
      (audience === 'society' ? rng.weighted(SOCIETY_CHANNELS) : rng.chance(0.6) ? 'self' : 'officer');
    const cat = world.pickCategory(rng, audience);
    const active = ['submitted', 'triaged', 'published', 'claimed', 'in_progress', 'reopened'].includes(target);
    // Completed, not yet rated: served in the last few days, so there is something left to rate.
    const awaitingRating = target === 'completed';
    let t = active
      ? rng.int(RECENT_END - 20 * DAY, RECENT_END - 2 * HOUR)
      : awaitingRating
        ? rng.int(RECENT_END - 6 * DAY, RECENT_END - 3 * DAY)
        : rng.int(YEAR_START, RECENT_END - 40 * DAY);
    const need = world.newNeed(rng, i, audience, channel, cat, iso(t));
    let state: DemandState = 'submitted';
    for (const planned of pathTo(rng, target)) {
      const action: DemandAction = planned === 'claim' && rng.chance(0.2) ? 'assign' : planned;
      // Steps of a need awaiting its rating are quick (at most 3 days in all), so it ends before today.
      t += rng.int(1, awaitingRating ? (action === 'complete' ? 24 : 12) : action === 'complete' ? 120 : 48) * HOUR;
      const score =
        action === 'rate'
          ? target === 'reopened'
            ? rng.int(1, POOR_RATING_MAX)
            : rng.weighted(world.goodScores)
          : undefined;
      const step = transition(state, action, { score });
      if (!step.ok) throw new Error(`demo need path invalid: ${action} from ${state}`);
      applyStep(world, rng, need, action, step.to, iso(t), score);
      state = step.to;
    }
    if (target === 'expired') need.demand.needed_on = iso(t - 24 * HOUR).slice(0, 10);
    // An open need whose wanted date has passed would expire at the first sweep: move the date three weeks on.
    const wanted = need.demand.needed_on;
    if (wanted && wanted < today && ['submitted', 'triaged', 'published'].includes(target))
      need.demand.needed_on = iso(Date.parse(`${wanted}T00:00:00Z`) + 21 * DAY).slice(0, 10);
    const clock = clockOf(
      state,
      {
        submittedAt: need.demand.submitted_at as string,
        reopenedAt: need.demand.rated_at,
        publishedAt: need.demand.published_at,
        claimedAt: need.demand.claimed_at,
      },
      need.limits,
    );
    need.demand.due_at = clock?.dueAt ?? null;
    need.demand.state = state;
    needs.push(need);
  }
  return needs;
}

async function chunks<T>(items: T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += CHUNK) await write(items.slice(i, i + CHUNK));
}

/**
 * A year of needs in every state and channel for the demo school, with their timelines, the members who served,
 * their minutes and the ratings. Deterministic for a given day (seeded PRNG, calendar relative to today), and written in bulk.
 */
export async function seedDemands(trx: Transaction<DB>, demo: LoadedDemo) {
  const people = demo.school.people.length;
  const size = people > 20_000 ? 'large' : people > 1_000 ? 'standard' : 'small';
  const rng = new Rng(20260301);
  const world = new DemoWorld(demo);

  const categoryIds = new Map<string, number>();
  for (const c of DEMO_CATEGORIES) {
    const row = await trx
      .insertInto('demand_category')
      .values({
        name: c.name,
        grp: c.group,
        code: c.code,
        description: c.needs.map(([t]) => t).join('；'),
        required_skills: c.skills,
        default_unit_id: c.code === 'tutoring' ? world.firstCollegeId() : null,
        triage_minutes: c.hours[0] * 60,
        claim_minutes: c.hours[1] * 60,
        complete_minutes: c.hours[2] * 60,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    categoryIds.set(c.code, row.id);
  }
  const client = await trx
    .insertInto('open311_client')
    .values({
      name: '栖霞区网格化服务平台（演示）',
      key_hash: createHash('sha256').update(DEMO_OPEN311_KEY).digest('hex'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  world.setIds(categoryIds, client.id);

  const needs = generate(world, rng, NEEDS[size]);
  const ids: number[] = [];
  await chunks(needs, async (chunk) => {
    const rows = await trx
      .insertInto('demand')
      .values(chunk.map((n) => n.demand as Insertable<DemandTable>))
      .returning(['id', 'tracking_code'])
      .execute();
    const byCode = new Map(rows.map((r) => [r.tracking_code, r.id]));
    for (const n of chunk) ids.push(byCode.get(n.demand.tracking_code) as number);
  });
  const idOf = (i: number) => ids[i] as number;
  await chunks(
    needs.flatMap((n, i) => n.events.map((e) => ({ ...e, demand_id: idOf(i) }))),
    (c) => trx.insertInto('demand_event').values(c).execute(),
  );
  await chunks(
    needs.flatMap((n, i) => n.assignees.map((a) => ({ ...a, demand_id: idOf(i) }))),
    (c) => trx.insertInto('demand_assignee').values(c).execute(),
  );
  await chunks(
    needs.flatMap((n, i) => n.services.map((s) => ({ ...s, demand_id: idOf(i) }))),
    (c) => trx.insertInto('demand_service').values(c).execute(),
  );
  const rated = needs.flatMap((n, i) => (n.rating ? [{ need: n, rating: n.rating, id: idOf(i) }] : []));
  await chunks(rated, async (chunk) => {
    const rows = await trx
      .insertInto('demand_rating')
      .values(chunk.map(({ rating, id }) => ({ ...rating.row, demand_id: id })))
      .returning(['id', 'demand_id'])
      .execute();
    const ratingOf = new Map(rows.map((r) => [r.demand_id, r.id]));
    const members = chunk.flatMap(({ rating, id }) =>
      rating.memberIds.map((person_id) => ({ rating_id: ratingOf.get(id) as number, person_id })),
    );
    if (members.length) await trx.insertInto('demand_rating_member').values(members).execute();
  });
  const merged = needs.flatMap((n, i) =>
    n.duplicateOfIndex === null ? [] : [[idOf(i), idOf(n.duplicateOfIndex)] as const],
  );
  if (merged.length) {
    const values = sql.join(merged.map(([id, of]) => sql`(${id}::int, ${of}::int)`));
    await sql`update demand set duplicate_of = v.of from (values ${values}) as v(id, of) where demand.id = v.id`.execute(
      trx,
    );
  }
}
