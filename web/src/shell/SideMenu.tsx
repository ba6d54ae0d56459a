import { HomeOutlined } from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { useMemo } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useLabel } from '../i18n';
import { useSession } from '../session';
import { buildMenu, selectedPath } from './menu';
import { ALL_ROUTES } from './routes';

/** The side menu (or the drawer's menu on phones), built from every module's `routes[].menu`. */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { me } = useSession();
  const label = useLabel();
  const location = useLocation();
  const navigate = useNavigate();
  const groups = useMemo(() => buildMenu(ALL_ROUTES, me), [me]);

  type Items = NonNullable<MenuProps['items']>;
  const items: Items = groups.flatMap(({ group, entries }): Items => {
    const leaves = entries.map((e) => ({
      key: e.path,
      icon: e.path === '/' ? <HomeOutlined /> : e.icon,
      label: label(e.label),
    }));
    // Entries without a group (the home page) sit at the top level.
    return group ? [{ type: 'group' as const, key: `group:${group}`, label: label(group), children: leaves }] : leaves;
  });
  const selected = selectedPath(
    location.pathname,
    groups.flatMap((g) => g.entries.map((e) => e.path)),
  );

  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
      data-testid="side-menu"
    />
  );
}
