import type { Transaction } from 'kysely';
import type { DB } from '../../db/types';
import type { LoadedDemo } from '../../seed/load-demo';
import { freezeCounts } from './rules/rules.repository';
import { receiptPdf } from './seed-receipt';

/**
 * The demo school's funding for last year (2025, closed) and this year (2026, in progress): confirmed rules
 * with frozen counts, the budget, allocations down the tree, expenses with receipts, approvals, one reversal.
 * Deterministic (no clock, no randomness). Some units get less than their minimum — in 2025 one branch in four,
 * in 2026 also the last unit under the committee — so the compliance check has something to show.
 */
const YEARS = [2025, 2026] as const;
const SPECIAL_FUND_FEN = 500_000;
const THRESHOLD_FEN = 50_000;
const CATEGORIES = ['activity', 'care', 'publicity', 'training', 'venue', 'research', 'other'] as const;

const PAYEES = ['校园文印中心', '文苑社区服务站', '新华书店（仙林店）', '学校后勤服务集团', '红色教育基地', '校史馆'];
const WHAT: Record<(typeof CATEGORIES)[number], string> = {
  activity: '主题党日活动物资',
  care: '走访慰问困难党员、老党员',
  publicity: '党建宣传展板制作',
  training: '党员发展对象培训资料',
  venue: '党员活动室设施维护',
  research: '服务需求调研问卷印制',
  other: '支部工作日常用品',
};

