import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeOnEngines } from '../../../test/harness';

/** Rules, allocations down the tree and the compliance check, on the small demo school (funding for 2025–26). */
describeOnEngines('funding: rules, allocations, compliance', (t) => {
  const unit = (key: string) => t().demo.unitIds.get(key)!;
  const rule2027 = {
    staffRateFen: 20_000,
    studentRateFen: 10_000,
    specialFundFen: 300_000,
    approvalThresholdFen: 50_000,
    referenceDate: '2027-01-01',
  };

  it('sets a year’s rules as the organization department, three ways, and freezes them with the counts on confirming', async () => {
    expect((await t().anonymous.put('/api/funding/rules/2027', rule2027)).status).toBe(401);
    const zongzhi = await t().as('zongzhi');
    expect((await zongzhi.put('/api/funding/rules/2027', rule2027)).status).toBe(403);
    const zuzhibu = await t().as('zuzhibu');
    const bad = await zuzhibu.put('/api/funding/rules/2027', { ...rule2027, staffRateFen: 200.5 });
    expect([bad.status, bad.body.error.details[0].path]).toEqual([400, 'staffRateFen']);
    expect(bad.body.error.message).toContain('整数');

    // A year not yet set is proposed from the year before; counts are a live preview of the roster.
    const proposed = await zuzhibu.get('/api/funding/rules/2027');
    expect(proposed.status).toBe(200);
    expect(proposed.body.rule).toBeNull();
    expect(proposed.body.proposal.approvalThresholdFen).toBe(50_000);

    expect((await zuzhibu.put('/api/funding/rules/2027', rule2027)).status).toBe(200);
    expect((await zongzhi.post('/api/funding/rules/2027/confirm')).status).toBe(403);
    const confirmed = await zuzhibu.post('/api/funding/rules/2027/confirm');
    expect(confirmed.status).toBe(200);
    // Small demo: 36 staff and 58 student members → 36×200 + 58×100 yuan.
    expect([confirmed.body.staff, confirmed.body.student]).toEqual([36, 58]);
    expect(confirmed.body.minimumFen).toBe(36 * 20_000 + 58 * 10_000);

    const again = await zuzhibu.put('/api/funding/rules/2027', { ...rule2027, staffRateFen: 1 });
    expect([again.status, again.body.error.code]).toEqual([409, 'RULE_CONFIRMED']);
    expect((await zuzhibu.post('/api/funding/rules/2027/confirm')).body.error.code).toBe('RULE_CONFIRMED');

    const { db } = t().database;
    const budget = await db
      .selectFrom('funding_allocation')
      .select(['purpose', 'amount_fen'])
      .where('year', '=', 2027)
      .where('from_unit_id', 'is', null)
      .orderBy('purpose')
      .execute();
    expect(budget).toEqual([
      { purpose: 'special', amount_fen: 300_000 },
      { purpose: 'standard', amount_fen: 1_300_000 },
    ]);
    const frozen = await zongzhi.get('/api/funding/rules/2027');
    const bk1 = frozen.body.counts.find((c: { unitId: number }) => c.unitId === unit('jnsd-wx-bk1'));
    expect([bk1.student, bk1.minimumFen]).toEqual([15, 150_000]);
    // A general-branch secretary sees the counts of their own subtree only.
    expect(frozen.body.counts.every((c: { path: string }) => c.path.startsWith(frozen.body.counts[0].path))).toBe(true);

    // The database itself refuses to edit a confirmed rule or its frozen counts.
    await expect(sql`update funding_rule set staff_rate_fen = 1 where year = 2027`.execute(db)).rejects.toThrow(
      /frozen/,
    );
    await expect(sql`update funding_rule_count set minimum_fen = 0 where year = 2027`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    const audit = await db
      .selectFrom('audit_event')
      .select('action')
      .where('entity_type', '=', 'funding_rule')
      .where('entity_id', '=', '2027')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['funding_rule.confirmed', 'funding_rule.created']);
  });

  it('allocates to a direct child from what the level holds, three ways, and refuses overspending', async () => {
    const body = { toUnitId: unit('jnsd-wx-bk1'), amountFen: 1_000, allocatedOn: '2026-06-01', note: '补充' };
    expect((await t().anonymous.post('/api/funding/allocations', body)).status).toBe(401);
    expect((await (await t().as('zhibu2')).post('/api/funding/allocations', body)).status).toBe(404);
    // The branch's own secretary sees the branch but only its general branch may give it money.
    expect((await (await t().as('zhibu')).post('/api/funding/allocations', body)).status).toBe(403);

    const zongzhi = await t().as('zongzhi');
    const before = await zongzhi.get(`/api/funding/overview?year=2026&unitId=${unit('jnsd-wx')}`);
    const held = (id: number, o = before) => o.body.items.find((u: { id: number }) => u.id === id);
    const ok = await zongzhi.post('/api/funding/allocations', body);
    expect(ok.status).toBe(201);
    const after = await zongzhi.get(`/api/funding/overview?year=2026&unitId=${unit('jnsd-wx')}`);
    expect(held(unit('jnsd-wx'), after).balanceFen).toBe(held(unit('jnsd-wx')).balanceFen - 1_000);
    expect(held(unit('jnsd-wx-bk1'), after).receivedFen).toBe(held(unit('jnsd-wx-bk1')).receivedFen + 1_000);

    const balance = held(unit('jnsd-wx'), after).balanceFen as number;
    const over = await zongzhi.post('/api/funding/allocations', { ...body, amountFen: balance + 1 });
    expect([over.status, over.body.error.code]).toEqual([409, 'INSUFFICIENT_FUNDS']);
    expect(over.body.error.message).toContain('文学院党总支');
    const future = await zongzhi.post('/api/funding/allocations', { ...body, allocatedOn: '2099-01-01' });
    expect([future.status, future.body.error.details[0].path]).toEqual([400, 'allocatedOn']);
    const noYear = await zongzhi.post('/api/funding/allocations', { ...body, allocatedOn: '2024-06-01' });
    expect([noYear.status, noYear.body.error.code]).toEqual([409, 'RULE_NOT_CONFIRMED']);
    const admin = await t().as('admin');
    const toRoot = await admin.post('/api/funding/allocations', { ...body, toUnitId: unit('jnsd') });
    expect([toRoot.status, toRoot.body.error.code]).toEqual([409, 'NO_PARENT']);

    // Reversal: a new negative entry, by the giver only, once.
    const id = ok.body.id;
    const reason = { reason: '重复下拨' };
    expect((await t().anonymous.post(`/api/funding/allocations/${id}/reverse`, reason)).status).toBe(401);
    expect((await (await t().as('zhibu2')).post(`/api/funding/allocations/${id}/reverse`, reason)).status).toBe(404);
    expect((await (await t().as('zhibu')).post(`/api/funding/allocations/${id}/reverse`, reason)).status).toBe(403);
    const reversed = await zongzhi.post(`/api/funding/allocations/${id}/reverse`, reason);
    expect(reversed.status).toBe(201);
    const twice = await zongzhi.post(`/api/funding/allocations/${id}/reverse`, reason);
    expect([twice.status, twice.body.error.code]).toEqual([409, 'ALREADY_REVERSED']);
    const list = await zongzhi.get(`/api/funding/allocations?year=2026&unitId=${unit('jnsd-wx-bk1')}`);
    const pair = list.body.items.filter(
      (a: { id: number; reversesId: number | null }) => a.id === id || a.reversesId === id,
    );
    expect(pair.map((a: { amountFen: number }) => a.amountFen).sort()).toEqual([-1_000, 1_000]);

    const { db } = t().database;
    await expect(sql`update funding_allocation set amount_fen = 1 where id = ${id}`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from funding_allocation where id = ${id}`.execute(db)).rejects.toThrow(/append-only/);
    const events = await db
      .selectFrom('audit_event')
      .select('action')
      .where('entity_type', '=', 'funding_allocation')
      .where('entity_id', '=', String(id))
      .execute();
    expect(events.map((e) => e.action).sort()).toEqual(['funding_allocation.created', 'funding_allocation.reversed']);
  });

  it('lists the units under their minimum and by how much; an allocation makes one compliant', async () => {
    expect((await t().anonymous.get('/api/funding/compliance?year=2026')).status).toBe(401);
    expect((await (await t().as('dangyuan')).get('/api/funding/compliance?year=2026')).status).toBe(403);
    const zuzhibu = await t().as('zuzhibu');
    const report = await zuzhibu.get('/api/funding/compliance?year=2026');
    expect(report.status).toBe(200);
    expect(report.body.confirmed).toBe(true);
    const names = report.body.short.map((s: { name: string }) => s.name);
    expect(names).toEqual(expect.arrayContaining(['图书馆直属党支部', '文学院研究生党支部']));
    expect(report.body.met + report.body.short.length).toBe(report.body.checked);
    for (const s of report.body.short) expect(s.shortfallFen).toBe(s.minimumFen - s.receivedFen);
    const library = report.body.short.find((s: { name: string }) => s.name === '图书馆直属党支部');
    expect(library.shortfallFen).toBe(16_000);

    const paid = await zuzhibu.post('/api/funding/allocations', {
      toUnitId: unit('jnsd-tsg'),
      amountFen: library.shortfallFen,
      allocatedOn: '2026-07-01',
    });
    expect(paid.status).toBe(201);
    const now = await zuzhibu.get('/api/funding/compliance?year=2026');
    expect(now.body.short.map((s: { name: string }) => s.name)).not.toContain('图书馆直属党支部');
    expect(now.body.met).toBe(report.body.met + 1);

    // A general branch checks its own branches only.
    const mine = await (await t().as('zongzhi')).get('/api/funding/compliance?year=2026');
    expect(mine.body.short.every((s: { pathNames: string }) => s.pathNames.includes('文学院党总支'))).toBe(true);

    // No unit holds less than nothing, and the committee sees how much reached the branches.
    const overview = await zuzhibu.get('/api/funding/overview?year=2026');
    expect(overview.body.items.every((u: { balanceFen: number }) => u.balanceFen >= 0)).toBe(true);
    expect(overview.body.reachedBranches.share).toBeGreaterThan(0.5);
    expect(overview.body.reachedBranches.share).toBeLessThan(1);
  });
});
