import type { Me } from '../api';
import type { MenuEntry, MenuGroup } from './menu';

/**
 * What each role usually opens first: menu paths (an entry matches when its path equals or lies under one)
 * and whole menu groups of other modules. Only entries the person can see are ever offered.
 */
const ROLE_LINKS: Record<string, { paths?: string[]; groups?: string[] }> = {
  committee_admin: { paths: ['/org/staffing', '/org/grid', '/org', '/audit'] },
  org_dept: { paths: ['/org', '/people', '/org/grid', '/org/staffing', '/access', '/audit'] },
  general_branch_secretary: { paths: ['/org', '/people', '/org/grid', '/access'] },
  branch_secretary: { paths: ['/people', '/org/grid', '/audit'], groups: ['服务需求'] },
  local_coop: { paths: ['/org/partners'], groups: ['服务需求'] },
  student_affairs: { groups: ['服务需求', '志愿服务'] },
  union: { groups: ['服务需求'] },
  publicity: { groups: ['志愿服务'] },
  hr: { paths: ['/org/staffing'] },
  member: { groups: ['志愿服务', '服务需求'] },
};

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

export function quickLinks(me: Me, groups: MenuGroup[], max = 8): MenuEntry[] {
  const all = groups.flatMap((g) => g.entries.map((e) => ({ ...e, group: g.group }))).filter((e) => e.path !== '/');
  const picked: MenuEntry[] = [];
  const add = (e: MenuEntry) => {
    if (!picked.some((p) => p.path === e.path)) picked.push({ path: e.path, label: e.label, icon: e.icon });
  };
  for (const role of new Set(me.roles.map((r) => r.role))) {
    const links = ROLE_LINKS[role];
    if (!links) continue;
    for (const prefix of links.paths ?? []) for (const e of all) if (under(e.path, prefix)) add(e);
    for (const group of links.groups ?? []) for (const e of all) if (e.group === group) add(e);
  }
  // No role, or nothing matched: every page the person can open is a fair start.
  if (picked.length === 0) for (const e of all) add(e);
  return picked.slice(0, max);
}
