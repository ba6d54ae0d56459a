import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { Context } from '../../core/module';
import { describeOnEngines } from '../../test/harness';
import { rosterModule } from './index';
import { PREVIEW_KEPT_MS } from './roster.cleanup';
import { badIdNumber, demoFacts, PEOPLE_HEADERS, personRow, upload, xlsx } from './roster.fixtures';

describeOnEngines('roster preview cleanup', (t) => {
  it('deletes previews never committed once they are a day old, through the module job; keeps newer and committed ones', async () => {
    const db = t().database.db;
    const zhibu = await t().as('zhibu');
    const branch = demoFacts(t().demo).grantUnitOf('zhibu').code;
    const preview = async (rows: Record<string, string>[]) =>
      (await upload(zhibu, 'kind=people', await xlsx(PEOPLE_HEADERS, rows))).body.id as number;
    const stale = await preview([personRow(901, branch)]);
    const staleWithErrors = await preview([personRow(902, branch, { 身份证号: badIdNumber(902) })]);
    const committed = await preview([personRow(903, branch)]);
    expect((await zhibu.post(`/api/roster/imports/${committed}/commit`)).status).toBe(200);
    const fresh = await preview([personRow(904, branch)]);
    // Two days old: the stale ones and the committed one; a preview just under a day old stays.
    const age = (id: number, ms: number) =>
      sql`update import_batch set created_at = now() - ${`${ms} milliseconds`}::interval where id = ${id}`.execute(db);
    for (const id of [stale, staleWithErrors, committed]) await age(id, 2 * PREVIEW_KEPT_MS);
    await age(fresh, PREVIEW_KEPT_MS - 60_000);

    const job = rosterModule.jobs?.find((j) => j.name.includes('导入预览'));
    expect(job).toBeDefined();
    await job!.run({ db } as Context);

    const left = await db
      .selectFrom('import_batch')
      .select('id')
      .where('id', 'in', [stale, staleWithErrors, committed, fresh])
      .execute();
    expect(left.map((b) => b.id).sort((a, b) => a - b)).toEqual([committed, fresh]);
    expect((await zhibu.get(`/api/roster/imports/${stale}`)).status).toBe(404);
    expect((await zhibu.post(`/api/roster/imports/${stale}/commit`)).status).toBe(404);
  });
});
