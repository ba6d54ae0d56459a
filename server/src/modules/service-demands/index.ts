import type { App, AppModule, Context } from '../../core/module';
import { demandExportRoutes } from './demands.export';
import { demandMeasures } from './demands.measures';
import { demandRoutes } from './demands.routes';
import { seedDemands } from './demo.seed';
import { insightRoutes } from './insights.routes';
import { lifecycleRoutes } from './lifecycle.routes';
import { open311Routes } from './open311.routes';
import { sweep } from './overdue.service';
import { publicRoutes } from './public.routes';

/** Open311 answers malformed URLs in its own error format too (app.ts hands them over). */
export { isOpen311Url, open311FrameworkError } from './open311.errors';

const SWEEP_EVERY_MS = 5 * 60_000;

function routes(app: App, ctx: Context) {
  demandRoutes(app, ctx);
  demandExportRoutes(app, ctx);
  lifecycleRoutes(app, ctx);
  insightRoutes(app, ctx);
  publicRoutes(app, ctx);
  open311Routes(app, ctx);
}

/**
 * 服务需求 (DOMAIN.md §3): intake from every channel (incl. the public form and Open311), triage, publication,
 * claiming and assignment, service with hours and photos, rating by the people served, time limits, 量体裁衣
 * matching, the public board and the figures.
 */
export const serviceDemandsModule: AppModule = {
  name: 'service-demands',
  tag: '服务需求',
  routes,
  seedDemo: seedDemands,
  measures: demandMeasures,
  // Time limits need a clock: every few minutes expire, notify overdue, close unrated (tests call the sweep route).
  jobs: [{ name: '服务需求时限巡检', everyMs: SWEEP_EVERY_MS, run: sweep }],
};
