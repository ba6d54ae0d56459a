import { SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import { hasPermission, lazyPage, type ModuleRoute } from '../types';

const AccessPage = lazyPage(() => import('./AccessPage'), 'AccessPage');
const RoleHoldersPage = lazyPage(() => import('./RoleHoldersPage'), 'RoleHoldersPage');

export const routes: ModuleRoute[] = [
  {
    path: '/access',
    element: <AccessPage />,
    menu: {
      label: '角色与权限',
      icon: <SafetyCertificateOutlined />,
      group: '系统',
      // Those who hand out roles or oversee them; plain members have nothing to manage here.
      visible: (me) => hasPermission(me, 'grants.manage') || hasPermission(me, 'audit.view'),
    },
  },
  {
    path: '/access/holders',
    element: <RoleHoldersPage />,
    menu: {
      label: '角色持有人',
      icon: <TeamOutlined />,
      group: '系统',
      visible: (me) => hasPermission(me, 'grants.manage') || hasPermission(me, 'audit.view'),
    },
  },
];
