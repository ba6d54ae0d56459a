import { AimOutlined, ApartmentOutlined, BarChartOutlined, ShopOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { hasPermission, lazyPage, type ModuleRoute } from '../types';

// Pages load on first visit; ECharts comes only with the staffing page (its only user here).
const OrgTreePage = lazyPage(() => import('./OrgTreePage'), 'OrgTreePage');
const PartnersPage = lazyPage(() => import('./PartnersPage'), 'PartnersPage');
const GridPage = lazyPage(() => import('./GridPage'), 'GridPage');
const StaffingPage = lazy(() => import('./StaffingPage'));
const GROUP = '组织与人员';

export const routes: ModuleRoute[] = [
  {
    path: '/org',
    element: <OrgTreePage />,
    menu: {
      label: '组织架构',
      icon: <ApartmentOutlined />,
      group: GROUP,
      visible: (me) => hasPermission(me, 'org.view'),
    },
  },
  {
    path: '/org/partners',
    element: <PartnersPage />,
    menu: { label: '共建单位', icon: <ShopOutlined />, group: GROUP, visible: (me) => hasPermission(me, 'org.view') },
  },
  {
    path: '/org/grid',
    element: <GridPage />,
    menu: { label: '网格覆盖', icon: <AimOutlined />, group: GROUP, visible: (me) => hasPermission(me, 'report.view') },
  },
  {
    path: '/org/staffing',
    element: <StaffingPage />,
    menu: {
      label: '专职配备',
      icon: <BarChartOutlined />,
      group: GROUP,
      visible: (me) => hasPermission(me, 'report.view'),
    },
  },
];
