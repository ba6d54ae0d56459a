/**
 * The sign-up rush: 2,000 distinct signed-in volunteers ask for 100 seats at once, spread over two server
 * processes of the real app on one PostgreSQL. Baseline, in the same run and the same topology: a bare
 * fastify route doing only the conditional UPDATE. Five rounds each, alternating; the median round counts.
 *
 *   npm run bench -- signup                    → PostgreSQL (a throwaway cluster when DATABASE_URL is unset)
 *   npm run bench -- signup --engine pglite    → the embedded engine, one process
 *
 * Last line: {"accepted","oversold","ours":{"rps","p99"},"baseline":{"rps","p99"},"ratio",…}.
 * Loopback only; every request has a timeout and the run stops by itself.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { MODULES } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import { createSession } from '../server/src/core/auth/sessions';
import { type Database, openDatabase } from '../server/src/db/database';
import { migrateToLatest } from '../server/src/db/migrate';
import { loadDemoSchool } from '../server/src/seed/load-demo';
import { type Round, rush, startAll, stopAll, type Target } from './signup-load';

const PEOPLE = 2000;
const SEATS = 100;
// Rounds are short (well under a second each), so machine noise moves single rounds a lot: take the median of five.
const ROUNDS = 5;
const log = (msg: string) => process.stderr.write(`${msg}\n`);
const SIGNUP = 'update volunteer_shift set taken = taken + 1 where id = $1 and taken < capacity returning taken';

if (process.argv.includes('--baseline-server')) await baselineServer();
else await main();

/** The baseline: fastify, one pool, one statement — nothing else. */
async function baselineServer() {
  const { default: Fastify } = await import('fastify');
  const dataDir = process.env.DATA_DIR;
  let run: (shiftId: number) => Promise<number>;
  if (process.env.DATABASE_URL) {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
    run = async (id) => (await pool.query(SIGNUP, [id])).rowCount ?? 0;
  } else {
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create(dataDir);
    run = async (id) => (await db.query(SIGNUP, [id])).rows.length;
  }
  const app = Fastify();
  app.post<{ Params: { id: string } }>('/signup/:id', async (req, reply) => {
    const ok = (await run(Number(req.params.id))) > 0;
    return reply.code(ok ? 201 : 409).send(ok ? { status: 'confirmed' } : { error: { code: 'SHIFT_FULL' } });
  });
  app.get('/health', async () => ({ ok: true }));
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
}

