import type { AppModule } from '../../core/module';

export const rosterModule: AppModule = { name: 'roster', tag: '名册导入导出', routes: () => {} };
