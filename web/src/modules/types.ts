import type { ReactNode } from 'react';
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
}

/** True when the person holds `permission` somewhere (their scope for it is not empty). */
export const hasPermission = (me: Me, permission: string) =>
  me.isSystemAdmin || (me.scopes[permission]?.length ?? 0) > 0;
