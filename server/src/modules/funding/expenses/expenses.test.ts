import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { type Client, describeOnEngines } from '../../../test/harness';
import { readXlsx } from '../../../test/read-xlsx';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const PDF = Buffer.from('%PDF-1.4\n% 测试票据\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n', 'utf8');

function upload(client: Client, expenseId: number, content: Buffer, type: string, name = '票据.png') {
  const boundary = '----pioneer-receipt';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.inject({
    method: 'POST',
    url: `/api/funding/expenses/${expenseId}/receipts`,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

/** The expense ledger: recording, the approval threshold, reversals, receipts, export; append-only in SQL. */
describeOnEngines('funding: expenses', (t) => {
  const unit = (key: string) => t().demo.unitIds.get(key)!;
  const balanceOf = async (client: Client, id: number) => {
    const o = await client.get(`/api/funding/overview?year=2026&unitId=${id}`);
    return o.body.items.find((u: { id: number }) => u.id === id).balanceFen as number;
  };
  const expense = (over: Record<string, unknown> = {}) => ({
    unitId: unit('jnsd-wx-bk1'),
    category: 'activity',
    spentOn: '2026-09-15',
    amountFen: 2_000,
    payee: '校园文印中心',
    description: '主题党日学习材料',
    ...over,
  });

  it('records an expense three ways, refuses bad input and spending more than the unit holds', async () => {
    expect((await t().anonymous.post('/api/funding/expenses', expense())).status).toBe(401);
    expect((await (await t().as('zhibu2')).post('/api/funding/expenses', expense())).status).toBe(404);
    expect((await (await t().as('dangyuan')).post('/api/funding/expenses', expense())).status).toBe(404);
    // The committee admin sees every unit's funding but does not keep a branch's books.
    expect((await (await t().as('dangwei')).post('/api/funding/expenses', expense())).status).toBe(403);

    const zhibu = await t().as('zhibu');
    const zongzhi = await t().as('zongzhi');
    const before = await balanceOf(zongzhi, unit('jnsd-wx-bk1'));
    const ok = await zhibu.post('/api/funding/expenses', expense());
    expect(ok.status).toBe(201);
    expect(ok.body.needsApproval).toBe(false);
    expect(await balanceOf(zongzhi, unit('jnsd-wx-bk1'))).toBe(before - 2_000);
    const row = await zhibu.get(`/api/funding/expenses/${ok.body.id}`);
    expect([row.body.status, row.body.unitPathNames]).toEqual([
      'recorded',
      '中共江南师范大学委员会 / 文学院党总支 / 文学院本科生第一党支部',
    ]);

    for (const [field, bad] of [
      ['amountFen', 12.5],
      ['amountFen', -1],
      ['category', 'food'],
      ['payee', ''],
      ['spentOn', '2026-13-01'],
    ] as const) {
      const res = await zhibu.post('/api/funding/expenses', expense({ [field]: bad }));
      expect([res.status, res.body.error.details[0].path], `${field}=${bad}`).toEqual([400, field]);
    }
    const future = await zhibu.post('/api/funding/expenses', expense({ spentOn: '2099-01-01' }));
    expect([future.status, future.body.error.details[0].path]).toEqual([400, 'spentOn']);
    const hidden = await zhibu.post('/api/funding/expenses', expense({ activityId: 999_999 }));
    expect([hidden.status, hidden.body.error.details[0].path]).toEqual([400, 'activityId']);

    const held = await balanceOf(zongzhi, unit('jnsd-wx-bk1'));
    const over = await zhibu.post('/api/funding/expenses', expense({ amountFen: held + 100 }));
    expect([over.status, over.body.error.code]).toEqual([409, 'INSUFFICIENT_FUNDS']);
    expect(over.body.error.message).toContain('文学院本科生第一党支部');
    expect(await balanceOf(zongzhi, unit('jnsd-wx-bk1'))).toBe(held);

    // Behind the service, the database refuses a row that would make the balance negative, and any edit.
    const { db } = t().database;
    const recorder = t().demo.personIds.get(t().demo.school.accounts.find((a) => a.username === 'zhibu')!.personKey)!;
    await expect(
      sql`insert into funding_expense (year, unit_id, category, spent_on, amount_fen, payee, description, needs_approval, recorded_by)
          values (2026, ${unit('jnsd-wx-bk1')}, 'other', '2026-09-01', ${held + 100}, 'x', 'x', false, ${recorder})`.execute(
        db,
      ),
    ).rejects.toThrow(/negative/);
    await expect(sql`update funding_expense set amount_fen = 1 where id = ${ok.body.id}`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from funding_expense where id = ${ok.body.id}`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate funding_expense cascade`.execute(db)).rejects.toThrow(/append-only/);
    const audit = await db
      .selectFrom('audit_event')
      .select(['action', 'unit_path'])
      .where('entity_type', '=', 'funding_expense')
      .where('entity_id', '=', String(ok.body.id))
      .execute();
    expect(audit).toEqual([
      { action: 'funding_expense.recorded', unit_path: expect.stringMatching(/^\/\d+\/\d+\/\d+\/$/) },
    ]);
  });

  it('sends an expense over the threshold to the level above, never to its recorder; a rejection frees the money', async () => {
    const zongzhi = await t().as('zongzhi');
    const zhibu = await t().as('zhibu');
    // Give the branch enough to spend over the 2026 threshold (¥500).
    expect(
      (
        await zongzhi.post('/api/funding/allocations', {
          toUnitId: unit('jnsd-wx-bk1'),
          amountFen: 80_000,
          allocatedOn: '2026-09-01',
        })
      ).status,
    ).toBe(201);
    const held = await balanceOf(zongzhi, unit('jnsd-wx-bk1'));
    const big = await zhibu.post('/api/funding/expenses', expense({ amountFen: 60_000, category: 'venue' }));
    expect([big.status, big.body.needsApproval]).toEqual([201, true]);
    // Pending money is reserved.
    expect(await balanceOf(zongzhi, unit('jnsd-wx-bk1'))).toBe(held - 60_000);
    const id = big.body.id;
    const approve = { decision: 'approved', reason: '' };
    expect((await t().anonymous.post(`/api/funding/expenses/${id}/decision`, approve)).status).toBe(401);
    expect((await (await t().as('zhibu2')).post(`/api/funding/expenses/${id}/decision`, approve)).status).toBe(404);
    const own = await zhibu.post(`/api/funding/expenses/${id}/decision`, approve);
    expect([own.status, own.body.error.message]).toEqual([403, '不能审批自己登记的支出']);
    expect((await (await t().as('dangwei')).post(`/api/funding/expenses/${id}/decision`, approve)).status).toBe(403);
    const noReason = await zongzhi.post(`/api/funding/expenses/${id}/decision`, { decision: 'rejected' });
    expect([noReason.status, noReason.body.error.details[0].path]).toEqual([400, 'reason']);
    const listed = await zongzhi.get('/api/funding/expenses?year=2026&status=pending');
    expect(listed.body.items.find((e: { id: number }) => e.id === id).abilities.decide).toBe(true);
    const ok = await zongzhi.post(`/api/funding/expenses/${id}/decision`, approve);
    expect([ok.status, ok.body.status]).toEqual([200, 'approved']);
    const again = await zongzhi.post(`/api/funding/expenses/${id}/decision`, approve);
    expect([again.status, again.body.error.code]).toEqual([409, 'NOT_PENDING']);

    const second = await zhibu.post('/api/funding/expenses', expense({ amountFen: 55_000 }));
    expect(second.status === 201 || second.body.error.code === 'INSUFFICIENT_FUNDS').toBe(true);
    if (second.status === 201) {
      const before = await balanceOf(zongzhi, unit('jnsd-wx-bk1'));
      const no = await zongzhi.post(`/api/funding/expenses/${second.body.id}/decision`, {
        decision: 'rejected',
        reason: '请先报送活动方案',
      });
      expect(no.status).toBe(200);
      expect(await balanceOf(zongzhi, unit('jnsd-wx-bk1'))).toBe(before + 55_000);
    }
    // Receiving money it has spent cannot be taken back: reversing the allocation would leave less than nothing.
    const allocations = await zongzhi.get(`/api/funding/allocations?year=2026&unitId=${unit('jnsd-wx-bk1')}`);
    const last = allocations.body.items.find(
      (a: { amountFen: number; abilities: { reverse: boolean } }) => a.amountFen === 80_000 && a.abilities.reverse,
    );
    const left = await balanceOf(zongzhi, unit('jnsd-wx-bk1'));
    const back = await zongzhi.post(`/api/funding/allocations/${last.id}/reverse`, { reason: '收回' });
    if (left < 80_000) expect([back.status, back.body.error.code]).toEqual([409, 'INSUFFICIENT_FUNDS']);
  });

  it('corrects by a reversing entry, three ways, once', async () => {
    const zhibu = await t().as('zhibu');
    const made = await zhibu.post('/api/funding/expenses', expense({ amountFen: 1_500, payee: '新华书店' }));
    const id = made.body.id;
    const reason = { reason: '金额有误' };
    expect((await t().anonymous.post(`/api/funding/expenses/${id}/reverse`, reason)).status).toBe(401);
    expect((await (await t().as('zhibu2')).post(`/api/funding/expenses/${id}/reverse`, reason)).status).toBe(404);
    expect((await (await t().as('dangwei')).post(`/api/funding/expenses/${id}/reverse`, reason)).status).toBe(403);
    const held = await balanceOf(zhibu, unit('jnsd-wx-bk1'));
    const ok = await zhibu.post(`/api/funding/expenses/${id}/reverse`, reason);
    expect(ok.status).toBe(201);
    expect(await balanceOf(zhibu, unit('jnsd-wx-bk1'))).toBe(held + 1_500);
    const twice = await zhibu.post(`/api/funding/expenses/${id}/reverse`, reason);
    expect([twice.status, twice.body.error.code]).toEqual([409, 'ALREADY_REVERSED']);
    const reversal = await zhibu.get(`/api/funding/expenses/${ok.body.id}`);
    expect([reversal.body.amountFen, reversal.body.reversesId, reversal.body.reason]).toEqual([-1_500, id, '金额有误']);
    const original = await zhibu.get(`/api/funding/expenses/${id}`);
    expect([original.body.amountFen, original.body.reversedById]).toEqual([1_500, ok.body.id]);
  });

  it('keeps receipts (image or PDF) with their hash; refuses wrong types, big files and a receipt used twice', async () => {
    const zhibu = await t().as('zhibu');
    const a = (await zhibu.post('/api/funding/expenses', expense({ amountFen: 1_000 }))).body.id;
    const b = (await zhibu.post('/api/funding/expenses', expense({ amountFen: 1_100 }))).body.id;
    expect((await upload(t().anonymous, a, PNG, 'image/png')).status).toBe(401);
    expect((await upload(await t().as('zhibu2'), a, PNG, 'image/png')).status).toBe(404);
    expect((await upload(await t().as('dangwei'), a, PNG, 'image/png')).status).toBe(403);

    const text = await upload(zhibu, a, Buffer.from('这不是发票'), 'application/pdf', '发票.pdf');
    expect([text.status, text.body.error.details[0].path]).toEqual([400, 'file']);
    const exe = await upload(zhibu, a, Buffer.from('MZ\x90\x00'), 'image/png');
    expect(exe.status).toBe(400);
    const huge = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(6 * 1024 * 1024, 0x20)]);
    const big = await upload(zhibu, a, huge, 'application/pdf', '大文件.pdf');
    expect([big.status, big.body.error.code]).toEqual([413, 'UPLOAD_TOO_LARGE']);

    const png = await upload(zhibu, a, PNG, 'image/png');
    expect(png.status).toBe(201);
    expect(png.body.sha256).toBe(createHash('sha256').update(PNG).digest('hex'));
    const pdf = await upload(zhibu, a, PDF, 'application/pdf', '发票.pdf');
    expect(pdf.status).toBe(201);
    const dup = await upload(zhibu, a, PNG, 'image/png');
    expect([dup.status, dup.body.error.code]).toEqual([409, 'DUPLICATE_RECEIPT']);
    const reused = await upload(zhibu, b, PNG, 'image/png');
    expect([reused.status, reused.body.error.code]).toEqual([409, 'RECEIPT_USED']);

    const file = await (await t().as('zongzhi')).get(pdf.body.url);
    expect([file.status, file.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(createHash('sha256').update(file.raw).digest('hex')).toBe(pdf.body.sha256);
    expect((await (await t().as('zhibu2')).get(pdf.body.url)).status).toBe(404);
    const shown = await zhibu.get(`/api/funding/expenses/${a}`);
    expect(shown.body.receipts.map((r: { mime: string }) => r.mime)).toEqual(['image/png', 'application/pdf']);
  });

  it('exports one row per expense, exactly the rows the filters show', async () => {
    const zongzhi = await t().as('zongzhi');
    const q = `year=2025&unitId=${unit('jnsd-wx')}`;
    const list = await zongzhi.get(`/api/funding/expenses?${q}&pageSize=200`);
    expect(list.body.total).toBeGreaterThan(5);
    const xlsx = await zongzhi.get(`/api/funding/expenses.xlsx?${q}`);
    expect(xlsx.status).toBe(200);
    const sheet = await readXlsx(xlsx.raw);
    expect(sheet.headers.slice(0, 6)).toEqual(['编号', '单位', '类别', '金额（元）', '支出日期', '关联']);
    expect(sheet.rows.length).toBe(list.body.total);
    expect(sheet.rows.every((r) => r[1]!.startsWith('中共江南师范大学委员会 / 文学院党总支'))).toBe(true);
    const total = list.body.items.reduce((s: number, e: { amountFen: number }) => s + e.amountFen, 0);
    expect(Math.round(sheet.rows.reduce((s, r) => s + Number(r[3]) * 100, 0))).toBe(total);
    // Someone outside the funding scope gets nothing.
    expect((await (await t().as('dangyuan')).get('/api/funding/expenses?year=2025')).body.total).toBe(0);
  });
});
