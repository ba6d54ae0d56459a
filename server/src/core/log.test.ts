import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { describeOnEngines, makeClient } from '../test/harness';
import { useFastHashes } from './auth/fast-hash.fixture';
import { REDACTED, serializeError, statementName } from './log';
import type { App } from './module';

/** An 18-digit ID number with a valid GB 11643 check digit. */
function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}
const ID = idNumber('32010219900307123');
const PHONE = '13811112222';

it('names a statement by what it does, never by its values', () => {
  expect(statementName('update "person" set "phone" = $1 where "id" = $2')).toBe('update person');
  expect(statementName('insert into "audit_event" ("a") values ($1)')).toBe('insert audit_event');
  expect(statementName('select "p"."id" from "person" as "p" where "p"."phone" = $1')).toBe('select person');
  const err = Object.assign(new Error(`invalid input syntax for type bigint: "${ID}"`), {
    code: '22P02',
    severity: 'ERROR',
    detail: `Key (phone)=(${PHONE}) already exists.`,
    params: [PHONE, ID],
    query: 'update "person" set "phone" = $1',
  });
  const out = JSON.stringify(serializeError(err));
  expect(out).not.toContain(ID);
  expect(out).not.toContain(PHONE);
  expect(out).toContain('22P02');
  expect(out).toContain('update person');
  expect(out).toContain(REDACTED);
});

describeOnEngines('personal data in logs', (t) => {
  const lines: string[] = [];
  let app: App;
  beforeAll(async () => {
    await useFastHashes(t().database.db, 'Demo@2026');
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const config = loadConfig({ ...process.env, LOG_LEVEL: 'info' } as NodeJS.ProcessEnv);
    app = await buildApp(t().database, config, { logStream: stream });
    // A database that refuses this one write, the way a constraint or trigger of a real deployment might —
    // with the refused values in its message, as PostgreSQL's own messages often have.
    await sql
      .raw(`create function refuse_person_write() returns trigger language plpgsql as $$ begin
        if new.phone = '${PHONE}' then
          raise exception 'person % refused for %', new.id_number, new.phone using errcode = 'XX000';
        end if;
        return new;
      end $$`)
      .execute(t().database.db);
    await sql`create trigger refuse_person_write before update on person for each row execute function refuse_person_write()`.execute(
      t().database.db,
    );
  });
  afterAll(() => app?.close());

  it('logs a failed person update with its code and statement, and without the ID or phone number', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'zhibu', password: 'Demo@2026' },
    });
    expect(login.statusCode).toBe(200);
    const zhibu = makeClient(
      app,
      String([login.headers['set-cookie']].flat()[0]).split(';')[0],
      login.json().csrfToken,
    );
    const person = await t()
      .database.db.selectFrom('account as a')
      .select('a.person_id')
      .where('a.username', '=', 'dangyuan')
      .executeTakeFirstOrThrow();

    lines.length = 0;
    const res = await zhibu.put(`/api/people/${person.person_id}`, { phone: PHONE, idNumber: ID });
    expect(res.status).toBe(500);
    expect(JSON.stringify(res.body)).not.toContain(PHONE);
    await zhibu.get(`/api/people?q=${PHONE}`);
    await zhibu.get(`/api/people?q=${ID}`);

    const log = lines.join('\n');
    const failure = lines.map((l) => JSON.parse(l)).find((l) => l.err);
    expect(failure?.err).toMatchObject({ type: 'DatabaseError', code: 'XX000' });
    if (t().engine === 'pglite') expect(failure?.err.statement).toBe('update person');
    expect(log).toContain('/api/people?q=');
    // Neither number, nor the middle of either (a masked copy would keep the ends at most).
    for (const secret of [PHONE, ID, ID.slice(6, 14), PHONE.slice(3, 10)]) expect(log).not.toContain(secret);
    expect(log).not.toMatch(/Demo@2026|pioneer_session=|x-csrf-token":"[^[]/);
  });
});
