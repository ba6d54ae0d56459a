import { openConfiguredDatabase } from './open';

const { database } = await openConfiguredDatabase();
console.log(`数据库（${database.engine}）已是最新结构`);
await database.close();
