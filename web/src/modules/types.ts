import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import type { Me } from '../api';

/**
 * A web module's pages. The shell builds the router and the side menu from every module's list
 * (web/src/modules/registry.ts), so a module adds pages without touching the shell.
 */
export interface ModuleRoute {
  /** Route path, e.g. '/demands' or '/demands/:id'. */
  path: string;
  element: ReactNode;
  /** Pages anyone can open without signing in (public board, public forms, verification). */
  public?: boolean;
  /** Present when the page has a side-menu entry. */
  menu?: {
    label: string;
    icon?: ReactNode;
    /** Menu group label, e.g. '组织与人员', '服务需求', '志愿服务', '系统'. */
    group: string;
    /** Whether this person sees the entry; default: everyone signed in. */
    visible?: (me: Me) => boolean;
  };
  /**
   * Present when a public page has a tile on the portal (`/` signed out): its name and one line saying what
   * it is for, in both locales; tiles are shown by `order`. A later module adds its tile here, not in the shell.
   */
  portal?: {
    order: number;
    icon?: ReactNode;
    zh: { label: string; description: string };
    en: { label: string; description: string };
  };
}

/** True when the person holds `permission` somewhere (their scope for it is not empty). */
export const hasPermission = (me: Me, permission: string) =>
  me.isSystemAdmin || (me.scopes[permission]?.length ?? 0) > 0;

/**
 * A page loaded on first visit, so the first load carries only the shell and the page opened (issue 9):
 * `lazyPage(() => import('./OrgTreePage'), 'OrgTreePage')` for a named export. The shell's frames wrap pages
 * in Suspense.
 */
// biome-ignore lint/suspicious/noExplicitAny: React.lazy takes a component of any props, as this does.
export function lazyPage<M extends Record<K, ComponentType<any>>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<M[K]> {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}