async function main() {
  const engineArg = process.argv.indexOf('--engine');
  const engine = engineArg > 0 && process.argv[engineArg + 1] === 'pglite' ? 'pglite' : 'postgres';
  const processes = engine === 'pglite' ? 1 : 2;
  const children: ChildProcess[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  const bail = setTimeout(() => {
    log('基准测试超时（10 分钟），中止');
    for (const c of children) c.kill('SIGKILL');
    process.exit(1);
  }, 600_000);
  bail.unref();
  try {
    const setup = await prepare(engine, cleanups);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      SEED_DEMO: 'never',
      LOG_LEVEL: 'error',
      HOST: '127.0.0.1',
      ...setup.env,
    };
    if (engine === 'pglite') delete env.DATABASE_URL;
    const ourPorts = await startAll(
      children,
      processes,
      4100,
      ['--import', 'tsx', 'server/src/main.ts'],
      env,
      '/api/health',
    );
    const ours: Target[] = ourPorts.map((port) => ({
      port,
      path: (id) => `/api/volunteer/shifts/${id}/signups`,
      headers: (i) => ({
        cookie: `pioneer_session=${setup.sessions[i].token}`,
        'x-csrf-token': setup.sessions[i].csrfToken,
      }),
    }));
    let base: Target[] = [];
    const startBaseline = async () => {
      const ports = await startAll(
        children,
        processes,
        4200,
        ['--import', 'tsx', 'bench/signup.ts', '--baseline-server'],
        env,
        '/health',
      );
      base = ports.map((port) => ({ port, path: (id) => `/signup/${id}`, headers: () => ({}) }));
    };
    if (engine === 'postgres') await startBaseline();

    await rush(ours, setup.shifts.warmOurs, setup.sessions.length);
    const oursRounds: Round[] = [];
    const baseRounds: Round[] = [];
    const oversold: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      oursRounds.push(await rush(ours, setup.shifts.ours[r], PEOPLE));
      oversold.push(await oversoldOn(setup.db, setup.shifts.ours[r]));
      if (engine === 'postgres') {
        if (r === 0) await rush(base, setup.shifts.warmBase, PEOPLE);
        baseRounds.push(await rush(base, setup.shifts.base[r], PEOPLE));
      }
      log(
        `第 ${r + 1} 轮：ours ${JSON.stringify(oursRounds[r])}${baseRounds[r] ? `  baseline ${JSON.stringify(baseRounds[r])}` : ''}`,
      );
    }
    if (engine === 'pglite') {
      // One process may open an embedded database at a time: stop ours, then run the baseline on the same files.
      await stopAll(children);
      await startBaseline();
      await rush(base, setup.shifts.warmBase, PEOPLE);
      for (let r = 0; r < ROUNDS; r++) {
        baseRounds.push(await rush(base, setup.shifts.base[r], PEOPLE));
        log(`baseline 第 ${r + 1} 轮：${JSON.stringify(baseRounds[r])}`);
      }
      // Count what the database holds once no process has it open any more.
      await stopAll(children);
      const check = await openDatabase({ dataDir: setup.env.DATA_DIR });
      for (const shiftId of setup.shifts.ours) oversold.push(await oversoldOn(check, shiftId));
      await check.close();
    }
    const median = (rounds: Round[]) => [...rounds].sort((a, b) => a.rps - b.rps)[Math.floor(rounds.length / 2)];
    const mo = median(oursRounds);
    const mb = median(baseRounds);
    const worstAccepted = oursRounds
      .map((r) => r.accepted)
      .sort((a, b) => Math.abs(b - SEATS) - Math.abs(a - SEATS))[0];
    await stopAll(children);
    for (const c of cleanups.reverse()) await c();
    console.log(
      JSON.stringify({
        engine,
        processes,
        requests: PEOPLE,
        seats: SEATS,
        rounds: ROUNDS,
        accepted: worstAccepted,
        oversold: Math.max(...oversold),
        errors: oursRounds.reduce((a, r) => a + r.errors, 0),
        ours: { rps: Math.round(mo.rps), p99: Math.round(mo.p99) },
        baseline: { rps: Math.round(mb.rps), p99: Math.round(mb.p99) },
        ratio: Number((mo.rps / mb.rps).toFixed(3)),
      }),
    );
    process.exit(0);
  } catch (err) {
    await stopAll(children);
    for (const c of cleanups.reverse()) await c().catch(() => {});
    throw err;
  }
}

