import { sealPending, verifyChain } from '../core/audit/chain';
import { openConfiguredDatabase } from './open';

// npm run audit:verify — seals what is pending, then checks the whole chain; exit 1 names the first broken link.
const { database } = await openConfiguredDatabase();
await sealPending(database.db);
const result = await verifyChain(database.db);
await database.close();
if (result.ok) {
  console.log(`审计链完好：已校验 ${result.checked} 条事件`);
} else {
  const b = result.firstBroken!;
  console.error(`审计链断裂：第 ${b.seq} 环（事件 id ${b.id}）—— ${b.reason}；此前 ${result.checked} 条完好`);
  process.exit(1);
}
