import type { AppModule } from '../../core/module';
import { CLEANUP_EVERY_MS, deleteStalePreviews } from './roster.cleanup';
import { rosterRoutes } from './roster.routes';

/** 名册导入导出: Excel templates, two-step all-or-nothing imports of people and units, and exports. */
export const rosterModule: AppModule = {
  name: 'roster',
  tag: '名册导入导出',
  routes: rosterRoutes,
  // Previews never committed are deleted after a day (they hold the uploaded people's data).
  jobs: [{ name: '清理未确认的导入预览', everyMs: CLEANUP_EVERY_MS, run: deleteStalePreviews }],
};
