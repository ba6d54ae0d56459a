import type { App, AppModule, Context } from '../../core/module';
import { allocationRoutes } from './allocations/allocations.routes';
import { expenseRoutes } from './expenses/expenses.routes';
import { fundingMeasures } from './funding.measures';
import { overviewRoutes } from './overview/overview.routes';
import { ruleRoutes } from './rules/rules.routes';
import { seedFunding } from './seed';

/**
 * 经费保障 (seed 三(六)4, 四(二)): the year's rules with member counts frozen on confirmation, allocations down
 * the tree (重心下移), the append-only expense ledger with receipts and approval over a threshold, execution
 * and the minimum-funding compliance check. See docs/funding.md.
 */
export const fundingModule: AppModule = {
  name: 'funding',
  tag: '经费保障',
  seedDemo: seedFunding,
  measures: fundingMeasures,
  routes(app: App, ctx: Context) {
    ruleRoutes(app, ctx);
    allocationRoutes(app, ctx);
    expenseRoutes(app, ctx);
    overviewRoutes(app, ctx);
  },
};
