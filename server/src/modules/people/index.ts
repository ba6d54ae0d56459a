import type { AppModule } from '../../core/module';

export const peopleModule: AppModule = { name: 'people', tag: '人员', routes: () => {} };
