import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrate';

/** The database the server would use (DATABASE_URL, else PGlite under DATA_DIR), migrated. */
export async function openConfiguredDatabase() {
  const config = loadConfig();
  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.DATABASE_URL ? undefined : config.DATA_DIR,
  });
  const applied = await migrateToLatest(database.db);
  if (applied.length) console.log(`已执行数据库迁移：${applied.join(', ')}`);
  return { config, database };
}