export async function seedFunding(trx: Transaction<DB>, demo: LoadedDemo) {
  const { school } = demo;
  const unitId = (key: string) => demo.unitIds.get(key)!;
  const root = school.units.find((u) => u.parentKey === null)!;
  const rootRow = await trx
    .selectFrom('org_unit')
    .select(['id', 'path'])
    .where('id', '=', unitId(root.key))
    .executeTakeFirstOrThrow();
  const officer = demo.personIds.get(school.grants.find((g) => g.role === 'org_dept')!.personKey)!;
  const secretaries = new Map(
    school.grants.filter((g) => g.role.endsWith('secretary')).map((g) => [g.unitKey, demo.personIds.get(g.personKey)!]),
  );
  const actorFor = (unitKey: string | null) => (unitKey && secretaries.get(unitKey)) || officer;
  const children = (key: string) => school.units.filter((u) => u.parentKey === key);
  const activities = await trx
    .selectFrom('volunteer_activity')
    .select(['id', 'title', 'org_unit_id', 'starts_at'])
    .where('status', '<>', 'cancelled')
    .orderBy('id')
    .execute();
  let receiptNo = 0;

  for (const year of YEARS) {
    await trx
      .insertInto('funding_rule')
      .values({
        year,
        staff_rate_fen: 20_000,
        student_rate_fen: 10_000,
        special_fund_fen: SPECIAL_FUND_FEN,
        approval_threshold_fen: THRESHOLD_FEN,
        reference_date: `${year}-01-01`,
        note: '按《实施意见》：教职工党员每人每年不少于200元、学生党员每人每年不少于100元',
        updated_by: officer,
        updated_at: `${year}-01-08T10:00:00+08:00`,
        confirmed_by: officer,
        confirmed_at: `${year}-01-10T10:00:00+08:00`,
      })
      .execute();
    const total = await freezeCounts(trx, year, { staff: 20_000, student: 10_000 }, rootRow.path);
    const counts = await trx
      .selectFrom('funding_rule_count')
      .select(['unit_id', 'minimum_fen'])
      .where('year', '=', year)
      .execute();
    const minimum = new Map(counts.map((c) => [c.unit_id, c.minimum_fen]));
    const balance = new Map<number, number>();
    const give = async (
      from: number | null,
      to: number,
      fen: number,
      on: string,
      purpose: 'standard' | 'special',
      note: string,
    ) => {
      if (fen <= 0) return;
      await trx
        .insertInto('funding_allocation')
        .values({
          year,
          from_unit_id: from,
          to_unit_id: to,
          purpose,
          amount_fen: fen,
          allocated_on: on,
          note,
          recorded_by: officer,
        })
        .execute();
      if (from !== null) balance.set(from, (balance.get(from) ?? 0) - fen);
      balance.set(to, (balance.get(to) ?? 0) + fen);
    };
    await give(
      null,
      rootRow.id,
      total.minimumFen,
      `${year}-01-10`,
      'standard',
      `${year} 年度党建活动经费预算（按党员人数核定）`,
    );
    await give(null, rootRow.id, SPECIAL_FUND_FEN, `${year}-01-10`, 'special', `${year} 年度服务型党组织建设专项`);

    // The committee passes each unit under it its minimum and a share of the special fund; in 2026 the last one
    // is still waiting for a fifth of its money and has no special share yet.
    const tops = children(root.key);
    for (const [i, top] of tops.entries()) {
      const id = unitId(top.key);
      const min = minimum.get(id) ?? 0;
      const late = year === 2026 && i === tops.length - 1;
      const standard = late ? Math.floor((min * 0.8) / 100) * 100 : min;
      await give(rootRow.id, id, standard, `${year}-03-15`, 'standard', '年度党建活动经费');
      const special =
        late || total.minimumFen === 0 ? 0 : Math.floor((SPECIAL_FUND_FEN * min) / total.minimumFen / 100) * 100;
      await give(rootRow.id, id, special, `${year}-03-15`, 'special', '服务型党组织建设专项');
      // 重心下移: a general branch passes its branches their minimum and a twentieth more; one in four gets
      // three quarters (a branch under its minimum).
      for (const [j, branch] of children(top.key).entries()) {
        const bid = unitId(branch.key);
        const bmin = minimum.get(bid) ?? 0;
        const planned =
          (j + year) % 4 === 0 ? Math.floor((bmin * 0.75) / 100) * 100 : Math.floor((bmin * 1.05) / 100) * 100;
        await give(
          id,
          bid,
          Math.min(planned, balance.get(id) ?? 0),
          `${year}-04-10`,
          'standard',
          '下拨支部党建活动经费',
        );
      }
    }

    // Every unit below the committee spends part of what it holds, in two or three entries; this year the demo
    // secretary zhibu's branch keeps most of it for a large purchase waiting for approval (below).
    const zhibu = school.accounts.find((a) => a.username === 'zhibu');
    const queued =
      school.units.find((u) => u.key === school.people.find((p) => p.key === zhibu?.personKey)?.unitKey) ??
      children(tops[0]?.key ?? '').find((u) => u.branchKind === 'student');
    const spenders = school.units.filter((u) => u.parentKey !== null);
    for (const [idx, unit] of spenders.entries()) {
      const id = unitId(unit.key);
      const held = balance.get(id) ?? 0;
      const share =
        year === 2025 ? 0.7 + ((idx * 7) % 25) / 100 : unit.key === queued?.key ? 0.2 : 0.35 + ((idx * 11) % 40) / 100;
      const target = Math.floor((held * share) / 100) * 100;
      const parts = [0.5, 0.3, 0.2].map((p) => Math.floor((target * p) / 100) * 100).filter((fen) => fen >= 1000);
      for (const [n, fen] of parts.entries()) {
        const category = CATEGORIES[(idx + n) % CATEGORIES.length]!;
        const month = year === 2025 ? 4 + n * 3 : 3 + n * 3;
        const spentOn = `${year}-${String(month).padStart(2, '0')}-${String(10 + (idx % 15)).padStart(2, '0')}`;
        const activity =
          category === 'activity' || n === 0
            ? activities.find((a) => a.org_unit_id === id && a.starts_at.slice(0, 4) === String(year))
            : undefined;
        const recorder = actorFor(unit.key);
        const row = await trx
          .insertInto('funding_expense')
          .values({
            year,
            unit_id: id,
            category: activity ? 'activity' : category,
            spent_on: spentOn,
            amount_fen: fen,
            payee: PAYEES[(idx + n) % PAYEES.length]!,
            description: activity ? `志愿服务活动用品：${activity.title}` : WHAT[category],
            activity_id: activity?.id ?? null,
            link_title: activity ? `志愿服务活动：${activity.title}` : null,
            needs_approval: fen > THRESHOLD_FEN,
            recorded_by: recorder,
            recorded_at: `${spentOn}T16:00:00+08:00`,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        balance.set(id, (balance.get(id) ?? 0) - fen);
        if (fen > THRESHOLD_FEN) {
          await trx
            .insertInto('funding_expense_decision')
            .values({
              expense_id: row.id,
              decision: 'approved',
              reason: '',
              decided_by: actorFor(unit.parentKey === root.key ? null : unit.parentKey),
              decided_at: `${spentOn}T18:00:00+08:00`,
            })
            .execute();
        }
        receiptNo += 1;
        const pdf = receiptPdf(`JNSD-${year}-${String(receiptNo).padStart(4, '0')}`, fen);
        await trx
          .insertInto('funding_receipt')
          .values({
            expense_id: row.id,
            file_name: `票据-${year}-${String(receiptNo).padStart(4, '0')}.pdf`,
            mime: 'application/pdf',
            bytes: pdf.content.length,
            sha256: pdf.sha256,
            content: pdf.content,
            uploaded_by: recorder,
            uploaded_at: `${spentOn}T16:05:00+08:00`,
          })
          .execute();
      }
    }

    // This year, a large purchase of the demo secretary zhibu's branch waits for its general branch (the queue).
    const queuedLeft = queued ? (balance.get(unitId(queued.key)) ?? 0) : 0;
    if (queued && year === 2026 && queuedLeft * 0.9 > THRESHOLD_FEN) {
      const fen = Math.floor((queuedLeft * 0.9) / 100) * 100;
      const row = await trx
        .insertInto('funding_expense')
        .values({
          year,
          unit_id: unitId(queued.key),
          category: 'venue',
          spent_on: `${year}-11-20`,
          amount_fen: fen,
          payee: '学校后勤服务集团',
          description: '党员服务站桌椅与展示柜购置',
          needs_approval: true,
          recorded_by: actorFor(queued.key),
          recorded_at: `${year}-11-20T15:00:00+08:00`,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      receiptNo += 1;
      const pdf = receiptPdf(`JNSD-${year}-${String(receiptNo).padStart(4, '0')}`, fen);
      await trx
        .insertInto('funding_receipt')
        .values({
          expense_id: row.id,
          file_name: `票据-${year}-${String(receiptNo).padStart(4, '0')}.pdf`,
          mime: 'application/pdf',
          bytes: pdf.content.length,
          sha256: pdf.sha256,
          content: pdf.content,
          uploaded_by: actorFor(queued.key),
          uploaded_at: `${year}-11-20T15:05:00+08:00`,
        })
        .execute();
    }

    // A correction as the ledger keeps it: a mistaken entry and the entry reversing it.
    const first = spenders.find((u) => children(u.key).length === 0);
    if (first && year === 2025) {
      const id = unitId(first.key);
      const wrong = await trx
        .insertInto('funding_expense')
        .values({
          year,
          unit_id: id,
          category: 'publicity',
          spent_on: `${year}-05-20`,
          amount_fen: 9_000,
          payee: '校园文印中心',
          description: '宣传册印制（金额录入有误）',
          needs_approval: false,
          recorded_by: actorFor(first.key),
          recorded_at: `${year}-05-20T15:00:00+08:00`,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('funding_expense')
        .values({
          year,
          unit_id: id,
          category: 'publicity',
          spent_on: `${year}-05-20`,
          amount_fen: -9_000,
          payee: '校园文印中心',
          description: '宣传册印制（金额录入有误）',
          needs_approval: false,
          reverses_id: wrong.id,
          reason: '金额录入有误，已按发票重新登记',
          recorded_by: actorFor(first.key),
          recorded_at: `${year}-05-21T09:00:00+08:00`,
        })
        .execute();
    }
  }
}
