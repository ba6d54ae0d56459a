import { ROUTES } from '../modules/registry';
import { lazyPage, type ModuleRoute } from '../modules/types';

// Like every page, the home page loads on first visit: sign-in and the public pages do not carry it.
const HomePage = lazyPage(() => import('./HomePage'), 'HomePage');

/** Every page: the shell's home page, then each module's routes (web/src/modules/registry.ts). */
export const ALL_ROUTES: ModuleRoute[] = [
  // Public: signed out, the home page is the portal (HomePage shows it when nobody is signed in).
  { path: '/', element: <HomePage />, public: true, menu: { label: '首页', group: '' } },
  ...ROUTES,
];
