import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { eventually } from '../test/harness';
import { openDatabase } from './database';
import { postgresListen } from './listen';

const url = process.env.TEST_DATABASE_URL;

describe('LISTEN/NOTIFY', () => {
  it('hears NOTIFY on the embedded engine, also from inside a committed transaction', async () => {
    const database = await openDatabase({});
    const heard: string[] = [];
    await database.listen('pglite_test', { message: (p) => heard.push(p) });
    await database.db.transaction().execute(async (trx) => {
      await trx.selectNoFrom((eb) => eb.fn('pg_notify', [eb.val('pglite_test'), eb.val('42')]).as('n')).execute();
    });
    expect(await eventually(async () => heard.includes('42'))).toBe(true);
    await database.close();
  });

  it.runIf(url)('on PostgreSQL, reconnects after its connection is killed and says so', async () => {
    const channel = `t_${randomBytes(4).toString('hex')}`;
    const listener = postgresListen(url!);
    const heard: string[] = [];
    let lost = 0;
    let listening = 0;
    await listener.listen(channel, {
      message: (p) => heard.push(p),
      lost: () => lost++,
      listening: () => listening++,
    });
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query('select pg_notify($1, $2)', [channel, 'one']);
      expect(await eventually(async () => heard.includes('one'))).toBe(true);
      // What an administrator's command or a server restart does to the listening connection:
      await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where query = $1`, [
        `listen ${channel}`,
      ]);
      expect(await eventually(async () => lost === 1)).toBe(true);
      expect(await eventually(async () => listening === 2, 5000)).toBe(true);
      await admin.query('select pg_notify($1, $2)', [channel, 'two']);
      expect(await eventually(async () => heard.includes('two'))).toBe(true);
    } finally {
      await admin.end();
      await listener.close();
    }
  });
});
