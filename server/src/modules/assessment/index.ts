import type { App, AppModule, Context } from '../../core/module';
import { indicatorRoutes } from './indicators/indicators.routes';
import { memberYearRoutes } from './member-year/member-year.routes';

/**
 * 服务绩效考核 (DOMAIN.md §7; seed 三(六)3, 四(一)). Sub-areas in their own folders: `indicators/` (the
 * indicator system per year and class of unit, weights, scoring methods, freezing and versions), `member-year/` (each member's year on one page, from the records). The yearly
 * cycle and the scores build on it.
 */
export const assessmentModule: AppModule = {
  name: 'assessment',
  tag: '服务绩效考核',
  routes(app: App, ctx: Context) {
    indicatorRoutes(app, ctx);
    memberYearRoutes(app, ctx);
  },
};
