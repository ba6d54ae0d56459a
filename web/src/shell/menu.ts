import type { ReactNode } from 'react';
import type { Me } from '../api';
import type { ModuleRoute } from '../modules/types';

export interface MenuEntry {
  path: string;
  label: string;
  icon?: ReactNode;
}
export interface MenuGroup {
  group: string;
  entries: MenuEntry[];
}

/**
 * The side menu: every route with a `menu`, kept when `visible(me)` allows it, grouped by `group` in the
 * order groups first appear in the registry. Groups left empty disappear.
 */
export function buildMenu(routes: ModuleRoute[], me: Me): MenuGroup[] {
  const groups = new Map<string, MenuEntry[]>();
  for (const r of routes) {
    if (!r.menu) continue;
    if (r.menu.visible && !r.menu.visible(me)) continue;
    const list = groups.get(r.menu.group) ?? [];
    list.push({ path: r.path, label: r.menu.label, icon: r.menu.icon });
    groups.set(r.menu.group, list);
  }
  return [...groups].map(([group, entries]) => ({ group, entries }));
}

/** The menu entry to highlight: the longest entry path that `pathname` equals or lies under. */
export function selectedPath(pathname: string, paths: string[]): string | null {
  let best: string | null = null;
  for (const p of paths) {
    const under = p === '/' ? pathname === '/' : pathname === p || pathname.startsWith(`${p}/`);
    if (under && (best === null || p.length > best.length)) best = p;
  }
  return best;
}
