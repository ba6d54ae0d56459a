import { AimOutlined, ApartmentOutlined, BarChartOutlined, ShopOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { hasPermission, type ModuleRoute } from '../types';
import { GridPage } from './GridPage';
import { OrgTreePage } from './OrgTreePage';
import { PartnersPage } from './PartnersPage';

// ECharts is large: the staffing page (its only user here) loads it on first visit.
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
