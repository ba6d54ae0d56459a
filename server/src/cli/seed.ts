import { parseArgs } from 'node:util';
import { MODULES } from '../app';
import { sealPending } from '../core/audit/chain';
import type { DemoSize } from '../seed/demo-school';
import { loadDemoSchoolIfEmpty } from '../seed/load-demo';
import { openConfiguredDatabase } from './open';

// npm run seed -- demo [--size small|standard|large]
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { size: { type: 'string', default: 'standard' } },
});
const sizes: DemoSize[] = ['small', 'standard', 'large'];
if (positionals[0] !== 'demo' || !sizes.includes(values.size as DemoSize)) {
  console.error('用法：npm run seed -- demo [--size small|standard|large]');
  process.exit(2);
}
const { database } = await openConfiguredDatabase();
const started = performance.now();
const seeders = MODULES.flatMap((m) => (m.seedDemo ? [m.seedDemo] : []));
const loaded = await loadDemoSchoolIfEmpty(database.db, values.size as DemoSize, console.log, seeders);
if (!loaded) console.log('数据库中已有组织数据，未载入演示学校（演示数据只载入空库）');
else console.log(`用时 ${Math.round(performance.now() - started)} ms`);
await sealPending(database.db);
await database.close();
