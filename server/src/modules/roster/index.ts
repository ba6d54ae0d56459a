import type { AppModule } from '../../core/module';
import { rosterRoutes } from './roster.routes';

/** 名册导入导出: Excel templates, two-step all-or-nothing imports of people and units, and exports. */
export const rosterModule: AppModule = { name: 'roster', tag: '名册导入导出', routes: rosterRoutes };