/** A fresh database with the small demo school, 2,000 registered volunteers with sessions, and the shifts. */
async function prepare(engine: 'postgres' | 'pglite', cleanups: (() => Promise<void>)[]) {
  let database: Database;
  let env: Record<string, string>;
  if (engine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pioneer-bench-'));
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    database = await openDatabase({ dataDir: dir });
    env = { DATA_DIR: dir };
  } else {
    let url = process.env.DATABASE_URL;
    if (!url) {
      const { startCluster } = (await import('../scripts/pg-cluster.mjs' as string)) as {
        startCluster(): Promise<{ url: string; stop(): Promise<void> }>;
      };
      const cluster = await startCluster();
      cleanups.push(cluster.stop);
      url = cluster.url;
      log(`已启动临时 PostgreSQL：${url}`);
    }
    const name = `bench_signup_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
    cleanups.push(async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    });
    database = await openDatabase({ url: dbUrl.toString() });
    env = { DATABASE_URL: dbUrl.toString() };
  }
  const { db } = database;
  await migrateToLatest(db);
  const demo = await loadDemoSchool(
    db,
    'small',
    MODULES.flatMap((m) => (m.seedDemo ? [m.seedDemo] : [])),
  );
  const rootId = demo.unitIds.get(demo.school.units.find((u) => u.parentKey === null)!.key)!;
  const branchId = demo.unitIds.get(demo.school.units.find((u) => u.type === 'branch')!.key)!;
  log(`正在准备 ${PEOPLE} 名已登录的志愿者……`);
  const people = await db
    .insertInto('person')
    .values(
      Array.from({ length: PEOPLE }, (_, i) => ({
        name: `压测志愿者${i}`,
        gender: 'female',
        kind: 'student',
        staff_no: `BENCH${i}`,
        political_status: 'member',
        unit_id: branchId,
        cadre_level: 'none',
        fulltime_party_worker: false,
        specialty: '',
        department: '',
        campus: '',
        development_stage: 'member',
      })),
    )
    .returning('id')
    .execute();
  const accounts = await db
    .insertInto('account')
    .values(people.map((p, i) => ({ person_id: p.id, username: `bench${i}`, password_hash: 'x', locked_until: null })))
    .returning('id')
    .execute();
  await db
    .insertInto('volunteer')
    .values(people.map((p, i) => ({ person_id: p.id, volunteer_no: `BENCH-V-${i}` })))
    .execute();
  const config = loadConfig({ ...process.env, PORT: '0' } as NodeJS.ProcessEnv);
  const sessions: { token: string; csrfToken: string }[] = [];
  for (let i = 0; i < accounts.length; i += 100) {
    sessions.push(...(await Promise.all(accounts.slice(i, i + 100).map((a) => createSession(db, config, a.id)))));
  }
  const now = Date.now();
  const activity = await db
    .insertInto('volunteer_activity')
    .values({
      title: '压测活动',
      category: 'community',
      org_unit_id: rootId,
      audience_unit_id: rootId,
      place: '压测',
      signup_opens_at: new Date(now - 3600_000).toISOString(),
      signup_closes_at: new Date(now + 86_400_000).toISOString(),
      starts_at: new Date(now + 2 * 86_400_000).toISOString(),
      ends_at: new Date(now + 3 * 86_400_000).toISOString(),
      code_secret: randomBytes(20).toString('hex'),
      created_by: people[0].id,
      status: 'published',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Shifts at different hours, so a seat won in one round is no overlap for the next.
  const shift = async (hour: number, capacity: number) =>
    (
      await db
        .insertInto('volunteer_shift')
        .values({
          activity_id: activity.id,
          post: `岗位${hour}`,
          starts_at: new Date(now + 2 * 86_400_000 + hour * 3600_000).toISOString(),
          ends_at: new Date(now + 2 * 86_400_000 + hour * 3600_000 + 1800_000).toISOString(),
          capacity,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const shifts = {
    warmOurs: await shift(0, SEATS),
    warmBase: await shift(1, SEATS),
    ours: [] as number[],
    base: [] as number[],
  };
  for (let r = 0; r < ROUNDS; r++) {
    shifts.ours.push(await shift(2 + 2 * r, SEATS));
    shifts.base.push(await shift(3 + 2 * r, SEATS));
  }
  if (engine === 'pglite') {
    await database.close();
    return { env, sessions, shifts, db: null };
  }
  cleanups.push(() => database.close());
  return { env, sessions, shifts, db: database };
}

async function oversoldOn(database: Database | null, shiftId: number) {
  if (!database) return 0;
  const r = await sql<{ taken: number; capacity: number; confirmed: number }>`select s.taken, s.capacity,
    (select count(*)::int from volunteer_signup g where g.shift_id = s.id and g.status = 'confirmed') as confirmed
    from volunteer_shift s where s.id = ${shiftId}`.execute(database.db);
  const row = r.rows[0];
  return Math.max(0, row.confirmed - row.capacity, row.taken - row.capacity);
}
