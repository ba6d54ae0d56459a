import { describe, expect, it } from 'vitest';
import type { ModuleRoute } from '../modules/types';
import { hasPermission } from '../modules/types';
import { makeMe } from '../test/fixtures';
import { safeNext } from './LoginPage';
import { buildMenu, selectedPath } from './menu';
import { quickLinks } from './quick-links';

const routes: ModuleRoute[] = [
  { path: '/', element: null, menu: { label: '首页', group: '' } },
  {
    path: '/org',
    element: null,
    menu: { label: '组织架构', group: '组织与人员', visible: (me) => hasPermission(me, 'org.view') },
  },
  { path: '/org/:id', element: null },
  { path: '/demands', element: null, menu: { label: '需求', group: '服务需求' } },
  {
    path: '/org/grid',
    element: null,
    menu: { label: '网格覆盖', group: '组织与人员', visible: (me) => hasPermission(me, 'report.view') },
  },
  {
    path: '/audit',
    element: null,
    menu: { label: '审计日志', group: '系统', visible: (me) => hasPermission(me, 'audit.view') },
  },
  { path: '/board', element: null, public: true },
];

describe('buildMenu', () => {
  it('groups entries in registry order and drops what the person may not see', () => {
    const menu = buildMenu(routes, makeMe({ permissions: ['org.view'] }));
    expect(menu.map((g) => g.group)).toEqual(['', '组织与人员', '服务需求']);
    expect(menu[1].entries.map((e) => e.path)).toEqual(['/org']);
  });
  it('keeps a group together even when its entries are apart in the list', () => {
    const menu = buildMenu(routes, makeMe({ permissions: ['org.view', 'report.view', 'audit.view'] }));
    expect(menu.map((g) => [g.group, g.entries.map((e) => e.path)])).toEqual([
      ['', ['/']],
      ['组织与人员', ['/org', '/org/grid']],
      ['服务需求', ['/demands']],
      ['系统', ['/audit']],
    ]);
  });
  it('shows a system administrator everything guarded by a permission', () => {
    const admin = { ...makeMe(), isSystemAdmin: true };
    expect(buildMenu(routes, admin).flatMap((g) => g.entries)).toHaveLength(5);
  });
});

describe('selectedPath', () => {
  const paths = ['/', '/org', '/org/grid', '/audit'];
  it.each([
    ['/', '/'],
    ['/org', '/org'],
    ['/org/grid', '/org/grid'],
    ['/org/12', '/org'],
    ['/organization', null],
    ['/audit/5', '/audit'],
    ['/nowhere', null],
  ])('%s → %s', (pathname, expected) => {
    expect(selectedPath(pathname, paths)).toBe(expected);
  });
});

describe('quickLinks', () => {
  const groups = buildMenu(routes, makeMe({ permissions: ['org.view', 'report.view', 'audit.view'] }));
  it('offers a branch secretary their usual pages first, only among those they can open', () => {
    const me = makeMe({ roles: [{ role: 'branch_secretary' }] });
    expect(quickLinks(me, groups).map((l) => l.path)).toEqual(['/org/grid', '/audit', '/demands']);
  });
  it('falls back to every page for someone without roles, never the home page itself', () => {
    expect(quickLinks(makeMe(), groups).map((l) => l.path)).toEqual(['/org', '/org/grid', '/demands', '/audit']);
  });
});

describe('safeNext', () => {
  it.each([
    ['/org?unit=3', '/org?unit=3'],
    [null, '/'],
    ['', '/'],
    ['https://evil.example', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['/login?next=/x', '/'],
  ])('%s → %s', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});
