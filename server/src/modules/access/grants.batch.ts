import { z } from 'zod';
import type { Actor } from '../../core/actor';
import { badRequest, conflict, notFound } from '../../core/errors';
import type { Context } from '../../core/module';
import * as repo from './access.repository';
import { createGrantIn, revokeGrantIn } from './access.service';

/** Batch work on the role holders list: all selected grants change, or none (the first refusal names its row). */
const ids = z
  .array(z.number().int().positive().max(2_147_483_647))
  .min(1, '请至少选择一项')
  .max(200, '一次最多 200 项');
export const revokeBatchInput = z.object({ ids, reason: z.string().trim().min(1, '请填写收回原因').max(500) });
export const renewBatchInput = z.object({
  ids,
  validTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
});

export async function revokeMany(ctx: Pick<Context, 'db'>, actor: Actor, input: z.infer<typeof revokeBatchInput>) {
  return ctx.db.transaction().execute(async (trx) => {
    for (const id of new Set(input.ids)) await revokeGrantIn(trx, actor, id, { reason: input.reason });
    return { revoked: new Set(input.ids).size };
  });
}

const nextDay = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/**
 * 续任: each selected term-limited grant gets a successor grant from the day after it ends until `validTo`;
 * the old one runs out on its own date, so history shows both terms. Long-term grants have nothing to renew.
 */
export async function renewMany(ctx: Pick<Context, 'db'>, actor: Actor, input: z.infer<typeof renewBatchInput>) {
  return ctx.db.transaction().execute(async (trx) => {
    let renewed = 0;
    for (const id of new Set(input.ids)) {
      const grant = await repo.findGrant(trx, actor, id);
      if (!grant) throw notFound('角色授权');
      if (grant.revokedAt) throw conflict('ALREADY_REVOKED', `${grant.personName}的该角色已收回，不能续任`);
      if (!grant.validTo)
        throw conflict('NO_END_DATE', `${grant.personName}的「${grant.unitName}」角色为长期，无需续任`);
      const validFrom = nextDay(grant.validTo);
      if (input.validTo < validFrom) throw badRequest('validTo', `续任结束日期应晚于 ${grant.validTo}`);
      await createGrantIn(
        trx,
        actor,
        {
          personId: grant.personId,
          role: grant.role as never,
          unitId: grant.unitId,
          validFrom,
          validTo: input.validTo,
        },
        '续任',
      );
      renewed++;
    }
    return { renewed };
  });
}
