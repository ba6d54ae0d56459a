import type { AppModule } from '../../core/module';

export const serviceDemandsModule: AppModule = { name: 'service-demands', tag: '服务需求', routes: () => {} };
