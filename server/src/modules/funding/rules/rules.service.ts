import { DEFAULT_FUNDING_RULE, type FundingRuleInput } from '@pioneer/domain';
import { type Actor, scopePaths } from '../../../core/actor';
import { recordAudit } from '../../../core/audit/audit';
import { conflict, forbidden } from '../../../core/errors';
import { type Ctx, rootUnit, todayInShanghai } from '../shared';
import { canSetRules, ruleAbilities } from './rules.policy';
import * as repo from './rules.repository';

/** Anyone who sees some funding may read the rules; they are the same for the whole tree. */
function mustSeeFunding(actor: Actor) {
  if (scopePaths(actor, 'funding.view').length === 0) throw forbidden('您没有查看党建经费的权限');
}

export async function listRules(ctx: Ctx, actor: Actor) {
  mustSeeFunding(actor);
  const root = await rootUnit(ctx.db);
  const items = await repo.listRules(ctx.db);
  return {
    items: items.map((r) => ({ ...r, abilities: ruleAbilities(actor, root.path, r) })),
    canCreate: canSetRules(actor, root.path),
  };
}

/**
 * A year's rules with the member counts behind its minimums: frozen counts once confirmed, a live preview of
 * the roster before. A year not yet set is proposed from the year before (or the seed's defaults).
 */
export async function ruleOfYear(ctx: Ctx, actor: Actor, year: number) {
  mustSeeFunding(actor);
  const root = await rootUnit(ctx.db);
  const rule = (await repo.findRule(ctx.db, year)) ?? null;
  const previous = rule ? null : await repo.findRule(ctx.db, year - 1);
  const proposal = rule
    ? null
    : {
        year,
        staffRateFen: previous?.staffRateFen ?? DEFAULT_FUNDING_RULE.staffRateFen,
        studentRateFen: previous?.studentRateFen ?? DEFAULT_FUNDING_RULE.studentRateFen,
        specialFundFen: previous?.specialFundFen ?? DEFAULT_FUNDING_RULE.specialFundFen,
        approvalThresholdFen: previous?.approvalThresholdFen ?? DEFAULT_FUNDING_RULE.approvalThresholdFen,
        referenceDate: `${year}-01-01`,
        note: '',
      };
  const confirmed = Boolean(rule?.confirmedAt);
  const rates = rule ?? proposal!;
  const counts = (await repo.countsFor(ctx.db, actor, year, confirmed, root.path)).map((c) => ({
    ...c,
    minimumFen: c.minimumFen ?? c.staff * rates.staffRateFen + c.student * rates.studentRateFen,
  }));
  return { rule, proposal, root, counts, abilities: ruleAbilities(actor, root.path, rule) };
}

export async function saveRule(ctx: Ctx, actor: Actor, year: number, input: FundingRuleInput) {
  const root = await rootUnit(ctx.db);
  if (!canSetRules(actor, root.path)) throw forbidden('只有党委组织部可以制定年度经费标准');
  return ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findRule(trx, year);
    if (before?.confirmedAt) throw conflict('RULE_CONFIRMED', `${year} 年度经费标准已确认，不能再修改`);
    await repo.saveDraft(trx, year, input, actor.personId);
    await recordAudit(trx, actor, {
      action: before ? 'funding_rule.updated' : 'funding_rule.created',
      entityType: 'funding_rule',
      entityId: year,
      unitPath: root.path,
      before: before ?? undefined,
      after: input,
    });
    return (await repo.findRule(trx, year))!;
  });
}

/**
 * Confirms a year's rules: counts the members of every unit's subtree from the roster, freezes the counts and
 * the minimums they give, and credits the committee with the year's budget — the sum of the minimums as
 * activity funds, and the special fund for service-oriented building. From then on the rule cannot change.
 */
export async function confirmRule(ctx: Ctx, actor: Actor, year: number) {
  const root = await rootUnit(ctx.db);
  if (!canSetRules(actor, root.path)) throw forbidden('只有党委组织部可以确认年度经费标准');
  return ctx.db.transaction().execute(async (trx) => {
    const rule = await repo.findRule(trx, year);
    if (!rule) throw conflict('RULE_MISSING', `请先制定 ${year} 年度经费标准`);
    if (rule.confirmedAt) throw conflict('RULE_CONFIRMED', `${year} 年度经费标准已确认`);
    const confirmedAt = new Date().toISOString();
    await trx
      .updateTable('funding_rule')
      .set({ confirmed_at: confirmedAt, confirmed_by: actor.personId })
      .where('year', '=', year)
      .execute();
    const total = await repo.freezeCounts(
      trx,
      year,
      { staff: rule.staffRateFen, student: rule.studentRateFen },
      root.path,
    );
    const today = todayInShanghai();
    const on = today < `${year}-01-01` ? `${year}-01-01` : today > `${year}-12-31` ? `${year}-12-31` : today;
    const budget = [
      {
        purpose: 'standard' as const,
        amount: total.minimumFen,
        note: `${year} 年度党建活动经费预算（按党员人数核定）`,
      },
      { purpose: 'special' as const, amount: rule.specialFundFen, note: `${year} 年度服务型党组织建设专项` },
    ].filter((b) => b.amount > 0);
    for (const b of budget) {
      await trx
        .insertInto('funding_allocation')
        .values({
          year,
          from_unit_id: null,
          to_unit_id: root.id,
          purpose: b.purpose,
          amount_fen: b.amount,
          allocated_on: on,
          note: b.note,
          recorded_by: actor.personId,
        })
        .execute();
    }
    await recordAudit(trx, actor, {
      action: 'funding_rule.confirmed',
      entityType: 'funding_rule',
      entityId: year,
      unitPath: root.path,
      after: {
        staffMembers: total.staff,
        studentMembers: total.student,
        minimumFen: total.minimumFen,
        specialFundFen: rule.specialFundFen,
      },
    });
    return { year, confirmedAt, ...total, specialFundFen: rule.specialFundFen };
  });
}
