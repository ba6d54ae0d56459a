import type { AppModule } from '../../core/module';
import { orgMeasures } from './org.measures';
import { orgRoutes } from './org.routes';

/** 组织架构: the unit tree (committee → general branches → branches), partners, grid units and coverage. */
export const orgModule: AppModule = { name: 'org', tag: '组织架构', routes: orgRoutes, measures: orgMeasures };
