/**
 * The public needs board (GET /api/public/board: a page of 20 with a filter) of the real app, against a bare
 * fastify + Kysely route running exactly the same SQL (board.service boardQueries), in the same run, on PostgreSQL
 * with the large demo school. Each server runs in its own process pinned to core 0; the load loop runs on core 1.
 *
 *   npm run bench -- board     (a throwaway PostgreSQL cluster when DATABASE_URL is unset)
 *
 * Last line: {"ours":{"rps","p50","p99"},"baseline":{"rps","p50","p99"},"ratio"} — ratio = ours ÷ baseline req/s.
 * Loopback only; every request has a timeout; rounds are bounded in time.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { boardQuery } from '@pioneer/domain';
import { sql } from 'kysely';
import { buildApp, MODULES } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import { openDatabase } from '../server/src/db/database';
import { migrateToLatest } from '../server/src/db/migrate';
import { boardQueries } from '../server/src/modules/service-demands/board.service';
import { loadDemoSchool } from '../server/src/seed/load-demo';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONNECTIONS = 32;
const ROUND_SECONDS = 10;
const WARMUP_SECONDS = 3;
const ROUNDS = 3;
const REQUEST_TIMEOUT_MS = 10_000;
const log = (msg: string) => process.stderr.write(`${msg}\n`);

const role = process.argv[process.argv.indexOf('--server') + 1];
if (process.argv.includes('--server')) await serve(role as 'ours' | 'baseline');
else await main();

/** One server process: our whole app, or the bare route. Both open the database the same way (pool of 10). */
async function serve(kind: 'ours' | 'baseline') {
  const database = await openDatabase({ url: process.env.DATABASE_URL, poolSize: 10 });
  const port = Number(process.env.PORT);
  if (kind === 'ours') {
    const app = await buildApp(database, loadConfig({ ...process.env, LOG_LEVEL: 'silent' }));
    await app.listen({ port, host: '127.0.0.1' });
    return;
  }
  const { default: Fastify } = await import('fastify');
  const app = Fastify();
  app.get('/api/public/board', async (request) => {
    const q = boardQuery.parse(request.query);
    const { page, count } = boardQueries(database.db, q);
    const [items, total] = await Promise.all([database.db.executeQuery(page), database.db.executeQuery(count)]);
    return { items: items.rows, total: (total.rows[0] as { total: number }).total, page: q.page, pageSize: 20 };
  });
  await app.listen({ port, host: '127.0.0.1' });
}

async function main() {
  const bail = setTimeout(() => {
    log('基准测试超时（20 分钟），中止');
    process.exit(1);
  }, 20 * 60_000);
  bail.unref();
  let url = process.env.DATABASE_URL;
  let stopCluster: (() => Promise<void>) | null = null;
  if (!url) {
    const { startCluster } = (await import('../scripts/pg-cluster.mjs' as string)) as {
      startCluster(): Promise<{ url: string; stop(): Promise<void> }>;
    };
    const cluster = await startCluster();
    url = cluster.url;
    stopCluster = cluster.stop;
    log(`已启动临时 PostgreSQL：${url}`);
  }
  const children: ChildProcess[] = [];
  const ports: Record<string, number> = {};
  try {
    const paths = await prepare(url);
    pin(process.pid, '1');
    const results: Record<'ours' | 'baseline', Measure[]> = { ours: [], baseline: [] };
    for (const kind of ['ours', 'baseline'] as const) {
      const port = await freePort();
      const child = spawn(
        'taskset',
        ['-c', '0', process.execPath, '--import', 'tsx', 'bench/board.ts', '--server', kind],
        {
          cwd: ROOT,
          env: { ...process.env, DATABASE_URL: url, PORT: String(port), SEED_DEMO: 'never' },
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      );
      children.push(child);
      await waitUp(port);
      await load(port, paths, WARMUP_SECONDS);
      ports[kind] = port;
    }
    // Alternate the two so drift on a shared machine hits both alike; the median round of each counts.
    for (let r = 0; r < ROUNDS; r++) {
      for (const kind of ['ours', 'baseline'] as const) {
        const m = await load(ports[kind] as number, paths, ROUND_SECONDS);
        log(
          `${kind} 第 ${r + 1} 轮：${m.rps.toFixed(0)} req/s，p50 ${m.p50.toFixed(1)} ms，p99 ${m.p99.toFixed(1)} ms，错误 ${m.errors}`,
        );
        if (m.errors > 0) throw new Error(`${kind}: ${m.errors} 个请求失败`);
        results[kind].push(m);
      }
    }
    const ours = median(results.ours);
    const baseline = median(results.baseline);
    const round = (m: Measure) => ({ rps: Math.round(m.rps), p50: +m.p50.toFixed(2), p99: +m.p99.toFixed(2) });
    console.log(
      JSON.stringify({ ours: round(ours), baseline: round(baseline), ratio: +(ours.rps / baseline.rps).toFixed(3) }),
    );
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await stopCluster?.();
  }
}

/** Migrates and, on an empty database, loads the large demo school (with every module's data); returns the URLs. */
async function prepare(url: string): Promise<string[]> {
  const database = await openDatabase({ url });
  await migrateToLatest(database.db);
  const any = await database.db.selectFrom('org_unit').select('id').limit(1).executeTakeFirst();
  if (!any) {
    const t0 = performance.now();
    log('正在载入大型演示学校……');
    const seeders = MODULES.flatMap((m) => (m.seedDemo ? [m.seedDemo] : []));
    await loadDemoSchool(database.db, 'large', seeders, log);
    log(`载入用时 ${Math.round((performance.now() - t0) / 1000)} s`);
  }
  // Fresh bulk data has no planner statistics and no visibility map yet; autovacuum would get there, later.
  await sql`vacuum analyze`.execute(database.db);
  const cats = await database.db.selectFrom('demand_category').select('id').orderBy('id').execute();
  const n = await database.db
    .selectFrom('demand')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  log(`需求 ${Number(n.n)} 条，类别 ${cats.length} 个`);
  await database.close();
  // A page of 20 with a filter: category, status and campus in turn, on the first few pages.
  const campus = encodeURIComponent('仙林校区');
  return cats.flatMap((c, i) => [
    `/api/public/board?categoryId=${c.id}&page=${(i % 3) + 1}`,
    `/api/public/board?status=done&categoryId=${c.id}`,
    `/api/public/board?status=${i % 2 ? 'open' : 'in_service'}&campus=${campus}&page=${(i % 2) + 1}`,
  ]);
}

interface Measure {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** CONNECTIONS keep-alive loops for `seconds`, each request with a timeout; latencies from send to last byte. */
async function load(port: number, paths: string[], seconds: number): Promise<Measure> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const until = performance.now() + seconds * 1000;
  const loop = async () => {
    while (performance.now() < until) {
      const t0 = performance.now();
      const ok = await get(agent, port, paths[next++ % paths.length] as string);
      if (ok) latencies.push(performance.now() - t0);
      else errors++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, loop));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? 0;
  return { rps: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), errors };
}

function get(agent: http.Agent, port: number, urlPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: urlPath, agent, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

function median(ms: Measure[]): Measure {
  return [...ms].sort((a, b) => a.rps - b.rps)[Math.floor(ms.length / 2)] as Measure;
}

/** Pins every thread of a process to a core, when taskset is there (it is on Debian). */
function pin(pid: number, core: string) {
  spawnSync('taskset', ['-a', '-p', '-c', core, String(pid)], { stdio: 'ignore' });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitUp(port: number) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (await get(new http.Agent(), port, '/api/public/board')) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`端口 ${port} 上的服务未能启动`);
}
