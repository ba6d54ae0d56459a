import type { ModuleRoute } from '../types';

export const routes: ModuleRoute[] = [];
