import { ROUTES } from '../modules/registry';
import type { ModuleRoute } from '../modules/types';

export type PortalTile = Required<Pick<ModuleRoute, 'path' | 'portal'>>['portal'] & { path: string };

/** The public pages that modules put on the portal (ModuleRoute.portal), in their order. */
export function portalTiles(): PortalTile[] {
  return ROUTES.filter((r) => r.portal)
    .map((r) => ({ ...r.portal!, path: r.path }))
    .sort((a, b) => a.order - b.order);
}
