import type { ModuleRoute } from '../types';
import { PasswordPage } from './PasswordPage';

// Reached from the user menu in the header, so it has no side-menu entry.
export const routes: ModuleRoute[] = [{ path: '/account/password', element: <PasswordPage /> }];
