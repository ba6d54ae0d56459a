import { lazyPage, type ModuleRoute } from '../types';

// Reached from the user menu in the header, so it has no side-menu entry.
const PasswordPage = lazyPage(() => import('./PasswordPage'), 'PasswordPage');

export const routes: ModuleRoute[] = [{ path: '/account/password', element: <PasswordPage /> }];
