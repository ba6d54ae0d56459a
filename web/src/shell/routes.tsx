import { ROUTES } from '../modules/registry';
import type { ModuleRoute } from '../modules/types';
import { HomePage } from './HomePage';

/** Every page: the shell's home page, then each module's routes (web/src/modules/registry.ts). */
export const ALL_ROUTES: ModuleRoute[] = [
  { path: '/', element: <HomePage />, menu: { label: '首页', group: '' } },
  ...ROUTES,
];
