import { buildApp, MEASURES, MODULES } from './app';
import { loadConfig } from './config';
import { sealPending } from './core/audit/chain';
import { openDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { DEMO_ACCOUNTS_HELP, loadDemoSchoolIfEmpty } from './seed/load-demo';

const started = performance.now();
const demoSeeders = () => MODULES.flatMap((m) => (m.seedDemo ? [m.seedDemo] : []));
const config = loadConfig();
const database = await openDatabase({
  url: config.DATABASE_URL,
  dataDir: config.DATABASE_URL ? undefined : config.DATA_DIR,
});
const applied = await migrateToLatest(database.db);
if (applied.length) console.log(`已执行数据库迁移：${applied.join(', ')}`);

// The embedded database is the "try it now" path: it gets the demo school on first start.
// A real PostgreSQL gets data only when asked (npm run seed -- demo).
let seeded = false;
if (database.engine === 'pglite' && config.SEED_DEMO === 'auto') {
  seeded = await loadDemoSchoolIfEmpty(database.db, 'standard', (msg) => console.log(msg), demoSeeders());
}

const app = await buildApp(database, config, { logger: true });
await app.listen({ port: config.PORT, host: config.HOST });

// Background work: the audit sealer every second, and each module's jobs on their own timers.
const ctx = { db: database.db, config, engine: database.engine, listen: database.listen, measures: MEASURES };
const jobs = [
  { name: '审计封存', everyMs: 1000, run: () => sealPending(database.db) },
  ...MODULES.flatMap((m) => m.jobs ?? []),
];
const timers = jobs.map((job) => {
  const timer = setInterval(() => {
    job.run(ctx).catch((err) => app.log.error(err, `${job.name}失败`));
  }, job.everyMs);
  timer.unref();
  return timer;
});

const address = `http://localhost:${(app.server.address() as { port: number }).port}`;
console.log(
  `\n先锋服务已启动：${address}  （数据库：${database.engine}，用时 ${Math.round(performance.now() - started)} ms）`,
);
console.log(`接口文档：${address}/api/docs`);
// The demo accounts exist only where the demo school was loaded: now, or on an earlier start.
const hasDemo =
  seeded || (await database.db.selectFrom('account').select('id').where('username', '=', 'zuzhibu').executeTakeFirst());
if (hasDemo) console.log(DEMO_ACCOUNTS_HELP);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    for (const timer of timers) clearInterval(timer);
    await app.close();
    await sealPending(database.db).catch(() => {});
    await database.close();
    process.exit(0);
  });
}
