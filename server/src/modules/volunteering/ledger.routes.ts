import { correctionInput, hoursEntryInput, reasonInput } from '@pioneer/domain';
import { z } from 'zod';
import type { Actor } from '../../core/actor';
import { requireActor } from '../../core/auth/auth.plugin';
import { notFound } from '../../core/errors';
import type { App, Context } from '../../core/module';
import { inScope } from '../../core/scope';
import { verifyPersonChain } from './ledger.chain';
import { entryAbilities } from './ledger.policy';
import * as repo from './ledger.repository';
import * as service from './ledger.service';
import { type Db, unitForAction } from './shared';

const tags = ['志愿服务时长'];
const idParams = z.object({ id: z.coerce.number().int().positive() });
const year = z.coerce.number().int().min(2000).max(2100);
const ledgerQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  year: year.optional(),
  personId: z.coerce.number().int().positive().optional(),
});

/**
 * Entries with their flags (written when each credit was appended, ledger.flagging.ts), where each stands in
 * review, and what the actor may do with each.
 */
function present(actor: Actor, rows: repo.EntryRow[]) {
  return rows.map((e) => ({
    ...e,
    id: Number(e.id),
    flags: e.flags ?? [],
    abilities: entryAbilities(actor, e),
  }));
}

async function subtree(db: Db, actor: Actor, unitId: number | undefined) {
  return unitId ? (await unitForAction(db, actor, unitId, 'volunteer.view')).path : undefined;
}

export function ledgerRoutes(app: App, ctx: Context) {
  app.get(
    '/api/volunteer/my/hours',
    { schema: { tags, summary: '我的服务时长（按年度）', querystring: z.object({ year: year.optional() }) } },
    async (request) => {
      const actor = requireActor(request);
      const [totals, entries] = await Promise.all([
        repo.myYearTotals(ctx.db, actor.personId),
        repo.myEntries(ctx.db, actor.personId, request.query.year),
      ]);
      return { totals, items: entries.map((e) => ({ ...e, id: Number(e.id), flags: e.flags ?? [], hash: undefined })) };
    },
  );

  app.get(
    '/api/volunteer/ledger',
    { schema: { tags, summary: '时长台账（含疑点标记）', querystring: ledgerQuery } },
    async (request) => {
      const actor = requireActor(request);
      const { unitId, ...f } = request.query;
      const rows = await repo.listInScope(ctx.db, actor, { ...f, unitPath: await subtree(ctx.db, actor, unitId) });
      return { items: present(actor, rows) };
    },
  );

  app.get(
    '/api/volunteer/ledger/flags',
    { schema: { tags, summary: '时长疑点：补录过晚、超过活动时长、时间重叠、集中录入', querystring: ledgerQuery } },
    async (request) => {
      const actor = requireActor(request);
      const { unitId, ...f } = request.query;
      const rows = await repo.listInScope(ctx.db, actor, { ...f, unitPath: await subtree(ctx.db, actor, unitId) });
      return { items: present(actor, rows).filter((e) => e.flags.length > 0) };
    },
  );

  app.get(
    '/api/volunteer/ledger/totals',
    {
      schema: {
        tags,
        summary: '个人年度时长汇总',
        querystring: z.object({ unitId: z.coerce.number().int().positive().optional(), year }),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const unitPath = await subtree(ctx.db, actor, request.query.unitId);
      return { items: await repo.totalsInScope(ctx.db, actor, { unitPath, year: request.query.year }) };
    },
  );

  app.get(
    '/api/volunteer/ledger/verify',
    {
      schema: {
        tags,
        summary: '校验某人时长记录的哈希链',
        querystring: z.object({ personId: z.coerce.number().int().positive() }),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { personId } = request.query;
      const visible = await ctx.db
        .selectFrom('person as p')
        .innerJoin('org_unit as u', 'u.id', 'p.unit_id')
        .select('p.id')
        .where('p.id', '=', personId)
        .where((eb) => eb.or([inScope(eb, 'u.path', actor, 'volunteer.view'), eb('p.id', '=', actor.personId)]))
        .executeTakeFirst();
      if (!visible) throw notFound('人员');
      return verifyPersonChain(ctx.db, personId);
    },
  );

  app.post(
    '/api/volunteer/ledger',
    { schema: { tags, summary: '手工录入服务时长', body: hoursEntryInput } },
    async (request, reply) => reply.code(201).send(await service.addCredit(ctx, requireActor(request), request.body)),
  );
  app.post(
    '/api/volunteer/ledger/:id/reverse',
    { schema: { tags, summary: '冲销一条时长记录', params: idParams, body: reasonInput } },
    async (request) => service.reverseEntry(ctx, requireActor(request), request.params.id, request.body.reason),
  );
  app.post(
    '/api/volunteer/ledger/:id/correct',
    { schema: { tags, summary: '更正时长（冲销原记录并记入新记录）', params: idParams, body: correctionInput } },
    async (request) => service.correctEntry(ctx, requireActor(request), request.params.id, request.body),
  );
}
