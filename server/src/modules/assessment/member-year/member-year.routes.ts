import { z } from 'zod';
import { requireActor } from '../../../core/auth/auth.plugin';
import { notFound } from '../../../core/errors';
import { periodBounds } from '../../../core/measures/measures.routes';
import type { App, Context } from '../../../core/module';
import { findVisiblePerson } from '../../people/people.service';
import { demandsYear } from '../../service-demands/member-year';
import { volunteeringYear } from '../../volunteering/member-year';

/**
 * 党员年度服务档案: each member's year on one page — hours, needs served and the ratings received, activities,
 * venue duties, 双报到 — assembled from each module's records, never typed in. The member sees their own; whoever
 * may view the person (their branch, for the democratic evaluation) sees theirs.
 */
export function memberYearRoutes(app: App, ctx: Context) {
  app.get(
    '/api/people/:id/year',
    {
      schema: {
        tags: ['服务绩效考核'],
        summary: '党员年度服务档案（从记录汇总）',
        params: z.object({ id: z.coerce.number().int().positive() }),
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const person = await findVisiblePerson(ctx.db, actor, request.params.id);
      if (!person) throw notFound('人员');
      const year = request.query.year ?? Number(periodBounds().fromDay.slice(0, 4));
      const { from, to } = periodBounds(`${year}-01-01`, `${year}-12-31`);
      const [volunteering, demands] = await Promise.all([
        volunteeringYear(ctx.db, person.id, from, to),
        demandsYear(ctx.db, person.id, from, to),
      ]);
      return { person, year, volunteering, demands };
    },
  );
}
