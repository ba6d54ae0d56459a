import type { AppModule } from '../../core/module';
import { accessRoutes } from './access.routes';

/** 角色与权限: role grants on units (covering their subtrees) and the explanation of anyone's access. */
export const accessModule: AppModule = { name: 'access', tag: '角色与权限', routes: accessRoutes };
