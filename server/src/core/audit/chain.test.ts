import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness';
import { canonicalJson, sealPending, verifyChain } from './chain';

it('canonical JSON sorts keys at every depth', () => {
  expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
    '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
  );
});

describeOnEngines('audit chain', (t) => {
  it('seals events written by concurrent changes into one unbroken chain', async () => {
    const client = await t().as('zuzhibu');
    const units = (await client.get('/api/units')).body.items as { id: number; type: string; name: string }[];
    const branches = units.filter((u) => u.type === 'branch').slice(0, 6);
    const results = await Promise.all(
      branches.map((b) => client.post(`/api/units/${b.id}/rename`, { name: `${b.name}·改` })),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    await sealPending(t().database.db);
    const result = await verifyChain(t().database.db);
    expect(result.ok).toBe(true);
    expect(result.unsealed).toBe(0);
    expect(result.checked).toBeGreaterThanOrEqual(6);
  });

  it('shows the audit trail only within the viewer scope', async () => {
    const mine = await (await t().as('zongzhi')).get('/api/audit?pageSize=200');
    expect(mine.status).toBe(200);
    const me = await (await t().as('zongzhi')).get('/api/me');
    const myPaths: string[] = me.body.scopes['audit.view'];
    for (const e of mine.body.items) expect(myPaths.some((p) => e.unit_path?.startsWith(p))).toBe(true);
    const all = await (await t().as('admin')).get('/api/audit?pageSize=200');
    expect(all.body.total).toBeGreaterThan(mine.body.total);
    expect((await t().anonymous.get('/api/audit')).status).toBe(401);
  });

  it('names the first broken link when an event is altered behind the application', async () => {
    await sealPending(t().database.db);
    const target = await t()
      .database.db.selectFrom('audit_event')
      .select(['id', 'seq'])
      .where('seq', 'is not', null)
      .orderBy('seq')
      .offset(2)
      .limit(1)
      .executeTakeFirstOrThrow();
    await sql`update audit_event set reason = 'tampered' where id = ${target.id}`.execute(t().database.db);
    const result = await verifyChain(t().database.db);
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({ seq: target.seq, id: target.id });
  });
});
