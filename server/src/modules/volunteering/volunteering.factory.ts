import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { loadConfig } from '../../config';
import { createSession } from '../../core/auth/sessions';
import { type Client, makeClient, type TestContext } from '../../test/harness';

/** Builders for volunteering tests (and other modules' tests that need volunteers or activities). */

export const unitId = (t: TestContext, code: string) => {
  const id = t.demo.unitIds.get(code.toLowerCase());
  if (!id) throw new Error(`no demo unit ${code}`);
  return id;
};

const at = (minutesFromNow: number) => new Date(Date.now() + minutesFromNow * 60_000).toISOString();

export { at as minutesFromNow };

/** A valid activity input whose sign-up is open now; shifts start `startIn` minutes from now. */
export function activityBody(
  unit: number,
  overrides: Record<string, unknown> = {},
  opts: { startIn?: number; capacity?: number; shifts?: number } = {},
) {
  const startIn = opts.startIn ?? 120;
  return {
    title: '社区敬老志愿服务',
    description: '陪伴老人、整理活动室',
    category: 'elderly',
    unitId: unit,
    place: '仙林街道文苑社区活动中心',
    signupOpensAt: at(-60),
    signupClosesAt: at(startIn - 1),
    shifts: Array.from({ length: opts.shifts ?? 1 }, (_, i) => ({
      post: `岗位${i + 1}`,
      startsAt: at(startIn + i * 120),
      endsAt: at(startIn + i * 120 + 90),
      capacity: opts.capacity ?? 5,
    })),
    ...overrides,
  };
}

export async function createActivity(client: Client, body: Record<string, unknown>) {
  const res = await client.post('/api/volunteer/activities', body);
  if (res.status !== 201) throw new Error(`创建活动失败：${res.status} ${JSON.stringify(res.body)}`);
  const detail = await client.get(`/api/volunteer/activities/${res.body.id}`);
  return { id: res.body.id as number, shiftIds: detail.body.shifts.map((s: { id: number }) => s.id) as number[] };
}

/** Registers the signed-in person as a volunteer unless they already are. */
export async function ensureRegistered(client: Client) {
  const res = await client.post('/api/volunteer/registration', {
    skills: [],
    availability: ['weekend'],
    serviceAreas: ['elderly'],
    insured: true,
  });
  if (res.status !== 201 && res.body?.error?.code !== 'ALREADY_REGISTERED') throw new Error(`注册失败：${res.status}`);
}

/**
 * `n` registered volunteers with live sessions, made directly in the database (logging in through the API
 * would hash a password per person). People are taken from `unitPath`'s subtree, members first.
 */
export async function volunteerClients(
  t: TestContext,
  n: number,
  unitPath = '/',
): Promise<{ personId: number; client: Client }[]> {
  const db = t.database.db;
  const people = await db
    .selectFrom('person as p')
    .innerJoin('org_unit as u', 'u.id', 'p.unit_id')
    .leftJoin('account as a', 'a.person_id', 'p.id')
    .select(['p.id', 'a.id as accountId'])
    .where('u.path', 'like', `${unitPath}%`)
    .orderBy(sql`case when p.political_status in ('member', 'probationary') then 0 else 1 end`)
    .orderBy('p.id')
    .limit(n)
    .execute();
  if (people.length < n) throw new Error(`only ${people.length} people under ${unitPath}`);
  const config = loadConfig({ ...process.env, PORT: '0' } as NodeJS.ProcessEnv);
  const out: { personId: number; client: Client }[] = [];
  for (const p of people) {
    let accountId = p.accountId;
    if (accountId === null) {
      const row = await db
        .insertInto('account')
        .values({
          person_id: p.id,
          username: `t${p.id}-${randomBytes(3).toString('hex')}`,
          password_hash: 'x',
          locked_until: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      accountId = row.id;
    }
    await sql`insert into volunteer (person_id, volunteer_no) values (${p.id}, ${`T-V-${p.id}`}) on conflict (person_id) do nothing`.execute(
      db,
    );
    const session = await createSession(db, config, accountId);
    out.push({ personId: p.id, client: makeClient(t.app, `pioneer_session=${session.token}`, session.csrfToken) });
  }
  return out;
}

/** A confirmed sign-up written directly (e.g. for a shift that has already started, where sign-up is closed). */
export async function seatDirectly(t: TestContext, shiftId: number, personId: number) {
  const db = t.database.db;
  const shift = await db
    .selectFrom('volunteer_shift')
    .select('activity_id')
    .where('id', '=', shiftId)
    .executeTakeFirstOrThrow();
  await db
    .updateTable('volunteer_shift')
    .set((eb) => ({ taken: eb('taken', '+', 1) }))
    .where('id', '=', shiftId)
    .execute();
  const row = await db
    .insertInto('volunteer_signup')
    .values({ shift_id: shiftId, activity_id: shift.activity_id, person_id: personId, status: 'confirmed' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function personIdOf(t: TestContext, username: string) {
  const row = await t.database.db
    .selectFrom('account')
    .select('person_id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return row.person_id;
}
