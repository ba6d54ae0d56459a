import type { AppModule } from '../../core/module';

export const accessModule: AppModule = { name: 'access', tag: '角色与权限', routes: () => {} };
